import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossAverage, differencesOf, differenceThresholdHalf, reportTotals, roundAverageDown, suggestFinal } from "@/domain/scoring";
import { sampleTable } from "./helpers";

describe("final score resolution", () => {
  it.each([
    // [cross half-points, max, self, suggestion]
    [[14, 16], 20, 20, 15], // 7 and 8 → 7,5
    [[14, 15], 20, 20, 14], // 7,25 → tie goes down → 7
    [[15, 16], 20, 20, 15], // 7,75 → tie goes down → 7,5
    [[14, 14, 15], 20, 20, 14], // 7,17 → 7
    [[14, 15, 15], 20, 20, 15], // 7,33 → 7,5
    [[], 20, 17, 17], // no cross-score: the self-score
    [[], 20, null, 0],
    [[40], 20, 20, 20], // never above the max
  ])("cross %j (max %i, self %j) suggests %i", (cross, max, self, expected) => {
    expect(suggestFinal({ maxHalf: max, selfHalf: self, crossHalves: cross, finalHalf: null })).toBe(expected);
  });

  it("property: the rounding matches the nearest half point, ties down", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 9 }), (cross) => {
        const sum = cross.reduce((a, b) => a + b, 0);
        const r = roundAverageDown(sum, cross.length);
        const avg = sum / cross.length;
        expect(Math.abs(r - avg)).toBeLessThanOrEqual(0.5 + 1e-12);
        if (Math.abs(r - avg) === 0.5) expect(r).toBeLessThan(avg);
        expect(r).toBeGreaterThanOrEqual(Math.min(...cross));
        expect(r).toBeLessThanOrEqual(Math.max(...cross));
      }),
    );
  });

  it("highlights big differences: 20% of the max, at least 0,5 điểm", () => {
    expect(differenceThresholdHalf(20, 20)).toBe(4); // max 10 → 2 điểm
    expect(differenceThresholdHalf(2, 20)).toBe(1); // max 1 → at least 0,5
    const c = { maxHalf: 20, selfHalf: 20, crossHalves: [16, 16], finalHalf: null };
    expect(differencesOf(c, 20)).toMatchObject({ selfVsCross: 4, bigSelfVsCross: true, spread: 0, bigSpread: false, big: true });
    expect(differencesOf({ ...c, crossHalves: [17, 18] }, 20)).toMatchObject({ bigSelfVsCross: false, big: false });
    expect(differencesOf({ ...c, selfHalf: 16, crossHalves: [12, 20] }, 20)).toMatchObject({ selfVsCross: 0, spread: 8, bigSpread: true, big: true });
    expect(differencesOf({ ...c, crossHalves: [] }, 20)).toMatchObject({ selfVsCross: null, spread: null, big: false });
  });

  it("averages are exact fractions of half-points", () => {
    expect(crossAverage([14, 15, 15])).toBeCloseTo(44 / 3);
    expect(crossAverage([])).toBeNull();
  });

  it("totals side by side: self, average of each scorer's capped total, final with what is missing", () => {
    const t = sampleTable();
    const ids = t.sections.flatMap((s) => s.criteria.map((c) => c.id));
    const self = new Map(ids.map((id) => [id, 4]));
    const scorerA = new Map(ids.map((id) => [id, 2]));
    const scorerB = new Map(ids.map((id) => [id, 3]));
    const final = new Map(ids.slice(1).map((id) => [id, 3]));
    const r = reportTotals(t, (id) => self.get(id), [(id) => scorerA.get(id), (id) => scorerB.get(id)], (id) => final.get(id));
    expect(r.crossTotals.map((x) => x.totalHalf)).toHaveLength(2);
    expect(r.crossAverageHalf).toBe((r.crossTotals[0]!.totalHalf + r.crossTotals[1]!.totalHalf) / 2);
    expect(r.missingFinal).toEqual([ids[0]]);
  });
});
