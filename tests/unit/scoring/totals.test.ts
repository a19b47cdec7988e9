import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allCriteria, computeTotals, totalsOf } from "@/domain/scoring";
import { sampleTable } from "./helpers";

describe("score arithmetic", () => {
  const t = sampleTable();
  const full = new Map(allCriteria(t).map((c) => [c.id, c.maxHalf]));

  it("full marks: 100 points, bonus capped at 5, penalties capped at 10", () => {
    const totals = totalsOf(t, full);
    expect(totals.scoredHalf).toBe(200);
    expect(totals.bonusHalf).toBe(10); // items add up to 14 half, cap 10
    expect(totals.penaltyHalf).toBe(20); // items add up to 20, cap 20
    expect(totals.totalHalf).toBe(190);
    expect(totals.sections[4]).toMatchObject({ rawHalf: 14, countedHalf: 10, capped: true });
    expect(totals.scoredSectionHalves).toEqual([40, 90, 40, 30]);
  });

  it.each([
    ["nothing scored", {}, 0],
    ["half points add up exactly", { 0: 7, 1: 7, 2: 1 }, 15],
    ["a score above the max counts as the max", { 0: 99 }, 8],
    ["a negative score counts as 0", { 0: -5, 1: 4 }, 4],
  ])("%s", (_name, byIndex: Record<number, number>, expected) => {
    const ids = allCriteria(t).map((c) => c.id);
    const scores = Object.fromEntries(Object.entries(byIndex).map(([i, h]) => [ids[Number(i)]!, h]));
    expect(totalsOf(t, scores).totalHalf).toBe(expected);
  });

  it("penalties never take the total below 0", () => {
    const penalties = new Map(t.sections[5]!.criteria.map((c) => [c.id, c.maxHalf]));
    expect(totalsOf(t, penalties)).toMatchObject({ scoredHalf: 0, penaltyHalf: 20, totalHalf: 0 });
  });

  it("property: total = scored + capped bonus − capped penalty, within 0..scale+bonus cap", () => {
    const criteria = allCriteria(t);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 40 }), { minLength: criteria.length, maxLength: criteria.length }), (values) => {
        const scores = new Map(criteria.map((c, i) => [c.id, values[i]!]));
        const totals = computeTotals(t, (id) => scores.get(id));
        expect(totals.totalHalf).toBe(Math.max(0, totals.scoredHalf + totals.bonusHalf - totals.penaltyHalf));
        expect(totals.bonusHalf).toBeLessThanOrEqual(10);
        expect(totals.penaltyHalf).toBeLessThanOrEqual(20);
        expect(totals.scoredHalf).toBeLessThanOrEqual(200);
        expect(totals.totalHalf).toBeGreaterThanOrEqual(0);
        expect(totals.totalHalf).toBeLessThanOrEqual(210);
        for (const s of totals.sections) expect(s.countedHalf).toBeLessThanOrEqual(s.maxHalf);
      }),
    );
  });

  it("property: raising one criterion's score never lowers the total unless it is a penalty", () => {
    const criteria = allCriteria(t);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: criteria.length, maxLength: criteria.length }),
        fc.nat({ max: criteria.length - 1 }),
        (values, which) => {
          const before = new Map(criteria.map((c, i) => [c.id, values[i]!]));
          const after = new Map(before);
          after.set(criteria[which]!.id, values[which]! + 1);
          const d = totalsOf(t, after).totalHalf - totalsOf(t, before).totalHalf;
          if (criteria[which]!.section.kind === "PENALTY") expect(d).toBeLessThanOrEqual(0);
          else expect(d).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
