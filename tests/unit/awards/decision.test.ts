import { describe, expect, it } from "vitest";
import { decisionLevelFor, dependantsOf, planDecision, type DecisionItem } from "@/domain/awards";

const item = (id: string, extra: Partial<DecisionItem> = {}): DecisionItem => ({ id, kind: "UNIT_TITLE", status: "PROPOSED", titleCode: "CO_BCA", commendationForm: null, ...extra });

describe("the level a decision needs", () => {
  it("sends the Government flag and CSTĐ toàn quốc to the Prime Minister, Huân chương to the President", () => {
    expect(decisionLevelFor({ titleCode: "CO_CP" })).toBe("PRIME_MINISTER");
    expect(decisionLevelFor({ titleCode: "CSTD_TQ" })).toBe("PRIME_MINISTER");
    expect(decisionLevelFor({ commendationForm: "HUAN_CHUONG" })).toBe("PRESIDENT");
    expect(decisionLevelFor({ titleCode: "CO_BCA" })).toBe("MINISTER");
    expect(decisionLevelFor({ titleCode: "CSTD_CAND" })).toBe("MINISTER");
    expect(decisionLevelFor({ commendationForm: "BANG_KHEN_BO" })).toBe("MINISTER");
  });
});

describe("planning a decision", () => {
  const items = [item("a"), item("b", { kind: "OFFICER_TITLE", titleCode: "CSTD_CAND" }), item("c", { titleCode: "CO_CP" }), item("d", { status: "WITHDRAWN" })];
  const base = { dossierStatus: "ACCEPTED" as const, level: "MINISTER" as const, items, approvedIds: ["a"], closeRemaining: false };

  it("approves part of the dossier and leaves the rest proposed", () => {
    const plan = planDecision(base);
    expect(plan.ok && plan.approve.map((i) => i.id)).toEqual(["a"]);
    expect(plan.ok && plan.remaining.map((i) => i.id)).toEqual(["b", "c"]);
  });

  it("closes the rest as not approved when asked (withdrawn items untouched)", () => {
    const plan = planDecision({ ...base, closeRemaining: true });
    expect(plan.ok && plan.notApproved.map((i) => i.id)).toEqual(["b", "c"]);
  });

  it("refuses a returned dossier and one not accepted yet", () => {
    expect(planDecision({ ...base, dossierStatus: "RETURNED" })).toMatchObject({ ok: false, message: expect.stringContaining("trả lại") });
    expect(planDecision({ ...base, dossierStatus: "SENT" })).toMatchObject({ ok: false, message: expect.stringContaining("chưa được tiếp nhận") });
  });

  it("refuses items of another level, of another dossier, settled ones and an empty choice", () => {
    expect(planDecision({ ...base, approvedIds: ["c"] })).toMatchObject({ ok: false, message: expect.stringContaining("Thủ tướng Chính phủ") });
    expect(planDecision({ ...base, approvedIds: ["zzz"] })).toMatchObject({ ok: false });
    expect(planDecision({ ...base, approvedIds: ["d"] })).toMatchObject({ ok: false, message: expect.stringContaining("đã rút") });
    expect(planDecision({ ...base, approvedIds: [] })).toMatchObject({ ok: false });
  });
});

describe("what relied on a revoked award", () => {
  const later = [
    { id: "1", kind: "OFFICER_TITLE" as const, year: 2022, title: "CSTD_CAND", subject: "Nguyễn Văn An" },
    { id: "2", kind: "OFFICER_TITLE" as const, year: 2024, title: "CSTD_TQ", subject: "Nguyễn Văn An" },
    { id: "3", kind: "OFFICER_TITLE" as const, year: 2022, title: "CST", subject: "Nguyễn Văn An" },
    { id: "4", kind: "UNIT_TITLE" as const, year: 2021, title: "DV_QUYET_THANG", subject: "Cục Kỹ thuật nghiệp vụ" },
    { id: "5", kind: "OFFICER_TITLE" as const, year: 2028, title: "CSTD_TQ", subject: "Nguyễn Văn An" },
  ];

  it("lists the CSTĐ CAND cycle and the CSTĐ toàn quốc window that counted a revoked CSTĐCS, and the unit's title that year", () => {
    const ids = dependantsOf({ kind: "OFFICER_TITLE", year: 2021, title: "CSTDCS" }, later).map((d) => d.id);
    expect(ids).toEqual(["4", "1", "2"]);
  });

  it("lists nothing for a revoked commendation", () => {
    expect(dependantsOf({ kind: "COMMENDATION", year: 2021 }, later)).toEqual([]);
  });

  it("lists the Government flag of the year for a revoked Ministry flag", () => {
    const flags = [{ id: "g", kind: "UNIT_TITLE" as const, year: 2021, title: "CO_CP", subject: "Cục Kỹ thuật nghiệp vụ" }];
    expect(dependantsOf({ kind: "UNIT_TITLE", year: 2021, title: "CO_BCA" }, flags).map((d) => d.id)).toEqual(["g"]);
  });
});
