// Individual titles (docs/domain.md §3): CST → CSTĐCS → CSTĐ CAND → CSTĐ toàn quốc.
//
// The ladder is cumulative: each title's reasons are the reasons of the title below plus its own, so
// "ELIGIBLE for a higher title" always means every prerequisite of the lower ones held, and a
// discipline that blocks CST blocks all four. The CSTĐCS quota is a unit-level limit and is not part of
// one officer's evaluation: checkQuota / evaluateUnitRegistrations apply it.
//
// Rules for year Y (index.ts: stages), shipped parameters; the RuleSet in force in Y may change them
// (rule-set.ts, docs/domain.md §3 "Rules as versioned data"), and each reason carries its citation:
// - CST: rating of Y is "Hoàn thành tốt nhiệm vụ" or better; no PENDING/IN_FORCE discipline counting
//   against Y (common.ts: overlap with the calendar year, or open on the decision day).
// - CSTĐCS: CST standard in Y + an initiative recognised in Y (any level); with cstdcsBasis =
//   INITIATIVE_OR_EXCELLENT a rating of "Hoàn thành xuất sắc nhiệm vụ" in Y also does.
// - CSTĐ CAND: CSTĐCS in Y-2, Y-1 (awarded: the year's awardedTitle is CSTĐCS or higher) and the
//   CSTĐCS standard in Y — three consecutive years; a missing year record breaks the streak. Plus an
//   initiative of MINISTRY level or higher recognised within the cycle Y-2…Y. A CSTĐCS year counts
//   for one cycle only: if CSTĐ CAND (or higher) was awarded in Y-2 or Y-1, the cycle Y-2…Y overlaps
//   that award's cycle and is refused ("thành tích đến đâu khen thưởng đến đó").
// - CSTĐ toàn quốc: "2 consecutive times" CSTĐ CAND = two back-to-back 3-year cycles: the CSTĐ CAND
//   standard in Y (cycle Y-2…Y) and CSTĐ CAND awarded in exactly Y-3 (cycle Y-5…Y-3). An award in Y-4
//   or earlier leaves a gap between the cycles; an award in Y-3 that was itself CSTĐ toàn quốc was
//   already used for that title and cannot count again. Plus a NATIONAL initiative within Y-5…Y.
//
// Two phases, for speed (a unit of 5,000 officers is evaluated as people type): computeFacts checks
// every rule without building a string; explain turns the facts of one title into Reasons with their
// Vietnamese messages and cited records. statusesOf(facts) and statusOf(explain(…)) always agree (a
// test pins this down).
import {
  assertInitiative,
  assertYear,
  compareInitiative,
  describeDiscipline,
  disciplineHits,
  disciplineSeverity,
  highestEligible,
  individualLevel,
  initiativeLevel,
  isIndividualTitle,
  levelLabel,
  quote,
  ratingLabel,
  ratingLevel,
  titleLabel,
  titleResult,
  yearRange,
  type DisciplineHit,
} from "./common";
import {
  EligibilityInputError,
  RESULTS,
  type CitedRecord,
  type EligibilitySettings,
  type EligibilityStatus,
  type EvaluationStage,
  type IndividualTitle,
  type Initiative,
  type InitiativeLevel,
  type OfficerEvaluation,
  type OfficerHistory,
  type OfficerYearRecord,
  type Reason,
  type TitleResult,
} from "./types";
import { TASK_RATINGS } from "../title-catalogue";
import { citeReasons, type RuleSet } from "./rule-set";
import { shippedRules } from "./shipped-rules";

const CSTDCS_LEVEL = individualLevel("CSTDCS");
const CAND_LEVEL = individualLevel("CSTD_CAND");

/** What the rules found, before any message is written. */
export type OfficerFacts = {
  year: number;
  stage: EvaluationStage;
  registration: boolean;
  history: OfficerHistory;
  settings: EligibilitySettings;
  /** The rules in force in Y (rule-set.ts). */
  rules: RuleSet;
  /** Years in a CSTĐ CAND cycle (the CSTĐ CAND rule's streakYears). */
  cycle: number;
  /** How far back the rules look: Y-(2·cycle-1), the first of the two cycles for CSTĐ toàn quốc. */
  lookback: number;
  /** window[k] = the record of year Y-k, k = 0…lookback (undefined: no record). */
  window: (OfficerYearRecord | undefined)[];
  ratingOk: boolean;
  hits: DisciplineHit[];
  /** How CSTĐCS's own prerequisite is met. */
  basis: "INITIATIVE" | "EXCELLENT" | "ASSUMED" | "NONE";
  /** Y-2 and Y-1 awarded CSTĐCS or higher. */
  pastStreakOk: boolean;
  /** CSTĐ CAND (or higher) awarded in Y-2 or Y-1: the cycle would count those years twice. */
  cycleUsed: boolean;
  ministry: "OK" | "ASSUMED" | "NONE";
  /** CSTĐ CAND awarded in Y-3: OK; awarded as CSTĐ toàn quốc (already used): USED; else NONE. */
  twice: "OK" | "USED" | "NONE";
  national: "OK" | "ASSUMED" | "NONE";
  statuses: [EligibilityStatus, EligibilityStatus, EligibilityStatus, EligibilityStatus];
};

const NO_HITS: DisciplineHit[] = [];

/** Every rule checked, no string built. Throws EligibilityInputError on impossible input. */
export function computeFacts(
  history: OfficerHistory,
  year: number,
  settings: EligibilitySettings,
  stage: EvaluationStage = RESULTS,
  rules: RuleSet = shippedRules(year),
): OfficerFacts {
  assertYear(year);
  const registration = stage.stage === "REGISTRATION";
  const CYCLE = rules.CSTD_CAND.params.streakYears;
  const LOOKBACK = 2 * CYCLE - 1;
  const sameYearMin = initiativeLevel(rules.CSTDCS.params.initiativeLevel);
  const cycleMin = initiativeLevel(rules.CSTD_CAND.params.initiativeLevel);
  const twoCyclesMin = initiativeLevel(rules.CSTD_TQ.params.initiativeLevel);

  // Years: duplicates refused, the look-back window kept.
  const window: (OfficerYearRecord | undefined)[] = new Array(LOOKBACK + 1).fill(undefined);
  const records = history.years;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    assertYear(record.year, "Năm trong lịch sử cán bộ");
    for (let j = 0; j < i; j++) {
      if (records[j]!.year === record.year) throw new EligibilityInputError(`Lịch sử cán bộ có hai bản ghi cho năm ${record.year}.`);
    }
    if (record.rating !== undefined && !Object.hasOwn(TASK_RATINGS, record.rating)) {
      throw new EligibilityInputError(`Xếp loại không hợp lệ năm ${record.year}: ${String(record.rating)}.`);
    }
    if (record.awardedTitle !== undefined && !isIndividualTitle(record.awardedTitle)) {
      throw new EligibilityInputError(`Danh hiệu cá nhân không hợp lệ năm ${record.year}: ${String(record.awardedTitle)}.`);
    }
    const k = year - record.year;
    if (k >= 0 && k <= LOOKBACK) window[k] = record;
  }

  // Initiatives: one pass.
  let sameYear = false;
  let bestInCycle = -1;
  let bestInTwoCycles = -1;
  for (const initiative of history.initiatives) {
    assertInitiative(initiative);
    const k = year - initiative.year;
    if (k < 0 || k > LOOKBACK) continue;
    const level = initiativeLevel(initiative.level);
    if (k === 0 && level >= sameYearMin) sameYear = true;
    if (k < CYCLE && level > bestInCycle) bestInCycle = level;
    if (level > bestInTwoCycles) bestInTwoCycles = level;
  }

  const rating = window[0]?.rating;
  const ratingOk = rating === undefined ? registration : ratingLevel(rating) >= ratingLevel(rules.CST.params.minRating);
  const hits =
    history.disciplines.length > 0 ? disciplineHits(history.disciplines, year, stage, disciplineSeverity(rules.CST.params.disciplineFrom)) : NO_HITS;

  const basis: OfficerFacts["basis"] = sameYear
    ? "INITIATIVE"
    : settings.cstdcsBasis === "INITIATIVE_OR_EXCELLENT" && rating === "EXCELLENT"
      ? "EXCELLENT"
      : registration
        ? "ASSUMED"
        : "NONE";
  let pastStreakOk = true;
  let cycleUsed = false;
  for (let k = 1; k < CYCLE; k++) {
    const level = individualLevel(window[k]?.awardedTitle);
    if (level < CSTDCS_LEVEL) pastStreakOk = false;
    if (level >= CAND_LEVEL) cycleUsed = true;
  }
  const ministry = bestInCycle >= cycleMin ? "OK" : registration ? "ASSUMED" : "NONE";
  const previous = window[CYCLE]?.awardedTitle;
  const twice = previous === "CSTD_CAND" ? "OK" : previous === "CSTD_TQ" ? "USED" : "NONE";
  const national = bestInTwoCycles >= twoCyclesMin ? "OK" : registration ? "ASSUMED" : "NONE";

  const facts: OfficerFacts = {
    year, stage, registration, history, settings, rules, cycle: CYCLE, lookback: LOOKBACK, window, ratingOk, hits, basis,
    pastStreakOk, cycleUsed, ministry, twice, national,
    statuses: ["NOT_YET", "NOT_YET", "NOT_YET", "NOT_YET"],
  };
  facts.statuses = statusesOf(facts);
  return facts;
}

function statusesOf(f: OfficerFacts): OfficerFacts["statuses"] {
  if (f.hits.length > 0) return ["BLOCKED", "BLOCKED", "BLOCKED", "BLOCKED"];
  const cst = f.ratingOk;
  const cstdcs = cst && f.basis !== "NONE";
  const cand = cstdcs && f.pastStreakOk && !f.cycleUsed && f.ministry !== "NONE";
  const tq = cand && f.twice === "OK" && f.national !== "NONE";
  return [eligibleIf(cst), eligibleIf(cstdcs), eligibleIf(cand), eligibleIf(tq)];
}

function eligibleIf(ok: boolean): EligibilityStatus {
  return ok ? "ELIGIBLE" : "NOT_YET";
}

// ---------------------------------------------------------------------------------------------
// Explanations

const yearCite = (f: OfficerFacts, year: number): CitedRecord => ({ kind: "YEAR", year, record: f.window[f.year - year] ?? null });
const initiativeCites = (list: readonly Initiative[]): CitedRecord[] => list.map((record) => ({ kind: "INITIATIVE", record }));
const listInitiatives = (list: readonly Initiative[], withYear = true): string =>
  list.map((i) => `${quote(i.title)} (${levelLabel(i.level)}${withYear ? `, năm ${i.year}` : ""})`).join(", ");
const initiativesIn = (f: OfficerFacts, from: number, to: number) =>
  f.history.initiatives.filter((i) => i.year >= from && i.year <= to).sort(compareInitiative);
const range = (from: number, to: number) => {
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
};

function ratingReason(f: OfficerFacts): Reason {
  const { year } = f;
  const rating = f.window[0]?.rating;
  const required = `${quote(ratingLabel(f.rules.CST.params.minRating))} trở lên`;
  const reason: Reason = { rule: "RATING", ok: f.ratingOk, message: "", years: [year], records: [yearCite(f, year)] };
  if (rating === undefined) {
    if (f.registration) {
      reason.assumed = true;
      reason.message = `Mục tiêu năm ${year}: xếp loại ${required} (chưa có xếp loại).`;
    } else reason.message = `Chưa có xếp loại năm ${year}; cần xếp loại ${required}.`;
  } else {
    reason.message = f.ratingOk
      ? `Xếp loại năm ${year}: ${quote(ratingLabel(rating))}.`
      : `Xếp loại năm ${year}: ${quote(ratingLabel(rating))}; cần ${required}.`;
  }
  return reason;
}

function disciplineReason(f: OfficerFacts): Reason {
  const { year } = f;
  if (f.hits.length === 0) {
    return { rule: "NO_DISCIPLINE", ok: true, years: [year], message: `Không bị xem xét kỷ luật hoặc chịu kỷ luật trong năm ${year}.` };
  }
  const asOf = f.stage.stage === "RESULTS" ? f.stage.asOf : undefined;
  return {
    rule: "NO_DISCIPLINE",
    ok: false,
    blocking: true,
    years: [year],
    records: f.hits.map((h) => ({ kind: "DISCIPLINE", record: h.record })),
    message: `Không xét danh hiệu năm ${year}: ${f.hits.map((h) => describeDiscipline(h, year, asOf)).join("; ")}.`,
  };
}

function cstdcsInitiativeReason(f: OfficerFacts): Reason {
  const { year } = f;
  const orExcellent = f.settings.cstdcsBasis === "INITIATIVE_OR_EXCELLENT";
  const excellent = quote(ratingLabel("EXCELLENT"));
  const base = { rule: "CSTDCS_INITIATIVE" as const, years: [year] };
  const min = f.rules.CSTDCS.params.initiativeLevel;
  const kind = min === "BASE" ? "sáng kiến" : `sáng kiến ${levelLabel(min)} trở lên`;
  const counts = (i: Initiative) => initiativeLevel(i.level) >= initiativeLevel(min);
  switch (f.basis) {
    case "INITIATIVE": {
      const sameYear = initiativesIn(f, year, year).filter(counts);
      return { ...base, ok: true, records: initiativeCites(sameYear), message: `Có ${kind} năm ${year}: ${listInitiatives(sameYear, false)}.` };
    }
    case "EXCELLENT":
      return {
        ...base,
        ok: true,
        records: [yearCite(f, year)],
        message: `Xếp loại ${excellent} năm ${year} (quy chế cụm cho phép thay cho sáng kiến).`,
      };
    case "ASSUMED":
      return {
        ...base,
        ok: true,
        assumed: true,
        message: orExcellent
          ? `Mục tiêu năm ${year}: có ${kind} hoặc xếp loại ${excellent} (chưa ghi nhận).`
          : `Mục tiêu năm ${year}: có ${kind} (chưa ghi nhận sáng kiến).`,
      };
    case "NONE": {
      const elsewhere = f.history.initiatives.filter((i) => i.year !== year || !counts(i)).sort(compareInitiative);
      const which = min === "BASE" ? "của năm khác" : "của năm khác hoặc cấp thấp hơn";
      const note = elsewhere.length > 0 ? ` (sáng kiến ${which} không được tính: ${listInitiatives(elsewhere)})` : "";
      return {
        ...base,
        ok: false,
        records: orExcellent ? [yearCite(f, year)] : undefined,
        message: orExcellent
          ? `Không có ${kind} năm ${year} và không xếp loại ${excellent}${note}.`
          : `Không có ${kind} năm ${year}${note}.`,
      };
    }
  }
}

/** How a past year stands for a CSTĐCS streak. */
function pastYearNote(record: OfficerYearRecord | undefined): { ok: boolean; note: string } {
  if (!record) return { ok: false, note: "không có dữ liệu" };
  if (individualLevel(record.awardedTitle) >= CSTDCS_LEVEL) return { ok: true, note: "đạt" };
  if (record.awardedTitle) return { ok: false, note: `chỉ đạt ${titleLabel(record.awardedTitle)}` };
  return { ok: false, note: "không có danh hiệu được công nhận" };
}

function streakReason(f: OfficerFacts): Reason {
  const { year } = f;
  const currentOk = f.statuses[1] === "ELIGIBLE";
  const window = range(year - f.cycle + 1, year);
  const achieved: number[] = [];
  const missing: string[] = [];
  for (const y of window) {
    if (y === year) {
      if (currentOk) achieved.push(y);
      else missing.push(`${y} chưa đạt tiêu chuẩn CSTĐCS`);
      continue;
    }
    const { ok, note } = pastYearNote(f.window[year - y]);
    if (ok) achieved.push(y);
    else missing.push(`${y} ${note}`);
  }
  const base = { rule: "CSTDCS_STREAK" as const, years: window, records: window.map((y) => yearCite(f, y)) };
  if (missing.length === 0) {
    return f.registration
      ? {
          ...base,
          ok: true,
          assumed: true,
          message: `Đạt CSTĐCS các năm ${achieved.filter((y) => y !== year).join(", ")}; năm ${year} là mục tiêu đăng ký (đủ ${f.cycle} năm liên tục nếu đạt).`,
        }
      : { ...base, ok: true, message: `Đạt CSTĐCS ${f.cycle} năm liên tục (${achieved.join(", ")}).` };
  }
  const parts = [...(achieved.length > 0 ? [`${achieved.join(", ")} đạt`] : []), ...missing];
  return { ...base, ok: false, message: `Chưa đủ ${f.cycle} năm liên tục đạt CSTĐCS (${parts.join("; ")}).` };
}

function cycleReason(f: OfficerFacts): Reason {
  const { year } = f;
  const from = year - f.cycle + 1;
  const base = { rule: "CSTD_CAND_CYCLE" as const, years: range(from, year) };
  if (!f.cycleUsed) {
    return { ...base, ok: true, message: `Các năm ${yearRange(from, year)} chưa được tính cho danh hiệu CSTĐ CAND nào.` };
  }
  const used = range(from, year - 1).filter((y) => individualLevel(f.window[year - y]?.awardedTitle) >= CAND_LEVEL);
  const described = used
    .map((y) => `năm ${y} đã được công nhận ${titleLabel(f.window[year - y]!.awardedTitle!)} (chu kỳ ${yearRange(y - f.cycle + 1, y)})`)
    .join("; ");
  return {
    ...base,
    ok: false,
    records: used.map((y) => yearCite(f, y)),
    message: `Chu kỳ ${yearRange(from, year)} trùng chu kỳ đã được khen: ${described}; thành tích đã khen không được tính lại.`,
  };
}

function levelInitiativeReason(f: OfficerFacts, rule: "MINISTRY_INITIATIVE" | "NATIONAL_INITIATIVE"): Reason {
  const minLevel: InitiativeLevel = (rule === "MINISTRY_INITIATIVE" ? f.rules.CSTD_CAND : f.rules.CSTD_TQ).params.initiativeLevel;
  const state = rule === "MINISTRY_INITIATIVE" ? f.ministry : f.national;
  const to = f.year;
  const from = rule === "MINISTRY_INITIATIVE" ? to - f.cycle + 1 : to - f.lookback;
  const min = initiativeLevel(minLevel);
  const inWindow = initiativesIn(f, from, to);
  const good = inWindow.filter((i) => initiativeLevel(i.level) >= min);
  const lower = inWindow.filter((i) => initiativeLevel(i.level) < min);
  const wanted = minLevel === "NATIONAL" ? `sáng kiến ${levelLabel(minLevel)}` : `sáng kiến ${levelLabel(minLevel)} trở lên`;
  const base = { rule, years: range(from, to) };
  const span = yearRange(from, to);
  const note = lower.length > 0 ? ` (chỉ có sáng kiến cấp thấp hơn: ${listInitiatives(lower)})` : "";
  switch (state) {
    case "OK":
      return { ...base, ok: true, records: initiativeCites(good), message: `Có ${wanted} trong các năm ${span}: ${listInitiatives(good)}.` };
    case "ASSUMED":
      return {
        ...base,
        ok: true,
        assumed: true,
        records: initiativeCites(lower),
        message: `Mục tiêu năm ${to}: có ${wanted} (chưa ghi nhận trong các năm ${span}${note}).`,
      };
    case "NONE":
      return { ...base, ok: false, records: initiativeCites(lower), message: `Không có ${wanted} trong các năm ${span}${note}.` };
  }
}

function twiceReason(f: OfficerFacts): Reason {
  const { year } = f;
  const previous = year - f.cycle;
  const cycle = yearRange(previous - f.cycle + 1, previous);
  const current = yearRange(year - f.cycle + 1, year);
  const record = f.window[f.cycle];
  const base = { rule: "CSTD_CAND_TWICE" as const, years: [previous, year], records: [yearCite(f, previous)] };
  if (f.twice === "OK") {
    return { ...base, ok: true, message: `Đã đạt CSTĐ CAND năm ${previous} (chu kỳ ${cycle}), liền trước chu kỳ ${current}: 2 lần liên tục.` };
  }
  if (f.twice === "USED") {
    return {
      ...base,
      ok: false,
      message: `CSTĐ CAND năm ${previous} đã được tính khi công nhận CSTĐ toàn quốc năm ${previous}; cần thêm một chu kỳ CSTĐ CAND mới.`,
    };
  }
  const state = record ? (record.awardedTitle ? `chỉ đạt ${titleLabel(record.awardedTitle)}` : "không có danh hiệu được công nhận") : "không có dữ liệu";
  const earlier = f.history.years
    .filter((r) => r.year < previous && individualLevel(r.awardedTitle) >= CAND_LEVEL)
    .map((r) => r.year)
    .sort((a, b) => a - b);
  const note = earlier.length > 0 ? `; CSTĐ CAND năm ${earlier.join(", ")} không liền kề chu kỳ ${current}` : "";
  return {
    ...base,
    ok: false,
    records: [...base.records, ...earlier.map((y): CitedRecord => ({ kind: "YEAR", year: y, record: f.history.years.find((r) => r.year === y)! }))],
    message: `Chưa đạt CSTĐ CAND 2 lần liên tục: cần được công nhận CSTĐ CAND năm ${previous} (chu kỳ ${cycle}), năm ${previous} ${state}${note}.`,
  };
}

/** The reasons of one title (cumulative: the lower titles' reasons first). */
export function explain(f: OfficerFacts, title: IndividualTitle): Reason[] {
  const level = individualLevel(title);
  const reasons = [ratingReason(f), disciplineReason(f)];
  if (level >= 2) reasons.push(cstdcsInitiativeReason(f));
  if (level >= 3) reasons.push(streakReason(f), cycleReason(f), levelInitiativeReason(f, "MINISTRY_INITIATIVE"));
  if (level >= 4) reasons.push(twiceReason(f), levelInitiativeReason(f, "NATIONAL_INITIATIVE"));
  citeReasons(reasons, f.rules);
  return reasons;
}

/** One title, explained; its status is the facts' status. */
export function explainTitle(f: OfficerFacts, title: IndividualTitle): TitleResult<IndividualTitle> {
  return { title, status: f.statuses[individualLevel(title) - 1]!, reasons: explain(f, title) };
}

// ---------------------------------------------------------------------------------------------

/**
 * Every individual title for `year`, lowest first, each with its reasons. Pure and deterministic: the
 * result does not depend on the order of the history's arrays. Throws EligibilityInputError on a
 * history no form could produce (two records for one year, a malformed date…).
 */
export function evaluateOfficer(
  history: OfficerHistory,
  year: number,
  settings: EligibilitySettings,
  stage: EvaluationStage = RESULTS,
  rules: RuleSet = shippedRules(year),
): OfficerEvaluation {
  const f = computeFacts(history, year, settings, stage, rules);
  // Reasons are shared between titles (the ladder is cumulative), as in explain().
  const cst = [ratingReason(f), disciplineReason(f)];
  const cstdcs = [...cst, cstdcsInitiativeReason(f)];
  const cand = [...cstdcs, streakReason(f), cycleReason(f), levelInitiativeReason(f, "MINISTRY_INITIATIVE")];
  const tq = [...cand, twiceReason(f), levelInitiativeReason(f, "NATIONAL_INITIATIVE")];
  citeReasons(tq, rules);
  const results = [titleResult("CST", cst), titleResult("CSTDCS", cstdcs), titleResult("CSTD_CAND", cand), titleResult("CSTD_TQ", tq)];
  return { year, stage: stage.stage, results, highestEligible: highestEligible(results) };
}
