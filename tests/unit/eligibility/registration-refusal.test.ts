// Which failed conditions refuse a registration (docs/domain.md §4 step 2): decided by past records,
// or depending on the year's own outcome (a warning only).
import { describe, expect, it } from "vitest";
import { computeFacts, decidedFailures, REGISTRATION, registrationRefusal, type OfficerHistory } from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const facts = (history: Partial<OfficerHistory>) => computeFacts({ years: [], initiatives: [], disciplines: [], ...history }, 2022, DEFAULT_YEAR_SETTINGS, REGISTRATION);

describe("registrationRefusal", () => {
  it("refuses a discipline counting against the year, for every title", () => {
    const f = facts({ disciplines: [{ form: "KHIEN_TRACH", status: "PENDING", from: "2022-02-01" }] });
    expect(decidedFailures(f, "CST").map((r) => r.rule)).toEqual(["NO_DISCIPLINE"]);
    expect(registrationRefusal("An", "CST", f, "CST")).toMatch(/^An không được đăng ký CST: Không xét danh hiệu năm 2022/);
  });

  it("refuses CSTĐ CAND when a past CSTĐCS year is missing, and CSTĐ toàn quốc without CSTĐ CAND in Y-3", () => {
    const f = facts({ years: [{ year: 2020, awardedTitle: "CSTDCS" }] });
    expect(decidedFailures(f, "CSTD_CAND").map((r) => r.rule)).toEqual(["CSTDCS_STREAK"]);
    const g = facts({ years: [{ year: 2020, awardedTitle: "CSTDCS" }, { year: 2021, awardedTitle: "CSTDCS" }] });
    expect(decidedFailures(g, "CSTD_CAND")).toEqual([]);
    expect(decidedFailures(g, "CSTD_TQ").map((r) => r.rule)).toEqual(["CSTD_CAND_TWICE"]);
  });

  it("leaves what depends on the year's own outcome as a warning", () => {
    // No initiative yet this year, no rating yet: CSTĐCS is a target, not refused.
    expect(decidedFailures(facts({}), "CSTDCS")).toEqual([]);
    // A rating of the year already on file and too low: the year's outcome, a warning (NOT_YET), not a refusal.
    const low = facts({ years: [{ year: 2022, rating: "COMPLETE" }] });
    expect(decidedFailures(low, "CST")).toEqual([]);
    expect(registrationRefusal("An", "CST", low, "CST")).toBeNull();
  });
});
