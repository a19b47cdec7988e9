import { describe, expect, it } from "vitest";
import {
  actionInPhase,
  actionsOfPhase,
  checkOverride,
  checkOverrideUntil,
  OPEN_PHASES,
  OVERRIDABLE_ACTIONS,
  overrideActive,
  PHASE_ACTION_KEYS,
  PHASE_ACTIONS,
  phaseVerdict,
} from "@/domain/year-phase-rules";
import { YEAR_PHASES } from "@/domain/year-phases";

const now = new Date("2026-12-07T03:00:00Z");
const later = new Date("2026-12-10T00:00:00Z");
const earlier = new Date("2026-12-01T00:00:00Z");

describe("the phase table", () => {
  it("every action belongs to at least one open phase, never to CLOSED", () => {
    for (const k of PHASE_ACTION_KEYS) {
      expect(PHASE_ACTIONS[k].phases.length, k).toBeGreaterThan(0);
      expect(PHASE_ACTIONS[k].phases, k).not.toContain("CLOSED");
    }
  });

  it("the real cycle works: each phase has its work, in order", () => {
    expect(actionsOfPhase("SETUP")).toEqual(["criteria"]);
    expect(actionsOfPhase("REGISTRATION")).toEqual(["criteria", "registration"]);
    expect(actionsOfPhase("MIDYEAR")).toEqual(["criteria", "reports", "reportReview"]);
    expect(actionsOfPhase("REPORTING")).toEqual(["reports", "reportReview", "results"]);
    expect(actionsOfPhase("SCORING")).toEqual(["reportReview", "crossScoring", "finalScores", "votePreparation", "results"]);
    expect(actionsOfPhase("CONFERENCE")).toEqual(["finalScores", "votePreparation", "voting", "jointAgreement", "chairAssignment", "results"]);
    expect(actionsOfPhase("RESULTS")).toEqual(["chairAssignment", "results"]);
  });

  it("the year's own setup and the records are done in every open phase, with nothing to override", () => {
    for (const phase of OPEN_PHASES) {
      expect(actionInPhase("yearSetup", phase)).toBe(true);
      expect(actionInPhase("records", phase)).toBe(true);
    }
    expect(OVERRIDABLE_ACTIONS).not.toContain("yearSetup");
    expect(OVERRIDABLE_ACTIONS).not.toContain("registration");
  });
});

describe("the verdict", () => {
  it("allows an action in its phases, and refuses it elsewhere naming the phase, the action, its phases and who can change it", () => {
    expect(phaseVerdict({ action: "voting", phase: "CONFERENCE", year: 2026, overrides: [], now })).toEqual({ allowed: true, by: "phase" });
    expect(phaseVerdict({ action: "voting", phase: "REGISTRATION", year: 2026, overrides: [], now })).toEqual({
      allowed: false,
      message:
        "Năm thi đua 2026 đang ở giai đoạn “Đăng ký thi đua”; “Bỏ phiếu tại hội nghị (mở vòng, bỏ phiếu, đóng vòng, bỏ phiếu lại, áp dụng kết quả)” chỉ làm trong giai đoạn “Hội nghị tổng kết”. Thư ký cụm có thể chuyển giai đoạn hoặc cho phép làm việc này ngoài giai đoạn (trang Năm thi đua 2026).",
    });
  });

  it("an override of the action, in force, lets it through; revoked, expired or of another action, it does not", () => {
    const base = { action: "voting" as const, phase: "REGISTRATION" as const, year: 2026, now };
    expect(phaseVerdict({ ...base, overrides: [{ action: "voting", expiresAt: null, revokedAt: null }] })).toEqual({ allowed: true, by: "override" });
    expect(phaseVerdict({ ...base, overrides: [{ action: "voting", expiresAt: later, revokedAt: null }] })).toEqual({ allowed: true, by: "override" });
    expect(phaseVerdict({ ...base, overrides: [{ action: "voting", expiresAt: earlier, revokedAt: null }] }).allowed).toBe(false);
    expect(phaseVerdict({ ...base, overrides: [{ action: "voting", expiresAt: null, revokedAt: earlier }] }).allowed).toBe(false);
    expect(phaseVerdict({ ...base, overrides: [{ action: "votePreparation", expiresAt: null, revokedAt: null }] }).allowed).toBe(false);
  });

  it("registration is lifted by the unit's running reopen, not by an override; its refusal says so", () => {
    const base = { action: "registration" as const, phase: "MIDYEAR" as const, year: 2026, now };
    expect(phaseVerdict({ ...base, overrides: [], reopenedUntil: later })).toEqual({ allowed: true, by: "reopen" });
    const refused = phaseVerdict({ ...base, overrides: [{ action: "registration", expiresAt: null, revokedAt: null }], reopenedUntil: earlier });
    expect(refused).toMatchObject({ allowed: false, message: expect.stringContaining("Thư ký cụm có thể chuyển giai đoạn hoặc mở lại đăng ký cho đơn vị.") });
  });

  it("leaves a closed year to the closed-year checks", () => {
    for (const action of PHASE_ACTION_KEYS) expect(phaseVerdict({ action, phase: "CLOSED", year: 2026, overrides: [], now }).allowed).toBe(true);
  });

  it("every action in every phase: allowed exactly in its phases, without overrides", () => {
    for (const action of PHASE_ACTION_KEYS) {
      for (const phase of YEAR_PHASES.filter((p) => p !== "CLOSED")) {
        expect(phaseVerdict({ action, phase, year: 2026, overrides: [], now }).allowed, `${action} in ${phase}`).toBe(actionInPhase(action, phase));
      }
    }
  });
});

describe("granting an override", () => {
  it("only for an overridable action outside its phases", () => {
    expect(checkOverride("voting", "REGISTRATION")).toBeNull();
    expect(checkOverride("voting", "CONFERENCE")).toContain("đã được làm trong giai đoạn hiện tại");
    expect(checkOverride("registration", "MIDYEAR")).toContain("Mở lại đăng ký");
    expect(checkOverride("yearSetup", "MIDYEAR")).toContain("làm được ở mọi giai đoạn");
    expect(checkOverride("dropTables", "MIDYEAR")).toBe("Việc được cho phép không hợp lệ.");
  });

  it("until today or later, at most a year ahead; in force until its last day ends", () => {
    expect(checkOverrideUntil("2026-12-07", now)).toBeNull();
    expect(checkOverrideUntil("2026-12-06", now)).toContain("không được trước hôm nay");
    expect(checkOverrideUntil("2027-12-09", now)).toContain("tối đa 366 ngày");
    expect(overrideActive({ action: "voting", expiresAt: later, revokedAt: null }, now)).toBe(true);
    expect(overrideActive({ action: "voting", expiresAt: now, revokedAt: null }, now)).toBe(false);
  });
});
