import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sectionLabels, sectionScoreSeries, titleCountSeries, unitYearSeries, unitYearSeriesByUnit, yearRange } from "@/domain/dashboard";

describe("year range", () => {
  it("fills the gaps, ascending", () => {
    expect(yearRange([2021, 2018, 2019])).toEqual([2018, 2019, 2020, 2021]);
    expect(yearRange([])).toEqual([]);
  });
});

describe("scores by section per unit", () => {
  const units = [
    { unitId: "u1", label: "KTNV", name: "Cục Kỹ thuật nghiệp vụ" },
    { unitId: "u2", label: "ANM", name: "Cục An ninh mạng" },
    { unitId: "u3", label: "NT", name: "Cục Ngoại tuyến" },
  ];
  const sections = [
    { id: "a", label: "I", kind: "SCORED" as const },
    { id: "b", label: "II", kind: "SCORED" as const },
    { id: "p", label: "Điểm trừ", kind: "PENALTY" as const },
  ];

  it("one row per unit with scores, points per section, penalties negative, total = sum", () => {
    const { series, rows } = sectionScoreSeries(units, sections, [
      { unitId: "u1", sectionId: "a", countedHalf: 100 },
      { unitId: "u1", sectionId: "b", countedHalf: 75 },
      { unitId: "u1", sectionId: "p", countedHalf: 4 },
      { unitId: "u2", sectionId: "a", countedHalf: 90 },
      { unitId: "u2", sectionId: "x", countedHalf: 9 }, // unknown section: ignored
    ]);
    expect(series.map((s) => s.key)).toEqual(["s0", "s1", "s2"]);
    expect(rows).toEqual([
      { unitId: "u1", label: "KTNV", name: "Cục Kỹ thuật nghiệp vụ", s0: 50, s1: 37.5, s2: -2, totalPoints: 85.5 },
      { unitId: "u2", label: "ANM", name: "Cục An ninh mạng", s0: 45, s1: 0, s2: 0, totalPoints: 45 },
    ]);
  });
});

describe("a unit's score and rank over the years", () => {
  it("null where a year has no score", () => {
    expect(unitYearSeries([2019, 2020, 2021], [{ year: 2021, totalHalf: 181, rank: 2 }, { year: 2019, totalHalf: 170, rank: 3 }])).toEqual([
      { year: 2019, points: 85, rank: 3 },
      { year: 2020, points: null, rank: null },
      { year: 2021, points: 90.5, rank: 2 },
    ]);
  });

  it("by unit: every unit gets every year", () => {
    const out = unitYearSeriesByUnit([2020, 2021], ["a", "b"], [{ unitId: "a", year: 2021, totalHalf: 10, rank: 1 }]);
    expect(out.b).toEqual([{ year: 2020, points: null, rank: null }, { year: 2021, points: null, rank: null }]);
    expect(out.a![1]).toEqual({ year: 2021, points: 5, rank: 1 });
  });
});

describe("title counts over the years", () => {
  it("zeros for missing titles, totals per year, unknown titles ignored", () => {
    expect(
      titleCountSeries([2020, 2021], ["CST", "CSTDCS"], [
        { year: 2021, titleCode: "CST", count: 80 },
        { year: 2021, titleCode: "CSTDCS", count: 12 },
        { year: 2021, titleCode: "DV_TIEN_TIEN", count: 1 },
      ]),
    ).toEqual([
      { year: 2020, total: 0, CST: 0, CSTDCS: 0 },
      { year: 2021, total: 92, CST: 80, CSTDCS: 12 },
    ]);
  });

  it("property: the total of all rows equals the known counts added up", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ year: fc.integer({ min: 2015, max: 2022 }), titleCode: fc.constantFrom("CST", "CSTDCS", "X"), count: fc.integer({ min: 0, max: 1000 }) })),
        (counts) => {
          const rows = titleCountSeries(yearRange([2015, 2022]), ["CST", "CSTDCS"], counts);
          const sum = rows.reduce((acc, r) => acc + r.total, 0);
          expect(sum).toBe(counts.filter((c) => c.titleCode !== "X").reduce((acc, c) => acc + c.count, 0));
        },
      ),
    );
  });
});

describe("section labels", () => {
  it("numbers scored sections in Roman numerals; names the bonus and penalty groups", () => {
    const out = sectionLabels([{ kind: "SCORED" as const }, { kind: "SCORED" as const }, { kind: "BONUS" as const }, { kind: "SCORED" as const }, { kind: "PENALTY" as const }]);
    expect(out.map((s) => s.label)).toEqual(["I", "II", "Điểm thưởng", "III", "Điểm trừ"]);
  });
});
