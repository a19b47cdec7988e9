import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/components/form";
import { Badge, LinkButton, PageHeader } from "@/components/ui";
import { criterionLabel } from "@/domain/scoring/table";
import { pointsInputValue } from "@/domain/scoring/points";
import { requireActor } from "@/server/auth/current";
import { finalScoresOf } from "@/server/queries/scoring";
import { setFinalScoresAction } from "../../actions";
import { avg, Notice, pts, RoundBadge, SectionRow } from "../../ui";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thống nhất điểm" };

async function FinalScoresPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const data = await finalScoresOf(actor, id);
  const { table, scorers, rows, round } = data;
  const open = round.state === "OPEN";
  const th = "border border-slate-300 px-2 py-1 text-center align-middle font-semibold";
  const td = "border border-slate-300 px-2 py-1 align-top";
  const big = rows.filter((r) => r.differences.big).length;

  return (
    <div className="space-y-4">
      <PageHeader
        title={`Thống nhất điểm: ${data.report.unitName}`}
        description={
          <>
            Năm thi đua {data.year.year} · <RoundBadge state={round.state} />
          </>
        }
        actions={
          <>
            <LinkButton href={`/reports/scoring/${data.year.id}`} variant="secondary">
              ← Chấm chéo
            </LinkButton>
            <LinkButton href={`/reports/${data.report.id}`} variant="secondary">
              Xem báo cáo
            </LinkButton>
          </>
        }
      />
      {open ? (
        <Notice tone="blue" title="Vòng chấm chéo đang mở.">
          Điểm chấm chéo được giữ kín cho đến khi đóng vòng; khi đó Thư ký Cụm thống nhất điểm cuối cùng tại đây.
        </Notice>
      ) : (
        <p className="text-sm text-slate-600">
          Điểm tự chấm, điểm của từng đơn vị chấm chéo và điểm trung bình đặt cạnh nhau. Dòng tô vàng có chênh lệch lớn (từ {round.differencePercent}% điểm tối đa của
          tiêu chí, ít nhất 0,5 điểm){big ? `: ${big} tiêu chí` : ""}. Điểm đề xuất là trung bình chấm chéo làm tròn đến 0,5 điểm (trường hợp đúng giữa thì làm tròn xuống).
        </p>
      )}
      <ActionForm action={setFinalScoresAction} aria-label="Điểm cuối cùng" className="space-y-4">
        <input type="hidden" name="reportId" value={data.report.id} />
        <input type="hidden" name="yearId" value={data.year.id} />
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm" data-testid="final-scores">
            <caption className="sr-only">Điểm tự chấm, chấm chéo và điểm cuối cùng theo tiêu chí</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>TT</th>
                <th scope="col" className={`${th} text-left`}>Tiêu chí</th>
                <th scope="col" className={th}>Tối đa</th>
                <th scope="col" className={th}>Tự chấm</th>
                {scorers.map((s) => (
                  <th key={s.unitId} scope="col" className={th}>
                    {s.name}
                    {!s.submitted && <div className="text-xs font-normal text-amber-700">(chưa nộp)</div>}
                  </th>
                ))}
                <th scope="col" className={th}>TB chấm chéo</th>
                <th scope="col" className={th}>Đề xuất</th>
                <th scope="col" className={th}>Điểm cuối cùng</th>
                <th scope="col" className={`${th} text-left`}>Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {table.sections.map((section) => [
                <SectionRow key={section.id} table={table} section={section} td={td} span={3 + scorers.length + 5} />,
                ...rows
                  .filter((r) => r.sectionId === section.id)
                  .map((r) => {
                    const label = criterionLabel(table, r.criterionId);
                    return (
                      <tr key={r.criterionId} className={r.differences.big ? "bg-amber-50" : undefined} data-big-difference={r.differences.big || undefined}>
                        <td className={`${td} font-mono`}>{label}</td>
                        <td className={td}>
                          {r.title}
                          {r.differences.big && (
                            <span className="ml-1">
                              <Badge tone="amber">Chênh lệch lớn</Badge>
                            </span>
                          )}
                          {r.explanation && <details className="mt-1 text-xs text-slate-600"><summary className="cursor-pointer">Giải trình của đơn vị</summary><p className="whitespace-pre-line">{r.explanation}</p></details>}
                        </td>
                        <td className={`${td} text-right`}>{pts(r.maxHalf)}</td>
                        <td className={`${td} text-right`}>{pts(r.selfHalf)}</td>
                        {scorers.map((s) => (
                          <td key={s.unitId} className={`${td} text-right`} title={r.cross[s.unitId]?.note ?? undefined}>
                            {pts(r.cross[s.unitId]?.half)}
                          </td>
                        ))}
                        <td className={`${td} text-right`}>{avg(r.averageHalf)}</td>
                        <td className={`${td} text-right`}>{pts(r.suggestedHalf)}</td>
                        <td className={`${td} w-24`}>
                          {data.canEdit ? (
                            <input
                              name={`final.${r.criterionId}`}
                              defaultValue={pointsInputValue(r.finalHalf)}
                              placeholder={pointsInputValue(r.suggestedHalf)}
                              inputMode="decimal"
                              autoComplete="off"
                              aria-label={`Điểm cuối cùng ${label}`}
                              className="w-20 rounded border border-slate-300 px-2 py-1 text-right text-sm"
                            />
                          ) : (
                            <span className="block text-right font-semibold">{pts(r.finalHalf)}</span>
                          )}
                        </td>
                        <td className={`${td} min-w-40`}>
                          {data.canEdit ? (
                            <input
                              name={`finalNote.${r.criterionId}`}
                              defaultValue={r.finalNote ?? ""}
                              maxLength={1000}
                              aria-label={`Ghi chú ${label}`}
                              className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
                            />
                          ) : (
                            <span className="text-xs">{r.finalNote}</span>
                          )}
                        </td>
                      </tr>
                    );
                  }),
              ])}
              <tr className="bg-slate-50 font-semibold">
                <td className={td} />
                <td className={td}>Tổng điểm</td>
                <td className={`${td} text-right`}>{pts(table.totalHalf)}</td>
                <td className={`${td} text-right`}>{pts(data.totals.self.totalHalf)}</td>
                {scorers.map((s) => (
                  <td key={s.unitId} className={`${td} text-right`}>
                    {pts(data.totals.scorers.find((x) => x.unitId === s.unitId)?.totals.totalHalf)}
                  </td>
                ))}
                <td className={`${td} text-right`}>{avg(data.totals.crossAverageHalf)}</td>
                <td className={td} />
                <td className={`${td} text-right`} data-testid="final-total">{pts(data.totals.final.totalHalf)}</td>
                <td className={td} />
              </tr>
            </tbody>
          </table>
        </div>
        {data.canEdit && <SubmitButton>Lưu điểm cuối cùng</SubmitButton>}
      </ActionForm>
    </div>
  );
}

export default pageOr404(FinalScoresPage);
