// Colours and textures of the dashboard's charts. The Okabe–Ito palette (distinguishable with the
// common colour-vision deficiencies), each series also with its own texture, so that a greyscale print
// still tells the series apart; values are written on the bars (direct labels), not only in a legend.
import { pattern, patterns, type RechartsFill } from "recharts";

export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"] as const;

// Defined once, outside components (recharts asks for stable definitions).
const TEXTURES = [
  null,
  pattern({ ...patterns.diagonal, opacity: 0.6 }),
  pattern({ ...patterns.dots, opacity: 0.7 }),
  pattern({ ...patterns.crosshatch, opacity: 0.6 }),
  pattern({ ...patterns.horizontal, opacity: 0.6 }),
  pattern({ ...patterns.vertical, opacity: 0.6 }),
  pattern({ ...patterns.diagonal, rotation: -45, opacity: 0.6 }),
  pattern({ ...patterns.star, opacity: 0.6 }),
] as const;

export const colorOf = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;

/** The fill of series `i`: its colour, and from the second series on a texture over it. */
export function fillOf(i: number): string | RechartsFill {
  const texture = TEXTURES[i % TEXTURES.length];
  return texture ? { color: colorOf(i), definition: texture } : colorOf(i);
}

/** Dash patterns for lines (the line itself tells the series apart in greyscale). */
export const LINE_DASHES = [undefined, "6 3", "2 3", "8 3 2 3"] as const;

export const AXIS_TICK = { fontSize: 12, fill: "#334155" } as const;

const NUMBER_FORMAT = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** 1234.5 → "1.234,5" (Vietnamese number format). */
export const formatVi = (n: number | null | undefined) => (n === null || n === undefined ? "" : NUMBER_FORMAT.format(n));
