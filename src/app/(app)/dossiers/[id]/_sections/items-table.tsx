// The dossier's items with the evidence the app assembled for each (aggregate vote results only).
import { ActionForm, SubmitButton, TextAreaField } from "@/components/form";
import { RevokeAwardForm } from "@/components/revoke-award-form";
import { Badge, DataTable, cellClass } from "@/components/ui";
import { COMMENDATION_FORMS, isCommendationForm, ITEM_STATUSES, reportEvidenceText, voteEvidenceText, type ItemEvidence, type ItemStatus } from "@/domain/awards";
import { formatDate } from "@/lib/format";
import type { DossierDetail } from "@/server/queries/dossiers";
import { objectAction, removeItemAction, revokeAwardAction } from "../../actions";

export const itemLabel = (i: DossierDetail["items"][number]) =>
  `${i.title?.name ?? (i.commendationForm && isCommendationForm(i.commendationForm) ? COMMENDATION_FORMS[i.commendationForm].label : "")} — ${i.officer ? `${i.officer.rank} ${i.officer.fullName} (${i.unit.name})` : i.unit.name}`;

function Evidence({ e }: { e: ItemEvidence }) {
  return (
    <ul className="list-disc space-y-1 pl-4 text-sm text-slate-700">
      {e.vote && (
        <li>
          <span className="font-medium">{e.vote.roundTitle}:</span> {voteEvidenceText(e.vote)}
        </li>
      )}
      {reportEvidenceText(e.report) && <li>{reportEvidenceText(e.report)}</li>}
      {e.eligibility && (
        <li>
          Điều kiện tại ngày {formatDate(e.eligibility.asOf)}: {e.eligibility.status === "ELIGIBLE" ? "đủ điều kiện" : "chưa đủ điều kiện"}
          <ul className="list-[circle] pl-4">
            {e.eligibility.reasons.map((r, i) => (
              <li key={i} className={r.ok ? "" : "text-red-700"}>
                {r.message}
                {r.basis && <span className="block text-slate-500">Căn cứ: {r.basis}</span>}
              </li>
            ))}
          </ul>
        </li>
      )}
    </ul>
  );
}

export function ItemsTable({ d, editable, objecting }: { d: DossierDetail; editable: boolean; objecting: boolean }) {
  // The Ministry office revokes (thu hồi) what an approved item became, here where it was decided.
  return (
    <DataTable caption="Danh sách đề nghị" headers={["Đề nghị", "Căn cứ", "Trạng thái", ""]} testId="dossier-items">
      {d.items.map((i) => (
        <tr key={i.id}>
          <td className={cellClass}>{itemLabel(i)}</td>
          <td className={cellClass}>
            <Evidence e={i.evidence} />
          </td>
          <td className={cellClass}>
            <Badge tone={i.status === "APPROVED" ? "green" : i.status === "PROPOSED" ? "blue" : "slate"}>{ITEM_STATUSES[i.status as ItemStatus]}</Badge>
            {i.decision && <div className="mt-1 text-xs text-slate-600">QĐ số {i.decision.number}</div>}
            {i.award?.revokedAt && (
              <div className="mt-1">
                <Badge tone="red">Đã thu hồi</Badge>
                <span className="mt-1 block text-xs text-slate-600">
                  QĐ số {i.award.revokeDecisionNo}, ngày {formatDate(i.award.revokedAt)}: {i.award.revokeReason}
                </span>
              </div>
            )}
          </td>
          <td className={cellClass}>
            {editable && i.status === "PROPOSED" && (
              <ActionForm action={removeItemAction}>
                <input type="hidden" name="pageDossierId" value={d.id} />
                <input type="hidden" name="itemId" value={i.id} />
                <SubmitButton variant="danger" confirm="Bỏ đề nghị này khỏi hồ sơ?">
                  Bỏ
                </SubmitButton>
              </ActionForm>
            )}
            {objecting && i.status === "PROPOSED" && (
              <ActionForm action={objectAction} resetOnSuccess aria-label={`Ý kiến về ${itemLabel(i)}`} className="space-y-2">
                <input type="hidden" name="pageDossierId" value={d.id} />
                <input type="hidden" name="itemId" value={i.id} />
                <TextAreaField name="reason" label="Ý kiến của đơn vị" rows={2} />
                <input type="file" name="file" accept=".pdf,.png,.jpg,.jpeg" aria-label="Tài liệu kèm theo (không bắt buộc)" className="text-sm" />
                <SubmitButton variant="secondary">Gửi ý kiến</SubmitButton>
              </ActionForm>
            )}
            {d.can.revoke && i.award && (
              <RevokeAwardForm
                action={revokeAwardAction}
                kind={i.award.kind}
                id={i.award.id}
                revoked={i.award.revokedAt !== null}
                what={itemLabel(i)}
                confirm={`Thu hồi ${itemLabel(i)} (Quyết định số ${i.decision?.number})? Danh hiệu, khen thưởng được giữ lại và đánh dấu đã thu hồi, không còn được tính cho các năm sau; không thể hoàn tác.`}
                button="Thu hồi"
              >
                <input type="hidden" name="pageDossierId" value={d.id} />
              </RevokeAwardForm>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
