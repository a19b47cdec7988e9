import { describe, expect, it } from "vitest";
import { commendationRefusal, officerTitleRefusal, quotaWithProposals, unitTitleRefusal } from "@/domain/awards";
import { checkQuota, type TitleResult } from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const eligible = (title: string): TitleResult => ({ title: title as TitleResult["title"], status: "ELIGIBLE", reasons: [{ rule: "ACCLAIMED", ok: true, message: "Được suy tôn." }] });
const notYet = (title: string): TitleResult => ({
  title: title as TitleResult["title"],
  status: "NOT_YET",
  reasons: [
    { rule: "CST_SHARE", ok: true, message: "Đủ tỷ lệ." },
    { rule: "HAS_CSTDCS", ok: false, message: "Chưa có Chiến sĩ thi đua cơ sở." },
  ],
});
const settings = { ...DEFAULT_YEAR_SETTINGS };

describe("a unit's collective title in the dossier", () => {
  const base = { unitId: "u1", unitName: "Cục Kỹ thuật nghiệp vụ", title: "CO_BCA" as const, acclaimed: true, eligibility: eligible("CO_BCA"), held: [], settings };

  it("is admitted when acclaimed, eligible and within the flag allowance", () => {
    expect(unitTitleRefusal(base)).toBeNull();
  });

  it("is refused, naming the rule, when the conference did not acclaim the unit for it", () => {
    const r = unitTitleRefusal({ ...base, acclaimed: false });
    expect(r?.rule).toBe("NOT_ACCLAIMED");
    expect(r?.message).toContain("Chưa được hội nghị suy tôn");
    expect(r?.message).toContain("Cục Kỹ thuật nghiệp vụ");
  });

  it("is refused with the engine's failed reasons when not eligible", () => {
    const r = unitTitleRefusal({ ...base, title: "DV_QUYET_THANG", eligibility: notYet("DV_QUYET_THANG") });
    expect(r?.rule).toBe("NOT_ELIGIBLE");
    expect(r?.message).toContain("Chưa có Chiến sĩ thi đua cơ sở.");
    expect(r?.message).not.toContain("Đủ tỷ lệ.");
  });

  it("is refused over the year's Ministry flag allowance (1 by default), and admitted with an extra flag granted", () => {
    const held = [{ unitId: "u2", unitName: "Cục Ngoại tuyến", title: "CO_BCA" as const }];
    expect(unitTitleRefusal({ ...base, held })?.rule).toBe("FLAG_ALLOWANCE");
    expect(unitTitleRefusal({ ...base, held, settings: { ...settings, extraMinistryFlags: 1 } })).toBeNull();
  });

  it("allows one Government flag per cluster-year", () => {
    const held = [{ unitId: "u2", unitName: "Cục Ngoại tuyến", title: "CO_CP" as const }];
    expect(unitTitleRefusal({ ...base, title: "CO_CP", eligibility: eligible("CO_CP"), held })?.rule).toBe("FLAG_ALLOWANCE");
  });

  it("does not count non-flag titles against the flag allowance", () => {
    const held = [{ unitId: "u2", unitName: "Cục Ngoại tuyến", title: "DV_QUYET_THANG" as const }];
    expect(unitTitleRefusal({ ...base, held })).toBeNull();
  });

  it("gives a unit one collective title a year (checked first)", () => {
    const held = [{ unitId: "u1", unitName: "Cục Kỹ thuật nghiệp vụ", title: "DV_QUYET_THANG" as const }];
    expect(unitTitleRefusal({ ...base, acclaimed: false, held })?.rule).toBe("ONE_TITLE");
  });
});

describe("the CSTĐCS quota with proposals", () => {
  it("counts a proposed CSTĐ CAND as a CSTĐCS place and the awarded titles as the base", () => {
    // 7 CST awarded → floor(15% × 7) = 1 CSTĐCS place.
    const awarded = Array.from({ length: 7 }, (_, i) => ({ officerId: `o${i}`, titleCode: "CST" }));
    const one = quotaWithProposals(awarded, [{ officerId: "o0", titleCode: "CSTD_CAND" }], settings);
    expect(one).toMatchObject({ cstCount: 7, cstdcsCount: 1, allowed: 1, verdict: "AT" });
    const two = quotaWithProposals(awarded, [{ officerId: "o0", titleCode: "CSTD_CAND" }, { officerId: "o1", titleCode: "CSTD_TQ" }], settings);
    expect(two.verdict).toBe("OVER");
  });

  it("does not count an officer twice when the proposal replaces an awarded CSTĐCS", () => {
    const awarded = [...Array.from({ length: 6 }, (_, i) => ({ officerId: `o${i}`, titleCode: "CST" })), { officerId: "x", titleCode: "CSTDCS" }];
    expect(quotaWithProposals(awarded, [{ officerId: "x", titleCode: "CSTD_CAND" }], settings)).toMatchObject({ cstCount: 7, cstdcsCount: 1 });
  });

  it("agrees with checkQuota on the same counts (one counter)", () => {
    const awarded = Array.from({ length: 20 }, (_, i) => ({ officerId: `o${i}`, titleCode: i < 3 ? "CSTDCS" : "CST" }));
    expect(quotaWithProposals(awarded, [], settings)).toEqual(checkQuota({ cstCount: 20, cstdcsCount: 3 }, settings));
  });
});

describe("an officer's title in the dossier", () => {
  const quotaOk = checkQuota({ cstCount: 20, cstdcsCount: 1 }, settings);
  const base = { officerName: "Nguyễn Văn An", title: "CSTD_CAND" as const, heldTitle: null, eligibility: eligible("CSTD_CAND"), quota: quotaOk };

  it("is admitted when eligible within the quota", () => expect(officerTitleRefusal(base)).toBeNull());
  it("is refused when not eligible", () => expect(officerTitleRefusal({ ...base, eligibility: notYet("CSTD_CAND") })?.rule).toBe("NOT_ELIGIBLE"));
  it("is refused over the quota, with the quota's message", () => {
    const over = checkQuota({ cstCount: 6, cstdcsCount: 1 }, settings);
    const r = officerTitleRefusal({ ...base, quota: over });
    expect(r?.rule).toBe("QUOTA");
    expect(r?.message).toContain(over.message);
  });
  it("is refused when the officer already has a title in the dossier", () => expect(officerTitleRefusal({ ...base, heldTitle: "CSTD_TQ" })?.rule).toBe("ONE_TITLE"));
});

describe("a commendation in the dossier", () => {
  const base = { subjectName: "Trần Thị Cúc", form: "BANG_KHEN_BO" as const, duplicate: false, disciplineReason: null };
  it("is admitted for a form the Ministry decides", () => expect(commendationRefusal(base)).toBeNull());
  it("refuses a form decided by the unit's head (Giấy khen)", () => expect(commendationRefusal({ ...base, form: "GIAY_KHEN" })?.rule).toBe("NOT_PROPOSABLE"));
  it("refuses the same form twice", () => expect(commendationRefusal({ ...base, duplicate: true })?.rule).toBe("DUPLICATE"));
  it("refuses an officer under discipline", () => expect(commendationRefusal({ ...base, disciplineReason: "Đang bị xem xét kỷ luật." })?.rule).toBe("DISCIPLINE"));
});
