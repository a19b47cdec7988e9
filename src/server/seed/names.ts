// Deterministic generator of fictional officers for the demo data: Vietnamese names (NFC, with
// diacritics), CAND ranks and positions consistent with each other, officer codes unique per unit.
// Pure functions over a seeded PRNG: the same seed always gives the same people. No Math.random.
import type { Rank } from "@/domain/ranks";
import { seededRandom } from "@/domain/scoring";

export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1) (the one the cross-score assignment draws with). */
export const mulberry32: (seed: number) => Rng = seededRandom;

/** FNV-1a over the string's UTF-16 code units: a stable 32-bit seed from text. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A PRNG for one purpose ("names of KTNV", "count of NT"), derived from the base seed. */
export function rngFor(seed: number, ...scope: string[]): Rng {
  return mulberry32(hashString(`${seed}:${scope.join(":")}`));
}

export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick: empty list");
  return items[Math.floor(rng() * items.length)]!;
}

export type Weighted<T> = readonly (readonly [T, number])[];

export function pickWeighted<T>(rng: Rng, items: Weighted<T>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = rng() * total;
  for (const [item, weight] of items) {
    r -= weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------
// Names. Weights roughly follow the frequency of family names in northern Viet Nam (the units are
// headquartered in Hà Nội): Nguyễn about 38%, then Trần, Lê, Phạm, Hoàng/Huỳnh, Phan, Vũ/Võ …
// Tone marks in the modern placement used on identity documents (Hòa, Thủy).

export const FAMILY_NAMES: Weighted<string> = [
  ["Nguyễn", 384], ["Trần", 110], ["Lê", 95], ["Phạm", 70], ["Hoàng", 42], ["Huỳnh", 9],
  ["Phan", 45], ["Vũ", 30], ["Võ", 9], ["Đặng", 21], ["Bùi", 20], ["Đỗ", 16], ["Hồ", 12],
  ["Ngô", 13], ["Dương", 10], ["Lý", 5], ["Đinh", 9], ["Trịnh", 7], ["Đào", 7], ["Đoàn", 6],
  ["Mai", 4], ["Lương", 4], ["Cao", 4], ["Hà", 4], ["Tạ", 3], ["Chu", 3], ["Lưu", 3], ["Tô", 2],
  ["Kiều", 2], ["Vương", 2], ["Lại", 2], ["Thái", 2], ["Triệu", 2], ["Nông", 2], ["Khuất", 1],
  ["Quách", 1], ["Tăng", 1], ["Phùng", 2],
];

const MALE_MIDDLE: Weighted<string> = [
  ["Văn", 30], ["Đức", 8], ["Minh", 8], ["Quang", 6], ["Hữu", 6], ["Thanh", 5], ["Xuân", 4],
  ["Công", 4], ["Quốc", 4], ["Đình", 4], ["Tiến", 3], ["Mạnh", 3], ["Trọng", 3], ["Anh", 3],
  ["Duy", 3], ["Thế", 3], ["Việt", 3], ["Ngọc", 3], ["Hoàng", 2], ["Bá", 2], ["Trung", 2],
  ["Hải", 2], ["Tuấn", 2], ["Khắc", 1], ["Chí", 1], ["Huy", 1], ["Gia", 1], ["Kim", 1],
];

const FEMALE_MIDDLE: Weighted<string> = [
  ["Thị", 40], ["Thu", 8], ["Ngọc", 6], ["Thanh", 6], ["Minh", 4], ["Phương", 3], ["Thùy", 3],
  ["Hồng", 3], ["Kim", 2], ["Mai", 2], ["Khánh", 2], ["Hải", 2], ["Diệu", 1], ["Bảo", 1],
  ["Quỳnh", 1], ["Lan", 1],
  // Two middle names, common for women: Nguyễn Thị Thu Hà.
  ["Thị Thu", 4], ["Thị Thanh", 3], ["Thị Ngọc", 3], ["Thị Minh", 2], ["Thị Hồng", 2],
  ["Thị Kim", 1], ["Thị Phương", 1], ["Thị Mai", 1],
];

const MALE_GIVEN: Weighted<string> = [
  ["Tuấn", 8], ["Hùng", 8], ["Dũng", 8], ["Hải", 7], ["Minh", 7], ["Nam", 7], ["Long", 6],
  ["Thắng", 6], ["Cường", 6], ["Sơn", 6], ["Trung", 6], ["Đức", 5], ["Anh", 6], ["Huy", 5],
  ["Hiếu", 5], ["Thành", 5], ["Quân", 5], ["Hoàng", 4], ["Tùng", 4], ["Bình", 4], ["Tâm", 3],
  ["Toàn", 3], ["Vinh", 3], ["Lâm", 3], ["Kiên", 3], ["Phong", 3], ["Phúc", 3], ["Việt", 3],
  ["Duy", 3], ["Hưng", 4], ["Tài", 2], ["Nghĩa", 3], ["Thịnh", 2], ["Khoa", 2], ["Khánh", 3],
  ["Đạt", 4], ["Chiến", 3], ["Quyết", 2], ["Lực", 2], ["Hiệp", 2], ["Hậu", 2], ["Thái", 2],
  ["Thiện", 2], ["Tiến", 3], ["Thuận", 2], ["Giang", 2], ["Hòa", 2], ["Công", 2], ["Trường", 3],
  ["Tú", 2], ["Quang", 3], ["Phương", 2], ["Linh", 1], ["Ngọc", 1], ["Khải", 1], ["Doanh", 1],
  ["Định", 1], ["Lộc", 2], ["Bảo", 2], ["Vũ", 2], ["Thọ", 1], ["Cảnh", 1], ["Luân", 1],
];

const FEMALE_GIVEN: Weighted<string> = [
  ["Hà", 6], ["Lan", 5], ["Hương", 6], ["Linh", 7], ["Trang", 7], ["Mai", 5], ["Ngọc", 4],
  ["Thảo", 5], ["Huyền", 5], ["Nhung", 4], ["Phương", 5], ["Yến", 4], ["Hằng", 5], ["Hạnh", 4],
  ["Loan", 3], ["Dung", 4], ["Vân", 4], ["Thủy", 4], ["Giang", 3], ["Nga", 4], ["Oanh", 3],
  ["Quỳnh", 3], ["Ánh", 3], ["Hiền", 4], ["Thúy", 3], ["Trâm", 2], ["Vy", 2], ["Chi", 3],
  ["Anh", 5], ["Hoa", 3], ["Hồng", 3], ["Liên", 2], ["My", 2], ["Ngân", 3], ["Nhàn", 2],
  ["Tuyết", 2], ["Uyên", 2], ["Thu", 2], ["Hòa", 2], ["Lý", 1], ["Diệp", 1], ["Thơ", 1],
];

export type Gender = "M" | "F";

/** One fictional full name (family, middle, given), NFC. */
export function randomFullName(rng: Rng, gender: Gender): string {
  const family = pickWeighted(rng, FAMILY_NAMES);
  for (let attempt = 0; ; attempt++) {
    const middle = pickWeighted(rng, gender === "M" ? MALE_MIDDLE : FEMALE_MIDDLE);
    const given = pickWeighted(rng, gender === "M" ? MALE_GIVEN : FEMALE_GIVEN);
    const middleWords = middle.split(" ");
    // "Hoàng Hoàng Nam", "Nguyễn Minh Minh" do not happen; give up after a few tries (never in practice).
    if (attempt < 20 && (middleWords.includes(family) || middleWords.includes(given) || given === family)) continue;
    return `${family} ${middle} ${given}`.normalize("NFC");
  }
}

// ---------------------------------------------------------------------------------------------
// Ranks (cấp bậc hàm) come from the domain list (src/domain/ranks.ts), the one the officer form accepts.
// The demo uses Binh nhì … Đại tá for the rank and file and Thiếu tướng/Trung tướng for the heads of
// the member units (and at most one deputy per unit).

/** Which ranks each position is filled from, with weights (the rank-position consistency rule). */
export const POSITION_RANKS = {
  "Cục trưởng": [["Thiếu tướng", 3], ["Trung tướng", 1]],
  "Tư lệnh": [["Thiếu tướng", 2], ["Trung tướng", 1]],
  "Phó Cục trưởng": [["Đại tá", 6], ["Thiếu tướng", 1]],
  "Phó Tư lệnh": [["Đại tá", 4], ["Thiếu tướng", 1]],
  "Trưởng phòng": [["Thượng tá", 1], ["Đại tá", 3]],
  "Trung đoàn trưởng": [["Thượng tá", 1], ["Đại tá", 3]],
  "Phó Trưởng phòng": [["Trung tá", 2], ["Thượng tá", 3], ["Đại tá", 1]],
  "Phó Trung đoàn trưởng": [["Trung tá", 2], ["Thượng tá", 3]],
  "Đội trưởng": [["Thiếu tá", 2], ["Trung tá", 3], ["Thượng tá", 1]],
  "Đại đội trưởng": [["Đại úy", 2], ["Thiếu tá", 3], ["Trung tá", 1]],
  "Phó Đội trưởng": [["Đại úy", 2], ["Thiếu tá", 3], ["Trung tá", 2]],
  "Tổ trưởng": [["Thượng úy", 2], ["Đại úy", 3], ["Thiếu tá", 1]],
  "Trung đội trưởng": [["Thiếu úy", 1], ["Trung úy", 3], ["Thượng úy", 2]],
  "Cán bộ": [["Thiếu úy", 10], ["Trung úy", 18], ["Thượng úy", 20], ["Đại úy", 20], ["Thiếu tá", 16], ["Trung tá", 10], ["Thượng tá", 3]],
  "Chiến sĩ": [["Binh nhì", 20], ["Binh nhất", 25], ["Hạ sĩ", 20], ["Trung sĩ", 15], ["Thượng sĩ", 10]],
} as const satisfies Record<string, Weighted<Rank>>;

export type Position = keyof typeof POSITION_RANKS;
export const POSITIONS = Object.keys(POSITION_RANKS) as Position[];

export function randomRank(rng: Rng, position: Position): Rank {
  return pickWeighted<Rank>(rng, POSITION_RANKS[position]);
}

// ---------------------------------------------------------------------------------------------
// Officers of one member unit.

/**
 * STAFF: a staff office (Phòng Tham mưu…); DIVISION: an operational division (Phòng 1…);
 * TEAM: a team directly under the unit (Đội…); REGIMENT: a regiment (Trung đoàn…).
 */
export type SubUnitKind = "STAFF" | "DIVISION" | "TEAM" | "REGIMENT";

export type SubUnitSpec = { code: string; kind: SubUnitKind };

export type GeneratedOfficer = {
  code: string;
  fullName: string;
  gender: Gender;
  rank: Rank;
  position: Position;
  subUnitCode: string;
};

/** A person placed by hand (e.g. the officer behind a demo account); takes precedence over the draw. */
export type FixedOfficer = { fullName: string; gender: Gender; rank: Rank; position: Position; subUnitCode: string };

export type UnitOfficersOptions = {
  /** Short code of the member unit, the prefix of the officer codes: "KTNV" → "KTNV-00001". */
  unitCode: string;
  /** The unit's sub-units; the unit's leadership is placed in the first STAFF one. */
  subUnits: readonly SubUnitSpec[];
  /** "Cục" (Cục trưởng) or "Bộ Tư lệnh" (Tư lệnh). */
  leadership: "DEPARTMENT" | "COMMAND";
  seed: number;
  /** Total number of officers; default officerCountFor(unitCode, seed), 150–400. */
  count?: number;
  fixed?: readonly FixedOfficer[];
};

export const MIN_OFFICERS = 150;
export const MAX_OFFICERS = 400;

/** How many officers the demo unit has: 150–400, fixed for a unit code and seed. */
export function officerCountFor(unitCode: string, seed: number): number {
  return randomInt(rngFor(seed, "count", unitCode), MIN_OFFICERS, MAX_OFFICERS);
}

export function officerCode(unitCode: string, n: number): string {
  return `${unitCode}-${String(n).padStart(5, "0")}`;
}

const SUB_UNIT_WEIGHT: Record<SubUnitKind, number> = { STAFF: 0.8, DIVISION: 1.2, TEAM: 0.6, REGIMENT: 3 };
// Share of women among the rank and file, and of conscripts/NCOs ("Chiến sĩ") among the staff.
const FEMALE_SHARE: Record<SubUnitKind, number> = { STAFF: 0.3, DIVISION: 0.15, TEAM: 0.12, REGIMENT: 0.03 };
const ENLISTED_SHARE: Record<SubUnitKind, number> = { STAFF: 0.05, DIVISION: 0.06, TEAM: 0.1, REGIMENT: 0.55 };
const MIN_SUB_UNIT_SIZE = 12;

/** Splits `total` over the weights (largest remainder), each share at least `min`. */
function apportion(total: number, weights: number[], min: number): number[] {
  const spare = total - min * weights.length;
  if (spare < 0) throw new Error(`Not enough officers (${total}) for ${weights.length} sub-units`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const shares = exact.map(Math.floor);
  let left = spare - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    shares[i]!++;
  }
  return shares.map((s) => s + min);
}

/** The positions in a sub-unit of `size` people, head first; the rest are staff ("Cán bộ"/"Chiến sĩ"). */
function subUnitPositions(kind: SubUnitKind, size: number, rng: Rng): Position[] {
  const out: Position[] = [];
  const add = (position: Position, n: number) => {
    for (let i = 0; i < n && out.length < size; i++) out.push(position);
  };
  if (kind === "REGIMENT") {
    add("Trung đoàn trưởng", 1);
    add("Phó Trung đoàn trưởng", size >= 80 ? 3 : 2);
    add("Đại đội trưởng", Math.max(1, Math.round(size / 45)));
    add("Trung đội trưởng", Math.max(1, Math.round(size / 18)));
  } else if (kind === "TEAM") {
    add("Đội trưởng", 1);
    add("Phó Đội trưởng", size >= 30 ? 2 : 1);
    add("Tổ trưởng", Math.max(1, Math.round(size / 10)));
  } else {
    add("Trưởng phòng", 1);
    add("Phó Trưởng phòng", size >= 40 ? 3 : 2);
    add("Đội trưởng", Math.max(1, Math.round(size / 14)));
    add("Phó Đội trưởng", Math.max(1, Math.round(size / 16)));
  }
  while (out.length < size) out.push(rng() < ENLISTED_SHARE[kind] ? "Chiến sĩ" : "Cán bộ");
  return out;
}

/**
 * The officers of one member unit: leadership, then each sub-unit head first. Names are unique within
 * the unit (a real unit may have namesakes, but a demo list reads better without them); codes are
 * `${unitCode}-00001`… in that order.
 */
export function generateUnitOfficers(options: UnitOfficersOptions): GeneratedOfficer[] {
  const { unitCode, subUnits, leadership, seed } = options;
  const fixed = options.fixed ?? [];
  const count = options.count ?? officerCountFor(unitCode, seed);
  if (subUnits.length === 0) throw new Error(`Unit ${unitCode} has no sub-units`);
  const homeOfLeaders = (subUnits.find((s) => s.kind === "STAFF") ?? subUnits[0]!).code;
  const rng = rngFor(seed, "officers", unitCode);

  // One slot per person: position, sub-unit, and for the leadership the ranks and share of women.
  type Slot = { position: Position; subUnitCode: string; kind: SubUnitKind | "LEADER"; ranks?: Weighted<Rank>; femaleShare?: number };
  const slots: Slot[] = [];
  const [head, deputy] = leadership === "COMMAND" ? (["Tư lệnh", "Phó Tư lệnh"] as const) : (["Cục trưởng", "Phó Cục trưởng"] as const);
  slots.push({ position: head, subUnitCode: homeOfLeaders, kind: "LEADER", femaleShare: 0 });
  // At most the first deputy (thường trực) holds a general's rank; the others are colonels.
  const deputies = randomInt(rng, 2, 4);
  for (let i = 0; i < deputies; i++) {
    slots.push(i === 0
      ? { position: deputy, subUnitCode: homeOfLeaders, kind: "LEADER", ranks: [["Thiếu tướng", 1], ["Đại tá", 1]], femaleShare: 0 }
      : { position: deputy, subUnitCode: homeOfLeaders, kind: "LEADER", ranks: [["Đại tá", 1]], femaleShare: 0.05 });
  }

  const sizes = apportion(count - slots.length, subUnits.map((s) => SUB_UNIT_WEIGHT[s.kind]), MIN_SUB_UNIT_SIZE);
  subUnits.forEach((sub, i) => {
    for (const position of subUnitPositions(sub.kind, sizes[i]!, rng)) slots.push({ position, subUnitCode: sub.code, kind: sub.kind });
  });

  // Hand-placed people take the first free slot with their position and sub-unit (or replace a staff slot).
  const assigned = new Map<number, FixedOfficer>();
  for (const person of fixed) {
    let index = slots.findIndex((s, i) => !assigned.has(i) && s.position === person.position && s.subUnitCode === person.subUnitCode);
    if (index < 0) index = slots.findIndex((s, i) => !assigned.has(i) && s.subUnitCode === person.subUnitCode && s.position === "Cán bộ");
    if (index < 0) throw new Error(`No place for ${person.fullName} in ${person.subUnitCode}`);
    slots[index] = { ...slots[index]!, position: person.position, ranks: undefined };
    assigned.set(index, person);
  }

  const used = new Set(fixed.map((p) => p.fullName.normalize("NFC")));
  return slots.map((slot, i) => {
    const code = officerCode(unitCode, i + 1);
    const person = assigned.get(i);
    if (person) return { code, fullName: person.fullName.normalize("NFC"), gender: person.gender, rank: person.rank, position: person.position, subUnitCode: slot.subUnitCode };
    const femaleShare = slot.femaleShare ?? (slot.kind === "LEADER" ? 0 : slot.position === "Chiến sĩ" ? 0.02 : FEMALE_SHARE[slot.kind]);
    const gender: Gender = rng() < femaleShare ? "F" : "M";
    let fullName = randomFullName(rng, gender);
    for (let attempt = 0; used.has(fullName) && attempt < 100; attempt++) fullName = randomFullName(rng, gender);
    used.add(fullName);
    const rank = slot.ranks ? pickWeighted(rng, slot.ranks) : randomRank(rng, slot.position);
    return { code, fullName, gender, rank, position: slot.position, subUnitCode: slot.subUnitCode };
  });
}
