// Collective titles (docs/domain.md §3): Đơn vị tiên tiến → Đơn vị Quyết thắng → Cờ thi đua của Bộ Công an
// → Cờ thi đua của Chính phủ; and the cluster-level check of flag proposals against the allocation.
//
// Cumulative like the individual ladder: each title's reasons are the lower title's plus its own. The
// discipline threshold, the CSTĐCS members required and the Government flags come from the RuleSet in
// force in the year (rule-set.ts; shipped values below), and every reason carries its citation.
// - ĐVTT: strictly more than advancedUnitMinCstPercent% of members CST (or higher); no member with a
//   PENDING or IN_FORCE discipline of "Cảnh cáo" or above counting against the year (same timing as
//   for individuals; a pending review counts because its outcome is not known; "Khiển trách" does not
//   count for the unit). That discipline is the BLOCKED reason of collective titles.
// - ĐVQT: ĐVTT + every member rated "Hoàn thành nhiệm vụ" or better + at least
//   determinedUnitMinGoodPercent% rated "Hoàn thành tốt nhiệm vụ" or better + at least one CSTĐCS.
// - Cờ BCA: ĐVQT + acclaimed (suy tôn) by the cluster + the cluster has at least one Ministry flag
//   this year (ministryFlagsPerCluster + extraMinistryFlags); how many units may be proposed is
//   checkFlagAllocation's job.
// - Cờ CP: the Cờ BCA standard (ĐVQT + acclaimed; the allocation of Ministry flags is not part of the
//   standard) + leads the cluster (rank 1). At most GOVERNMENT_FLAGS_PER_CLUSTER per cluster-year.
// At REGISTRATION the members' CST/CSTĐCS counts are what they registered; ratings, the acclaim and
// the rank are the year's targets and are taken as met while unknown (recorded facts still count).
// The unit's own history is read for the year evaluated (a Ministry flag already decided is cited);
// no default rule needs earlier years.
import {
  assertYear,
  collectiveLevel,
  describeDiscipline,
  disciplineHits,
  disciplineSeverity,
  formatPercent,
  formLabel,
  highestEligible,
  individualLevel,
  isCollectiveTitle,
  percentOf,
  ratingLabel,
  ratingLevel,
  compareStrings,
  quote,
  titleLabel,
  titleResult,
} from "./common";
import {
  EligibilityInputError,
  RESULTS,
  TASK_RATING_ORDER,
  type AllowanceVerdict,
  type CollectiveTitle,
  type DisciplineForm,
  type EligibilitySettings,
  type EvaluationStage,
  type MemberDiscipline,
  type MemberYearFacts,
  type Reason,
  type TaskRating,
  type UnitEvaluation,
  type UnitInput,
  type UnitMemberSummary,
  type UnitYearRecord,
} from "./types";
import { citeReasons, type RuleSet } from "./rule-set";
import { shippedRules } from "./shipped-rules";

/**
 * Cờ thi đua của Chính phủ: at most one per cluster per year (not a setting: docs/domain.md §3) — the
 * shipped rule's maxPerCluster; a rule version may set another.
 */
export const GOVERNMENT_FLAGS_PER_CLUSTER = 1;

/** Counts from per-member facts (what evaluateUnit does when given a list). */
export function summarizeMembers(members: readonly MemberYearFacts[]): UnitMemberSummary {
  const seen = new Set<string>();
  const ratingCounts: Partial<Record<TaskRating, number>> = {};
  const disciplines: MemberDiscipline[] = [];
  let cstCount = 0;
  let cstdcsCount = 0;
  for (const member of members) {
    if (seen.has(member.officerId)) throw new EligibilityInputError(`Cán bộ ${member.officerId} có mặt hai lần trong danh sách đơn vị.`);
    seen.add(member.officerId);
    const level = individualLevel(member.title);
    if (member.title !== undefined && level === 0) throw new EligibilityInputError(`Danh hiệu cá nhân không hợp lệ: ${String(member.title)}.`);
    if (level >= 1) cstCount++;
    if (level >= 2) cstdcsCount++;
    if (member.rating !== undefined) {
      if (ratingLevel(member.rating) < 0) throw new EligibilityInputError(`Xếp loại không hợp lệ: ${String(member.rating)}.`);
      ratingCounts[member.rating] = (ratingCounts[member.rating] ?? 0) + 1;
    }
    for (const record of member.disciplines ?? []) {
      disciplines.push({ officerId: member.officerId, officerName: member.officerName, record });
    }
  }
  return { memberCount: members.length, cstCount, cstdcsCount, ratingCounts, disciplines };
}

function checkSummary(s: UnitMemberSummary): number {
  const counts = [s.memberCount, s.cstCount, s.cstdcsCount, ...TASK_RATING_ORDER.map((r) => s.ratingCounts[r] ?? 0)];
  for (const n of counts) if (!Number.isInteger(n) || n < 0) throw new EligibilityInputError(`Số lượng không hợp lệ: ${String(n)}.`);
  const rated = TASK_RATING_ORDER.reduce((sum, r) => sum + (s.ratingCounts[r] ?? 0), 0);
  if (s.cstdcsCount > s.cstCount || s.cstCount > s.memberCount || rated > s.memberCount) {
    throw new EligibilityInputError("Số liệu đơn vị không nhất quán (số CSTĐCS, CST, số được xếp loại không được vượt quân số).");
  }
  return rated;
}

const frac = (part: number, whole: number) => `${part}/${whole} cán bộ, chiến sĩ (${formatPercent(percentOf(part, whole))})`;

// ---------------------------------------------------------------------------------------------

function cstShareReason(s: UnitMemberSummary, year: number, settings: EligibilitySettings, registration: boolean): Reason {
  const min = settings.advancedUnitMinCstPercent;
  const verb = registration ? "đăng ký" : "đạt";
  const base = { rule: "CST_SHARE" as const, years: [year] };
  if (s.memberCount === 0) return { ...base, ok: false, message: `Đơn vị không có cán bộ, chiến sĩ nào trong năm ${year}.` };
  const ok = s.cstCount * 100 > min * s.memberCount;
  return ok
    ? { ...base, ok, message: `${frac(s.cstCount, s.memberCount)} ${verb} CST trở lên, trên ${formatPercent(min)}.` }
    : { ...base, ok, message: `${frac(s.cstCount, s.memberCount)} ${verb} CST trở lên; cần trên ${formatPercent(min)}.` };
}

function seriousDisciplineReason(s: UnitMemberSummary, year: number, stage: EvaluationStage, SERIOUS: DisciplineForm): Reason {
  const bySomeone = new Map<string, MemberDiscipline[]>();
  for (const d of s.disciplines) {
    const list = bySomeone.get(d.officerId) ?? [];
    list.push(d);
    bySomeone.set(d.officerId, list);
  }
  const hits: { officerId: string; text: string; record: MemberDiscipline["record"] }[] = [];
  const asOf = stage.stage === "RESULTS" ? stage.asOf : undefined;
  for (const [officerId, list] of bySomeone) {
    const name = list.find((d) => d.officerName)?.officerName ?? officerId;
    for (const hit of disciplineHits(list.map((d) => d.record), year, stage, disciplineSeverity(SERIOUS))) {
      hits.push({ officerId, record: hit.record, text: `${name}: ${describeDiscipline(hit, year, asOf)}` });
    }
  }
  hits.sort((a, b) => compareStrings(a.text, b.text));
  const base = { rule: "NO_SERIOUS_DISCIPLINE" as const, years: [year] };
  if (hits.length === 0) {
    return { ...base, ok: true, message: `Không có cán bộ, chiến sĩ bị kỷ luật từ ${formLabel(SERIOUS).toLowerCase()} trở lên trong năm ${year}.` };
  }
  const officers = new Set(hits.map((h) => h.officerId)).size;
  return {
    ...base,
    ok: false,
    blocking: true,
    records: hits.map((h) => ({ kind: "DISCIPLINE", record: h.record, officerId: h.officerId })),
    message: `Có ${officers} cán bộ, chiến sĩ bị kỷ luật hoặc đang xem xét kỷ luật từ ${formLabel(SERIOUS).toLowerCase()} trở lên trong năm ${year} (${hits.map((h) => h.text).join("; ")}).`,
  };
}

function allCompleteReason(s: UnitMemberSummary, rated: number, year: number, registration: boolean): Reason {
  const incomplete = s.ratingCounts.INCOMPLETE ?? 0;
  const unrated = s.memberCount - rated;
  const base = { rule: "ALL_COMPLETE" as const, years: [year] };
  if (s.memberCount === 0) return { ...base, ok: false, message: `Đơn vị không có cán bộ, chiến sĩ nào trong năm ${year}.` };
  if (incomplete > 0) {
    return { ...base, ok: false, message: `${frac(incomplete, s.memberCount)} xếp loại ${quote(ratingLabel("INCOMPLETE"))}; cần 100% hoàn thành nhiệm vụ.` };
  }
  if (unrated > 0) {
    return registration
      ? { ...base, ok: true, assumed: true, message: `Mục tiêu năm ${year}: 100% cán bộ, chiến sĩ hoàn thành nhiệm vụ (chưa có xếp loại).` }
      : { ...base, ok: false, message: `Còn ${unrated}/${s.memberCount} cán bộ, chiến sĩ chưa có xếp loại năm ${year}; cần 100% hoàn thành nhiệm vụ.` };
  }
  return { ...base, ok: true, message: `100% cán bộ, chiến sĩ hoàn thành nhiệm vụ (${s.memberCount}/${s.memberCount}).` };
}

function goodShareReason(s: UnitMemberSummary, rated: number, year: number, settings: EligibilitySettings, registration: boolean): Reason {
  const min = settings.determinedUnitMinGoodPercent;
  const good = (s.ratingCounts.EXCELLENT ?? 0) + (s.ratingCounts.GOOD ?? 0);
  const unrated = s.memberCount - rated;
  const label = `${quote(ratingLabel("GOOD"))} trở lên`;
  const base = { rule: "GOOD_SHARE" as const, years: [year] };
  if (s.memberCount === 0) return { ...base, ok: false, message: `Đơn vị không có cán bộ, chiến sĩ nào trong năm ${year}.` };
  const reached = good * 100 >= min * s.memberCount;
  if (reached) return { ...base, ok: true, message: `${frac(good, s.memberCount)} xếp loại ${label}, đạt tối thiểu ${formatPercent(min)}.` };
  if (registration && unrated > 0 && (good + unrated) * 100 >= min * s.memberCount) {
    return { ...base, ok: true, assumed: true, message: `Mục tiêu năm ${year}: ít nhất ${formatPercent(min)} cán bộ, chiến sĩ xếp loại ${label} (chưa có đủ xếp loại).` };
  }
  const pending = unrated > 0 && !registration ? `; còn ${unrated} cán bộ, chiến sĩ chưa có xếp loại` : "";
  return { ...base, ok: false, message: `${frac(good, s.memberCount)} xếp loại ${label}; cần ít nhất ${formatPercent(min)}${pending}.` };
}

function hasCstdcsReason(s: UnitMemberSummary, year: number, registration: boolean, min: number): Reason {
  const base = { rule: "HAS_CSTDCS" as const, years: [year] };
  const verb = registration ? "đăng ký" : "đạt";
  if (s.cstdcsCount >= min) return { ...base, ok: true, message: `Có ${s.cstdcsCount} cán bộ, chiến sĩ ${verb} CSTĐCS trở lên.` };
  return s.cstdcsCount === 0
    ? { ...base, ok: false, message: `Chưa có cán bộ, chiến sĩ nào ${verb} CSTĐCS; cần ít nhất ${min === 1 ? "một" : min}.` }
    : { ...base, ok: false, message: `Có ${s.cstdcsCount} cán bộ, chiến sĩ ${verb} CSTĐCS trở lên; cần ít nhất ${min}.` };
}

function acclaimedReason(acclaimed: boolean | undefined, year: number, registration: boolean): Reason {
  const base = { rule: "ACCLAIMED" as const, years: [year] };
  if (acclaimed === true) return { ...base, ok: true, message: `Được Cụm suy tôn là đơn vị dẫn đầu năm ${year}.` };
  if (acclaimed === false) return { ...base, ok: false, message: `Không được Cụm suy tôn là đơn vị dẫn đầu năm ${year}.` };
  return registration
    ? { ...base, ok: true, assumed: true, message: `Mục tiêu năm ${year}: được Cụm suy tôn là đơn vị dẫn đầu (chưa bình xét).` }
    : { ...base, ok: false, message: `Chưa có kết quả suy tôn của Cụm năm ${year}.` };
}

function allocationReason(settings: EligibilitySettings, year: number): Reason {
  const allowed = ministryFlagsAllowed(settings);
  const base = { rule: "MINISTRY_FLAG_ALLOCATION" as const, years: [year] };
  const detail = `${settings.ministryFlagsPerCluster} theo quy chế, ${settings.extraMinistryFlags} do Bộ phân bổ thêm`;
  return allowed > 0
    ? { ...base, ok: true, message: `Cụm được ${allowed} ${titleLabel("CO_BCA")} năm ${year} (${detail}).` }
    : { ...base, ok: false, message: `Cụm không được phân bổ ${titleLabel("CO_BCA")} năm ${year}.` };
}

function standardReason(standardMet: boolean, history: readonly UnitYearRecord[], year: number): Reason {
  const record = history.find((r) => r.year === year) ?? null;
  const decided = record?.awardedTitle === "CO_BCA" ? ` (đã có quyết định tặng ${titleLabel("CO_BCA")} năm ${year})` : "";
  const base = { rule: "MINISTRY_FLAG_STANDARD" as const, years: [year], records: [{ kind: "UNIT_YEAR" as const, year, record }] };
  return standardMet
    ? { ...base, ok: true, message: `Đạt tiêu chuẩn ${titleLabel("CO_BCA")} năm ${year}${decided}.` }
    : { ...base, ok: false, message: `Chưa đạt tiêu chuẩn ${titleLabel("CO_BCA")} năm ${year}${decided}.` };
}

function leadsReason(rank: number | undefined, year: number, registration: boolean): Reason {
  const base = { rule: "LEADS_CLUSTER" as const, years: [year] };
  if (rank !== undefined && (!Number.isInteger(rank) || rank < 1)) throw new EligibilityInputError(`Thứ hạng không hợp lệ: ${String(rank)}.`);
  if (rank === 1) return { ...base, ok: true, message: `Dẫn đầu Cụm năm ${year} (xếp thứ 1).` };
  if (rank !== undefined) return { ...base, ok: false, message: `Xếp thứ ${rank} trong Cụm năm ${year}; cần dẫn đầu Cụm.` };
  return registration
    ? { ...base, ok: true, assumed: true, message: `Mục tiêu năm ${year}: dẫn đầu Cụm (chưa xếp hạng).` }
    : { ...base, ok: false, message: `Chưa có kết quả xếp hạng của Cụm năm ${year}.` };
}

// ---------------------------------------------------------------------------------------------

function checkUnitHistory(history: readonly UnitYearRecord[]): void {
  const years = new Set<number>();
  for (const record of history) {
    assertYear(record.year, "Năm trong lịch sử đơn vị");
    if (years.has(record.year)) throw new EligibilityInputError(`Lịch sử đơn vị có hai bản ghi cho năm ${record.year}.`);
    years.add(record.year);
    if (record.awardedTitle !== undefined && !isCollectiveTitle(record.awardedTitle)) {
      throw new EligibilityInputError(`Danh hiệu tập thể không hợp lệ năm ${record.year}: ${String(record.awardedTitle)}.`);
    }
  }
}

/** Every collective title for the unit and `year`, lowest first, each with its reasons. */
export function evaluateUnit(
  unit: UnitInput,
  year: number,
  settings: EligibilitySettings,
  stage: EvaluationStage = RESULTS,
  rules: RuleSet = shippedRules(year),
): UnitEvaluation {
  assertYear(year);
  const history = unit.history ?? [];
  checkUnitHistory(history);
  const s = Array.isArray(unit.members) ? summarizeMembers(unit.members) : (unit.members as UnitMemberSummary);
  const rated = checkSummary(s);
  const registration = stage.stage === "REGISTRATION";

  const dvtt = titleResult("DV_TIEN_TIEN", [
    cstShareReason(s, year, settings, registration),
    seriousDisciplineReason(s, year, stage, rules.DV_TIEN_TIEN.params.disciplineFrom),
  ]);
  const dvqt = titleResult("DV_QUYET_THANG", [
    ...dvtt.reasons,
    allCompleteReason(s, rated, year, registration),
    goodShareReason(s, rated, year, settings, registration),
    hasCstdcsReason(s, year, registration, rules.DV_QUYET_THANG.params.minCstdcsMembers),
  ]);
  const standard = [...dvqt.reasons, acclaimedReason(unit.acclaimed, year, registration)];
  const coBca = titleResult("CO_BCA", [...standard, allocationReason(settings, year)]);
  const standardMet = standard.every((r) => r.ok);
  const coCp = titleResult("CO_CP", [
    ...standard,
    standardReason(standardMet, history, year),
    leadsReason(unit.clusterRank, year, registration),
  ]);
  const results = [dvtt, dvqt, coBca, coCp];
  citeReasons(coCp.reasons, rules);
  citeReasons(coBca.reasons, rules);
  return { unitId: unit.unitId, year, stage: stage.stage, results, highestEligible: highestEligible(results) };
}

export function unitResultFor(evaluation: UnitEvaluation, title: CollectiveTitle) {
  return evaluation.results[collectiveLevel(title) - 1]!;
}

// ---------------------------------------------------------------------------------------------
// Flag allocation of a cluster-year

export const ministryFlagsAllowed = (settings: Pick<EligibilitySettings, "ministryFlagsPerCluster" | "extraMinistryFlags">) =>
  settings.ministryFlagsPerCluster + settings.extraMinistryFlags;

export type FlagProposal = { unitId: string; title: "CO_BCA" | "CO_CP"; unitName?: string };

export type FlagAllowance = {
  title: "CO_BCA" | "CO_CP";
  allowed: number;
  /** Distinct units proposed. */
  proposed: number;
  verdict: AllowanceVerdict;
  message: string;
};

export type FlagAllocationCheck = {
  ok: boolean;
  ministry: FlagAllowance;
  government: FlagAllowance;
  /** Vietnamese, one per problem (over the allocation, a unit proposed twice). */
  issues: string[];
};

function allowance(title: "CO_BCA" | "CO_CP", allowed: number, proposed: number, detail: string): FlagAllowance {
  const verdict: AllowanceVerdict = proposed < allowed ? "UNDER" : proposed === allowed ? "AT" : "OVER";
  const head = `${titleLabel(title)}: được ${allowed}${detail}, đề nghị ${proposed}`;
  const message = verdict === "OVER" ? `${head}, vượt ${proposed - allowed}.` : verdict === "AT" ? `${head}, vừa đủ.` : `${head}.`;
  return { title, allowed, proposed, verdict, message };
}

/**
 * A cluster's flag proposals for one year against the allocation: Ministry flags ≤
 * ministryFlagsPerCluster + extraMinistryFlags, Government flags ≤ 1. A unit gets one collective title
 * per year (one achievement, one title), so a unit proposed for both flags, or twice, is an issue; the
 * unit proposed for the Government flag does not use a Ministry flag.
 */
export function checkFlagAllocation(
  proposals: readonly FlagProposal[],
  settings: Pick<EligibilitySettings, "ministryFlagsPerCluster" | "extraMinistryFlags">,
  rules?: Pick<RuleSet, "CO_CP">,
): FlagAllocationCheck {
  const byUnit = new Map<string, { name: string; titles: ("CO_BCA" | "CO_CP")[] }>();
  for (const p of proposals) {
    if (p.title !== "CO_BCA" && p.title !== "CO_CP") throw new EligibilityInputError(`Không phải cờ thi đua: ${String(p.title)}.`);
    const entry = byUnit.get(p.unitId) ?? { name: p.unitName ?? p.unitId, titles: [] };
    if (p.unitName && entry.name === p.unitId) entry.name = p.unitName;
    entry.titles.push(p.title);
    byUnit.set(p.unitId, entry);
  }
  const issues: string[] = [];
  let ministry = 0;
  let government = 0;
  const units = [...byUnit.entries()].sort((a, b) => compareStrings(a[0], b[0]));
  for (const [, { name, titles }] of units) {
    const distinct = [...new Set(titles)].sort();
    if (distinct.includes("CO_BCA")) ministry++;
    if (distinct.includes("CO_CP")) government++;
    if (distinct.length > 1) {
      issues.push(`Đơn vị ${name} được đề nghị cả ${titleLabel("CO_BCA")} và ${titleLabel("CO_CP")} cùng năm; mỗi thành tích chỉ đề nghị một danh hiệu.`);
    } else if (titles.length > 1) {
      issues.push(`Đơn vị ${name} được đề nghị ${titleLabel(distinct[0]!)} ${titles.length} lần.`);
    }
  }
  const m = allowance(
    "CO_BCA",
    ministryFlagsAllowed(settings),
    ministry,
    settings.extraMinistryFlags > 0 ? ` (${settings.ministryFlagsPerCluster} theo quy chế, ${settings.extraMinistryFlags} do Bộ phân bổ thêm)` : "",
  );
  const g = allowance("CO_CP", rules?.CO_CP.params.maxPerCluster ?? GOVERNMENT_FLAGS_PER_CLUSTER, government, " mỗi cụm mỗi năm");
  if (m.verdict === "OVER") issues.unshift(m.message);
  if (g.verdict === "OVER") issues.unshift(g.message);
  return { ok: issues.length === 0, ministry: m, government: g, issues };
}
