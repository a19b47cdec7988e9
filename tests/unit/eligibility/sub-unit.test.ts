import { describe, expect, it } from "vitest";
import {
  checkSubUnitQuota,
  evaluateSubUnit,
  evaluateUnit,
  isSubUnitTitle,
  REGISTRATION,
  subUnitQuotaAfter,
  subUnitResultFor,
  subUnitTitleRefusal,
  SUB_UNIT_TITLES,
  type UnitMemberSummary,
} from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const S = DEFAULT_YEAR_SETTINGS;

const members = (m: Partial<UnitMemberSummary> = {}): UnitMemberSummary => ({
  memberCount: 20,
  cstCount: 16,
  cstdcsCount: 2,
  ratingCounts: { EXCELLENT: 4, GOOD: 12, COMPLETE: 4 },
  disciplines: [],
  ...m,
});

describe("sub-unit titles", () => {
  it("are the two lower collective titles, never a flag", () => {
    expect(SUB_UNIT_TITLES).toEqual(["DV_TIEN_TIEN", "DV_QUYET_THANG"]);
    expect(isSubUnitTitle("CO_BCA")).toBe(false);
    expect(isSubUnitTitle("CST")).toBe(false);
    expect(subUnitTitleRefusal("DV_QUYET_THANG")).toBeNull();
    expect(subUnitTitleRefusal("CO_BCA")).toMatch(/chỉ được đăng ký, công nhận danh hiệu/);
    expect(subUnitTitleRefusal("CO_CP")).toMatch(/cờ thi đua do Cụm suy tôn/);
  });

  it("apply the collective rules over the sub-unit's officers, with the same reasons", () => {
    const summary = members();
    const sub = evaluateSubUnit({ subUnitId: "P1", members: summary }, 2022, S);
    const unit = evaluateUnit({ unitId: "P1", members: summary, acclaimed: true, clusterRank: 1 }, 2022, S);
    expect(sub.results.map((r) => r.title)).toEqual(["DV_TIEN_TIEN", "DV_QUYET_THANG"]);
    expect(sub.results).toEqual(unit.results.slice(0, 2));
    expect(sub.highestEligible).toBe("DV_QUYET_THANG");
  });

  it("refuses Quyết thắng to a sub-unit without a CSTĐCS, keeps Tiên tiến", () => {
    const sub = evaluateSubUnit({ subUnitId: "P1", members: members({ cstdcsCount: 0 }) }, 2022, S);
    expect(sub.highestEligible).toBe("DV_TIEN_TIEN");
    const qt = subUnitResultFor(sub, "DV_QUYET_THANG");
    expect(qt.status).toBe("NOT_YET");
    expect(qt.reasons.find((r) => !r.ok)?.rule).toBe("HAS_CSTDCS");
  });

  it("is BLOCKED by a member's warning, at registration too", () => {
    const disciplines = [{ officerId: "o1", officerName: "Nguyễn Văn A", record: { form: "CANH_CAO" as const, status: "IN_FORCE" as const, from: "2022-02-01" } }];
    const sub = evaluateSubUnit({ subUnitId: "P1", members: members({ disciplines, ratingCounts: {} }) }, 2022, S, REGISTRATION);
    expect(sub.results.map((r) => r.status)).toEqual(["BLOCKED", "BLOCKED"]);
    expect(sub.highestEligible).toBeNull();
  });

  it("a sub-unit with no officers gets nothing", () => {
    const sub = evaluateSubUnit({ subUnitId: "P1", members: members({ memberCount: 0, cstCount: 0, cstdcsCount: 0, ratingCounts: {} }) }, 2022, S, REGISTRATION);
    expect(sub.highestEligible).toBeNull();
    expect(subUnitResultFor(sub, "DV_TIEN_TIEN").reasons[0]!.message).toMatch(/không có cán bộ/);
  });
});

describe("the member unit's quota of Đơn vị Quyết thắng", () => {
  it("is half of the active sub-units, rounded down, by default", () => {
    expect(checkSubUnitQuota({ subUnitCount: 5, determinedCount: 1 }, S)).toMatchObject({ allowed: 2, remaining: 1, verdict: "UNDER" });
    expect(checkSubUnitQuota({ subUnitCount: 5, determinedCount: 2 }, S)).toMatchObject({ verdict: "AT" });
    const over = checkSubUnitQuota({ subUnitCount: 5, determinedCount: 3 }, S);
    expect(over).toMatchObject({ verdict: "OVER", remaining: -1 });
    expect(over.message).toBe("5 đơn vị trực thuộc: được tối đa 2 Đơn vị Quyết thắng (50% số đơn vị trực thuộc, làm tròn xuống); đã đăng ký 3, vượt 1.");
    expect(checkSubUnitQuota({ subUnitCount: 1, determinedCount: 0 }, S).allowed).toBe(0);
    expect(checkSubUnitQuota({ subUnitCount: 6, determinedCount: 0 }, { subUnitDeterminedQuotaPercent: 34 }).allowed).toBe(2);
  });

  it("counts the one being saved and lets an over unit save what does not make it worse", () => {
    const base = { subUnitCount: 4, othersDetermined: 2 };
    expect(subUnitQuotaAfter({ ...base, previous: null, next: "DV_QUYET_THANG" }, S).ok).toBe(false);
    expect(subUnitQuotaAfter({ ...base, previous: null, next: "DV_TIEN_TIEN" }, S).ok).toBe(true);
    expect(subUnitQuotaAfter({ ...base, othersDetermined: 1, previous: null, next: "DV_QUYET_THANG" }, S).ok).toBe(true);
    // Already over (3 of 2): keeping a Quyết thắng is not worse; lowering it is fine.
    expect(subUnitQuotaAfter({ ...base, previous: "DV_QUYET_THANG", next: "DV_QUYET_THANG" }, S).ok).toBe(true);
    expect(subUnitQuotaAfter({ ...base, previous: "DV_QUYET_THANG", next: null }, S).ok).toBe(true);
  });

  it("refuses counts that are not whole numbers", () => {
    expect(() => checkSubUnitQuota({ subUnitCount: -1, determinedCount: 0 }, S)).toThrow();
    expect(() => checkSubUnitQuota({ subUnitCount: 2, determinedCount: 0.5 }, S)).toThrow();
  });
});
