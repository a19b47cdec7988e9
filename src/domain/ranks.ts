// Cấp bậc hàm of the People's Public Security (Luật Công an nhân dân 2018, Điều 21), lowest first.
// The officer form offers exactly these; anything else is refused. Pure module, no framework imports.
import { searchKey } from "./vietnamese";

export const RANK_GROUPS = [
  { label: "Chiến sĩ nghĩa vụ", ranks: ["Binh nhì", "Binh nhất"] },
  { label: "Hạ sĩ quan", ranks: ["Hạ sĩ", "Trung sĩ", "Thượng sĩ"] },
  { label: "Sĩ quan cấp úy", ranks: ["Thiếu úy", "Trung úy", "Thượng úy", "Đại úy"] },
  { label: "Sĩ quan cấp tá", ranks: ["Thiếu tá", "Trung tá", "Thượng tá", "Đại tá"] },
  { label: "Sĩ quan cấp tướng", ranks: ["Thiếu tướng", "Trung tướng", "Thượng tướng", "Đại tướng"] },
] as const;

export type Rank = (typeof RANK_GROUPS)[number]["ranks"][number];

/** Every rank, lowest first. */
export const RANKS = RANK_GROUPS.flatMap((g) => g.ranks) as unknown as readonly [Rank, ...Rank[]];

const LEVEL = new Map<string, number>(RANKS.map((rank, i) => [rank, i]));

export function isRank(value: string): value is Rank {
  return LEVEL.has(value);
}

/** 0 for Binh nhì up to 16 for Đại tướng; -1 for anything that is not a rank. */
export function rankLevel(rank: string): number {
  return LEVEL.get(rank) ?? -1;
}

/** Orders ranks from lowest to highest (unknown values first). */
export function compareRanks(a: string, b: string): number {
  return rankLevel(a) - rankLevel(b);
}

/** "Sĩ quan cấp úy" for "Đại úy", or null for an unknown value. */
export function rankGroupOf(rank: string): string | null {
  return RANK_GROUPS.find((g) => (g.ranks as readonly string[]).includes(rank))?.label ?? null;
}

/**
 * Text typed or imported ("đại úy", "Dai uy ", "ĐẠI ÚY") → the rank as the catalogue spells it, or
 * null. Case, spaces, Unicode form and diacritics are ignored: no two ranks differ only by diacritics,
 * and the table below refuses to load if that ever changes.
 */
export function parseRank(text: string): Rank | null {
  const key = searchKey(text);
  return LOOSE.get(key) ?? null;
}

const LOOSE = new Map<string, Rank>();
for (const rank of RANKS) {
  const key = searchKey(rank);
  if (LOOSE.has(key)) throw new Error(`ranks: "${rank}" and "${LOOSE.get(key)}" cannot be told apart without diacritics`);
  LOOSE.set(key, rank);
}
