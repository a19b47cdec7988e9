import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankChange, rankChangeLabel, rankChangeSymbol } from "@/domain/dashboard";

describe("rank change since last year", () => {
  it.each([
    [1, 3, "UP", "▲ 2", "Tăng 2 bậc so với năm 2021"],
    [4, 2, "DOWN", "▼ 2", "Giảm 2 bậc so với năm 2021"],
    [2, 2, "SAME", "=", "Giữ nguyên thứ hạng năm 2021"],
    [2, null, "NEW", "Mới", "Năm 2021 chưa được xếp hạng"],
    [null, 2, "NONE", "", "Chưa được xếp hạng"],
  ] as const)("rank %s after %s", (current, previous, kind, symbol, label) => {
    const change = rankChange(current, previous);
    expect(change.kind).toBe(kind);
    expect(rankChangeSymbol(change)).toBe(symbol);
    expect(rankChangeLabel(change, 2021)).toBe(label);
  });

  it("property: moving up by n then down by n comes back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (a, b) => {
        const there = rankChange(a, b);
        const back = rankChange(b, a);
        if (a === b) expect([there.kind, back.kind]).toEqual(["SAME", "SAME"]);
        else {
          expect(there.kind).toBe(a < b ? "UP" : "DOWN");
          expect(back.kind).toBe(a < b ? "DOWN" : "UP");
          expect("by" in there && "by" in back && there.by === back.by).toBe(true);
        }
      }),
    );
  });
});
