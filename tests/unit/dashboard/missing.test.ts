import { describe, expect, it } from "vitest";
import { deadlineText, groupByWho, whatIsMissing, whoLabel, type MissingInput, type UnitProgress } from "@/domain/dashboard";

const done: Omit<UnitProgress, "unitId" | "name"> = {
  registration: { status: "SUBMITTED", hasTargetTitle: true, agreementSigned: true },
  officers: { active: 100, registered: 100 },
  midyearReport: "ACCEPTED",
  yearEndReport: "ACCEPTED",
  pendingCrossScores: 0,
};
const unit = (unitId: string, name: string, change: Partial<UnitProgress> = {}): UnitProgress => ({ unitId, name, ...done, ...change });

const input = (change: Partial<MissingInput>): MissingInput => ({
  phase: "REGISTRATION",
  now: new Date("2022-03-20T10:00:00+07:00"),
  deadlines: { registration: "2022-03-31", midyearReport: null, report: "2022-11-15", conference: null },
  units: [],
  openRounds: [],
  ...change,
});

const kinds = (i: MissingInput) => whatIsMissing(i).map((m) => [m.who.kind === "UNIT" ? m.who.unitId : "TK", m.kind, m.overdue]);

describe("what is missing from whom", () => {
  it("a unit that has done everything owes nothing", () => {
    expect(whatIsMissing(input({ phase: "CONFERENCE", units: [unit("a", "Cục A")] }))).toEqual([]);
  });

  it("nothing is asked before registration opens, nor of a closed year", () => {
    const lazy = unit("a", "Cục A", { registration: { status: null, hasTargetTitle: false, agreementSigned: false } });
    expect(whatIsMissing(input({ phase: "SETUP", units: [lazy] }))).toEqual([]);
    expect(whatIsMissing(input({ phase: "CLOSED", units: [lazy] }))).toEqual([]);
  });

  it("registration: not submitted, no unit title, officers left, agreement missing; before the deadline not overdue", () => {
    const items = whatIsMissing(
      input({
        units: [unit("a", "Cục A", { registration: { status: "DRAFT", hasTargetTitle: false, agreementSigned: false }, officers: { active: 1234, registered: 1000 } })],
      }),
    );
    expect(items.map((i) => i.label)).toEqual([
      "Chưa gửi đăng ký thi đua",
      "Chưa đăng ký danh hiệu thi đua của đơn vị",
      "Còn 234/1.234 cán bộ, chiến sĩ chưa đăng ký danh hiệu",
      "Chưa có giao ước thi đua đã ký",
    ]);
    expect(items.every((i) => i.deadline === "2022-03-31" && !i.overdue)).toBe(true);
    expect(deadlineText(items[0]!)).toBe("Hạn 31/03/2022");
  });

  it("the deadline day itself is not overdue; the day after is (Vietnam time)", () => {
    const late = unit("a", "Cục A", { registration: { status: "DRAFT", hasTargetTitle: true, agreementSigned: true } });
    expect(kinds(input({ now: new Date("2022-03-31T23:59:00+07:00"), units: [late] }))).toEqual([["a", "REGISTRATION_NOT_SUBMITTED", false]]);
    const items = whatIsMissing(input({ now: new Date("2022-04-01T00:00:01+07:00"), units: [late] }));
    expect(items.map((i) => i.overdue)).toEqual([true]);
    expect(deadlineText(items[0]!)).toBe("Hạn 31/03/2022 (đã quá hạn)");
  });

  it("reports: from the reporting phase; returned, missing; a submitted one is the secretariat's to review", () => {
    const items = kinds(
      input({
        phase: "REPORTING",
        now: new Date("2022-11-20T09:00:00+07:00"),
        units: [unit("a", "Cục A", { yearEndReport: "RETURNED" }), unit("b", "Cục B", { yearEndReport: "DRAFT" }), unit("c", "Cục C", { yearEndReport: "SUBMITTED" })],
      }),
    );
    expect(items).toEqual([
      ["a", "REPORT_RETURNED", true],
      ["b", "REPORT_MISSING", true],
      ["TK", "REPORT_TO_REVIEW", false],
    ]);
  });

  it("the mid-year review only when the year asks for it", () => {
    const u = unit("a", "Cục A", { midyearReport: null });
    expect(kinds(input({ phase: "REPORTING", units: [u] }))).toEqual([]);
    expect(kinds(input({ phase: "MIDYEAR", units: [u] }))).toEqual([["a", "MIDYEAR_REPORT_MISSING", false]]);
    expect(kinds(input({ phase: "REPORTING", now: new Date("2022-07-05T08:00:00+07:00"), units: [u], deadlines: { registration: null, midyearReport: "2022-06-30", report: null, conference: null } }))).toEqual([
      ["a", "MIDYEAR_REPORT_MISSING", true],
    ]);
  });

  it("cross-scoring sheets and ballots of open rounds", () => {
    const items = whatIsMissing(
      input({
        phase: "CONFERENCE",
        units: [unit("a", "Cục A", { pendingCrossScores: 2 }), unit("b", "Cục B")],
        openRounds: [{ id: "r", title: "Bầu Cụm trưởng năm 2023", votedUnitIds: ["a"] }],
      }),
    );
    expect(items.map((i) => [whoLabel(i.who), i.label])).toEqual([
      ["Cục A", "Chưa gửi 2 phiếu chấm chéo"],
      ["Cục B", "Chưa bỏ phiếu: Bầu Cụm trưởng năm 2023"],
    ]);
  });

  it("overdue first, then by deadline; grouped by who with the secretariat last", () => {
    const items = whatIsMissing(
      input({
        phase: "REPORTING",
        now: new Date("2022-05-01T00:00:00+07:00"),
        units: [
          unit("b", "Cục Bảo vệ", { yearEndReport: "SUBMITTED", registration: { status: "SUBMITTED", hasTargetTitle: true, agreementSigned: false } }),
          unit("a", "Bộ Tư lệnh Cảnh vệ", { yearEndReport: null }),
        ],
      }),
    );
    expect(items.map((i) => [i.kind, i.overdue])).toEqual([
      ["AGREEMENT_MISSING", true],
      ["REPORT_MISSING", false],
      ["REPORT_TO_REVIEW", false],
    ]);
    expect(groupByWho(items).map((g) => [whoLabel(g.who), g.items.length])).toEqual([
      ["Bộ Tư lệnh Cảnh vệ", 1],
      ["Cục Bảo vệ", 1],
      ["Thư ký cụm", 1],
    ]);
  });
});
