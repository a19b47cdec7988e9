"use client";
// Counts of titles as stacked columns (one column per year, or per cluster), one textured segment per
// title with its count written inside when it fits and the column's total on top.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis, type LabelProps } from "recharts";
import { ChartPlaceholder } from "./chart-frame";
import { AXIS_TICK, fillOf, formatVi } from "./palette";
import { useMounted } from "./use-mounted";

export type CountSeries = { key: string; label: string };
export type CountRow = { label: string; total: number } & Record<string, number | string>;

function SegmentLabel(props: LabelProps) {
  const box = props.viewBox as { x?: number; y?: number; width?: number; height?: number } | undefined;
  const value = Number(props.value);
  if (!box || !Number.isFinite(value) || value === 0 || Math.abs(box.height ?? 0) < 14) return null;
  const text = formatVi(value);
  if ((box.width ?? 0) < text.length * 7) return null;
  return (
    <text x={(box.x ?? 0) + (box.width ?? 0) / 2} y={(box.y ?? 0) + (box.height ?? 0) / 2} dy={4} textAnchor="middle" fontSize={11} fontWeight={600} fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke">
      {text}
    </text>
  );
}

export function CountChart({ series, rows, title, description, height = 320 }: { series: CountSeries[]; rows: CountRow[]; title: string; description: string; height?: number }) {
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  return (
    <BarChart data={rows} responsive style={{ width: "100%", height }} margin={{ top: 22, right: 16, bottom: 8, left: 8 }} title={title} desc={description}>
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis dataKey="label" tick={AXIS_TICK} interval={0} />
      <YAxis tick={AXIS_TICK} allowDecimals={false} tickFormatter={(v: number) => formatVi(v)} />
      <Tooltip formatter={(value, name) => [formatVi(Number(value)), String(name)]} />
      <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
      {series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} stackId="count" maxBarSize={90} fill={fillOf(i)} stroke="#1e293b" strokeWidth={0.5} isAnimationActive={false}>
          <LabelList dataKey={s.key} content={SegmentLabel} />
          {i === series.length - 1 && <LabelList dataKey="total" position="top" fontSize={11} fontWeight={600} formatter={(v) => (Number(v) ? formatVi(Number(v)) : "")} />}
        </Bar>
      ))}
    </BarChart>
  );
}
