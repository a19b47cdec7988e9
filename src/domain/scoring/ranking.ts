// The cluster's ranking for the year by final total, with ties broken by the year's rule
// (settings.ts TIE_BREAKS; default: the higher score in the first scored section).
// After the rule, units still equal SHARE the rank (1, 2, 2, 4) — the order among them is then only a
// display order (Vietnamese alphabetical order of names), never a ranking decision. A higher
// self-score is deliberately not a tie-break: it would reward over-claiming in the self-assessment.
import { formatPoints } from "./points";
import { TIE_BREAKS, type TieBreak } from "./settings";

export type RankingEntry = {
  unitId: string;
  unitName: string;
  totalHalf: number;
  /** Counted half-points of each scored section, in table order. */
  scoredSectionHalves: number[];
  penaltyHalf: number;
};

export type RankedEntry = RankingEntry & {
  rank: number;
  /** Another unit has the same rank. */
  shared: boolean;
  /** When a tie on the total was decided by the rule: how, in words. */
  tieNote: string | null;
};

type Comparator = (a: RankingEntry, b: RankingEntry) => number;

const bySection = (index: number): Comparator => (a, b) => (b.scoredSectionHalves[index] ?? 0) - (a.scoredSectionHalves[index] ?? 0);
const byAllSections: Comparator = (a, b) => {
  const n = Math.max(a.scoredSectionHalves.length, b.scoredSectionHalves.length);
  for (let i = 0; i < n; i++) {
    const d = bySection(i)(a, b);
    if (d !== 0) return d;
  }
  return 0;
};
const byFewerPenalties: Comparator = (a, b) => a.penaltyHalf - b.penaltyHalf;

/** The comparator of a rule: negative when `a` ranks above `b` on a tie of totals. */
export function tieBreakComparator(rule: TieBreak): Comparator {
  switch (rule) {
    case "FIRST_SECTION":
      return bySection(0);
    case "SECTIONS_IN_ORDER":
      return byAllSections;
    case "FEWER_PENALTIES":
      return (a, b) => byFewerPenalties(a, b) || bySection(0)(a, b);
    case "NONE":
      return () => 0;
  }
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

function explainTie(rule: TieBreak, winner: RankingEntry, loser: RankingEntry): string {
  const sectionNote = (i: number) =>
    `điểm mục ${ROMAN[i] ?? i + 1} cao hơn (${formatPoints(winner.scoredSectionHalves[i] ?? 0)} so với ${formatPoints(loser.scoredSectionHalves[i] ?? 0)})`;
  if (rule === "FEWER_PENALTIES" && winner.penaltyHalf !== loser.penaltyHalf) {
    return `Bằng tổng điểm với ${loser.unitName}; xếp trên vì bị trừ ít điểm hơn (${formatPoints(winner.penaltyHalf)} so với ${formatPoints(loser.penaltyHalf)}).`;
  }
  const i = winner.scoredSectionHalves.findIndex((h, idx) => h !== (loser.scoredSectionHalves[idx] ?? 0));
  return `Bằng tổng điểm với ${loser.unitName}; xếp trên vì ${sectionNote(Math.max(0, i))}.`;
}

/** Ranks the entries; `compareNames` orders units that share a rank (Vietnamese order by default). */
export function rankUnits(entries: readonly RankingEntry[], rule: TieBreak, compareNames: (a: string, b: string) => number): RankedEntry[] {
  const tie = tieBreakComparator(rule);
  const decisive: Comparator = (a, b) => b.totalHalf - a.totalHalf || tie(a, b);
  const sorted = [...entries].sort((a, b) => decisive(a, b) || compareNames(a.unitName, b.unitName) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
  const out: RankedEntry[] = [];
  sorted.forEach((entry, i) => {
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const rank = prev && decisive(prev, entry) === 0 ? out[i - 1]!.rank : i + 1;
    const shared = (!!prev && decisive(prev, entry) === 0) || (!!next && decisive(entry, next) === 0);
    // A tie on the total that the rule decided: say so on the unit placed above.
    const tiedBelow = next && next.totalHalf === entry.totalHalf && decisive(entry, next) < 0 ? next : null;
    out.push({ ...entry, rank, shared, tieNote: tiedBelow ? explainTie(rule, entry, tiedBelow) : null });
  });
  return out;
}

export const tieBreakLabel = (rule: TieBreak) => TIE_BREAKS[rule];
