"use client";
// Counts of titles as stacked columns, drawn when near the screen (lazy-chart.tsx; the chart: count-chart-impl.tsx).
import { lazyChart } from "./lazy-chart";
import type { CountChart as Impl } from "./count-chart-impl";

export type { CountRow, CountSeries } from "./count-chart-impl";

export const CountChart = lazyChart<Parameters<typeof Impl>[0]>(
  () => import("./count-chart-impl").then((m) => m.CountChart),
  (p) => p.height ?? 320,
);
