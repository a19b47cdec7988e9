// A movement's figures (docs/domain.md §10): what each unit types, the totals and each unit's rank per
// figure. Values are canonical decimal strings ("1234.5", at most 2 decimals, never negative), read the
// way report key figures are (parseFigure: "1.250" is one thousand two hundred fifty, "12,5" twelve and
// a half); sums are done in hundredths as integers, so no rounding creeps in.
import { parseFigure } from "@/domain/scoring/report-form";

export type MovementFigureDef = { id: string; position: number; label: string; unitLabel: string };

/** The entry form's field of one figure. */
export const valueField = (figureId: string) => `value.${figureId}`;

/**
 * Reads a unit's entry form: every figure's value (empty: not reported), or, for each field that is no
 * non-negative number, the reason in Vietnamese ("Số liệu không được âm.", "Số liệu phải là một số…").
 */
export function readUnitFigures(
  figures: readonly MovementFigureDef[],
  fields: Record<string, unknown>,
): { values: Map<string, string | null>; errors: Record<string, string[]> } {
  const values = new Map<string, string | null>();
  const errors: Record<string, string[]> = {};
  for (const f of figures) {
    const raw = fields[valueField(f.id)];
    const parsed = parseFigure(typeof raw === "string" ? raw : raw == null ? "" : String(raw));
    if (parsed.ok) values.set(f.id, parsed.value);
    else errors[valueField(f.id)] = [`${f.label}: ${parsed.message}`];
  }
  return { values, errors };
}

const toHundredths = (value: string): bigint => {
  const [int, frac = ""] = value.split(".");
  return BigInt(int!) * 100n + BigInt((frac + "00").slice(0, 2));
};
const fromHundredths = (h: bigint): string => {
  const int = h / 100n;
  const frac = (h % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return frac ? `${int}.${frac}` : `${int}`;
};

/** A decimal string compared as a number: negative, zero or positive like a - b. */
export function compareFigures(a: string, b: string): number {
  const d = toHundredths(a) - toHundredths(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** One figure's total over the units that reported it, and how many did. */
export function figureTotal(values: Iterable<string | null | undefined>): { total: string; reported: number } {
  let sum = 0n;
  let reported = 0;
  for (const v of values) {
    if (v == null) continue;
    sum += toHundredths(v);
    reported += 1;
  }
  return { total: fromHundredths(sum), reported };
}

export type RankedUnit = { unitId: string; value: string | null; rank: number | null };

/**
 * Units ranked on one figure, highest first; equal values share a rank and the next rank skips
 * (1, 2, 2, 4); a unit that reported nothing has no rank and comes last. Ties keep the given order of
 * the units (the cluster's order), so the list is stable.
 */
export function rankUnits(units: readonly { unitId: string; value: string | null }[]): RankedUnit[] {
  const reported = units.map((u, i) => ({ ...u, i })).filter((u): u is { unitId: string; value: string; i: number } => u.value !== null);
  reported.sort((a, b) => compareFigures(b.value, a.value) || a.i - b.i);
  const ranked: RankedUnit[] = [];
  reported.forEach((u, idx) => {
    const prev = ranked[idx - 1];
    const rank = prev && prev.value !== null && compareFigures(prev.value, u.value) === 0 ? prev.rank : idx + 1;
    ranked.push({ unitId: u.unitId, value: u.value, rank });
  });
  for (const u of units) if (u.value === null) ranked.push({ unitId: u.unitId, value: null, rank: null });
  return ranked;
}

export type MovementSummary = {
  figures: (MovementFigureDef & { total: string; reported: number; ranking: RankedUnit[] })[];
};

/** The summary after close (or so far): per figure, the total and the units' ranking. */
export function summarise(
  figures: readonly MovementFigureDef[],
  unitIds: readonly string[],
  valueOf: (figureId: string, unitId: string) => string | null,
): MovementSummary {
  return {
    figures: figures.map((f) => {
      const units = unitIds.map((unitId) => ({ unitId, value: valueOf(f.id, unitId) }));
      return { ...f, ...figureTotal(units.map((u) => u.value)), ranking: rankUnits(units) };
    }),
  };
}
