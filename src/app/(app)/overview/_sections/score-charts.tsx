import { Card, EmptyState } from "@/components/ui";
import { sectionScoreSeries } from "@/domain/dashboard";
import type { DashboardWithYear } from "@/server/queries/dashboard";
import { ChartFrame, sectionChartHeight } from "../charts/chart-frame";
import { ScoreHistoryChart } from "../charts/score-history-chart";
import { SectionScoresChart } from "../charts/section-scores-chart";
import type { DashboardYear } from "./dashboard-parts";

/** The ranked units' scores by section this year, and each unit's score and rank over the years. */
export function ScoreCharts({ d, year }: { d: DashboardWithYear; year: DashboardYear }) {
  const units = d.units;
  const ranked = units.filter((u) => u.rank !== null);
  const { series: sectionSeries, rows: sectionRows } = sectionScoreSeries(
    ranked.map((u) => ({ unitId: u.id, label: u.code, name: u.name })),
    d.sections.map((s) => ({ id: s.id, label: s.label, kind: s.kind })),
    d.sectionScores,
  );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={`Điểm theo mục năm ${year.year}`}>
        {sectionRows.length === 0 ? (
          <EmptyState title="Chưa có điểm theo mục.">Biểu đồ hiển thị khi có báo cáo tổng kết đã nộp.</EmptyState>
        ) : (
          <ChartFrame
            height={sectionChartHeight(sectionRows.length)}
            caption={`Điểm từng mục của bảng tiêu chí năm ${year.year}; số ghi trên mỗi đoạn là điểm của mục, số cạnh tên đơn vị là tổng điểm.`}
            summary={sectionRows.map((r) => `${r.name}: tổng ${r.totalPoints} điểm`).join("; ")}
            testId="chart-sections"
          >
            <SectionScoresChart
              title={`Điểm theo mục năm ${year.year}`}
              series={sectionSeries.map((s) => ({ key: s.key, label: s.label, title: d.sections.find((x) => x.label === s.label)?.title ?? "" }))}
              rows={sectionRows}
            />
          </ChartFrame>
        )}
      </Card>
      <Card title="Điểm và thứ hạng qua các năm">
        {Object.values(d.scoreHistory.byUnit).every((points) => points.every((p) => p.points === null)) ? (
          <EmptyState title="Chưa có điểm của năm nào.">Biểu đồ hiển thị khi có kết quả chấm điểm.</EmptyState>
        ) : (
          <ChartFrame
            height={340}
            caption="Đường liền: tổng điểm (trục trái); đường nét đứt: thứ hạng trong cụm (trục phải). Năm chưa có điểm để trống."
            summary={`Điểm qua các năm ${d.scoreHistory.years.join(", ")}`}
            testId="chart-history"
          >
            <ScoreHistoryChart
              units={units.map((u) => ({ id: u.id, name: u.name }))}
              byUnit={d.scoreHistory.byUnit}
              initialUnitId={ranked[0]?.id ?? units[0]?.id}
            />
          </ChartFrame>
        )}
      </Card>
    </div>
  );
}
