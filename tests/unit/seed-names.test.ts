import { describe, it, expect } from "vitest";
import {
  FAMILY_NAMES,
  MAX_OFFICERS,
  MIN_OFFICERS,
  POSITION_RANKS,
  generateUnitOfficers,
  mulberry32,
  officerCountFor,
  randomFullName,
  type SubUnitSpec,
} from "@/server/seed/names";
import { isRank } from "@/domain/ranks";

const SUB_UNITS: SubUnitSpec[] = [
  { code: "KTNV-TM", kind: "STAFF" },
  { code: "KTNV-P1", kind: "DIVISION" },
  { code: "KTNV-P2", kind: "DIVISION" },
  { code: "KTNV-D1", kind: "TEAM" },
  { code: "KTNV-TD1", kind: "REGIMENT" },
];

const generate = (seed: number, unitCode = "KTNV", count?: number) =>
  generateUnitOfficers({
    unitCode,
    subUnits: SUB_UNITS.map((s) => ({ ...s, code: s.code.replace("KTNV", unitCode) })),
    leadership: "DEPARTMENT",
    seed,
    count,
  });

const names = (seed: number, n: number) => {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => randomFullName(rng, i % 5 === 0 ? "F" : "M"));
};

// The Vietnamese alphabet with every tone, lower case, precomposed (NFC).
const VIETNAMESE_LETTERS = new Set(
  [..."aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"],
);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const LETTER_MARKS = new Set(["\u0302", "\u0306", "\u031b"]);

describe("mulberry32", () => {
  it("is deterministic and in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe("names", () => {
  it("same seed, same names; another seed, other names", () => {
    expect(names(7, 200)).toEqual(names(7, 200));
    expect(names(8, 200)).not.toEqual(names(7, 200));
    expect(generate(1)).toEqual(generate(1));
    expect(generate(2).map((o) => o.fullName)).not.toEqual(generate(1).map((o) => o.fullName));
  });

  it("are NFC, with valid Vietnamese letters and at most one tone per syllable", () => {
    const all = [...names(11, 2000), ...generate(3).map((o) => o.fullName)];
    for (const name of all) {
      expect(name).toBe(name.normalize("NFC"));
      const words = name.split(" ");
      expect(words.length).toBeGreaterThanOrEqual(3);
      expect(words.length).toBeLessThanOrEqual(4);
      for (const word of words) {
        const first = word[0]!;
        expect(first).toBe(first.toUpperCase());
        for (const ch of word.toLowerCase()) expect(VIETNAMESE_LETTERS.has(ch), `${ch} in ${name}`).toBe(true);
        const decomposed = word.normalize("NFD");
        expect((decomposed.match(TONE_MARKS) ?? []).length, word).toBeLessThanOrEqual(1);
        for (const mark of decomposed.match(/[\u0300-\u036f]/g) ?? []) {
          expect(LETTER_MARKS.has(mark) || /[\u0300\u0301\u0303\u0309\u0323]/.test(mark)).toBe(true);
        }
      }
    }
  });

  it("carry diacritics and a realistic family-name spread", () => {
    const all = names(5, 5000);
    const withDiacritics = all.filter((n) => n !== n.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d"));
    expect(withDiacritics.length / all.length).toBeGreaterThan(0.9);
    const nguyen = all.filter((n) => n.startsWith("Nguyễn ")).length / all.length;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
    const families = new Set(FAMILY_NAMES.map(([f]) => f));
    expect(all.every((n) => families.has(n.split(" ")[0]!))).toBe(true);
    expect(all.some((n) => n.includes(" Thị "))).toBe(true);
  });
});

describe("officers of a unit", () => {
  it("have the deterministic count, 150–400", () => {
    for (const unit of ["ANM", "KTNV", "NT", "QLXNC", "BTLCV"]) {
      const n = officerCountFor(unit, 20211119);
      expect(n).toBe(officerCountFor(unit, 20211119));
      expect(n).toBeGreaterThanOrEqual(MIN_OFFICERS);
      expect(n).toBeLessThanOrEqual(MAX_OFFICERS);
      expect(generate(20211119, unit)).toHaveLength(n);
    }
  });

  it("have unique codes with the unit prefix, and unique names", () => {
    const officers = generate(9, "KTNV", 400);
    const codes = officers.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^KTNV-\d{5}$/.test(c))).toBe(true);
    expect(new Set(officers.map((o) => o.fullName)).size).toBe(officers.length);
  });

  it("have ranks from the allowed list, consistent with their positions", () => {
    const officers = [...generate(4, "ANM", 150), ...generate(4, "NT", 400)];
    for (const o of officers) {
      expect(isRank(o.rank), o.rank).toBe(true);
      const allowed = POSITION_RANKS[o.position].map(([rank]) => rank as string);
      // Generals only lead a unit; everyone else is Binh nhì … Đại tá.
      if (!o.position.startsWith("Cục trưởng") && !o.position.startsWith("Phó Cục trưởng")) expect(o.rank).not.toMatch(/tướng/);
      expect(allowed, `${o.position} ${o.rank}`).toContain(o.rank);
    }
    const positions = new Set(officers.map((o) => o.position));
    for (const p of ["Cục trưởng", "Phó Cục trưởng", "Trưởng phòng", "Phó Trưởng phòng", "Đội trưởng", "Phó Đội trưởng", "Cán bộ"]) {
      expect(positions).toContain(p);
    }
    expect(officers.filter((o) => o.position === "Cục trưởng")).toHaveLength(2);
  });

  it("are spread over the unit's sub-units, each with one head", () => {
    const officers = generate(6, "QLXNC");
    const subUnits = new Set(officers.map((o) => o.subUnitCode));
    expect([...subUnits].sort()).toEqual(SUB_UNITS.map((s) => s.code.replace("KTNV", "QLXNC")).sort());
    for (const head of ["Trung đoàn trưởng"] as const) {
      expect(officers.filter((o) => o.position === head)).toHaveLength(1);
    }
    // Two divisions and the staff office: one head each.
    expect(officers.filter((o) => o.position === "Trưởng phòng")).toHaveLength(3);
  });

  it("place the hand-picked people", () => {
    const officers = generateUnitOfficers({
      unitCode: "KTNV",
      subUnits: SUB_UNITS,
      leadership: "DEPARTMENT",
      seed: 1,
      fixed: [{ fullName: "Hoàng Văn Khải", gender: "M", rank: "Thiếu tướng", position: "Cục trưởng", subUnitCode: "KTNV-TM" }],
    });
    expect(officers[0]).toMatchObject({ code: "KTNV-00001", fullName: "Hoàng Văn Khải", position: "Cục trưởng", rank: "Thiếu tướng" });
    expect(officers.filter((o) => o.fullName === "Hoàng Văn Khải")).toHaveLength(1);
  });
});
