"use client";
// Scores by section per unit, drawn when near the screen (lazy-chart.tsx; the chart: section-scores-chart-impl.tsx).
import { lazyChart } from "./lazy-chart";
import { sectionChartHeight } from "./chart-frame";
import type { SectionScoresChart as Impl } from "./section-scores-chart-impl";

export type { SectionChartRow, SectionChartSeries } from "./section-scores-chart-impl";

export const SectionScoresChart = lazyChart<Parameters<typeof Impl>[0]>(
  () => import("./section-scores-chart-impl").then((m) => m.SectionScoresChart),
  (p) => sectionChartHeight(p.rows.length),
);
