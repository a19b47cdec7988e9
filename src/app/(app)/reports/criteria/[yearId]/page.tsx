import type { Metadata } from "next";
import { LinkButton, PageHeader } from "@/components/ui";
import { criterionLabel, maxReachableHalf } from "@/domain/scoring/table";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { criteriaForReading } from "@/server/queries/reports";
import { PrintButton } from "@/components/print-button";
import { pts, SectionRow } from "../../ui";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Bảng tiêu chí" };

async function CriteriaReadPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await requireActor();
  const { year, table } = await criteriaForReading(actor, yearId);
  const th = "border border-slate-300 px-2 py-1 text-left font-semibold";
  const td = "border border-slate-300 px-2 py-1 align-top";
  return (
    <div className="space-y-4">
      <PageHeader
        title={`Bảng tiêu chí chấm điểm thi đua năm ${year.year}`}
        description={`Thang điểm ${pts(table.totalHalf)}, tối đa ${pts(maxReachableHalf(table))} điểm kể cả điểm thưởng${table.publishedAt ? ` · Công bố ngày ${formatDate(table.publishedAt)}` : ""}${table.frozenAt ? ` · Phiên bản ${table.version}` : ""}`}
        actions={
          <>
            <LinkButton href={`/reports?year=${year.id}`} variant="secondary">
              ← Báo cáo
            </LinkButton>
            <PrintButton label="In bảng tiêu chí" />
          </>
        }
      />
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">Bảng tiêu chí</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={`${th} w-14`}>TT</th>
            <th scope="col" className={th}>Tiêu chí</th>
            <th scope="col" className={`${th} w-20 text-right`}>Điểm tối đa</th>
            <th scope="col" className={`${th} w-40`}>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {table.sections.map((s) => [
            <SectionRow key={s.id} table={table} section={s} td={td}>
              <td className={`${td} text-right`}>{pts(s.maxHalf)}</td>
              <td className={td} />
            </SectionRow>,
            ...s.criteria.map((c) => (
              <tr key={c.id}>
                <td className={`${td} font-mono`}>{criterionLabel(table, c.id)}</td>
                <td className={td}>
                  {c.title}
                  {c.guidance && <p className="text-xs text-slate-600">Hướng dẫn chấm: {c.guidance}</p>}
                </td>
                <td className={`${td} text-right`}>{pts(c.maxHalf)}</td>
                <td className={`${td} text-xs`}>
                  {[c.evidenceRequired && "Cần minh chứng", c.inMidyear && "Có trong sơ kết 6 tháng"].filter(Boolean).join("; ")}
                </td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      {table.keyFigures.length > 0 && (
        <section>
          <h2 className="mb-2 text-lg font-semibold">Số liệu chủ yếu</h2>
          <ol className="list-decimal pl-6 text-sm">
            {table.keyFigures.map((f) => (
              <li key={f.id}>
                {f.label} ({f.unitLabel}){f.required ? "" : " – không bắt buộc"}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

export default pageOr404(CriteriaReadPage);
