import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCORING_SETTINGS,
  allCriteria,
  explainField,
  figureField,
  formFor,
  formatFigure,
  isPastDeadline,
  parseFigure,
  readReportForm,
  scoreField,
  scoringSettingsOf,
  submissionProblems,
  evidenceField,
  type StoredReport,
} from "@/domain/scoring";
import { sampleTable } from "./helpers";

describe("reading the report form", () => {
  const t = sampleTable();
  const [c1, c2] = allCriteria(t);

  it("reads scores, explanations, figures and the narrative", () => {
    const { draft, errors } = readReportForm(t, {
      [scoreField(c1!.id)]: "3,5",
      [explainField(c1!.id)]: "  Đã quán triệt\r\nđầy đủ \u0007 ",
      [figureField("f1")]: "1.250",
      [figureField("f2")]: "12,5",
      narrative: " Năm 2022, đơn vị… ",
    });
    expect(errors).toEqual({});
    expect(draft.scores.get(c1!.id)).toEqual({ half: 7, explanation: "Đã quán triệt\nđầy đủ" });
    expect(draft.scores.get(c2!.id)).toEqual({ half: null, explanation: "" });
    expect(draft.figures.get("f1")).toBe("1250");
    expect(draft.figures.get("f2")).toBe("12.5");
    expect(draft.figures.get("f3")).toBeNull();
    expect(draft.narrative).toBe("Năm 2022, đơn vị…");
  });

  it("refuses scores above the max, negative or not in half points, with the criterion named", () => {
    const { errors } = readReportForm(t, { [scoreField(c1!.id)]: "4,5", [scoreField(c2!.id)]: "-1", [figureField("f1")]: "abc" });
    expect(errors[scoreField(c1!.id)]).toEqual(["I.1: Điểm không được vượt quá điểm tối đa (4)."]);
    expect(errors[scoreField(c2!.id)]).toEqual(["I.2: Điểm không được âm."]);
    expect(errors[figureField("f1")]).toEqual(["Số vụ án phát hiện: Số liệu phải là một số, ví dụ 1.250 hoặc 12,5."]);
  });

  it.each([
    ["1.234", "1234"],
    ["1 234 567", "1234567"],
    ["1.234,5", "1234.5"],
    ["12,50", "12.5"],
    ["12.5", "12.5"],
    ["007", "7"],
    ["0", "0"],
  ])("figure %j reads as %s", (text, value) => {
    expect(parseFigure(text)).toEqual({ ok: true, value });
  });

  it.each(["-5", "1,234,5", "1.2.3", "12.345,678"])("figure %j is refused", (text) => {
    expect(parseFigure(text).ok).toBe(false);
  });

  it("formats figures the Vietnamese way", () => {
    expect(formatFigure("1234567.5")).toBe("1.234.567,5");
    expect(formatFigure("120")).toBe("120");
    expect(formatFigure(null)).toBe("");
  });
});

describe("what blocks submission", () => {
  const t = sampleTable();
  const criteria = allCriteria(t);

  function complete(): StoredReport {
    return {
      scores: new Map(
        criteria.map((c) => [c.id, c.section.kind === "SCORED" ? { half: c.maxHalf, explanation: "Kết quả đạt được…" } : { half: null, explanation: "" }]),
      ),
      figures: new Map([["f1", "12"], ["f2", "300"], ["f3", null]]),
      narrative: "Báo cáo tổng kết công tác năm.",
      evidenceCounts: new Map([[criteria.find((c) => c.evidenceRequired && c.section.kind === "SCORED")!.id, 1]]),
    };
  }

  it("a complete report has no problems (empty bonus/penalty items count as 0)", () => {
    expect(submissionProblems(t, complete())).toEqual({});
  });

  it("lists every missing piece by field", () => {
    const r = complete();
    const scoredNoEvidence = criteria.find((c) => c.evidenceRequired && c.section.kind === "SCORED")!;
    const bonusWithEvidence = criteria.find((c) => c.evidenceRequired && c.section.kind === "BONUS")!;
    const first = criteria[0]!;
    (r.scores as Map<string, { half: number | null; explanation: string }>).set(first.id, { half: null, explanation: "" });
    (r.scores as Map<string, { half: number | null; explanation: string }>).set(bonusWithEvidence.id, { half: 2, explanation: "" });
    (r.evidenceCounts as Map<string, number>).clear();
    (r.figures as Map<string, string | null>).set("f2", null);
    const problems = submissionProblems(t, { ...r, narrative: "  " });
    expect(problems).toEqual({
      [scoreField(first.id)]: ["I.1: chưa tự chấm điểm."],
      [explainField(first.id)]: ["I.1: chưa có giải trình."],
      [evidenceField(scoredNoEvidence.id)]: ["II.1: cần đính kèm tài liệu minh chứng."],
      [explainField(bonusWithEvidence.id)]: ["T.1: có điểm thưởng nên cần giải trình."],
      [evidenceField(bonusWithEvidence.id)]: ["T.1: cần đính kèm tài liệu minh chứng."],
      [figureField("f2")]: ['Chưa nhập số liệu "Số lượt hiến máu".'],
      narrative: ["Chưa có phần báo cáo thuyết minh."],
    });
  });

  it("a score above a max lowered by an amendment blocks submission", () => {
    const r = complete();
    const amended = sampleTable();
    amended.sections[0]!.criteria[0]!.maxHalf = 6;
    // same ids: rebuild the map against the amended table
    const ids = allCriteria(amended).map((c) => c.id);
    const scores = new Map(ids.map((id, i) => [id, { half: allCriteria(amended)[i]!.section.kind === "SCORED" ? 8 : null, explanation: "x" }]));
    const problems = submissionProblems(amended, { ...r, scores, evidenceCounts: new Map(ids.map((id) => [id, 1])) });
    expect(problems[scoreField(ids[0]!)]).toEqual(["I.1: điểm tự chấm (4) vượt quá điểm tối đa (3)."]);
  });

  it("the mid-year short form needs only its own criteria and figures, no evidence", () => {
    const short = formFor(t, "MIDYEAR");
    const ids = allCriteria(short).map((c) => c.id);
    const report: StoredReport = {
      scores: new Map(ids.map((id) => [id, { half: 2, explanation: "Tiến độ 6 tháng" }])),
      figures: new Map([["f1", "5"]]),
      narrative: "Sơ kết 6 tháng đầu năm.",
      evidenceCounts: new Map(),
    };
    expect(submissionProblems(short, report)).toEqual({});
  });
});

describe("deadlines and settings", () => {
  it("a deadline lasts until the end of its day in Hà Nội", () => {
    expect(isPastDeadline("2022-11-15", new Date("2022-11-15T16:59:59Z"))).toBe(false); // 23:59:59 +07
    expect(isPastDeadline("2022-11-15", new Date("2022-11-15T17:00:00Z"))).toBe(true);
    expect(isPastDeadline(null, new Date())).toBe(false);
  });

  it("scoring settings default when absent and fall back key by key", () => {
    expect(scoringSettingsOf(undefined)).toEqual(DEFAULT_SCORING_SETTINGS);
    expect(DEFAULT_SCORING_SETTINGS).toEqual({ rankingTieBreak: "FIRST_SECTION", crossScorersPerReport: 2, scoreDifferencePercent: 20, midyearReportDeadline: null });
    expect(scoringSettingsOf({ rankingTieBreak: "NONE", crossScorersPerReport: 99, cstdcsQuotaPercent: 15 })).toEqual({
      ...DEFAULT_SCORING_SETTINGS,
      rankingTieBreak: "NONE",
    });
  });
});
