import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentDown, registrationStatusLabel, reportStatusLabel } from "@/domain/dashboard";

describe("labels", () => {
  it("never describes another unit's draft", () => {
    expect(reportStatusLabel("DRAFT")).toBe("Chưa nộp");
    expect(reportStatusLabel(null)).toBe("Chưa nộp");
    expect(reportStatusLabel("ACCEPTED")).toBe("Đã tiếp nhận");
    expect(registrationStatusLabel(null)).toBe("Chưa đăng ký");
  });

  it("percent rounded down: 100% only when all", () => {
    expect(percentDown(1234, 1235)).toBe(99);
    expect(percentDown(5, 5)).toBe(100);
    expect(percentDown(7, 5)).toBe(100);
    expect(percentDown(0, 0)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (part, whole) => {
        const p = percentDown(part, whole);
        expect(p === 100).toBe(part >= whole);
        expect(p).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
