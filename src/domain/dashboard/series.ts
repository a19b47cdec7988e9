// Shaping aggregates into the rows a chart draws (one row per x value, one key per series), with every
// gap filled explicitly: a year without data is null (the line breaks, the label says "chưa có"),
// a title nobody received is 0. Pure: the charts stay dumb and the shaping is unit-tested.

/** Every calendar year from the smallest to the largest given (gaps filled), ascending. */
export function yearRange(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const out: number[] = [];
  for (let y = lo; y <= hi; y++) out.push(y);
  return out;
}

/** Half-points → points for an axis (15 → 7.5). */
export const halfToPoints = (half: number) => half / 2;

// ---------------------------------------------------------------------------------------------
// Scores by section per unit (one year)

export type SectionSeries = { key: string; label: string; kind: "SCORED" | "BONUS" | "PENALTY" };
export type SectionScoreRow = { unitId: string; label: string; name: string; totalPoints: number } & Record<string, number | string>;

/**
 * One row per unit (in the given order), one key per section ("s0", "s1"… in table order): the
 * section's counted points. Penalties are negative so that a stacked bar ends at the total.
 */
export function sectionScoreSeries(
  units: readonly { unitId: string; label: string; name: string }[],
  sections: readonly { id: string; label: string; kind: "SCORED" | "BONUS" | "PENALTY" }[],
  scores: readonly { unitId: string; sectionId: string; countedHalf: number }[],
): { series: SectionSeries[]; rows: SectionScoreRow[] } {
  const series = sections.map((s, i) => ({ key: `s${i}`, label: s.label, kind: s.kind }));
  const keyOf = new Map(sections.map((s, i) => [s.id, { key: `s${i}`, kind: s.kind }]));
  const byUnit = new Map<string, Map<string, number>>();
  for (const s of scores) {
    const k = keyOf.get(s.sectionId);
    if (!k) continue;
    const m = byUnit.get(s.unitId) ?? new Map<string, number>();
    m.set(k.key, (m.get(k.key) ?? 0) + (k.kind === "PENALTY" ? -s.countedHalf : s.countedHalf));
    byUnit.set(s.unitId, m);
  }
  const rows = units
    .filter((u) => byUnit.has(u.unitId))
    .map((u) => {
      const m = byUnit.get(u.unitId)!;
      const row: SectionScoreRow = { unitId: u.unitId, label: u.label, name: u.name, totalPoints: 0 };
      let total = 0;
      for (const s of series) {
        const half = m.get(s.key) ?? 0;
        row[s.key] = halfToPoints(half);
        total += half;
      }
      row.totalPoints = halfToPoints(Math.max(0, total));
      return row;
    });
  return { series, rows };
}

// ---------------------------------------------------------------------------------------------
// A unit's score and rank over the years

export type YearPoint = { year: number; points: number | null; rank: number | null };

/** One point per year of `years`; years without a score or rank are null. */
export function unitYearSeries(years: readonly number[], rows: readonly { year: number; totalHalf: number | null; rank: number | null }[]): YearPoint[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return years.map((year) => {
    const r = byYear.get(year);
    return { year, points: r?.totalHalf == null ? null : halfToPoints(r.totalHalf), rank: r?.rank ?? null };
  });
}

/** The series of every unit, keyed by unit id (the chart lets the reader pick one). */
export function unitYearSeriesByUnit(
  years: readonly number[],
  unitIds: readonly string[],
  rows: readonly { unitId: string; year: number; totalHalf: number | null; rank: number | null }[],
): Record<string, YearPoint[]> {
  const grouped = new Map<string, { year: number; totalHalf: number | null; rank: number | null }[]>();
  for (const r of rows) {
    const list = grouped.get(r.unitId) ?? [];
    list.push(r);
    grouped.set(r.unitId, list);
  }
  return Object.fromEntries(unitIds.map((id) => [id, unitYearSeries(years, grouped.get(id) ?? [])]));
}

// ---------------------------------------------------------------------------------------------
// Title counts over the years

export type TitleCountRow = { year: number; total: number } & Record<string, number>;

/** One row per year, one key per title code (0 when none), and the row's total. */
export function titleCountSeries(
  years: readonly number[],
  titleCodes: readonly string[],
  counts: readonly { year: number; titleCode: string; count: number }[],
): TitleCountRow[] {
  const known = new Set(titleCodes);
  const byYear = new Map<number, Map<string, number>>();
  for (const c of counts) {
    if (!known.has(c.titleCode)) continue;
    const m = byYear.get(c.year) ?? new Map<string, number>();
    m.set(c.titleCode, (m.get(c.titleCode) ?? 0) + c.count);
    byYear.set(c.year, m);
  }
  return years.map((year) => {
    const m = byYear.get(year);
    const row = { year, total: 0 } as TitleCountRow;
    for (const code of titleCodes) {
      const n = m?.get(code) ?? 0;
      row[code] = n;
      row.total += n;
    }
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Section labels

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/**
 * Short labels for sections given in table order: scored sections "I", "II"… (as the criteria table
 * numbers them), the bonus group "Điểm thưởng", the penalty group "Điểm trừ".
 */
export function sectionLabels<T extends { kind: "SCORED" | "BONUS" | "PENALTY" }>(sections: readonly T[]): (T & { label: string })[] {
  let scored = 0;
  return sections.map((s) => ({
    ...s,
    label: s.kind === "SCORED" ? (ROMAN[scored++] ?? String(scored)) : s.kind === "BONUS" ? "Điểm thưởng" : "Điểm trừ",
  }));
}
