import { describe, expect, it } from "vitest";
import {
  checkFlagAllocation,
  EligibilityInputError,
  evaluateUnit,
  GOVERNMENT_FLAGS_PER_CLUSTER,
  REGISTRATION,
  RESULTS,
  summarizeMembers,
  unitResultFor,
  type CollectiveTitle,
  type DisciplineRecord,
  type EligibilitySettings,
  type EligibilityStatus,
  type EvaluationStage,
  type FlagProposal,
  type MemberYearFacts,
  type RuleCode,
  type UnitInput,
  type UnitMemberSummary,
} from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const S: EligibilitySettings = DEFAULT_YEAR_SETTINGS;

/** A unit that meets everything up to the Government flag in 2022. */
function unit(members: Partial<UnitMemberSummary> = {}, extra: Partial<UnitInput> = {}): UnitInput {
  return {
    unitId: "KTNV",
    members: {
      memberCount: 100,
      cstCount: 80,
      cstdcsCount: 10,
      ratingCounts: { EXCELLENT: 20, GOOD: 60, COMPLETE: 20 },
      disciplines: [],
      ...members,
    },
    acclaimed: true,
    clusterRank: 1,
    ...extra,
  };
}
const statuses = (u: UnitInput, settings = S, stage: EvaluationStage = RESULTS) =>
  evaluateUnit(u, 2022, settings, stage).results.map((r) => r.status);
function reason(u: UnitInput, title: CollectiveTitle, rule: RuleCode, settings = S, stage: EvaluationStage = RESULTS) {
  const found = unitResultFor(evaluateUnit(u, 2022, settings, stage), title).reasons.find((r) => r.rule === rule);
  if (!found) throw new Error(`no ${rule} reason`);
  return found;
}
const member = (officerId: string, record: DisciplineRecord) => ({ officerId, record });
const E = "ELIGIBLE" as const;
const N = "NOT_YET" as const;
const B = "BLOCKED" as const;

describe("Đơn vị tiên tiến", () => {
  it("the reference unit meets every collective title", () => {
    const e = evaluateUnit(unit(), 2022, S);
    expect(e.results.map((r) => [r.title, r.status])).toEqual([
      ["DV_TIEN_TIEN", E],
      ["DV_QUYET_THANG", E],
      ["CO_BCA", E],
      ["CO_CP", E],
    ]);
    expect(e.highestEligible).toBe("CO_CP");
  });

  it.each<[number, number, number, EligibilityStatus]>([
    [51, 100, 50, E],
    [50, 100, 50, N], // strictly more than 50%
    [49, 100, 50, N],
    [3, 5, 50, E],
    [1, 2, 50, N],
    [61, 100, 60, E],
    [60, 100, 60, N],
  ])("%i/%i CST at a %i%% threshold → %s", (cst, count, percent, expected) => {
    const u = unit({ memberCount: count, cstCount: cst, cstdcsCount: 1, ratingCounts: { GOOD: count } });
    expect(statuses(u, { ...S, advancedUnitMinCstPercent: percent })[0]).toBe(expected);
  });

  it("explains the share", () => {
    expect(reason(unit({ cstCount: 50 }), "DV_TIEN_TIEN", "CST_SHARE").message).toBe(
      "50/100 cán bộ, chiến sĩ (50%) đạt CST trở lên; cần trên 50%.",
    );
    expect(reason(unit({ memberCount: 80, cstCount: 45, ratingCounts: { GOOD: 80 } }), "DV_TIEN_TIEN", "CST_SHARE").message).toBe(
      "45/80 cán bộ, chiến sĩ (56,25%) đạt CST trở lên, trên 50%.",
    );
    expect(statuses(unit({ memberCount: 0, cstCount: 0, cstdcsCount: 0, ratingCounts: {} }))).toEqual([N, N, N, N]);
  });

  it.each<[string, DisciplineRecord, EligibilityStatus]>([
    ["a reprimand does not count for the unit", { form: "KHIEN_TRACH", status: "IN_FORCE", from: "2022-03-01", to: "2022-09-01" }, E],
    ["a warning in force", { form: "CANH_CAO", status: "IN_FORCE", from: "2022-03-01", to: "2023-03-01" }, B],
    ["a warning ending mid-year", { form: "CANH_CAO", status: "IN_FORCE", from: "2021-06-01", to: "2022-05-31" }, B],
    ["a warning that ended before the year", { form: "CANH_CAO", status: "IN_FORCE", from: "2021-01-01", to: "2021-12-31" }, E],
    ["a warning under review", { form: "CANH_CAO", status: "PENDING", from: "2022-11-20" }, B],
    ["a dismissal (cách chức)", { form: "CACH_CHUC", status: "IN_FORCE", from: "2022-07-01" }, B],
    ["a cleared warning", { form: "CANH_CAO", status: "CLEARED", from: "2022-02-01", to: "2022-04-01" }, E],
  ])("%s → %s", (_, record, expected) => {
    const u = unit({ disciplines: [member("CB001", record)] });
    expect(statuses(u)).toEqual(expected === B ? [B, B, B, B] : [E, E, E, E]);
  });

  it("names the disciplined members", () => {
    const u = unit({
      disciplines: [
        { officerId: "CB002", officerName: "Trần Văn Bình", record: { form: "CANH_CAO", status: "IN_FORCE", from: "2022-03-01", to: "2023-03-01" } },
        { officerId: "CB001", record: { form: "KHIEN_TRACH", status: "IN_FORCE", from: "2022-03-01" } },
      ],
    });
    const r = reason(u, "DV_TIEN_TIEN", "NO_SERIOUS_DISCIPLINE");
    expect(r).toMatchObject({ ok: false, blocking: true });
    expect(r.message).toBe(
      "Có 1 cán bộ, chiến sĩ bị kỷ luật hoặc đang xem xét kỷ luật từ cảnh cáo trở lên trong năm 2022 (Trần Văn Bình: kỷ luật Cảnh cáo, có hiệu lực từ 01/03/2022 đến 01/03/2023).",
    );
    expect(r.records).toEqual([{ kind: "DISCIPLINE", officerId: "CB002", record: u.members && (u.members as UnitMemberSummary).disciplines[0]!.record }]);
  });
});

describe("Đơn vị Quyết thắng", () => {
  it.each<[string, Partial<UnitMemberSummary>, EligibilitySettings, EligibilityStatus]>([
    ["one member did not complete", { ratingCounts: { EXCELLENT: 20, GOOD: 60, COMPLETE: 19, INCOMPLETE: 1 } }, S, N],
    ["one member not rated yet", { ratingCounts: { EXCELLENT: 20, GOOD: 60, COMPLETE: 19 } }, S, N],
    ["exactly 70% rated good or better", { ratingCounts: { EXCELLENT: 10, GOOD: 60, COMPLETE: 30 } }, S, E],
    ["69% rated good or better", { ratingCounts: { EXCELLENT: 10, GOOD: 59, COMPLETE: 31 } }, S, N],
    ["80% required, 80% rated good", { ratingCounts: { GOOD: 80, COMPLETE: 20 } }, { ...S, determinedUnitMinGoodPercent: 80 }, E],
    ["80% required, 79% rated good", { ratingCounts: { GOOD: 79, COMPLETE: 21 } }, { ...S, determinedUnitMinGoodPercent: 80 }, N],
    ["no CSTĐCS", { cstdcsCount: 0 }, S, N],
  ])("%s → %s", (_, members, settings, expected) => {
    const [dvtt, dvqt] = statuses(unit(members), settings);
    expect(dvtt).toBe(E);
    expect(dvqt).toBe(expected);
  });

  it("explains each prerequisite", () => {
    const u = unit({ cstdcsCount: 0, ratingCounts: { EXCELLENT: 10, GOOD: 50, COMPLETE: 38, INCOMPLETE: 2 } });
    expect(reason(u, "DV_QUYET_THANG", "ALL_COMPLETE").message).toBe(
      "2/100 cán bộ, chiến sĩ (2%) xếp loại “Không hoàn thành nhiệm vụ”; cần 100% hoàn thành nhiệm vụ.",
    );
    expect(reason(u, "DV_QUYET_THANG", "GOOD_SHARE").message).toBe(
      "60/100 cán bộ, chiến sĩ (60%) xếp loại “Hoàn thành tốt nhiệm vụ” trở lên; cần ít nhất 70%.",
    );
    expect(reason(u, "DV_QUYET_THANG", "HAS_CSTDCS").message).toBe("Chưa có cán bộ, chiến sĩ nào đạt CSTĐCS; cần ít nhất một.");
    expect(reason(unit({ ratingCounts: { GOOD: 95 } }), "DV_QUYET_THANG", "ALL_COMPLETE").message).toBe(
      "Còn 5/100 cán bộ, chiến sĩ chưa có xếp loại năm 2022; cần 100% hoàn thành nhiệm vụ.",
    );
  });
});

describe("Cờ thi đua của Bộ Công an and of the Government", () => {
  it.each<[string, Partial<UnitInput>, EligibilitySettings, [EligibilityStatus, EligibilityStatus]]>([
    ["not acclaimed", { acclaimed: false }, S, [N, N]],
    ["acclaim not voted yet", { acclaimed: undefined }, S, [N, N]],
    ["no Ministry flag for the cluster", {}, { ...S, ministryFlagsPerCluster: 0 }, [N, E]],
    ["an extra flag granted by the Ministry", {}, { ...S, ministryFlagsPerCluster: 0, extraMinistryFlags: 1 }, [E, E]],
    ["ranked second", { clusterRank: 2 }, S, [E, N]],
    ["not ranked yet", { clusterRank: undefined }, S, [E, N]],
  ])("%s → Cờ BCA %s / Cờ CP %s", (_, extra, settings, [coBca, coCp]) => {
    const s = statuses(unit({}, extra), settings);
    expect(s.slice(0, 2)).toEqual([E, E]);
    expect(s.slice(2)).toEqual([coBca, coCp]);
  });

  it("explains the flag prerequisites", () => {
    expect(reason(unit({}, { acclaimed: false }), "CO_BCA", "ACCLAIMED").message).toBe("Không được Cụm suy tôn là đơn vị dẫn đầu năm 2022.");
    expect(reason(unit(), "CO_BCA", "MINISTRY_FLAG_ALLOCATION", { ...S, extraMinistryFlags: 2 }).message).toBe(
      "Cụm được 3 Cờ thi đua của Bộ Công an năm 2022 (1 theo quy chế, 2 do Bộ phân bổ thêm).",
    );
    expect(reason(unit(), "CO_BCA", "MINISTRY_FLAG_ALLOCATION", { ...S, ministryFlagsPerCluster: 0 }).message).toBe(
      "Cụm không được phân bổ Cờ thi đua của Bộ Công an năm 2022.",
    );
    expect(reason(unit({}, { clusterRank: 3 }), "CO_CP", "LEADS_CLUSTER").message).toBe("Xếp thứ 3 trong Cụm năm 2022; cần dẫn đầu Cụm.");
  });

  it("cites a Ministry flag already decided for the year from the unit's history", () => {
    const u = unit({}, { history: [{ year: 2021, awardedTitle: "DV_QUYET_THANG" }, { year: 2022, awardedTitle: "CO_BCA" }] });
    const r = reason(u, "CO_CP", "MINISTRY_FLAG_STANDARD");
    expect(r.message).toBe("Đạt tiêu chuẩn Cờ thi đua của Bộ Công an năm 2022 (đã có quyết định tặng Cờ thi đua của Bộ Công an năm 2022).");
    expect(r.records).toEqual([{ kind: "UNIT_YEAR", year: 2022, record: { year: 2022, awardedTitle: "CO_BCA" } }]);
    expect(() => evaluateUnit(unit({}, { history: [{ year: 2022 }, { year: 2022 }] }), 2022, S)).toThrow(EligibilityInputError);
  });
});

describe("collective titles at registration", () => {
  const registered = (cst: number, cstdcs: number): UnitInput => ({
    unitId: "XNC",
    members: { memberCount: 100, cstCount: cst, cstdcsCount: cstdcs, ratingCounts: {}, disciplines: [] },
  });

  it("ratings, acclaim and rank are targets; the registered CST share is not assumed", () => {
    const e = evaluateUnit(registered(60, 5), 2023, S, REGISTRATION);
    expect(e.results.map((r) => r.status)).toEqual([E, E, E, E]);
    const assumed = e.results[3]!.reasons.filter((r) => r.assumed).map((r) => r.rule);
    expect(assumed).toEqual(["ALL_COMPLETE", "GOOD_SHARE", "ACCLAIMED", "LEADS_CLUSTER"]);
    expect(statuses(registered(50, 5), S, REGISTRATION)).toEqual([N, N, N, N]);
    expect(statuses(registered(60, 0), S, REGISTRATION)).toEqual([E, N, N, N]);
    expect(reason(registered(50, 5), "DV_TIEN_TIEN", "CST_SHARE", S, REGISTRATION).message).toBe(
      "50/100 cán bộ, chiến sĩ (50%) đăng ký CST trở lên; cần trên 50%.",
    );
  });

  it("a rating already recorded counts, and so does a serious discipline", () => {
    const withIncomplete = { ...registered(60, 5), members: { ...(registered(60, 5).members as UnitMemberSummary), ratingCounts: { INCOMPLETE: 1 } } };
    expect(statuses(withIncomplete, S, REGISTRATION)).toEqual([E, N, N, N]);
    const tooFewGood = { ...registered(60, 5), members: { ...(registered(60, 5).members as UnitMemberSummary), ratingCounts: { COMPLETE: 31 } } };
    expect(statuses(tooFewGood, S, REGISTRATION)).toEqual([E, N, N, N]);
    const disciplined = {
      ...registered(60, 5),
      members: { ...(registered(60, 5).members as UnitMemberSummary), disciplines: [member("CB9", { form: "CANH_CAO", status: "IN_FORCE", from: "2022-12-01" })] },
    };
    expect(statuses(disciplined, S, REGISTRATION)).toEqual([B, B, B, B]);
  });
});

describe("members given one by one", () => {
  const members: MemberYearFacts[] = [
    { officerId: "A", rating: "EXCELLENT", title: "CSTDCS" },
    { officerId: "B", rating: "GOOD", title: "CST" },
    { officerId: "C", rating: "GOOD", title: "CST" },
    { officerId: "D", rating: "COMPLETE", disciplines: [{ form: "KHIEN_TRACH", status: "IN_FORCE", from: "2022-01-10", to: "2022-07-10" }] },
  ];

  it("summarizes to the same counts", () => {
    expect(summarizeMembers(members)).toEqual({
      memberCount: 4,
      cstCount: 3,
      cstdcsCount: 1,
      ratingCounts: { EXCELLENT: 1, GOOD: 2, COMPLETE: 1 },
      disciplines: [{ officerId: "D", officerName: undefined, record: members[3]!.disciplines![0] }],
    });
    expect(evaluateUnit({ unitId: "U", members, acclaimed: true, clusterRank: 1 }, 2022, S)).toEqual(
      evaluateUnit({ unitId: "U", members: summarizeMembers(members), acclaimed: true, clusterRank: 1 }, 2022, S),
    );
    // 3/4 CST; 75% rated good or better; one CSTĐCS; a reprimand does not count for the unit.
    expect(statuses({ unitId: "U", members, acclaimed: true, clusterRank: 1 })).toEqual([E, E, E, E]);
  });

  it("refuses a member listed twice and inconsistent counts", () => {
    expect(() => summarizeMembers([...members, { officerId: "A" }])).toThrow(EligibilityInputError);
    expect(() => evaluateUnit(unit({ cstdcsCount: 90 }), 2022, S)).toThrow(EligibilityInputError);
    expect(() => evaluateUnit(unit({ ratingCounts: { GOOD: 101 } }), 2022, S)).toThrow(EligibilityInputError);
    expect(() => evaluateUnit(unit({}, { clusterRank: 0 }), 2022, S)).toThrow(EligibilityInputError);
  });
});

describe("flag allocation of a cluster-year", () => {
  const p = (unitId: string, title: FlagProposal["title"]): FlagProposal => ({ unitId, title });

  it.each<[string, FlagProposal[], Partial<EligibilitySettings>, boolean, string, string]>([
    ["one Ministry flag, one Government flag", [p("A05", "CO_BCA"), p("KTNV", "CO_CP")], {}, true, "AT", "AT"],
    ["two Ministry flags for one", [p("A05", "CO_BCA"), p("NT", "CO_BCA")], {}, false, "OVER", "UNDER"],
    ["two Ministry flags with one extra", [p("A05", "CO_BCA"), p("NT", "CO_BCA")], { extraMinistryFlags: 1 }, true, "AT", "UNDER"],
    ["two Government flags", [p("A05", "CO_CP"), p("NT", "CO_CP")], {}, false, "UNDER", "OVER"],
    ["no flag allocated", [p("A05", "CO_BCA")], { ministryFlagsPerCluster: 0 }, false, "OVER", "UNDER"],
    ["nothing proposed", [], {}, true, "UNDER", "UNDER"],
  ])("%s", (_, proposals, settings, ok, ministry, government) => {
    const check = checkFlagAllocation(proposals, { ...S, ...settings });
    expect(check.ok).toBe(ok);
    expect(check.ministry.verdict).toBe(ministry);
    expect(check.government.verdict).toBe(government);
    expect(check.government.allowed).toBe(GOVERNMENT_FLAGS_PER_CLUSTER);
  });

  it("one achievement, one flag: a unit is proposed once", () => {
    const both = checkFlagAllocation([{ ...p("A05", "CO_BCA"), unitName: "Cục An ninh mạng" }, p("A05", "CO_CP")], S);
    expect(both.ok).toBe(false);
    expect(both.issues).toEqual([
      "Đơn vị Cục An ninh mạng được đề nghị cả Cờ thi đua của Bộ Công an và Cờ thi đua của Chính phủ cùng năm; mỗi thành tích chỉ đề nghị một danh hiệu.",
    ]);
    const twice = checkFlagAllocation([p("NT", "CO_BCA"), p("NT", "CO_BCA")], S);
    expect(twice.ministry).toMatchObject({ proposed: 1, verdict: "AT" });
    expect(twice.issues).toEqual(["Đơn vị NT được đề nghị Cờ thi đua của Bộ Công an 2 lần."]);
  });

  it("says by how much the allocation is exceeded", () => {
    const check = checkFlagAllocation([p("A05", "CO_BCA"), p("NT", "CO_BCA"), p("XNC", "CO_BCA")], { ...S, extraMinistryFlags: 1 });
    expect(check.issues).toEqual(["Cờ thi đua của Bộ Công an: được 2 (1 theo quy chế, 1 do Bộ phân bổ thêm), đề nghị 3, vượt 1."]);
    expect(() => checkFlagAllocation([p("A05", "DV_QUYET_THANG" as never)], S)).toThrow(EligibilityInputError);
  });
});
