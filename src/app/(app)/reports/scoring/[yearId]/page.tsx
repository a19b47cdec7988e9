import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, CheckboxField, SubmitButton, TextField } from "@/components/form";
import { Badge, Card, cellClass, DataTable, EmptyState, LinkButton, PageHeader } from "@/components/ui";
import { TIE_BREAKS } from "@/domain/scoring/settings";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { scoringOverview } from "@/server/queries/scoring";
import {
  applySuggestedFinalsAction,
  closeScoringRoundAction,
  finaliseScoringRoundAction,
  openScoringRoundAction,
  reopenScoringRoundAction,
} from "../../actions";
import { avg, Notice, pts, RoundBadge, StatusBadge } from "../../ui";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Chấm chéo và điểm cuối cùng" };

async function ScoringPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await requireActor();
  const data = await scoringOverview(actor, yearId);
  const { year, round } = data;
  const accepted = data.candidates.filter((c) => c.status === "ACCEPTED");
  const pending = data.candidates.filter((c) => c.status === "SUBMITTED");
  const defaultK = Math.max(1, Math.min(data.settings.crossScorersPerReport, accepted.length - 1));
  const submittedSheets = data.assignments.filter((a) => a.submittedAt).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Chấm chéo và điểm cuối cùng năm ${year.year}`}
        description={`${year.clusterName}`}
        actions={
          <>
            <LinkButton href={`/reports?year=${year.id}`} variant="secondary">
              ← Báo cáo
            </LinkButton>
            <LinkButton href={`/reports/scoring/${year.id}/ranking`} variant="secondary">
              Bảng xếp hạng
            </LinkButton>
            <a href={`/reports/scoring/${year.id}/export`} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
              Tải bảng điểm (Excel)
            </a>
          </>
        }
      />
      {!year.writable && <Notice title={`Năm thi đua ${year.year} đã khóa sổ.`}>Chỉ để xem.</Notice>}

      {!round ? (
        <Card title="Mở vòng chấm chéo">
          <p className="mb-3 text-sm text-slate-600">
            Các đơn vị có báo cáo tổng kết đã được chấp nhận tham gia chấm chéo. Mỗi đơn vị chấm báo cáo của một số đơn vị khác (không chấm báo cáo của mình); mỗi
            báo cáo có cùng số đơn vị chấm. Phân công được tạo ngẫu nhiên và lưu lại để có thể kiểm tra.
          </p>
          <DataTable caption="Tình trạng báo cáo tổng kết của các đơn vị" headers={["Đơn vị", "Báo cáo tổng kết"]}>
            {data.candidates.map((c) => (
              <tr key={c.unitId}>
                <td className={cellClass}>{c.unitName}</td>
                <td className={cellClass}>
                  <StatusBadge status={c.status ?? "NONE"} />
                </td>
              </tr>
            ))}
          </DataTable>
          {pending.length > 0 && (
            <p className="mt-3 text-sm text-amber-800">Còn {pending.length} báo cáo chờ xem xét; hãy chấp nhận hoặc trả lại trước khi mở vòng chấm chéo.</p>
          )}
          {year.writable && data.tablePublished && (
            <ActionForm action={openScoringRoundAction} aria-label="Mở vòng chấm chéo" className="mt-4 flex flex-wrap items-end gap-3">
              <input type="hidden" name="yearId" value={year.id} />
              <TextField
                name="scorersPerReport"
                label="Số đơn vị chấm mỗi báo cáo"
                type="number"
                defaultValue={defaultK}
                hint={`${accepted.length} đơn vị tham gia; tối đa ${Math.max(accepted.length - 1, 0)}. Mặc định của năm: ${data.settings.crossScorersPerReport}.`}
              />
              <SubmitButton confirm={`Mở vòng chấm chéo năm ${year.year} cho ${accepted.length} đơn vị? Phân công chấm sẽ được tạo và không thay đổi được.`}>
                Mở vòng chấm chéo
              </SubmitButton>
            </ActionForm>
          )}
        </Card>
      ) : (
        <>
          <Card title="Vòng chấm chéo">
            <dl className="grid gap-3 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-500">Trạng thái</dt>
                <dd>
                  <RoundBadge state={round.state} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Mở lúc</dt>
                <dd className="font-medium">{formatDateTime(round.openedAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Mỗi báo cáo</dt>
                <dd className="font-medium">{round.scorersPerReport} đơn vị chấm</dd>
              </div>
              <div>
                <dt className="text-slate-500">Phiếu đã nộp</dt>
                <dd className="font-medium" data-testid="sheets-submitted">
                  {submittedSheets}/{data.assignments.length}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Chênh lệch cần lưu ý</dt>
                <dd className="font-medium">từ {round.differencePercent}% điểm tối đa của tiêu chí (ít nhất 0,5 điểm)</dd>
              </div>
              <div>
                <dt className="text-slate-500">Khi bằng tổng điểm</dt>
                <dd className="font-medium">{TIE_BREAKS[round.tieBreak]}</dd>
              </div>
            </dl>
            <p className="mt-3 text-xs text-slate-500">Mã phân công (seed): {round.seed}.</p>
            {year.writable && (
              <div className="no-print mt-4 flex flex-wrap items-start gap-4">
                {round.state === "OPEN" && (
                  <ActionForm action={closeScoringRoundAction} aria-label="Đóng vòng chấm chéo" className="space-y-2">
                    <input type="hidden" name="roundId" value={round.id} />
                    <input type="hidden" name="yearId" value={year.id} />
                    {submittedSheets < data.assignments.length && <CheckboxField name="force" label="Đóng vòng dù còn phiếu chưa nộp (các phiếu này không được tính)" />}
                    <SubmitButton confirm="Đóng vòng chấm chéo? Các đơn vị sẽ không thể chấm hoặc sửa điểm; điểm chấm chéo được công khai cho Thư ký Cụm để thống nhất.">
                      Đóng vòng chấm chéo
                    </SubmitButton>
                  </ActionForm>
                )}
                {round.state === "CLOSED" && (
                  <>
                    <ActionForm action={applySuggestedFinalsAction} aria-label="Điền điểm đề xuất">
                      <input type="hidden" name="roundId" value={round.id} />
                      <input type="hidden" name="yearId" value={year.id} />
                      <SubmitButton variant="secondary">Điền điểm đề xuất cho tiêu chí chưa có điểm cuối cùng</SubmitButton>
                    </ActionForm>
                    <ActionForm action={finaliseScoringRoundAction} aria-label="Chốt kết quả">
                      <input type="hidden" name="roundId" value={round.id} />
                      <input type="hidden" name="yearId" value={year.id} />
                      <SubmitButton confirm={`Chốt kết quả chấm điểm năm ${year.year}? Tổng điểm và thứ hạng được cố định; không thể hoàn tác.`}>Chốt kết quả</SubmitButton>
                    </ActionForm>
                    <ActionForm action={reopenScoringRoundAction} aria-label="Mở lại vòng chấm chéo">
                      <input type="hidden" name="roundId" value={round.id} />
                      <input type="hidden" name="yearId" value={year.id} />
                      <SubmitButton variant="secondary" confirm="Mở lại vòng chấm chéo để các đơn vị chưa nộp phiếu tiếp tục chấm?">
                        Mở lại vòng chấm chéo
                      </SubmitButton>
                    </ActionForm>
                  </>
                )}
                {round.state === "FINALISED" && <p className="text-sm text-green-800">Kết quả đã chốt lúc {formatDateTime(round.finalisedAt)}.</p>}
              </div>
            )}
          </Card>

          <Card title="Điểm các đơn vị">
            {round.state === "OPEN" && <p className="mb-3 text-sm text-slate-600">Điểm chấm chéo được giữ kín cho đến khi đóng vòng chấm chéo.</p>}
            {data.rows.length === 0 ? (
              <EmptyState title="Chưa có báo cáo nào trong vòng chấm chéo." />
            ) : (
              <div data-testid="scoring-totals">
                <DataTable caption="Tổng điểm: tự chấm, chấm chéo trung bình và điểm cuối cùng" headers={["Đơn vị", "Tự chấm", "Chấm chéo (TB)", "Điểm cuối cùng", "Chưa có điểm cuối cùng", "Chênh lệch lớn", "Hạng", ""]}>
                  {data.rows.map((r) => (
                    <tr key={r.reportId}>
                      <td className={`${cellClass} font-medium`}>{r.unitName}</td>
                      <td className={cellClass}>{pts(r.selfHalf)}</td>
                      <td className={cellClass}>{avg(r.crossAverageHalf)}</td>
                      <td className={cellClass}>{pts(r.finalHalf)}</td>
                      <td className={cellClass}>{r.missingFinal > 0 ? `${r.missingFinal} tiêu chí` : "—"}</td>
                      <td className={cellClass}>{r.bigDifferences > 0 ? <Badge tone="amber">{r.bigDifferences} tiêu chí</Badge> : "—"}</td>
                      <td className={cellClass}>{r.rank ?? "—"}</td>
                      <td className={cellClass}>
                        <Link href={`/reports/${r.reportId}/scores`} className="font-medium text-brand-700 hover:underline" aria-label={`${round.state === "CLOSED" ? "Thống nhất điểm" : "Xem điểm"} của ${r.unitName}`}>
                          {round.state === "CLOSED" ? "Thống nhất điểm" : "Xem điểm"}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </div>
            )}
          </Card>

          <Card title="Phân công chấm chéo">
            <DataTable caption="Phân công chấm chéo" headers={["Đơn vị chấm", "Báo cáo được chấm", "Phiếu chấm"]}>
              {data.assignments.map((a) => (
                <tr key={a.id}>
                  <td className={cellClass}>{a.scorerUnitName}</td>
                  <td className={cellClass}>{a.reportUnitName}</td>
                  <td className={cellClass}>
                    {a.submittedAt ? (
                      <Badge tone="green">Đã nộp {formatDateTime(a.submittedAt)}</Badge>
                    ) : a.scored > 0 ? (
                      <Badge tone="blue">
                        Đang chấm ({a.scored}/{data.criteriaCount})
                      </Badge>
                    ) : (
                      <Badge>Chưa chấm</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          </Card>
        </>
      )}
    </div>
  );
}

export default pageOr404(ScoringPage);
