import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVi } from "@/domain/vietnamese";
import { rankUnits, TIE_BREAK_KEYS, type RankingEntry } from "@/domain/scoring";

const entry = (unitName: string, totalHalf: number, sections: number[], penaltyHalf = 0): RankingEntry => ({
  unitId: unitName,
  unitName,
  totalHalf,
  scoredSectionHalves: sections,
  penaltyHalf,
});

const ANM = entry("Cục An ninh mạng", 190, [38, 84, 38, 30]);
const KTNV = entry("Cục Kỹ thuật nghiệp vụ", 186, [40, 80, 36, 30]);
const NT = entry("Cục Ngoại tuyến", 186, [36, 84, 36, 30], 2);
const XNC = entry("Cục Quản lý xuất nhập cảnh", 180, [36, 80, 36, 28]);
const CV = entry("Bộ Tư lệnh Cảnh vệ", 180, [36, 80, 36, 28]);

describe("ranking", () => {
  it("orders by total; a tie goes to the higher first section (default rule)", () => {
    const ranked = rankUnits([XNC, NT, CV, KTNV, ANM], "FIRST_SECTION", compareVi);
    expect(ranked.map((r) => [r.unitName, r.rank, r.shared])).toEqual([
      ["Cục An ninh mạng", 1, false],
      ["Cục Kỹ thuật nghiệp vụ", 2, false],
      ["Cục Ngoại tuyến", 3, false],
      // Fully equal: they share the rank, listed in Vietnamese order.
      ["Bộ Tư lệnh Cảnh vệ", 4, true],
      ["Cục Quản lý xuất nhập cảnh", 4, true],
    ]);
    expect(ranked[1]!.tieNote).toBe("Bằng tổng điểm với Cục Ngoại tuyến; xếp trên vì điểm mục I cao hơn (20 so với 18).");
    expect(ranked[0]!.tieNote).toBeNull();
  });

  it("SECTIONS_IN_ORDER looks further when the first section is equal", () => {
    const a = entry("Đơn vị A", 180, [40, 80, 40, 20]);
    const b = entry("Đơn vị B", 180, [40, 84, 36, 20]);
    expect(rankUnits([a, b], "FIRST_SECTION", compareVi).map((r) => r.rank)).toEqual([1, 1]);
    const ranked = rankUnits([a, b], "SECTIONS_IN_ORDER", compareVi);
    expect(ranked.map((r) => [r.unitName, r.rank])).toEqual([["Đơn vị B", 1], ["Đơn vị A", 2]]);
    expect(ranked[0]!.tieNote).toContain("điểm mục II cao hơn (42 so với 40)");
  });

  it("FEWER_PENALTIES prefers fewer deductions, then the first section", () => {
    const ranked = rankUnits([KTNV, NT], "FEWER_PENALTIES", compareVi);
    expect(ranked.map((r) => r.unitName)).toEqual(["Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến"]);
    expect(ranked[0]!.tieNote).toBe("Bằng tổng điểm với Cục Ngoại tuyến; xếp trên vì bị trừ ít điểm hơn (0 so với 1).");
  });

  it("NONE: equal totals share the rank", () => {
    expect(rankUnits([KTNV, NT, ANM], "NONE", compareVi).map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  const entryArb = fc.record({
    unitName: fc.constantFrom("An", "Bình", "Cảnh", "Đông", "Hà", "Lâm", "Minh", "Ánh"),
    totalHalf: fc.integer({ min: 170, max: 176 }),
    scoredSectionHalves: fc.array(fc.integer({ min: 30, max: 40 }), { minLength: 3, maxLength: 3 }),
    penaltyHalf: fc.integer({ min: 0, max: 3 }),
  });
  const entriesArb = fc.uniqueArray(entryArb, { minLength: 1, maxLength: 8, selector: (e) => e.unitName }).map((es) => es.map((e) => ({ ...e, unitId: `id-${e.unitName}` })));

  it("property: ranks follow the totals, start at 1, and the input order never matters", () => {
    fc.assert(
      fc.property(entriesArb, fc.constantFrom(...TIE_BREAK_KEYS), fc.integer(), (entries, rule, seed) => {
        const ranked = rankUnits(entries, rule, compareVi);
        const shuffled = [...entries].sort((a, b) => ((a.unitName.charCodeAt(0) * seed) % 7) - ((b.unitName.charCodeAt(0) * seed) % 7));
        expect(rankUnits(shuffled, rule, compareVi)).toEqual(ranked);
        expect(ranked[0]!.rank).toBe(1);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i]!.totalHalf).toBeLessThanOrEqual(ranked[i - 1]!.totalHalf);
          expect(ranked[i]!.rank).toBeGreaterThanOrEqual(ranked[i - 1]!.rank);
          // A rank is the position of the first of its group (standard competition ranking).
          if (ranked[i]!.rank !== ranked[i - 1]!.rank) expect(ranked[i]!.rank).toBe(i + 1);
          // A higher total always ranks strictly above.
          if (ranked[i]!.totalHalf < ranked[i - 1]!.totalHalf) expect(ranked[i]!.rank).toBeGreaterThan(ranked[i - 1]!.rank);
        }
      }),
    );
  });

  it("property: with the default rule, a tie on total goes to the higher first section", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const ranked = rankUnits(entries, "FIRST_SECTION", compareVi);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          if (a.totalHalf === b.totalHalf) {
            expect(a.scoredSectionHalves[0]!).toBeGreaterThanOrEqual(b.scoredSectionHalves[0]!);
            expect(a.rank === b.rank).toBe(a.scoredSectionHalves[0] === b.scoredSectionHalves[0]);
          }
        }
      }),
    );
  });
});
