import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateAssignment, seededShuffle } from "@/domain/scoring";

const units = (n: number) => Array.from({ length: n }, (_, i) => `unit-${String(i).padStart(2, "0")}`);

function counts(assignments: { scorerUnitId: string; reportUnitId: string }[]) {
  const byReport = new Map<string, number>();
  const byScorer = new Map<string, number>();
  for (const a of assignments) {
    byReport.set(a.reportUnitId, (byReport.get(a.reportUnitId) ?? 0) + 1);
    byScorer.set(a.scorerUnitId, (byScorer.get(a.scorerUnitId) ?? 0) + 1);
  }
  return { byReport, byScorer };
}

describe("cross-scoring assignment", () => {
  it("five units, two scorers each: never self, every report scored twice, every unit scores two", () => {
    const r = generateAssignment(units(5), 2, 2022);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.assignments).toHaveLength(10);
    expect(r.assignments.some((a) => a.scorerUnitId === a.reportUnitId)).toBe(false);
    const { byReport, byScorer } = counts(r.assignments);
    expect([...byReport.values()]).toEqual([2, 2, 2, 2, 2]);
    expect([...byScorer.values()]).toEqual([2, 2, 2, 2, 2]);
  });

  it.each([
    [[], 1, "Cần ít nhất 2 đơn vị có báo cáo đã được chấp nhận để chấm chéo."],
    [["a"], 1, "Cần ít nhất 2 đơn vị có báo cáo đã được chấp nhận để chấm chéo."],
    [["a", "b", "c"], 3, "Với 3 đơn vị tham gia, mỗi báo cáo chỉ có thể có tối đa 2 đơn vị chấm chéo (đơn vị không tự chấm báo cáo của mình)."],
    [["a", "b", "c"], 0, "Số đơn vị chấm chéo mỗi báo cáo phải là số nguyên từ 1 trở lên."],
  ])("refuses %j with %i scorers", (ids, k, message) => {
    expect(generateAssignment(ids, k, 1)).toEqual({ ok: false, message });
  });

  it("two units with one scorer score each other", () => {
    const r = generateAssignment(["a", "b"], 1, 7);
    expect(r.ok && r.assignments.map((a) => `${a.scorerUnitId}→${a.reportUnitId}`).sort()).toEqual(["a→b", "b→a"]);
  });

  it("property: fair for any n and k (exactly k per report and per scorer, never self, no pair twice)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 11 }), fc.integer(), (n, kRaw, seed) => {
        const k = ((kRaw - 1) % (n - 1)) + 1;
        const r = generateAssignment(units(n), k, seed);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.assignments).toHaveLength(n * k);
        const pairs = new Set(r.assignments.map((a) => `${a.scorerUnitId}|${a.reportUnitId}`));
        expect(pairs.size).toBe(n * k);
        for (const a of r.assignments) expect(a.scorerUnitId).not.toBe(a.reportUnitId);
        const { byReport, byScorer } = counts(r.assignments);
        expect(byReport.size).toBe(n);
        expect(byScorer.size).toBe(n);
        for (const v of byReport.values()) expect(v).toBe(k);
        for (const v of byScorer.values()) expect(v).toBe(k);
      }),
    );
  });

  it("property: deterministic for a seed, whatever the input order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), fc.integer(), fc.integer(), (n, seed, shuffleSeed) => {
        const ids = units(n);
        const a = generateAssignment(ids, 1, seed);
        const b = generateAssignment(seededShuffle(ids, shuffleSeed), 1, seed);
        expect(b).toEqual(a);
      }),
    );
  });

  it("different seeds give different orders (the seed matters)", () => {
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => JSON.stringify((generateAssignment(units(6), 2, seed) as { order: string[] }).order)));
    expect(orders.size).toBeGreaterThan(10);
  });
});
