// Resolving scores after cross-scoring: per criterion the self-score, the cross-scorers' scores and
// their average, and the final score the secretariat fixes. Big differences are highlighted.
//  - The suggested final score is the cross average rounded to the nearest 0,5 điểm, an exact tie
//    (x,25 or x,75) going DOWN (a verified score never rounds a unit up); with no cross-score it is
//    the self-score. Always within 0..max.
//  - A difference is "big" when it is at least `percent`% of the criterion's max, and at least 0,5 điểm:
//    between the self-score and the cross average, or between the highest and lowest cross-score.
import { computeTotals, type ReportTotals } from "./totals";
import type { CriteriaTableDef } from "./table";

export type CriterionScores = {
  maxHalf: number;
  selfHalf: number | null;
  /** One per cross-scorer who submitted. */
  crossHalves: number[];
  finalHalf: number | null;
};

/** Average of the cross-scores in half-points (fractional), or null when there are none. */
export function crossAverage(crossHalves: readonly number[]): number | null {
  if (crossHalves.length === 0) return null;
  return crossHalves.reduce((a, b) => a + b, 0) / crossHalves.length;
}

/** The nearest whole half-point to sum/count, ties going down, in integer arithmetic. */
export function roundAverageDown(sumHalf: number, count: number): number {
  // nearest integer to S/c with ties down = ceil((2S − c) / 2c)
  const a = 2 * sumHalf - count;
  const b = 2 * count;
  return -Math.floor(-a / b);
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

export function suggestFinal(c: CriterionScores): number {
  if (c.crossHalves.length > 0) {
    const sum = c.crossHalves.reduce((a, b) => a + b, 0);
    return clamp(roundAverageDown(sum, c.crossHalves.length), 0, c.maxHalf);
  }
  return clamp(c.selfHalf ?? 0, 0, c.maxHalf);
}

/** The difference (half-points) from which a gap is highlighted. */
export function differenceThresholdHalf(maxHalf: number, percent: number): number {
  return Math.max(1, (maxHalf * percent) / 100);
}

export type Differences = {
  /** |self − cross average| in half-points, or null. */
  selfVsCross: number | null;
  /** Highest minus lowest cross-score, or null with fewer than two. */
  spread: number | null;
  bigSelfVsCross: boolean;
  bigSpread: boolean;
  big: boolean;
};

export function differencesOf(c: CriterionScores, percent: number): Differences {
  const avg = crossAverage(c.crossHalves);
  const threshold = differenceThresholdHalf(c.maxHalf, percent);
  const selfVsCross = avg === null || c.selfHalf === null ? null : Math.abs(c.selfHalf - avg);
  const spread = c.crossHalves.length < 2 ? null : Math.max(...c.crossHalves) - Math.min(...c.crossHalves);
  // A tiny tolerance: averages of integers are exact enough, but never let 0.30000000004 decide.
  const bigSelfVsCross = selfVsCross !== null && selfVsCross + 1e-9 >= threshold;
  const bigSpread = spread !== null && spread + 1e-9 >= threshold;
  return { selfVsCross, spread, bigSelfVsCross, bigSpread, big: bigSelfVsCross || bigSpread };
}

/**
 * The three totals of a report shown side by side: self (the unit's own), cross (the average of each
 * submitted scorer's total, every total within its caps) and final (the secretariat's; criteria without
 * a final score count as 0 and are listed in `missingFinal`).
 */
export function reportTotals(
  table: CriteriaTableDef,
  self: (criterionId: string) => number | null | undefined,
  scorers: ((criterionId: string) => number | null | undefined)[],
  final: (criterionId: string) => number | null | undefined,
): { self: ReportTotals; crossAverageHalf: number | null; crossTotals: ReportTotals[]; final: ReportTotals; missingFinal: string[] } {
  const crossTotals = scorers.map((s) => computeTotals(table, s));
  const missingFinal = table.sections.flatMap((s) => s.criteria.filter((c) => final(c.id) == null).map((c) => c.id));
  return {
    self: computeTotals(table, self),
    crossTotals,
    crossAverageHalf: crossTotals.length ? crossTotals.reduce((a, t) => a + t.totalHalf, 0) / crossTotals.length : null,
    final: computeTotals(table, final),
    missingFinal,
  };
}
