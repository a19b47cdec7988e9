// Consecutive-year streaks of titles ("03 lần liên tục đạt Chiến sĩ thi đua cơ sở"): which officers
// are notable on a unit's history page, and the runs shown on an officer's history. Pure.
//
// The unit page finds its notable officers with the same rule in SQL (gaps and islands over the
// awarded titles, src/server/queries/unit-history.ts); tests/integration/dashboard.test.ts checks that
// the two agree.

/** One recorded year of an officer: the level of the title awarded (0 or absent: none). */
export type YearLevel = { year: number; level: number };

export type Streak = {
  from: number;
  to: number;
  /** Number of consecutive years, from..to inclusive. */
  length: number;
  /** The highest title level inside the run. */
  topLevel: number;
};

/**
 * Runs of consecutive calendar years whose title is at least `minLevel`, oldest first. A year with no
 * record, or with a lower title, ends a run. Several records of one year count once, at their highest.
 */
export function streaks(records: readonly YearLevel[], minLevel: number): Streak[] {
  const best = new Map<number, number>();
  for (const r of records) if (r.level >= minLevel) best.set(r.year, Math.max(best.get(r.year) ?? 0, r.level));
  const years = [...best.keys()].sort((a, b) => a - b);
  const out: Streak[] = [];
  for (const year of years) {
    const level = best.get(year)!;
    const last = out[out.length - 1];
    if (last && last.to === year - 1) {
      last.to = year;
      last.length++;
      last.topLevel = Math.max(last.topLevel, level);
    } else {
      out.push({ from: year, to: year, length: 1, topLevel: level });
    }
  }
  return out;
}

/** The longest run (the most recent of equally long runs), or null. */
export function longestStreak(records: readonly YearLevel[], minLevel: number): Streak | null {
  let best: Streak | null = null;
  for (const s of streaks(records, minLevel)) if (!best || s.length >= best.length) best = s;
  return best;
}

/** Length of the run that ends exactly at `year` (0 when `year` itself does not qualify). */
export function streakEndingAt(records: readonly YearLevel[], minLevel: number, year: number): number {
  const run = streaks(records, minLevel).find((s) => s.to === year);
  return run ? run.length : 0;
}

/** A streak long enough to be shown among a unit's notable officers (of CSTĐCS or higher). */
export const NOTABLE_MIN_STREAK = 2;
/** A title level notable by itself (CSTĐ CAND and above in the catalogue's levels). */
export const NOTABLE_MIN_LEVEL = 3;

/** The notable-officer rule of the unit page, for one officer's records (levels of the catalogue; CSTĐCS = 2). */
export function isNotable(records: readonly YearLevel[], cstdcsLevel = 2): boolean {
  const longest = longestStreak(records, cstdcsLevel);
  return longest !== null && (longest.length >= NOTABLE_MIN_STREAK || records.some((x) => x.level >= NOTABLE_MIN_LEVEL));
}

/** "2019–2022 (4 năm liên tục)" / "2022 (1 năm)". */
export function formatStreak(s: Pick<Streak, "from" | "to" | "length">): string {
  return s.length > 1 ? `${s.from}–${s.to} (${s.length} năm liên tục)` : `${s.from} (1 năm)`;
}
