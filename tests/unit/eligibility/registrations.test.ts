import { describe, expect, it } from "vitest";
import {
  EligibilityInputError,
  evaluateOfficer,
  evaluateUnitRegistrations,
  RESULTS,
  validateRegistrations,
  type IndividualTitle,
  type OfficerHistory,
  type OfficerProposal,
  type RegistrationOfficer,
  type TitleProposal,
} from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const S = DEFAULT_YEAR_SETTINGS;
const EMPTY: OfficerHistory = { years: [], initiatives: [], disciplines: [] };
const id = (i: number) => `CB${String(i).padStart(3, "0")}`;

/** n officers with an empty history: at registration CST and CSTĐCS are open to all of them. */
const officers = (n: number): RegistrationOfficer[] => Array.from({ length: n }, (_, i) => ({ officerId: id(i), history: EMPTY }));
/** cst officers registered for CST, then cstdcs for CSTĐCS. */
const proposals = (cst: number, cstdcs: number): OfficerProposal[] => [
  ...Array.from({ length: cst }, (_, i): OfficerProposal => ({ officerId: id(i), title: "CST" })),
  ...Array.from({ length: cstdcs }, (_, i): OfficerProposal => ({ officerId: id(cst + i), title: "CSTDCS" })),
];
const run = (os: RegistrationOfficer[], ps: OfficerProposal[], extra: { cstCount?: number } = {}) =>
  evaluateUnitRegistrations(os, ps, S, { year: 2023, ...extra });

describe("one achievement, one title", () => {
  const p = (subjectId: string, title: TitleProposal["title"], year = 2022, subjectName?: string): TitleProposal => ({ subjectId, year, title, subjectName });

  it("accepts one title per officer-year and per unit-year", () => {
    const list = [p("CB1", "CST"), p("CB2", "CSTDCS"), p("CB1", "CSTDCS", 2023), p("CB1", "DV_QUYET_THANG")];
    expect(validateRegistrations(list)).toEqual({ ok: true, accepted: list, issues: [] });
  });

  it("refuses two titles for the same officer-year, and the same title twice", () => {
    const result = validateRegistrations([
      p("CB2", "CSTDCS", 2022, "Nguyễn Thị Hà"),
      p("CB1", "CST"),
      p("CB2", "CST"),
      p("CB3", "CST"),
      p("CB3", "CST"),
      p("KTNV", "DV_TIEN_TIEN"),
      p("KTNV", "CO_BCA"),
    ]);
    expect(result.ok).toBe(false);
    expect(result.accepted).toEqual([p("CB1", "CST")]);
    expect(result.issues).toEqual([
      {
        rule: "ONE_TITLE_PER_YEAR",
        subjectId: "CB2",
        year: 2022,
        titles: ["CST", "CSTDCS"],
        message: "Cán bộ Nguyễn Thị Hà năm 2022 được đề nghị 2 danh hiệu (CST, CSTĐCS); mỗi thành tích chỉ được đề nghị một danh hiệu.",
      },
      { rule: "DUPLICATE", subjectId: "CB3", year: 2022, titles: ["CST"], message: "Cán bộ CB3 năm 2022 được đề nghị danh hiệu CST 2 lần." },
      {
        rule: "ONE_TITLE_PER_YEAR",
        subjectId: "KTNV",
        year: 2022,
        titles: ["DV_TIEN_TIEN", "CO_BCA"],
        message: "Đơn vị KTNV năm 2022 được đề nghị 2 danh hiệu (Đơn vị tiên tiến, Cờ thi đua của Bộ Công an); mỗi thành tích chỉ được đề nghị một danh hiệu.",
      },
    ]);
  });

  it("refuses a second title for a year already awarded", () => {
    const result = validateRegistrations([p("CB1", "CSTDCS"), p("CB2", "CST")], [p("CB1", "CST"), p("CB2", "CST", 2021)]);
    expect(result.accepted).toEqual([p("CB2", "CST")]);
    expect(result.issues).toEqual([
      {
        rule: "ALREADY_AWARDED",
        subjectId: "CB1",
        year: 2022,
        titles: ["CST", "CSTDCS"],
        message: "Cán bộ CB1 đã được công nhận danh hiệu CST năm 2022; không đề nghị thêm danh hiệu cho cùng thành tích.",
      },
    ]);
  });

  it("refuses what is not a title", () => {
    expect(() => validateRegistrations([p("CB1", "HUAN_CHUONG" as never)])).toThrow(EligibilityInputError);
  });
});

describe("a unit's registrations", () => {
  it.each<[number, number, "UNDER" | "AT" | "OVER", boolean]>([
    [17, 3, "AT", true], // 20 CST → 3 CSTĐCS
    [16, 4, "OVER", false],
    [18, 2, "UNDER", true],
    [17, 2, "AT", true], // 19 CST → 2
    [16, 3, "OVER", false],
    [6, 0, "AT", true], // fewer than 7 CST: quota 0
    [5, 1, "OVER", false],
    [6, 1, "AT", true], // 7 CST → 1
  ])("%i CST + %i CSTĐCS → %s, accepted: %s", (cst, cstdcs, verdict, accepted) => {
    const result = run(officers(cst + cstdcs + 2), proposals(cst, cstdcs));
    expect(result.quota).toMatchObject({ verdict, cstCount: cst + cstdcs, cstdcsCount: cstdcs });
    expect(result.accepted).toBe(accepted);
    expect(result.counts).toEqual({ officers: cst + cstdcs + 2, registered: cst + cstdcs, eligible: cst + cstdcs, notYet: 0, blocked: 0 });
    const flagged = result.officers.filter((o) => o.overQuota).map((o) => o.proposed[0]);
    expect(flagged).toEqual(verdict === "OVER" ? Array(cstdcs).fill("CSTDCS") : []);
  });

  it("a CST base given by the caller (e.g. awarded titles) replaces the registered count", () => {
    expect(run(officers(20), proposals(17, 3), { cstCount: 19 }).quota).toMatchObject({ allowed: 2, verdict: "OVER" });
  });

  it("CSTĐ CAND and CSTĐ toàn quốc registrations use CSTĐCS places", () => {
    const history: OfficerHistory = {
      years: [2017, 2018, 2019, 2020, 2021, 2022].map((year) => ({ year, awardedTitle: year === 2020 ? "CSTD_CAND" : "CSTDCS" })),
      initiatives: [],
      disciplines: [],
    };
    const os = [...officers(19), { officerId: "Z1", history }, { officerId: "Z2", history }];
    const ps: OfficerProposal[] = [...proposals(18, 1), { officerId: "Z1", title: "CSTD_CAND" }, { officerId: "Z2", title: "CSTD_TQ" }];
    const result = run(os, ps);
    expect(result.quota).toMatchObject({ cstCount: 21, cstdcsCount: 3, allowed: 3, verdict: "AT" });
    expect(result.accepted).toBe(true);
    expect(result.officers.find((o) => o.officerId === "Z2")).toMatchObject({ proposalStatus: "ELIGIBLE", highestEligible: "CSTD_TQ" });
  });

  it("explains each proposal and marks the set not accepted when one is not eligible", () => {
    const blocked: RegistrationOfficer = {
      officerId: "CB000",
      name: "Lê Văn Cường",
      history: { ...EMPTY, disciplines: [{ form: "CANH_CAO", status: "PENDING", from: "2022-12-01" }] },
    };
    const os = [blocked, ...officers(10).slice(1)];
    const result = run(os, proposals(10, 0));
    expect(result.accepted).toBe(false);
    expect(result.counts).toMatchObject({ registered: 10, eligible: 9, blocked: 1 });
    const first = result.officers[0]!;
    expect(first).toMatchObject({ officerId: "CB000", proposed: ["CST"], proposalStatus: "BLOCKED", highestEligible: null });
    expect(first.statuses).toEqual({ CST: "BLOCKED", CSTDCS: "BLOCKED", CSTD_CAND: "BLOCKED", CSTD_TQ: "BLOCKED" });
    expect(first.proposal!.reasons.map((r) => r.rule)).toEqual(["RATING", "NO_DISCIPLINE"]);
    expect(first.proposal!.reasons[1]!.message).toBe(
      "Không xét danh hiệu năm 2023: đang xem xét kỷ luật (dự kiến hình thức Cảnh cáo) từ 01/12/2022.",
    );
    expect(first.evaluation).toBeUndefined();
  });

  it("reports duplicate proposals and unknown officers", () => {
    const ps: OfficerProposal[] = [...proposals(8, 0), { officerId: id(1), title: "CSTDCS" }, { officerId: "KHONG_CO", title: "CST" }];
    const result = run(officers(9), ps);
    expect(result.accepted).toBe(false);
    expect(result.unknownOfficers).toEqual(["KHONG_CO"]);
    expect(result.issues.map((i) => [i.rule, i.subjectId])).toEqual([["ONE_TITLE_PER_YEAR", id(1)]]);
    expect(result.officers[1]).toMatchObject({ proposed: ["CST", "CSTDCS"], proposal: null, proposalStatus: null });
    // The officer counts once in the quota, by the highest title: 8 CST, 1 CSTĐCS.
    expect(result.quota).toMatchObject({ cstCount: 8, cstdcsCount: 1, allowed: 1 });
  });

  it("officers without a proposal still get their statuses; order of input does not matter", () => {
    const os = officers(5);
    const ps = proposals(3, 0);
    const a = run(os, ps);
    const b = run([...os].reverse(), [...ps].reverse());
    expect(b).toEqual(a);
    expect(a.officers.map((o) => o.officerId)).toEqual([id(0), id(1), id(2), id(3), id(4)]);
    expect(a.officers[4]).toMatchObject({ proposed: [], proposal: null, proposalStatus: null, highestEligible: "CSTDCS" });
  });

  it("can explain every title of every officer, as evaluateOfficer does", () => {
    const history: OfficerHistory = { years: [{ year: 2023, rating: "GOOD" }], initiatives: [], disciplines: [] };
    const result = evaluateUnitRegistrations([{ officerId: "A", history }], [{ officerId: "A", title: "CSTDCS" }], S, {
      year: 2023,
      stage: RESULTS,
      explainAll: true,
    });
    expect(result.stage).toBe("RESULTS");
    expect(result.officers[0]!.evaluation).toEqual(evaluateOfficer(history, 2023, S, RESULTS));
    expect(result.officers[0]!.proposalStatus).toBe("NOT_YET");
  });

  it("refuses an officer listed twice and collective titles", () => {
    expect(() => run([...officers(2), ...officers(1)], [])).toThrow(EligibilityInputError);
    expect(() => run(officers(1), [{ officerId: id(0), title: "CO_BCA" as IndividualTitle }])).toThrow(EligibilityInputError);
  });
});
