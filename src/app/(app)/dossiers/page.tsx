import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { Badge, DataTable, EmptyState, PageHeader, cellClass } from "@/components/ui";
import { DOSSIER_STATUSES } from "@/domain/awards";
import { roleMay } from "@/domain/permissions";
import { PHASE_LABELS, type YearPhase } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { dossierList } from "@/server/queries/dossiers";
import { pageOr404 } from "@/app/not-found-boundary";
import { buildDossierAction } from "./actions";

export const metadata: Metadata = { title: "Hồ sơ đề nghị khen thưởng" };

async function DossiersPage() {
  const actor = await requireActor();
  const { rows, canBuild, inbox } = await dossierList(actor);
  const canView = roleMay(actor, "dossier.view");
  return (
    <div className="space-y-6">
      <PageHeader
        title={inbox ? "Hồ sơ đề nghị khen thưởng của các cụm" : "Hồ sơ đề nghị khen thưởng"}
        description={
          inbox
            ? "Hồ sơ các cụm gửi Thường trực Hội đồng Thi đua – Khen thưởng Bộ: trả lại kèm lý do hoặc tiếp nhận, rồi ghi quyết định khen thưởng."
            : "Lập từ kết quả hội nghị tổng kết, công khai cho các đơn vị trong cụm, trả lời ý kiến, rồi gửi Bộ."
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={inbox ? "Chưa có hồ sơ nào được gửi lên Bộ." : "Chưa có hồ sơ đề nghị khen thưởng nào được công khai."} />
      ) : (
        <DataTable caption="Hồ sơ đề nghị khen thưởng" headers={["Năm", ...(inbox ? ["Cụm thi đua"] : []), "Giai đoạn", "Hồ sơ", "Đề nghị", ""]} testId="dossier-list">
          {rows.map((r) => (
            <tr key={r.yearId}>
              <td className={cellClass}>{r.year}</td>
              {inbox && <td className={cellClass}>{r.clusterName}</td>}
              <td className={cellClass}>{PHASE_LABELS[r.phase as YearPhase]}</td>
              <td className={cellClass}>
                {r.status ? <Badge tone={r.status === "ACCEPTED" ? "green" : r.status === "RETURNED" ? "red" : "blue"}>{DOSSIER_STATUSES[r.status]}</Badge> : "Chưa lập"}
                {r.status === "DISCLOSING" && r.disclosureEndsOn && <span className="ml-2 text-sm text-slate-600">đến hết {formatDate(r.disclosureEndsOn)}</span>}
              </td>
              <td className={cellClass}>{r.id ? r.proposed : "—"}</td>
              <td className={cellClass}>
                {canView && (
                  <span className="mr-4 inline-flex gap-4">
                    <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/dossiers/register?year=${r.year}`}>
                      Sổ quyết định {r.year}
                    </a>
                    <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/dossiers/statistics?year=${r.year}`}>
                      Thống kê {r.year}
                    </a>
                  </span>
                )}
                {r.id ? (
                  <Link className="text-brand-700 underline" href={`/dossiers/${r.id}`}>
                    Xem hồ sơ
                  </Link>
                ) : canBuild && (r.phase === "CONFERENCE" || r.phase === "RESULTS") ? (
                  <ActionForm action={buildDossierAction} className="flex items-end gap-2">
                    <input type="hidden" name="yearId" value={r.yearId} />
                    <TextField name="memoNo" label="Số tờ trình" />
                    <SubmitButton>Lập hồ sơ từ kết quả hội nghị</SubmitButton>
                  </ActionForm>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export default pageOr404(DossiersPage);
