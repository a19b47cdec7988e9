import { describe, expect, it } from "vitest";
import {
  EligibilityInputError,
  evaluateOfficer,
  REGISTRATION,
  RESULTS,
  resultFor,
  type DisciplineRecord,
  type EligibilitySettings,
  type EligibilityStatus,
  type EvaluationStage,
  type IndividualTitle,
  type Initiative,
  type OfficerHistory,
  type OfficerYearRecord,
  type RuleCode,
} from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const S: EligibilitySettings = DEFAULT_YEAR_SETTINGS;
const OR_EXCELLENT: EligibilitySettings = { ...S, cstdcsBasis: "INITIATIVE_OR_EXCELLENT" };

function history(years: OfficerYearRecord[], initiatives: Initiative[] = [], disciplines: DisciplineRecord[] = []): OfficerHistory {
  return { years, initiatives, disciplines };
}
const sk = (year: number, level: Initiative["level"] = "BASE", title = `Sáng kiến ${year}`): Initiative => ({ year, level, title });
const kl = (from: string, to?: string, status: DisciplineRecord["status"] = "IN_FORCE", form: DisciplineRecord["form"] = "KHIEN_TRACH"): DisciplineRecord => ({
  form,
  status,
  from,
  to,
});

function evaluate(h: OfficerHistory, year = 2022, settings = S, stage: EvaluationStage = RESULTS) {
  return evaluateOfficer(h, year, settings, stage);
}
const status = (h: OfficerHistory, title: IndividualTitle, year = 2022, settings = S, stage: EvaluationStage = RESULTS) =>
  resultFor(evaluate(h, year, settings, stage), title).status;
function reason(h: OfficerHistory, title: IndividualTitle, rule: RuleCode, year = 2022, settings = S, stage: EvaluationStage = RESULTS) {
  const found = resultFor(evaluate(h, year, settings, stage), title).reasons.find((r) => r.rule === rule);
  if (!found) throw new Error(`no ${rule} reason`);
  return found;
}

// A clean CSTĐ CAND candidate for 2022: CSTĐCS in 2020 and 2021, rated well with an initiative in 2022,
// a ministry-level initiative in the cycle.
const candYears = (): OfficerYearRecord[] => [
  { year: 2019, rating: "GOOD", awardedTitle: "CST" },
  { year: 2020, rating: "EXCELLENT", awardedTitle: "CSTDCS" },
  { year: 2021, rating: "EXCELLENT", awardedTitle: "CSTDCS" },
  { year: 2022, rating: "EXCELLENT" },
];
const candInitiatives = () => [sk(2021, "MINISTRY", "Quy trình tiếp nhận tin báo"), sk(2022)];

describe("CST", () => {
  it.each<[string, OfficerYearRecord[], EligibilityStatus]>([
    ["Hoàn thành xuất sắc", [{ year: 2022, rating: "EXCELLENT" }], "ELIGIBLE"],
    ["Hoàn thành tốt", [{ year: 2022, rating: "GOOD" }], "ELIGIBLE"],
    ["Hoàn thành", [{ year: 2022, rating: "COMPLETE" }], "NOT_YET"],
    ["Không hoàn thành", [{ year: 2022, rating: "INCOMPLETE" }], "NOT_YET"],
    ["record without rating", [{ year: 2022 }], "NOT_YET"],
    ["no record for the year", [{ year: 2021, rating: "EXCELLENT" }], "NOT_YET"],
  ])("%s → %s", (_, years, expected) => {
    expect(status(history(years), "CST")).toBe(expected);
  });

  it("explains the rating in Vietnamese, with the record it read", () => {
    expect(reason(history([{ year: 2022, rating: "COMPLETE" }]), "CST", "RATING")).toEqual({
      rule: "RATING",
      ok: false,
      message: "Xếp loại năm 2022: “Hoàn thành nhiệm vụ”; cần “Hoàn thành tốt nhiệm vụ” trở lên.",
      years: [2022],
      records: [{ kind: "YEAR", year: 2022, record: { year: 2022, rating: "COMPLETE" } }],
      // 2022 is judged under the rules in force then: the Law of 2003 as amended, Decree 91/2017.
      basis: "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 91/2017/NĐ-CP; Thông tư 12/2019/TT-BCA",
    });
    expect(reason(history([]), "CST", "RATING").message).toBe("Chưa có xếp loại năm 2022; cần xếp loại “Hoàn thành tốt nhiệm vụ” trở lên.");
  });
});

describe("discipline timing (year 2022)", () => {
  const good = [{ year: 2022, rating: "EXCELLENT" as const }];
  it.each<[string, DisciplineRecord, EligibilityStatus]>([
    ["ended the year before", kl("2021-03-01", "2021-12-31"), "ELIGIBLE"],
    ["ending mid-year", kl("2021-09-01", "2022-06-30"), "BLOCKED"],
    ["ending on 1 January", kl("2021-07-01", "2022-01-01"), "BLOCKED"],
    ["starting mid-year", kl("2022-10-01", "2023-03-31"), "BLOCKED"],
    ["starting on 31 December", kl("2022-12-31", "2023-06-30"), "BLOCKED"],
    ["in force, open-ended", kl("2020-05-01"), "BLOCKED"],
    ["pending since the year before", kl("2021-12-15", undefined, "PENDING"), "BLOCKED"],
    ["pending, opened mid-year", kl("2022-08-01", undefined, "PENDING", "CANH_CAO"), "BLOCKED"],
    ["pending, closed the year before", kl("2021-05-01", "2021-08-01", "PENDING"), "ELIGIBLE"],
    ["cleared during the year", kl("2022-03-01", "2022-05-01", "CLEARED", "CACH_CHUC"), "ELIGIBLE"],
    ["starting the next year", kl("2023-01-15", "2023-07-15"), "ELIGIBLE"],
  ])("%s → %s", (_, record, expected) => {
    const evaluation = evaluate(history(good, [sk(2022)], [record]));
    expect(evaluation.results.map((r) => r.status)).toEqual(
      expected === "BLOCKED" ? ["BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED"] : ["ELIGIBLE", "ELIGIBLE", "NOT_YET", "NOT_YET"],
    );
  });

  it("says which discipline blocks, with its dates", () => {
    const r = reason(history(good, [], [kl("2021-09-01", "2022-06-30")]), "CST", "NO_DISCIPLINE");
    expect(r).toMatchObject({ ok: false, blocking: true, years: [2022] });
    expect(r.message).toBe("Không xét danh hiệu năm 2022: kỷ luật Khiển trách, có hiệu lực từ 01/09/2021 đến 30/06/2022.");
    expect(r.records).toEqual([{ kind: "DISCIPLINE", record: kl("2021-09-01", "2022-06-30") }]);
    expect(reason(history(good, [], [kl("2022-08-01", undefined, "PENDING", "CANH_CAO")]), "CST", "NO_DISCIPLINE").message).toBe(
      "Không xét danh hiệu năm 2022: đang xem xét kỷ luật (dự kiến hình thức Cảnh cáo) từ 01/08/2022.",
    );
  });

  it("with the decision day known, a review opened after the year still blocks", () => {
    const h = history(good, [sk(2022)], [kl("2023-01-15", undefined, "PENDING")]);
    expect(status(h, "CST")).toBe("ELIGIBLE");
    expect(status(h, "CST", 2022, S, { stage: "RESULTS", asOf: "2023-01-10" })).toBe("ELIGIBLE");
    expect(status(h, "CST", 2022, S, { stage: "RESULTS", asOf: "2023-02-01" })).toBe("BLOCKED");
    expect(reason(h, "CST", "NO_DISCIPLINE", 2022, S, { stage: "RESULTS", asOf: "2023-02-01" }).message).toBe(
      "Không xét danh hiệu năm 2022: đang xem xét kỷ luật (dự kiến hình thức Khiển trách) từ 15/01/2023, vẫn còn vào ngày xét 01/02/2023 (sau năm 2022).",
    );
  });

  it("blocks at registration too: a discipline is never assumed away", () => {
    const h = history([], [], [kl("2022-11-01", "2023-04-30")]);
    expect(evaluate(h, 2023, S, REGISTRATION).results.map((r) => r.status)).toEqual(["BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED"]);
    expect(evaluate(h, 2024, S, REGISTRATION).results[0]!.status).toBe("ELIGIBLE");
  });
});

describe("CSTĐCS", () => {
  it.each<[string, OfficerYearRecord["rating"], Initiative[], EligibilitySettings, EligibilityStatus]>([
    ["base-level initiative", "GOOD", [sk(2022)], S, "ELIGIBLE"],
    ["ministry-level initiative", "GOOD", [sk(2022, "MINISTRY")], S, "ELIGIBLE"],
    ["initiative of the year before only", "EXCELLENT", [sk(2021)], S, "NOT_YET"],
    ["initiative of the next year only", "EXCELLENT", [sk(2023)], S, "NOT_YET"],
    ["excellent, no initiative, basis INITIATIVE", "EXCELLENT", [], S, "NOT_YET"],
    ["excellent, no initiative, basis INITIATIVE_OR_EXCELLENT", "EXCELLENT", [], OR_EXCELLENT, "ELIGIBLE"],
    ["good, no initiative, basis INITIATIVE_OR_EXCELLENT", "GOOD", [], OR_EXCELLENT, "NOT_YET"],
    ["initiative but only Hoàn thành nhiệm vụ", "COMPLETE", [sk(2022)], S, "NOT_YET"],
    ["initiative, Hoàn thành nhiệm vụ, INITIATIVE_OR_EXCELLENT", "COMPLETE", [sk(2022)], OR_EXCELLENT, "NOT_YET"],
  ])("%s → %s", (_, rating, initiatives, settings, expected) => {
    expect(status(history([{ year: 2022, rating }], initiatives), "CSTDCS", 2022, settings)).toBe(expected);
  });

  it("explains the basis", () => {
    expect(reason(history([{ year: 2022, rating: "GOOD" }], [sk(2022, "BASE", "Sổ tay điện tử")]), "CSTDCS", "CSTDCS_INITIATIVE").message).toBe(
      "Có sáng kiến năm 2022: “Sổ tay điện tử” (cấp cơ sở).",
    );
    expect(reason(history([{ year: 2022, rating: "EXCELLENT" }], [sk(2021, "BASE", "Sổ tay điện tử")]), "CSTDCS", "CSTDCS_INITIATIVE").message).toBe(
      "Không có sáng kiến năm 2022 (sáng kiến của năm khác không được tính: “Sổ tay điện tử” (cấp cơ sở, năm 2021)).",
    );
    expect(reason(history([{ year: 2022, rating: "EXCELLENT" }]), "CSTDCS", "CSTDCS_INITIATIVE", 2022, OR_EXCELLENT).message).toBe(
      "Xếp loại “Hoàn thành xuất sắc nhiệm vụ” năm 2022 (quy chế cụm cho phép thay cho sáng kiến).",
    );
    expect(reason(history([{ year: 2022, rating: "GOOD" }]), "CSTDCS", "CSTDCS_INITIATIVE", 2022, OR_EXCELLENT).message).toBe(
      "Không có sáng kiến năm 2022 và không xếp loại “Hoàn thành xuất sắc nhiệm vụ”.",
    );
  });

  it("includes the CST prerequisites (the ladder is cumulative)", () => {
    const e = evaluate(history([{ year: 2022, rating: "COMPLETE" }], [sk(2022)]));
    expect(resultFor(e, "CSTDCS").reasons.map((r) => [r.rule, r.ok])).toEqual([
      ["RATING", false],
      ["NO_DISCIPLINE", true],
      ["CSTDCS_INITIATIVE", true],
    ]);
  });
});

describe("CSTĐ CAND", () => {
  it("three consecutive CSTĐCS years ending this year + a ministry-level initiative", () => {
    const e = evaluate(history(candYears(), candInitiatives()));
    expect(resultFor(e, "CSTD_CAND").status).toBe("ELIGIBLE");
    expect(e.highestEligible).toBe("CSTD_CAND");
    const streak = resultFor(e, "CSTD_CAND").reasons.find((r) => r.rule === "CSTDCS_STREAK")!;
    expect(streak).toMatchObject({ ok: true, years: [2020, 2021, 2022], message: "Đạt CSTĐCS 3 năm liên tục (2020, 2021, 2022)." });
  });

  it("a year with no record breaks the streak (the example of the brief)", () => {
    const h = history(
      [
        { year: 2020, rating: "EXCELLENT", awardedTitle: "CSTDCS" },
        { year: 2021, rating: "EXCELLENT" },
      ],
      [sk(2021, "MINISTRY")],
    );
    const r = reason(h, "CSTD_CAND", "CSTDCS_STREAK", 2021);
    expect(r).toMatchObject({
      rule: "CSTDCS_STREAK",
      ok: false,
      message: "Chưa đủ 3 năm liên tục đạt CSTĐCS (2020, 2021 đạt; 2019 không có dữ liệu).",
      years: [2019, 2020, 2021],
    });
    expect(status(h, "CSTD_CAND", 2021)).toBe("NOT_YET");
  });

  it.each<[string, (years: OfficerYearRecord[]) => OfficerYearRecord[], string]>([
    ["a gap year (no record for 2020)", (ys) => ys.filter((y) => y.year !== 2020), "Chưa đủ 3 năm liên tục đạt CSTĐCS (2021, 2022 đạt; 2020 không có dữ liệu)."],
    [
      "2020 only CST",
      (ys) => ys.map((y) => (y.year === 2020 ? { ...y, awardedTitle: "CST" as const } : y)),
      "Chưa đủ 3 năm liên tục đạt CSTĐCS (2021, 2022 đạt; 2020 chỉ đạt CST).",
    ],
    [
      "2020 rated but no title awarded",
      (ys) => ys.map((y) => (y.year === 2020 ? { year: 2020, rating: "EXCELLENT" as const } : y)),
      "Chưa đủ 3 năm liên tục đạt CSTĐCS (2021, 2022 đạt; 2020 không có danh hiệu được công nhận).",
    ],
    [
      "CSTĐCS in 2018, 2019, 2021 with 2020 missing",
      (ys) => [
        { year: 2018, awardedTitle: "CSTDCS" },
        { year: 2019, awardedTitle: "CSTDCS" },
        ...ys.filter((y) => y.year > 2020),
      ],
      "Chưa đủ 3 năm liên tục đạt CSTĐCS (2021, 2022 đạt; 2020 không có dữ liệu).",
    ],
    [
      "this year not CSTĐCS (no initiative in 2022)",
      (ys) => ys,
      "Chưa đủ 3 năm liên tục đạt CSTĐCS (2020, 2021 đạt; 2022 chưa đạt tiêu chuẩn CSTĐCS).",
    ],
  ])("%s → NOT_YET", (name, change, message) => {
    const initiatives = name.startsWith("this year") ? [sk(2021, "MINISTRY")] : candInitiatives();
    const h = history(change(candYears()), initiatives);
    expect(status(h, "CSTD_CAND")).toBe("NOT_YET");
    expect(reason(h, "CSTD_CAND", "CSTDCS_STREAK").message).toBe(message);
  });

  it.each<[string, Initiative[], boolean]>([
    ["ministry level in the cycle", [sk(2022), sk(2020, "MINISTRY")], true],
    ["national level counts as higher", [sk(2022, "NATIONAL")], true],
    ["only base level (wrong level)", [sk(2022), sk(2021, "BASE")], false],
    ["ministry level before the cycle", [sk(2022), sk(2019, "MINISTRY")], false],
  ])("initiative: %s", (_, initiatives, ok) => {
    const h = history(candYears(), initiatives);
    expect(reason(h, "CSTD_CAND", "MINISTRY_INITIATIVE").ok).toBe(ok);
    expect(status(h, "CSTD_CAND")).toBe(ok ? "ELIGIBLE" : "NOT_YET");
  });

  it("names the lower-level initiatives it found", () => {
    const h = history(candYears(), [sk(2022, "BASE", "Sổ tay điện tử")]);
    expect(reason(h, "CSTD_CAND", "MINISTRY_INITIATIVE").message).toBe(
      "Không có sáng kiến cấp Bộ trở lên trong các năm 2020–2022 (chỉ có sáng kiến cấp thấp hơn: “Sổ tay điện tử” (cấp cơ sở, năm 2022)).",
    );
  });

  it("a CSTĐCS year serves one cycle only", () => {
    const awarded2021 = candYears().map((y) => (y.year === 2021 ? { ...y, awardedTitle: "CSTD_CAND" as const } : y));
    const h = history(awarded2021, candInitiatives());
    expect(status(h, "CSTD_CAND")).toBe("NOT_YET");
    expect(reason(h, "CSTD_CAND", "CSTD_CAND_CYCLE").message).toBe(
      "Chu kỳ 2020–2022 trùng chu kỳ đã được khen: năm 2021 đã được công nhận CSTĐ CAND (chu kỳ 2019–2021); thành tích đã khen không được tính lại.",
    );
    const awarded2019 = [
      { year: 2017, awardedTitle: "CSTDCS" as const },
      { year: 2018, awardedTitle: "CSTDCS" as const },
      ...candYears().map((y) => (y.year === 2019 ? { ...y, awardedTitle: "CSTD_CAND" as const } : y)),
    ];
    expect(status(history(awarded2019, candInitiatives()), "CSTD_CAND")).toBe("ELIGIBLE");
  });
});

describe("CSTĐ toàn quốc: two consecutive CSTĐ CAND cycles", () => {
  const years = (previousCand: number, previousTitle: IndividualTitle = "CSTD_CAND"): OfficerYearRecord[] => {
    const list: OfficerYearRecord[] = [];
    for (let y = 2014; y <= 2021; y++) list.push({ year: y, rating: "EXCELLENT", awardedTitle: y === previousCand ? previousTitle : "CSTDCS" });
    list.push({ year: 2022, rating: "EXCELLENT" });
    return list;
  };
  const initiatives = [sk(2022, "NATIONAL", "Nền tảng định danh"), sk(2021, "MINISTRY")];

  it("CSTĐ CAND in 2019 (cycle 2017–2019) then the standard in 2022 (cycle 2020–2022)", () => {
    const e = evaluate(history(years(2019), initiatives));
    expect(e.results.map((r) => r.status)).toEqual(["ELIGIBLE", "ELIGIBLE", "ELIGIBLE", "ELIGIBLE"]);
    expect(resultFor(e, "CSTD_TQ").reasons.find((r) => r.rule === "CSTD_CAND_TWICE")).toMatchObject({
      ok: true,
      years: [2019, 2022],
      message: "Đã đạt CSTĐ CAND năm 2019 (chu kỳ 2017–2019), liền trước chu kỳ 2020–2022: 2 lần liên tục.",
    });
  });

  it.each<[string, OfficerYearRecord[], string]>([
    [
      "CSTĐ CAND in 2018: a year between the cycles",
      years(2018),
      "Chưa đạt CSTĐ CAND 2 lần liên tục: cần được công nhận CSTĐ CAND năm 2019 (chu kỳ 2017–2019), năm 2019 chỉ đạt CSTĐCS; CSTĐ CAND năm 2018 không liền kề chu kỳ 2020–2022.",
    ],
    [
      "no CSTĐ CAND before",
      years(0),
      "Chưa đạt CSTĐ CAND 2 lần liên tục: cần được công nhận CSTĐ CAND năm 2019 (chu kỳ 2017–2019), năm 2019 chỉ đạt CSTĐCS.",
    ],
    [
      "no record for 2019",
      years(0).filter((y) => y.year !== 2019),
      "Chưa đạt CSTĐ CAND 2 lần liên tục: cần được công nhận CSTĐ CAND năm 2019 (chu kỳ 2017–2019), năm 2019 không có dữ liệu.",
    ],
    [
      "the 2019 cycle already made a CSTĐ toàn quốc",
      years(2019, "CSTD_TQ"),
      "CSTĐ CAND năm 2019 đã được tính khi công nhận CSTĐ toàn quốc năm 2019; cần thêm một chu kỳ CSTĐ CAND mới.",
    ],
  ])("%s → NOT_YET", (_, ys, message) => {
    const h = history(ys, initiatives);
    expect(status(h, "CSTD_TQ")).toBe("NOT_YET");
    expect(reason(h, "CSTD_TQ", "CSTD_CAND_TWICE").message).toBe(message);
  });

  it("the second cycle must be met this year", () => {
    const h = history(years(2019), [sk(2022, "NATIONAL")]).years.map((y) => (y.year === 2021 ? { ...y, awardedTitle: "CST" as const } : y));
    expect(status(history(h, [sk(2022, "NATIONAL")]), "CSTD_TQ")).toBe("NOT_YET");
  });

  it.each<[string, Initiative[], boolean]>([
    ["national initiative in the first year of the two cycles", [sk(2022), sk(2017, "NATIONAL"), sk(2021, "MINISTRY")], true],
    ["national initiative before the two cycles", [sk(2022), sk(2016, "NATIONAL"), sk(2021, "MINISTRY")], false],
    ["ministry level only (wrong level)", [sk(2022, "MINISTRY")], false],
  ])("%s", (_, list, ok) => {
    const h = history(years(2019), list);
    expect(reason(h, "CSTD_TQ", "NATIONAL_INITIATIVE").ok).toBe(ok);
    expect(status(h, "CSTD_TQ")).toBe(ok ? "ELIGIBLE" : "NOT_YET");
  });
});

describe("stages", () => {
  it("REGISTRATION: this year's achievements are targets", () => {
    const e = evaluate(history([]), 2023, S, REGISTRATION);
    expect(e.stage).toBe("REGISTRATION");
    expect(e.results.map((r) => r.status)).toEqual(["ELIGIBLE", "ELIGIBLE", "NOT_YET", "NOT_YET"]);
    const cstdcs = resultFor(e, "CSTDCS").reasons;
    expect(cstdcs.map((r) => [r.rule, r.ok, r.assumed ?? false])).toEqual([
      ["RATING", true, true],
      ["NO_DISCIPLINE", true, false],
      ["CSTDCS_INITIATIVE", true, true],
    ]);
    expect(cstdcs[0]!.message).toBe("Mục tiêu năm 2023: xếp loại “Hoàn thành tốt nhiệm vụ” trở lên (chưa có xếp loại).");
    expect(cstdcs[2]!.message).toBe("Mục tiêu năm 2023: có sáng kiến (chưa ghi nhận sáng kiến).");
  });

  it("REGISTRATION: streaks count past awarded titles, plus this year as the target", () => {
    const h = history([
      { year: 2021, rating: "EXCELLENT", awardedTitle: "CSTDCS" },
      { year: 2022, rating: "EXCELLENT", awardedTitle: "CSTDCS" },
    ]);
    expect(status(h, "CSTD_CAND", 2023, S, REGISTRATION)).toBe("ELIGIBLE");
    expect(reason(h, "CSTD_CAND", "CSTDCS_STREAK", 2023, S, REGISTRATION)).toMatchObject({
      ok: true,
      assumed: true,
      message: "Đạt CSTĐCS các năm 2021, 2022; năm 2023 là mục tiêu đăng ký (đủ 3 năm liên tục nếu đạt).",
    });
    expect(reason(h, "CSTD_CAND", "MINISTRY_INITIATIVE", 2023, S, REGISTRATION)).toMatchObject({ ok: true, assumed: true });
    // At RESULTS nothing is assumed: no rating, no initiative recorded for 2023.
    expect(evaluate(h, 2023, S, RESULTS).results.map((r) => r.status)).toEqual(["NOT_YET", "NOT_YET", "NOT_YET", "NOT_YET"]);
  });

  it("REGISTRATION: a past year's decision not yet recorded does not count", () => {
    const h = history([
      { year: 2021, rating: "EXCELLENT", awardedTitle: "CSTDCS" },
      { year: 2022, rating: "EXCELLENT" },
    ], [sk(2022), sk(2022, "MINISTRY")]);
    expect(status(h, "CSTD_CAND", 2023, S, REGISTRATION)).toBe("NOT_YET");
    expect(reason(h, "CSTD_CAND", "CSTDCS_STREAK", 2023, S, REGISTRATION).message).toBe(
      "Chưa đủ 3 năm liên tục đạt CSTĐCS (2021, 2023 đạt; 2022 không có danh hiệu được công nhận).",
    );
  });

  it("REGISTRATION: a same-year fact already recorded is used as recorded", () => {
    const h = history([{ year: 2023, rating: "COMPLETE" }]);
    expect(status(h, "CST", 2023, S, REGISTRATION)).toBe("NOT_YET");
    const withInitiative = history([], [sk(2023, "BASE", "Mẫu biên bản số")]);
    expect(reason(withInitiative, "CSTDCS", "CSTDCS_INITIATIVE", 2023, S, REGISTRATION)).toMatchObject({ ok: true, message: "Có sáng kiến năm 2023: “Mẫu biên bản số” (cấp cơ sở)." });
    expect(reason(withInitiative, "CSTDCS", "CSTDCS_INITIATIVE", 2023, S, REGISTRATION).assumed).toBeUndefined();
  });

  it("REGISTRATION: the CSTĐ toàn quốc needs the previous CSTĐ CAND awarded, not assumed", () => {
    const ys: OfficerYearRecord[] = [2017, 2018, 2019, 2020, 2021, 2022].map((y) => ({ year: y, awardedTitle: y === 2020 ? "CSTD_CAND" : "CSTDCS" }));
    expect(status(history(ys), "CSTD_TQ", 2023, S, REGISTRATION)).toBe("ELIGIBLE");
    expect(status(history(ys.filter((y) => y.year !== 2020)), "CSTD_TQ", 2023, S, REGISTRATION)).toBe("NOT_YET");
  });

  it("RESULTS is the default stage", () => {
    const h = history(candYears(), candInitiatives());
    expect(evaluateOfficer(h, 2022, S)).toEqual(evaluateOfficer(h, 2022, S, RESULTS));
  });
});

describe("input that no form could produce", () => {
  it.each<[string, OfficerHistory]>([
    ["two records for one year", history([{ year: 2022, rating: "GOOD" }, { year: 2022, rating: "EXCELLENT" }])],
    ["a malformed date", history([], [], [kl("2022-13-01")])],
    ["an end before the start", history([], [], [kl("2022-05-01", "2022-04-30")])],
    ["an unknown discipline form", history([], [], [{ form: "PHAT_TIEN" as never, status: "IN_FORCE", from: "2022-01-01" }])],
    ["an unknown title", history([{ year: 2021, awardedTitle: "ANH_HUNG" as never }])],
    ["an unknown initiative level", history([], [{ year: 2022, level: "PROVINCE" as never, title: "X" }])],
  ])("%s → EligibilityInputError", (_, h) => {
    expect(() => evaluateOfficer(h, 2022, S)).toThrow(EligibilityInputError);
  });
});

describe("input that no form could produce, prototype keys", () => {
  it.each<[string, OfficerHistory]>([
    ["a rating named like an Object method", history([{ year: 2022, rating: "toString" as never }])],
    ["a discipline form named like an Object method", history([], [], [{ form: "constructor" as never, status: "IN_FORCE", from: "2022-01-01" }])],
    ["an initiative level named like an Object method", history([], [{ year: 2022, level: "hasOwnProperty" as never, title: "X" }])],
  ])("%s → EligibilityInputError", (_, h) => {
    expect(() => evaluateOfficer(h, 2022, S)).toThrow(EligibilityInputError);
  });
});
