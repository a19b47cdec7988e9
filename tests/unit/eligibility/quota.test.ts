import { describe, expect, it } from "vitest";
import { checkQuota, cstdcsAllowed, EligibilityInputError, type AllowanceVerdict, type IndividualTitle } from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const S = DEFAULT_YEAR_SETTINGS;

describe("CSTĐCS quota: floor(15% × CST)", () => {
  it.each<[number, number]>([
    [0, 0],
    [1, 0],
    [6, 0], // fewer than 7 CST: no CSTĐCS at all at 15%
    [7, 1],
    [13, 1],
    [14, 2],
    [19, 2],
    [20, 3], // exactly 3 at 15%
    [100, 15],
    [4717, 707],
    [5000, 750],
  ])("%i CST → %i CSTĐCS allowed", (cst, allowed) => {
    expect(cstdcsAllowed(cst, 15)).toBe(allowed);
    expect(checkQuota({ cstCount: cst, cstdcsCount: 0 }, S).allowed).toBe(allowed);
  });

  it.each<[number, number, number]>([
    [10, 20, 2],
    [12.5, 8, 1],
    [33.3, 3000, 999], // 3000 × 33.3 / 100 is 998.9999999999999 in floating point
    [0, 100, 0],
    [100, 37, 37],
  ])("at %s%% of %i CST → %i", (percent, cst, allowed) => {
    expect(checkQuota({ cstCount: cst, cstdcsCount: 0 }, { cstdcsQuotaPercent: percent }).allowed).toBe(allowed);
  });

  it.each<[number, number, AllowanceVerdict, number, string]>([
    [20, 2, "UNDER", 1, "20 CST: được tối đa 3 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 2, còn 1."],
    [20, 3, "AT", 0, "20 CST: được tối đa 3 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 3, vừa đủ chỉ tiêu."],
    [19, 3, "OVER", -1, "19 CST: được tối đa 2 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 3, vượt 1."],
    [6, 0, "AT", 0, "6 CST: được tối đa 0 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 0, vừa đủ chỉ tiêu."],
    [6, 1, "OVER", -1, "6 CST: được tối đa 0 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 1, vượt 1."],
  ])("%i CST, %i CSTĐCS registered → %s", (cst, cstdcs, verdict, remaining, message) => {
    expect(checkQuota({ cstCount: cst, cstdcsCount: cstdcs }, S)).toEqual({
      verdict,
      cstCount: cst,
      cstdcsCount: cstdcs,
      percent: 15,
      allowed: cstdcsAllowed(cst, 15),
      remaining,
      message,
    });
  });

  it("counts a list of registrations: every title is a CST, CSTĐCS and above use a place", () => {
    const titles: IndividualTitle[] = [...Array<IndividualTitle>(16).fill("CST"), "CSTDCS", "CSTDCS", "CSTD_CAND", "CSTD_TQ"];
    const check = checkQuota(titles.map((title) => ({ title })), S);
    expect(check).toMatchObject({ cstCount: 20, cstdcsCount: 4, allowed: 3, verdict: "OVER", remaining: -1 });
    expect(checkQuota(titles.slice(1).map((title) => ({ title })), S)).toMatchObject({ cstCount: 19, allowed: 2, verdict: "OVER" });
    expect(checkQuota([], S)).toMatchObject({ cstCount: 0, cstdcsCount: 0, allowed: 0, verdict: "AT" });
  });

  it("counts what is registered, not only what was awarded", () => {
    // 3 awarded + 1 newly registered = 4 against 3 places.
    const registered: IndividualTitle[] = [...Array<IndividualTitle>(16).fill("CST"), "CSTDCS", "CSTDCS", "CSTDCS", "CSTDCS"];
    expect(checkQuota(registered.map((title) => ({ title })), S).verdict).toBe("OVER");
  });

  it("refuses impossible counts", () => {
    expect(() => checkQuota({ cstCount: -1, cstdcsCount: 0 }, S)).toThrow(EligibilityInputError);
    expect(() => checkQuota({ cstCount: 2.5, cstdcsCount: 0 }, S)).toThrow(EligibilityInputError);
    expect(() => checkQuota([{ title: "CO_BCA" as never }], S)).toThrow(EligibilityInputError);
  });
});
