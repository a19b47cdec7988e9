"use client";
// A unit's total score and its rank over the years: the score as a solid line with its value on each
// point, the rank as a dashed line on a reversed right-hand axis ("1" at the top). A year without a
// final score leaves a gap. When several units are given, the reader picks one.
import { useId, useState } from "react";
import { CartesianGrid, LabelList, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder } from "./chart-frame";
import { AXIS_TICK, colorOf, formatVi } from "./palette";
import { useMounted } from "./use-mounted";

export type YearPointData = { year: number; points: number | null; rank: number | null };

export function ScoreHistoryChart({
  units,
  byUnit,
  initialUnitId,
  height = 300,
}: {
  units: { id: string; name: string }[];
  byUnit: Record<string, YearPointData[]>;
  initialUnitId?: string;
  height?: number;
}) {
  const mounted = useMounted();
  const selectId = useId();
  const [unitId, setUnitId] = useState(initialUnitId ?? units[0]?.id ?? "");
  const data = byUnit[unitId] ?? [];
  const maxRank = Math.max(1, ...Object.values(byUnit).flatMap((points) => points.map((p) => p.rank ?? 1)));
  const unitName = units.find((u) => u.id === unitId)?.name ?? "";
  return (
    <div>
      {units.length > 1 && (
        <div className="no-print mb-3 flex flex-wrap items-center gap-2">
          <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
            Đơn vị
          </label>
          <select
            id={selectId}
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            className="min-w-0 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600"
          >
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="print-only mb-1 text-sm font-medium">{unitName}</p>
      {!mounted ? (
        <ChartPlaceholder height={height} />
      ) : (
        <LineChart
          data={data}
          responsive
          style={{ width: "100%", height }}
          margin={{ top: 20, right: 16, bottom: 8, left: 8 }}
          title={`Điểm và thứ hạng của ${unitName} qua các năm`}
          desc="Đường liền: tổng điểm (trục trái). Đường nét đứt: thứ hạng trong cụm (trục phải, hạng 1 ở trên cùng)."
        >
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis dataKey="year" tick={AXIS_TICK} />
          <YAxis yAxisId="points" tick={AXIS_TICK} tickFormatter={(v: number) => formatVi(v)} label={{ value: "Điểm", angle: -90, position: "insideLeft", fontSize: 12 }} />
          <YAxis
            yAxisId="rank"
            orientation="right"
            reversed
            allowDecimals={false}
            domain={[1, maxRank]}
            tick={AXIS_TICK}
            label={{ value: "Hạng", angle: 90, position: "insideRight", fontSize: 12 }}
          />
          <Tooltip
            formatter={(value, name) => [name === "Thứ hạng" ? `Hạng ${value}` : formatVi(Number(value)), String(name)]}
            labelFormatter={(label) => `Năm ${label}`}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Line yAxisId="points" type="linear" dataKey="points" name="Tổng điểm" stroke={colorOf(0)} strokeWidth={2.5} dot={{ r: 4 }} isAnimationActive={false}>
            <LabelList dataKey="points" position="top" fontSize={11} formatter={(v) => formatVi(Number(v))} />
          </Line>
          <Line yAxisId="rank" type="linear" dataKey="rank" name="Thứ hạng" stroke={colorOf(4)} strokeWidth={2} strokeDasharray="6 3" dot={{ r: 4, strokeDasharray: "" }} isAnimationActive={false}>
            <LabelList dataKey="rank" position="bottom" fontSize={11} formatter={(v) => (v == null ? "" : `hạng ${v}`)} />
          </Line>
        </LineChart>
      )}
    </div>
  );
}
