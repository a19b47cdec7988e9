import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/components/form";
import { Card, LinkButton, PageHeader } from "@/components/ui";
import { pointsInputValue } from "@/domain/scoring/points";
import { formatFigure } from "@/domain/scoring/report-form";
import { criterionLabel } from "@/domain/scoring/table";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { crossSheet } from "@/server/queries/scoring";
import { saveCrossScoresAction, submitCrossScoresAction } from "../../actions";
import { avg, Notice, pts, RoundBadge, SectionRow } from "../../ui";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Phiếu chấm chéo" };

async function CrossSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const data = await crossSheet(actor, id);
  const { table, report, assignment } = data;
  const closed = data.roundState !== "OPEN";
  const finalised = data.roundState === "FINALISED";
  const th = "border border-slate-300 px-2 py-1 text-center align-middle font-semibold";
  const td = "border border-slate-300 px-2 py-1 align-top";

  return (
    <div className="space-y-4">
      <PageHeader
        title={`Phiếu chấm chéo: ${report.unitName}`}
        description={
          <>
            Năm thi đua {data.year.year} · Đơn vị chấm: {data.scorerUnit.name} · <RoundBadge state={data.roundState} />
          </>
        }
        actions={
          <LinkButton href="/reports/cross" variant="secondary">
            ← Danh sách phiếu chấm
          </LinkButton>
        }
      />
      {assignment.submittedAt && (
        <Notice tone="green" title={`Đã nộp phiếu chấm lúc ${formatDateTime(assignment.submittedAt)}${assignment.submittedByName ? ` (${assignment.submittedByName})` : ""}.`} />
      )}
      {!closed && <p className="text-sm text-slate-600">Điểm của các đơn vị chấm khác được giữ kín cho đến khi Thư ký Cụm đóng vòng chấm chéo. Để trống điểm thưởng, điểm trừ nếu không có (tính 0 điểm).</p>}

      <ActionForm action={saveCrossScoresAction} aria-label="Phiếu chấm chéo" className="space-y-4">
        <input type="hidden" name="assignmentId" value={assignment.id} />
        <input type="hidden" name="version" value={assignment.draftVersion} />
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm" data-testid="cross-sheet">
            <caption className="sr-only">Tự chấm của đơn vị và điểm chấm chéo theo tiêu chí</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>TT</th>
                <th scope="col" className={`${th} text-left`}>Tiêu chí</th>
                <th scope="col" className={th}>Tối đa</th>
                <th scope="col" className={th}>Đơn vị tự chấm</th>
                <th scope="col" className={`${th} text-left`}>Giải trình, minh chứng</th>
                <th scope="col" className={th}>Điểm chấm chéo</th>
                <th scope="col" className={`${th} text-left`}>Nhận xét</th>
                {closed && <th scope="col" className={th}>TB các đơn vị chấm</th>}
                {finalised && <th scope="col" className={th}>Điểm cuối cùng</th>}
              </tr>
            </thead>
            <tbody>
              {table.sections.map((section) => [
                <SectionRow key={section.id} table={table} section={section} td={td} span={6 + (closed ? 1 : 0) + (finalised ? 1 : 0)} withMax />,
                ...section.criteria.map((c) => {
                  const label = criterionLabel(table, c.id);
                  const files = report.evidence.filter((e) => e.criterionId === c.id);
                  return (
                    <tr key={c.id}>
                      <td className={`${td} font-mono`}>{label}</td>
                      <td className={td}>{c.title}</td>
                      <td className={`${td} text-right`}>{pts(c.maxHalf)}</td>
                      <td className={`${td} text-right`}>{pts(data.self[c.id]?.half)}</td>
                      <td className={`${td} text-xs`}>
                        <p className="whitespace-pre-line">{data.self[c.id]?.explanation || "—"}</p>
                        {files.map((f) => (
                          <a key={f.id} href={`/reports/evidence/${f.id}`} className="block text-brand-700 underline">
                            {f.fileName}
                          </a>
                        ))}
                      </td>
                      <td className={`${td} w-24`}>
                        {data.canScore ? (
                          <input
                            name={`score.${c.id}`}
                            defaultValue={pointsInputValue(data.own[c.id]?.half)}
                            inputMode="decimal"
                            autoComplete="off"
                            aria-label={`Điểm chấm chéo ${label}`}
                            className="w-20 rounded border border-slate-300 px-2 py-1 text-right text-sm"
                          />
                        ) : (
                          <span className="block text-right font-semibold">{pts(data.own[c.id]?.half)}</span>
                        )}
                      </td>
                      <td className={`${td} min-w-40`}>
                        {data.canScore ? (
                          <input name={`note.${c.id}`} defaultValue={data.own[c.id]?.note ?? ""} maxLength={1000} aria-label={`Nhận xét ${label}`} className="w-full rounded border border-slate-300 px-2 py-1 text-sm" />
                        ) : (
                          <span className="text-xs">{data.own[c.id]?.note}</span>
                        )}
                      </td>
                      {closed && <td className={`${td} text-right`}>{avg(data.averages[c.id])}</td>}
                      {finalised && <td className={`${td} text-right`}>{pts(data.finals[c.id])}</td>}
                    </tr>
                  );
                }),
              ])}
              <tr className="bg-slate-50 font-semibold">
                <td className={td} />
                <td className={td}>Tổng điểm</td>
                <td className={`${td} text-right`}>{pts(table.totalHalf)}</td>
                <td className={`${td} text-right`}>{pts(data.selfTotals.totalHalf)}</td>
                <td className={td} />
                <td className={`${td} text-right`} data-testid="cross-total">{pts(data.ownTotals.totalHalf)}</td>
                <td className={td} colSpan={1 + (closed ? 1 : 0) + (finalised ? 1 : 0)} />
              </tr>
            </tbody>
          </table>
        </div>
        {data.canScore && <SubmitButton variant="secondary">Lưu phiếu chấm</SubmitButton>}
      </ActionForm>

      {data.canScore && (
        <Card title="Nộp phiếu chấm">
          <p className="mb-3 text-sm text-slate-600">Lưu phiếu trước khi nộp. Sau khi nộp, đơn vị không thể sửa điểm đã chấm.</p>
          <ActionForm action={submitCrossScoresAction} aria-label="Nộp phiếu chấm">
            <input type="hidden" name="assignmentId" value={assignment.id} />
            <input type="hidden" name="version" value={assignment.draftVersion} />
            <SubmitButton confirm={`Nộp phiếu chấm báo cáo của ${report.unitName}? Sau khi nộp không thể sửa.`}>Nộp phiếu chấm</SubmitButton>
          </ActionForm>
        </Card>
      )}

      <Card title="Số liệu chủ yếu và báo cáo thuyết minh của đơn vị">
        {table.keyFigures.length > 0 && (
          <dl className="mb-4 grid gap-2 text-sm sm:grid-cols-2">
            {table.keyFigures.map((f) => (
              <div key={f.id}>
                <dt className="text-slate-500">{f.label}</dt>
                <dd className="font-medium">{report.figures[f.id] ? `${formatFigure(report.figures[f.id])} ${f.unitLabel}` : "—"}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className="whitespace-pre-line text-sm leading-relaxed">{report.narrative || "—"}</p>
      </Card>
    </div>
  );
}

export default pageOr404(CrossSheetPage);
