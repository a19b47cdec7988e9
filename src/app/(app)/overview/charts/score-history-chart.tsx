"use client";
// A unit's score and rank over the years, drawn when near the screen (lazy-chart.tsx; the chart: score-history-chart-impl.tsx).
import { lazyChart } from "./lazy-chart";
import type { ScoreHistoryChart as Impl } from "./score-history-chart-impl";

export type { YearPointData } from "./score-history-chart-impl";

export const ScoreHistoryChart = lazyChart<Parameters<typeof Impl>[0]>(
  () => import("./score-history-chart-impl").then((m) => m.ScoreHistoryChart),
  // The chart, and the unit picker above it when there are several units.
  (p) => (p.height ?? 300) + (p.units.length > 1 ? 48 : 0),
);
