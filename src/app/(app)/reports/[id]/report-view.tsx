// A report as read (not edited): criteria with self-scores and explanations (and final scores once the
// year's scoring is finalised), evidence links, key figures and the narrative. Used by the report page,
// its print page and (through the same data) the Word document. Server component.
import { formatFigure } from "@/domain/scoring/report-form";
import { criterionLabel, sectionLabel, SECTION_KIND_LABELS } from "@/domain/scoring/table";
import type { ReportPageData } from "@/server/queries/reports";
import { pts } from "../ui";

export function ReportView({ data, print = false }: { data: ReportPageData; print?: boolean }) {
  const { form, scores, figures, evidence } = data;
  const showFinal = data.can.seeFinal && !!data.finalTotals;
  const th = "border border-slate-300 px-2 py-1 text-left align-top font-semibold";
  const td = "border border-slate-300 px-2 py-1 align-top";
  return (
    <div className="space-y-6">
      <table className="w-full border-collapse bg-white text-sm" data-testid="report-scores">
        <caption className="sr-only">Bảng tự chấm điểm</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} w-14`}>TT</th>
            <th scope="col" className={th}>Tiêu chí</th>
            <th scope="col" className={`${th} w-16 text-right`}>Tối đa</th>
            <th scope="col" className={`${th} w-20 text-right`}>Tự chấm</th>
            {showFinal && <th scope="col" className={`${th} w-20 text-right`}>Điểm cuối cùng</th>}
            <th scope="col" className={th}>Giải trình</th>
          </tr>
        </thead>
        <tbody>
          {form.sections.map((section) => {
            const t = data.selfTotals.sections.find((x) => x.sectionId === section.id)!;
            const f = data.finalTotals?.sections.find((x) => x.sectionId === section.id);
            return [
              <tr key={section.id} className="bg-slate-100 font-semibold">
                <td className={td}>{section.kind === "SCORED" ? sectionLabel(form, section.id) : ""}</td>
                <td className={td}>{section.kind === "SCORED" ? section.title : `${SECTION_KIND_LABELS[section.kind]} (mức trần ${pts(section.maxHalf)} điểm)`}</td>
                <td className={`${td} text-right`}>{pts(section.maxHalf)}</td>
                <td className={`${td} text-right`}>{pts(t.countedHalf)}</td>
                {showFinal && <td className={`${td} text-right`}>{pts(f?.countedHalf)}</td>}
                <td className={td} />
              </tr>,
              ...section.criteria.map((c) => {
                const label = criterionLabel(form, c.id);
                const s = scores[c.id];
                const files = evidence.filter((e) => e.criterionId === c.id);
                return (
                  <tr key={c.id}>
                    <td className={`${td} font-mono`}>{label}</td>
                    <td className={td}>
                      {c.title}
                      {c.evidenceRequired && !print && <span className="ml-1 text-xs text-amber-700">(cần minh chứng)</span>}
                    </td>
                    <td className={`${td} text-right`}>{pts(c.maxHalf)}</td>
                    <td className={`${td} text-right`}>{pts(s?.selfHalf)}</td>
                    {showFinal && <td className={`${td} text-right`}>{pts(s?.finalHalf)}</td>}
                    <td className={td}>
                      <p className="whitespace-pre-line">{s?.explanation || <span className="text-slate-500">—</span>}</p>
                      {files.length > 0 && (
                        <ul className="mt-1 text-xs">
                          {files.map((f) => (
                            <li key={f.id}>
                              Minh chứng:{" "}
                              {print ? (
                                f.fileName
                              ) : (
                                <a href={`/reports/evidence/${f.id}`} className="text-brand-700 underline">
                                  {f.fileName}
                                </a>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                      {showFinal && s?.finalNote && <p className="mt-1 text-xs text-slate-600">Ghi chú của Thư ký Cụm: {s.finalNote}</p>}
                    </td>
                  </tr>
                );
              }),
            ];
          })}
          <tr className="font-semibold">
            <td className={td} />
            <td className={td}>Tổng điểm (điểm các mục + điểm thưởng − điểm trừ)</td>
            <td className={`${td} text-right`}>{pts(form.totalHalf)}</td>
            <td className={`${td} text-right`} data-testid="self-total">{pts(data.selfTotals.totalHalf)}</td>
            {showFinal && <td className={`${td} text-right`} data-testid="final-total">{pts(data.finalTotals!.totalHalf)}</td>}
            <td className={td}>{showFinal && data.report.finalRank ? `Xếp hạng ${data.report.finalRank} trong Cụm` : ""}</td>
          </tr>
        </tbody>
      </table>

      {form.keyFigures.length > 0 && (
        <section>
          <h2 className="mb-2 text-lg font-semibold">Số liệu chủ yếu</h2>
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Số liệu chủ yếu</caption>
            <tbody>
              {form.keyFigures.map((f) => (
                <tr key={f.id}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    {f.label}
                    {data.linkedFigures[f.id] && <span className="block text-xs text-slate-500">Theo số liệu {data.linkedFigures[f.id]!.movementName}</span>}
                  </th>
                  <td className={`${td} w-48 text-right`}>{figures[f.id] ? `${formatFigure(figures[f.id])} ${f.unitLabel}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section>
        <h2 className="mb-2 text-lg font-semibold">Báo cáo thuyết minh</h2>
        <div className="whitespace-pre-line rounded border border-slate-200 bg-white p-4 text-sm leading-relaxed">{data.report.narrative || "—"}</div>
      </section>
    </div>
  );
}
