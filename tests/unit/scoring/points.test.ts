import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAverage, formatPoints, half, parseMaxPoints, parsePoints, pointsInputValue } from "@/domain/scoring";

describe("half-points", () => {
  it.each([
    [0, "0"],
    [1, "0,5"],
    [14, "7"],
    [15, "7,5"],
    [200, "100"],
    [-3, "-1,5"],
  ])("formats %i half-points as %s", (h, text) => {
    expect(formatPoints(h)).toBe(text);
  });

  it.each([
    ["", 20, { ok: true, half: null }],
    ["  ", 20, { ok: true, half: null }],
    ["7", 20, { ok: true, half: 14 }],
    ["7,5", 20, { ok: true, half: 15 }],
    ["7.5", 20, { ok: true, half: 15 }],
    [" 7,50 ", 20, { ok: true, half: 15 }],
    ["0", 20, { ok: true, half: 0 }],
    ["10", 20, { ok: true, half: 20 }],
  ])("reads %j (max %i half)", (text, max, expected) => {
    expect(parsePoints(text, max)).toEqual(expected);
  });

  it.each([
    ["abc", "Điểm phải là một số, ví dụ 7 hoặc 7,5."],
    ["1e2", "Điểm phải là một số, ví dụ 7 hoặc 7,5."],
    ["7,3", "Điểm chỉ được chấm đến 0,5 điểm, ví dụ 7 hoặc 7,5."],
    ["0,25", "Điểm chỉ được chấm đến 0,5 điểm, ví dụ 7 hoặc 7,5."],
    ["-1", "Điểm không được âm."],
    ["-0,5", "Điểm không được âm."],
    ["10,5", "Điểm không được vượt quá điểm tối đa (10)."],
    ["11", "Điểm không được vượt quá điểm tối đa (10)."],
  ])("refuses %j with a clear message", (text, message) => {
    expect(parsePoints(text, 20)).toEqual({ ok: false, message });
  });

  it("maxima: required, positive unless allowed, in half steps, within the limit", () => {
    expect(parseMaxPoints("", { limitHalf: 200 })).toEqual({ ok: false, message: "Điểm tối đa là bắt buộc." });
    expect(parseMaxPoints("0", { limitHalf: 200 })).toEqual({ ok: false, message: "Điểm tối đa phải lớn hơn 0." });
    expect(parseMaxPoints("0", { limitHalf: 200, allowZero: true })).toEqual({ ok: true, half: 0 });
    expect(parseMaxPoints("2,5", { limitHalf: 200 })).toEqual({ ok: true, half: 5 });
    expect(parseMaxPoints("2,2", { limitHalf: 200 }).ok).toBe(false);
    expect(parseMaxPoints("101", { limitHalf: 200 })).toEqual({ ok: false, message: "Điểm tối đa không được vượt quá 100 điểm." });
  });

  it("averages show two decimals at most", () => {
    expect(formatAverage(15)).toBe("7,5");
    expect(formatAverage(44 / 3)).toBe("7,33");
    expect(formatAverage(14)).toBe("7");
  });

  it("property: every half-point value survives format → parse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (h) => {
        expect(parsePoints(formatPoints(h), 400)).toEqual({ ok: true, half: h });
        expect(parsePoints(pointsInputValue(h), 400)).toEqual({ ok: true, half: h });
        expect(half(h / 2)).toBe(h);
      }),
    );
  });

  it("property: a parsed score is never negative nor above the max", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 200 }), (text, max) => {
        const r = parsePoints(text, max);
        if (r.ok && r.half !== null) {
          expect(r.half).toBeGreaterThanOrEqual(0);
          expect(r.half).toBeLessThanOrEqual(max);
          expect(Number.isInteger(r.half)).toBe(true);
        }
      }),
    );
  });
});
