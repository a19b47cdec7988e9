// A chart with its caption and a plain-text summary for screen readers; the chart itself is drawn
// in the browser (see use-mounted.ts), with a box of the same height meanwhile.
import type { ReactNode } from "react";

export function ChartFrame({ caption, summary, height, children, testId }: { caption: string; summary: string; height: number; children: ReactNode; testId?: string }) {
  return (
    <figure className="chart-frame break-inside-avoid" data-testid={testId}>
      <div style={{ minHeight: height }}>{children}</div>
      <figcaption className="mt-2 text-xs text-slate-600">{caption}</figcaption>
      <p className="sr-only">{summary}</p>
    </figure>
  );
}

export function ChartPlaceholder({ height }: { height: number }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center justify-center rounded border border-dashed border-slate-200 text-sm text-slate-500" style={{ height }}>
      Đang vẽ biểu đồ…
    </div>
  );
}

/** The height of the section-scores chart (section-scores-chart-impl.tsx) for `rows` units. */
export const sectionChartHeight = (rows: number) => 70 + rows * 46;
