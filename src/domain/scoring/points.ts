// Points on the criteria scale. Everything is stored and computed in HALF-POINTS (integers): the
// scale allows 0,5 steps and nothing finer, so 7,5 điểm is 15. These helpers turn what people type
// ("7", "7,5", "7.5") into half-points and back, with the Vietnamese decimal comma.

/** Half-points of a number of points (7.5 → 15); only for constants and tests, never for user input. */
export const half = (points: number): number => Math.round(points * 2);

/** Points as Vietnamese readers write them: 15 → "7,5", 14 → "7", 0 → "0". */
export function formatPoints(halfPoints: number): string {
  const negative = halfPoints < 0;
  const abs = Math.abs(halfPoints);
  const text = `${Math.floor(abs / 2)}${abs % 2 === 1 ? ",5" : ""}`;
  return negative ? `-${text}` : text;
}

/** A fractional number of half-points (an average) as points with two decimals: 14.6667 → "7,33". */
export function formatAverage(halfPoints: number): string {
  const points = Math.round((halfPoints / 2) * 100) / 100;
  return points.toFixed(2).replace(".", ",").replace(/,00$/, "").replace(/(,\d)0$/, "$1");
}

export type PointsParse = { ok: true; half: number | null } | { ok: false; message: string };

const NUMBER = /^-?\d{1,6}([.,]\d{1,6})?$/;

type Read = { kind: "empty" } | { kind: "nan" } | { kind: "negative" } | { kind: "step" } | { kind: "ok"; half: number };

/** Text → half-points, or why not. Accepts a comma or a dot as the decimal mark. */
function readHalf(raw: string | null | undefined): Read {
  const text = (raw ?? "").trim().replace(/\s+/g, "");
  if (text === "") return { kind: "empty" };
  if (!NUMBER.test(text)) return { kind: "nan" };
  const value = Number(text.replace(",", "."));
  if (value < 0) return { kind: "negative" };
  const doubled = value * 2;
  if (Math.abs(doubled - Math.round(doubled)) > 1e-9) return { kind: "step" };
  return { kind: "ok", half: Math.round(doubled) };
}

/**
 * What a person typed in a score box, as half-points. Empty → null (not scored yet). Refuses anything
 * that is not a multiple of 0,5, negatives, and more than `maxHalf`.
 */
export function parsePoints(raw: string | null | undefined, maxHalf: number): PointsParse {
  const read = readHalf(raw);
  switch (read.kind) {
    case "empty":
      return { ok: true, half: null };
    case "nan":
      return { ok: false, message: "Điểm phải là một số, ví dụ 7 hoặc 7,5." };
    case "negative":
      return { ok: false, message: "Điểm không được âm." };
    case "step":
      return { ok: false, message: "Điểm chỉ được chấm đến 0,5 điểm, ví dụ 7 hoặc 7,5." };
    case "ok":
      if (read.half > maxHalf) return { ok: false, message: `Điểm không được vượt quá điểm tối đa (${formatPoints(maxHalf)}).` };
      return { ok: true, half: read.half };
  }
}

/** A maximum typed by the secretariat: required, more than 0 (or ≥ 0 when `allowZero`), in 0,5 steps, at most `limitHalf`. */
export function parseMaxPoints(
  raw: string | null | undefined,
  opts: { limitHalf: number; allowZero?: boolean; label?: string },
): { ok: true; half: number } | { ok: false; message: string } {
  const label = opts.label ?? "Điểm tối đa";
  const read = readHalf(raw);
  switch (read.kind) {
    case "empty":
      return { ok: false, message: `${label} là bắt buộc.` };
    case "nan":
      return { ok: false, message: `${label} phải là một số, ví dụ 10 hoặc 2,5.` };
    case "negative":
      return { ok: false, message: `${label} không được âm.` };
    case "step":
      return { ok: false, message: `${label} chỉ được lấy đến 0,5 điểm, ví dụ 10 hoặc 2,5.` };
    case "ok":
      if (read.half === 0 && !opts.allowZero) return { ok: false, message: `${label} phải lớn hơn 0.` };
      if (read.half > opts.limitHalf) return { ok: false, message: `${label} không được vượt quá ${formatPoints(opts.limitHalf)} điểm.` };
      return { ok: true, half: read.half };
  }
}

/** Half-points for an <input>'s defaultValue: 15 → "7,5", null → "". */
export const pointsInputValue = (halfPoints: number | null | undefined): string => (halfPoints == null ? "" : formatPoints(halfPoints));
