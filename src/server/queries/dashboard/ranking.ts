import { type RankingBasis } from "@/domain/dashboard";
import { rankUnits } from "@/domain/scoring/ranking";
import { TIE_BREAK_KEYS, type TieBreak } from "@/domain/scoring/settings";
import { compareVi } from "@/domain/vietnamese";
import type { ReportRow, SectionRow } from "./loaders";

const isTieBreak = (v: unknown): v is TieBreak => typeof v === "string" && (TIE_BREAK_KEYS as readonly string[]).includes(v);

/** The ranking tie-break of a year: the scoring round's (copied when it opened), else the settings'. */
export function tieBreakOf(roundTieBreak: string | null, settings: unknown): TieBreak {
  if (isTieBreak(roundTieBreak)) return roundTieBreak;
  const stored = settings && typeof settings === "object" ? (settings as Record<string, unknown>).rankingTieBreak : undefined;
  return isTieBreak(stored) ? stored : "FIRST_SECTION";
}

export type YearRanking = {
  basis: RankingBasis;
  /** unitId → the unit's result; units without a score are absent. */
  byUnit: Map<string, { totalHalf: number; rank: number | null; tied: boolean; tieNote: string | null }>;
  /** Units ranked that year. */
  rankedCount: number;
  /** A provisional ranking exists but the actor may not see it before the scoring round is finalised. */
  withheld: boolean;
};

/**
 * A year's ranking: the fixed one when every submitted year-end report carries its final rank (the
 * scoring round is finalised); otherwise, when the year's section totals were read and the actor runs
 * the scoring ("scoring.manage": the secretariat), a provisional one ranked with the scoring module's
 * rankUnits and the year's tie-break. Everyone else sees results only once they are final, as on the
 * scoring pages.
 */
export function yearRanking(
  year: number,
  reports: readonly ReportRow[],
  sections: readonly SectionRow[],
  nameOf: (unitId: string) => string,
  tieBreak: TieBreak,
  mayPreview: boolean,
): YearRanking {
  const yearEnd = reports.filter((r) => r.year === year && r.kind === "YEAR_END");
  const finals = yearEnd.filter((r) => r.finalTotalHalf !== null);
  if (finals.length > 0 && finals.every((r) => r.finalRank !== null)) {
    const ranks = finals.map((r) => r.finalRank!);
    return {
      basis: "FINAL",
      byUnit: new Map(
        finals.map((r) => [r.unitId, { totalHalf: r.finalTotalHalf!, rank: r.finalRank, tied: ranks.filter((x) => x === r.finalRank).length > 1, tieNote: null }]),
      ),
      rankedCount: finals.length,
      withheld: false,
    };
  }
  const perUnit = new Map<string, { scored: [number, number][]; bonus: number; penalty: number }>();
  for (const s of sections) {
    if (s.year !== year) continue;
    const u = perUnit.get(s.unitId) ?? { scored: [], bonus: 0, penalty: 0 };
    if (s.kind === "SCORED") u.scored.push([s.position, s.counted]);
    else if (s.kind === "BONUS") u.bonus += s.counted;
    else u.penalty += s.counted;
    perUnit.set(s.unitId, u);
  }
  if (perUnit.size === 0) return { basis: "NONE", byUnit: new Map(), rankedCount: 0, withheld: false };
  if (!mayPreview) return { basis: "NONE", byUnit: new Map(), rankedCount: 0, withheld: true };
  const entries = [...perUnit.entries()].map(([unitId, u]) => {
    const scoredSectionHalves = u.scored.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    const scored = scoredSectionHalves.reduce((a, b) => a + b, 0);
    return { unitId, unitName: nameOf(unitId), totalHalf: Math.max(0, scored + u.bonus - u.penalty), scoredSectionHalves, penaltyHalf: u.penalty };
  });
  const ranked = rankUnits(entries, tieBreak, compareVi);
  return {
    basis: "PROVISIONAL",
    byUnit: new Map(ranked.map((r) => [r.unitId, { totalHalf: r.totalHalf, rank: r.rank, tied: r.shared, tieNote: r.tieNote }])),
    rankedCount: ranked.length,
    withheld: false,
  };
}
