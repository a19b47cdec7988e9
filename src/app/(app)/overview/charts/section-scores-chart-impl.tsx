"use client";
// Scores by section per unit (one year): one horizontal stacked bar per unit, one segment per section
// of the criteria table (penalties to the left of zero), the points written on each segment wide
// enough to hold them and the total next to the unit.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis, type LabelProps } from "recharts";
import { ChartPlaceholder, sectionChartHeight } from "./chart-frame";
import { AXIS_TICK, fillOf, formatVi } from "./palette";
import { useMounted } from "./use-mounted";

export type SectionChartSeries = { key: string; label: string; title: string };
export type SectionChartRow = { label: string; name: string; totalPoints: number } & Record<string, number | string>;

function SegmentLabel(props: LabelProps) {
  const box = props.viewBox as { x?: number; y?: number; width?: number; height?: number } | undefined;
  const value = typeof props.value === "number" ? props.value : Number(props.value);
  if (!box || !Number.isFinite(value) || value === 0) return null;
  const width = Math.abs(box.width ?? 0);
  const text = formatVi(value);
  if (width < text.length * 7 + 6) return null;
  const x = (box.width ?? 0) >= 0 ? (box.x ?? 0) + (box.width ?? 0) / 2 : (box.x ?? 0) + (box.width ?? 0) / 2;
  return (
    <text x={x} y={(box.y ?? 0) + (box.height ?? 0) / 2} dy={4} textAnchor="middle" fontSize={11} fontWeight={600} fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke">
      {text}
    </text>
  );
}

export function SectionScoresChart({ series, rows, title }: { series: SectionChartSeries[]; rows: SectionChartRow[]; title: string }) {
  const mounted = useMounted();
  const height = sectionChartHeight(rows.length);
  if (!mounted) return <ChartPlaceholder height={height} />;
  const data = rows.map((r) => ({ ...r, axisLabel: `${r.label} · ${formatVi(r.totalPoints)}` }));
  return (
    <BarChart
      layout="vertical"
      data={data}
      stackOffset="sign"
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      title={title}
      desc="Mỗi thanh là một đơn vị; mỗi đoạn là điểm của một mục trong bảng tiêu chí; điểm trừ nằm bên trái số 0."
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" tick={AXIS_TICK} tickFormatter={(v: number) => formatVi(v)} label={{ value: "Điểm", position: "insideBottomRight", offset: -4, fontSize: 12 }} />
      <YAxis type="category" dataKey="axisLabel" width={130} tick={AXIS_TICK} />
      <Tooltip formatter={(value, name) => [formatVi(Number(value)), String(name)]} labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.name ?? "")} />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      {series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.title && s.title !== s.label ? `${s.label}. ${s.title}` : s.label} stackId="score" fill={fillOf(i)} stroke="#1e293b" strokeWidth={0.5} isAnimationActive={false}>
          <LabelList dataKey={s.key} content={SegmentLabel} />
        </Bar>
      ))}
    </BarChart>
  );
}
