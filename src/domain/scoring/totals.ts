// Score arithmetic: a report's section totals, bonus and penalty within their caps, and its total.
// All in half-points. A criterion's score counts at most its max (and never below 0); a section counts
// at most its max; the bonus group adds at most its cap; the penalty group deducts at most its cap;
// the total never goes below 0.
import type { CriteriaTableDef, SectionKind } from "./table";

export type SectionTotal = {
  sectionId: string;
  kind: SectionKind;
  maxHalf: number;
  /** The criteria's scores added up (each within 0..its max). */
  rawHalf: number;
  /** What counts: rawHalf within the section's max (or the group's cap). */
  countedHalf: number;
  /** True when the cap cut something off. */
  capped: boolean;
};

export type ReportTotals = {
  sections: SectionTotal[];
  scoredHalf: number;
  bonusHalf: number;
  penaltyHalf: number;
  totalHalf: number;
  /** Counted half-points of each scored section in table order (for tie-breaks). */
  scoredSectionHalves: number[];
};

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The totals of one report. `scoreOf` gives a criterion's half-points or null/undefined when not
 * scored (counted as 0).
 */
export function computeTotals(table: CriteriaTableDef, scoreOf: (criterionId: string) => number | null | undefined): ReportTotals {
  const sections: SectionTotal[] = table.sections.map((section) => {
    const rawHalf = section.criteria.reduce((acc, c) => acc + clamp(Math.trunc(scoreOf(c.id) ?? 0), 0, c.maxHalf), 0);
    const countedHalf = Math.min(rawHalf, Math.max(0, section.maxHalf));
    return { sectionId: section.id, kind: section.kind, maxHalf: section.maxHalf, rawHalf, countedHalf, capped: countedHalf < rawHalf };
  });
  const of = (kind: SectionKind) => sections.filter((s) => s.kind === kind).reduce((acc, s) => acc + s.countedHalf, 0);
  const scoredHalf = of("SCORED");
  const bonusHalf = of("BONUS");
  const penaltyHalf = of("PENALTY");
  return {
    sections,
    scoredHalf,
    bonusHalf,
    penaltyHalf,
    totalHalf: Math.max(0, scoredHalf + bonusHalf - penaltyHalf),
    scoredSectionHalves: sections.filter((s) => s.kind === "SCORED").map((s) => s.countedHalf),
  };
}

/** computeTotals over a Map or a plain record of criterion id → half-points. */
export function totalsOf(table: CriteriaTableDef, scores: ReadonlyMap<string, number | null | undefined> | Record<string, number | null | undefined>): ReportTotals {
  const get = scores instanceof Map ? (id: string) => scores.get(id) : (id: string) => (scores as Record<string, number | null | undefined>)[id];
  return computeTotals(table, get);
}
