import Link from "next/link";
import { Badge, Card, DataTable, EmptyState } from "@/components/ui";
import { RANKING_BASIS_LABELS, reportStatusLabel } from "@/domain/dashboard";
import { formatPoints } from "@/domain/scoring/points";
import type { DashboardWithYear } from "@/server/queries/dashboard";
import { ChangeCell, RoleBadge, titleName, Withheld, type DashboardYear } from "./dashboard-parts";

/** The units ranked for the year (official, provisional or none yet), with their titles. */
export function RankingCard({ d, year, clusterName }: { d: DashboardWithYear; year: DashboardYear; clusterName: string }) {
  const units = d.units;
  const allTitles = [...d.titles.individual, ...d.titles.collective];
  return (
    <Card title={`Xếp hạng thi đua năm ${year.year}`}>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={d.ranking.basis === "FINAL" ? "green" : d.ranking.basis === "PROVISIONAL" ? "amber" : "slate"}>{RANKING_BASIS_LABELS[d.ranking.basis]}</Badge>
        {year.previousYear !== null && <span className="text-slate-600">Cột “So với năm {year.previousYear}”: ▲ tăng, ▼ giảm, = giữ nguyên thứ hạng.</span>}
      </div>
      {d.ranking.basis === "NONE" && (
        <div className="mb-4">
          {d.ranking.withheld ? (
            <EmptyState title={`Kết quả chấm điểm năm ${year.year} chưa được chốt.`}>
              Điểm và thứ hạng của các đơn vị hiển thị tại đây khi Thư ký cụm chốt kết quả chấm điểm; trước đó chỉ Thư ký cụm xem bảng tạm tính.
            </EmptyState>
          ) : (
            <EmptyState title={`Năm ${year.year} chưa có điểm để xếp hạng.`}>
              Thứ hạng sẽ hiển thị khi các đơn vị nộp báo cáo tổng kết có tự chấm điểm; kết quả chính thức khi Thư ký cụm chốt vòng chấm điểm.
              Trang này không hiển thị số liệu ước tính.
            </EmptyState>
          )}
        </div>
      )}
      <div data-testid="ranking-table">
        <DataTable
          caption={`Xếp hạng thi đua năm ${year.year} của ${clusterName}`}
          headers={[
            "Hạng",
            "Đơn vị",
            "Tổng điểm",
            year.previousYear !== null ? `So với năm ${year.previousYear}` : "So với năm trước",
            "Báo cáo tổng kết",
            "Danh hiệu đơn vị đăng ký",
            "Đề nghị / suy tôn",
            "Được công nhận",
          ]}
        >
          {units.map((u) => (
            <tr key={u.id}>
              <td className="b t">
                {u.rank ?? "—"}
                {u.tied && <span className="ml-1 text-xs font-normal text-slate-500">(đồng hạng)</span>}
                {u.tieNote && <span className="block text-xs font-normal text-slate-500">{u.tieNote}</span>}
              </td>
              <td>
                <Link href={`/overview/units/${u.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {u.name}
                </Link>{" "}
                <RoleBadge role={u.role} />
                {!u.active && <Badge>Ngừng hoạt động</Badge>}
              </td>
              <td className="n">{u.totalHalf === null ? "—" : formatPoints(u.totalHalf)}</td>
              <td className="c">
                <ChangeCell unit={u} previousYear={year.previousYear} />
              </td>
              <td>{reportStatusLabel(u.yearEndReport)}</td>
              <td>{!u.registrationShown ? <Withheld /> : titleName(u.targetTitleCode, allTitles) || <span className="text-slate-400">Chưa đăng ký</span>}</td>
              <td>{titleName(u.proposedTitleCode, allTitles)}</td>
              <td>{titleName(u.awardedTitleCode, allTitles)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </Card>
  );
}
