import type { Metadata } from "next";
import { Badge, EmptyState, LinkButton, PageHeader } from "@/components/ui";
import { sectionLabel } from "@/domain/scoring/table";
import { TIE_BREAKS } from "@/domain/scoring/settings";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { yearRanking } from "@/server/queries/scoring";
import { PrintButton } from "@/components/print-button";
import { pts } from "../../../ui";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Bảng xếp hạng" };

async function RankingPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await requireActor();
  const data = await yearRanking(actor, yearId);
  const { year, round, table } = data;
  const scored = table?.sections.filter((s) => s.kind === "SCORED") ?? [];
  const th = "border border-slate-300 px-2 py-1 text-center align-middle font-semibold";
  const td = "border border-slate-300 px-2 py-1 align-top";

  return (
    <div className="space-y-4">
      <PageHeader
        title={`Bảng xếp hạng năm ${year.year}`}
        description={`${year.clusterName}${round?.finalisedAt ? ` · Kết quả chốt ngày ${formatDate(round.finalisedAt)}` : ""}`}
        actions={
          <>
            {data.canManage && (
              <LinkButton href={`/reports/scoring/${year.id}`} variant="secondary">
                ← Chấm chéo
              </LinkButton>
            )}
            {data.rows.length > 0 && <PrintButton label="In bảng xếp hạng" />}
          </>
        }
      />
      {data.rows.length === 0 || !table ? (
        <EmptyState title="Kết quả chấm điểm năm này chưa được chốt.">
          {data.canManage ? "Sau khi đóng vòng chấm chéo và thống nhất điểm cuối cùng, hãy chốt kết quả để có bảng xếp hạng." : "Bảng xếp hạng có khi Thư ký Cụm chốt kết quả."}
        </EmptyState>
      ) : (
        <>
          <h2 className="hidden text-center text-lg font-bold uppercase print:block">
            Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua năm {year.year} – {year.clusterName}
          </h2>
          <table className="w-full border-collapse bg-white text-sm" data-testid="ranking">
            <caption className="sr-only">Bảng xếp hạng năm {year.year}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Hạng</th>
                <th scope="col" className={`${th} text-left`}>Đơn vị</th>
                {scored.map((s) => (
                  <th key={s.id} scope="col" className={th} title={s.title}>
                    Mục {sectionLabel(table, s.id)}
                    <div className="text-xs font-normal">(tối đa {pts(s.maxHalf)})</div>
                  </th>
                ))}
                <th scope="col" className={th}>Điểm thưởng</th>
                <th scope="col" className={th}>Điểm trừ</th>
                <th scope="col" className={th}>Tổng điểm</th>
                <th scope="col" className={`${th} text-left`}>Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.unitId}>
                  <td className={`${td} text-center text-base font-semibold`}>{r.rank}</td>
                  <td className={`${td} font-medium`}>{r.unitName}</td>
                  {scored.map((s) => (
                    <td key={s.id} className={`${td} text-right`}>
                      {pts(r.sections.find((x) => x.sectionId === s.id)?.countedHalf)}
                    </td>
                  ))}
                  <td className={`${td} text-right`}>{pts(r.bonusHalf)}</td>
                  <td className={`${td} text-right`}>{penaltyText(r.sections)}</td>
                  <td className={`${td} text-right text-base font-semibold`}>{pts(r.totalHalf)}</td>
                  <td className={td}>
                    {r.shared && <Badge tone="amber">Đồng hạng</Badge>} {r.tieNote}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm text-slate-600">
            Tổng điểm = điểm các mục (thang 100) + điểm thưởng (trong mức trần) − điểm trừ (trong mức trần). Khi bằng tổng điểm: {TIE_BREAKS[round!.tieBreak].toLowerCase()}.
          </p>
          <p className="text-xs text-slate-500">In lúc {formatDateTime(new Date())}.</p>
        </>
      )}
    </div>
  );
}

function penaltyText(sections: { kind: string; countedHalf: number }[]) {
  const total = sections.filter((x) => x.kind === "PENALTY").reduce((a, x) => a + x.countedHalf, 0);
  return total > 0 ? `−${pts(total)}` : "0";
}

export default pageOr404(RankingPage);
