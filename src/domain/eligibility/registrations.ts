// Registrations (docs/domain.md §4 step 2): "one achievement, one title", and a whole unit's registrations
// evaluated at once (per-officer eligibility + the CSTĐCS quota), fast enough to run as people type.
import {
  assertYear,
  compareStrings,
  individualLevel,
  collectiveLevel,
  isCollectiveTitle,
  isIndividualTitle,
  titleLabel,
} from "./common";
import { computeFacts, evaluateOfficer, explainTitle } from "./individual";
import { highestOf } from "./officer-status";
import { checkQuota, type QuotaCheck } from "./quota";
import type { RuleSet } from "./rule-set";
import { shippedRules } from "./shipped-rules";
import {
  EligibilityInputError,
  REGISTRATION,
  type EligibilitySettings,
  type EligibilityStatus,
  type EvaluationStage,
  type IndividualTitle,
  type OfficerEvaluation,
  type OfficerHistory,
  type TitleCode,
  type TitleResult,
} from "./types";

// ---------------------------------------------------------------------------------------------
// One achievement, one title

export type TitleProposal = { subjectId: string; year: number; title: TitleCode; subjectName?: string };

export type RegistrationIssueRule = "DUPLICATE" | "ONE_TITLE_PER_YEAR" | "ALREADY_AWARDED";

export type RegistrationIssue = {
  rule: RegistrationIssueRule;
  subjectId: string;
  year: number;
  titles: TitleCode[];
  message: string;
};

export type RegistrationValidation = {
  ok: boolean;
  /** Proposals that are alone for their subject-year and not already awarded; input order kept. */
  accepted: TitleProposal[];
  issues: RegistrationIssue[];
};

const levelOf = (title: TitleCode) => (isIndividualTitle(title) ? individualLevel(title) : collectiveLevel(title));
const byLevel = (a: TitleCode, b: TitleCode) => levelOf(a) - levelOf(b);

const compareIssues = (a: RegistrationIssue, b: RegistrationIssue) =>
  compareStrings(a.subjectId, b.subjectId) || a.year - b.year || compareStrings(a.rule, b.rule);

/** The issues of one subject-year's proposals (same subject, same year, same kind of title). */
function groupIssues(list: readonly TitleProposal[], already: TitleProposal | undefined): RegistrationIssue[] {
  const first = list[0]!;
  const issues: RegistrationIssue[] = [];
  const who = `${isIndividualTitle(first.title) ? "Cán bộ" : "Đơn vị"} ${list.find((p) => p.subjectName)?.subjectName ?? first.subjectId}`;
  const titles = [...new Set(list.map((p) => p.title))].sort(byLevel);
  const base = { subjectId: first.subjectId, year: first.year, titles };
  if (titles.length > 1) {
    issues.push({
      ...base,
      rule: "ONE_TITLE_PER_YEAR",
      message: `${who} năm ${first.year} được đề nghị ${titles.length} danh hiệu (${titles.map(titleLabel).join(", ")}); mỗi thành tích chỉ được đề nghị một danh hiệu.`,
    });
  } else if (list.length > 1) {
    issues.push({
      ...base,
      rule: "DUPLICATE",
      message: `${who} năm ${first.year} được đề nghị danh hiệu ${titleLabel(first.title)} ${list.length} lần.`,
    });
  }
  if (already) {
    issues.push({
      ...base,
      titles: [...new Set([...titles, already.title])].sort(byLevel),
      rule: "ALREADY_AWARDED",
      message: `${who} đã được công nhận danh hiệu ${titleLabel(already.title)} năm ${first.year}; không đề nghị thêm danh hiệu cho cùng thành tích.`,
    });
  }
  return issues;
}

/**
 * "Thành tích đến đâu khen thưởng đến đó": each subject (an officer, or a unit) gets at most one
 * individual (resp. collective) title per year — the ladder is cumulative, so the highest title already
 * says the lower ones were met — and never the same title twice. A subject-year with more than one
 * proposal is refused as a whole (the engine does not pick for the unit), as is a proposal for a
 * subject-year that already has an awarded title (`awarded`, from the history).
 */
export function validateRegistrations(
  proposals: readonly TitleProposal[],
  awarded: readonly TitleProposal[] = [],
): RegistrationValidation {
  const key = (p: TitleProposal) => {
    if (!isIndividualTitle(p.title) && !isCollectiveTitle(p.title)) throw new EligibilityInputError(`Danh hiệu không hợp lệ: ${String(p.title)}.`);
    assertYear(p.year);
    return `${isIndividualTitle(p.title) ? "I" : "C"}\u0000${p.subjectId}\u0000${p.year}`;
  };
  const groups = new Map<string, TitleProposal[]>();
  const keys: string[] = [];
  for (const p of proposals) {
    const k = key(p);
    keys.push(k);
    const list = groups.get(k);
    if (list) list.push(p);
    else groups.set(k, [p]);
  }
  const awardedByKey = new Map<string, TitleProposal>();
  for (const a of awarded) awardedByKey.set(key(a), a);

  const issues: RegistrationIssue[] = [];
  const refused = new Set<string>();
  for (const [k, list] of groups) {
    const found = groupIssues(list, awardedByKey.get(k));
    if (found.length > 0) {
      issues.push(...found);
      refused.add(k);
    }
  }
  issues.sort(compareIssues);
  const accepted = refused.size === 0 ? proposals.slice() : proposals.filter((_, i) => !refused.has(keys[i]!));
  return { ok: issues.length === 0, accepted, issues };
}

// ---------------------------------------------------------------------------------------------
// A unit's registrations

export type RegistrationOfficer = { officerId: string; name?: string; history: OfficerHistory };
export type OfficerProposal = { officerId: string; title: IndividualTitle };

export type OfficerRegistrationResult = {
  officerId: string;
  /** The titles proposed for the officer, lowest first (more than one is an issue). */
  proposed: IndividualTitle[];
  /** The proposed title, explained, when exactly one was proposed; null otherwise. */
  proposal: TitleResult<IndividualTitle> | null;
  /** Status of the proposed title when exactly one was proposed; null otherwise. */
  proposalStatus: EligibilityStatus | null;
  /** The proposal needs a CSTĐCS place and the unit is over the quota. */
  overQuota: boolean;
  /** Status of every individual title (no reasons: evaluateOfficer gives them for one officer). */
  statuses: Record<IndividualTitle, EligibilityStatus>;
  highestEligible: IndividualTitle | null;
  /** Every title with its reasons; only with options.explainAll (slower, much more memory). */
  evaluation?: OfficerEvaluation;
};

export type UnitRegistrationResult = {
  year: number;
  stage: EvaluationStage["stage"];
  /** One per officer, ordered by officerId. */
  officers: OfficerRegistrationResult[];
  quota: QuotaCheck;
  issues: RegistrationIssue[];
  /** Proposals naming an officer not in the unit's list. */
  unknownOfficers: string[];
  counts: { officers: number; registered: number; eligible: number; notYet: number; blocked: number };
  /**
   * The set as a whole may be submitted: one title per officer, every proposal ELIGIBLE at this stage,
   * no unknown officer, and the quota not exceeded.
   */
  accepted: boolean;
};

/**
 * Evaluates a unit's registrations for `options.year`. Each officer gets the full evaluation at the
 * stage (REGISTRATION by default: this year's achievements are targets); the quota counts the
 * registrations themselves — the CST base is the number of officers registered for any individual
 * title unless `options.cstCount` gives it (e.g. from awarded titles).
 */
export function evaluateUnitRegistrations(
  officers: readonly RegistrationOfficer[],
  proposals: readonly OfficerProposal[],
  settings: EligibilitySettings,
  options: { year: number; stage?: EvaluationStage; cstCount?: number; explainAll?: boolean; rules?: RuleSet },
): UnitRegistrationResult {
  const { year } = options;
  const rules = options.rules ?? shippedRules(year);
  const stage = options.stage ?? REGISTRATION;
  assertYear(year);

  const known = new Map<string, RegistrationOfficer>();
  for (const officer of officers) {
    if (known.has(officer.officerId)) throw new EligibilityInputError(`Cán bộ ${officer.officerId} có mặt hai lần trong danh sách đơn vị.`);
    known.set(officer.officerId, officer);
  }

  // Proposals per officer, as given (a repeated title is kept: it is an issue too).
  const given = new Map<string, IndividualTitle[]>();
  const unknown = new Set<string>();
  for (const p of proposals) {
    if (!isIndividualTitle(p.title)) throw new EligibilityInputError(`Danh hiệu cá nhân không hợp lệ: ${String(p.title)}.`);
    if (!known.has(p.officerId)) {
      unknown.add(p.officerId);
      continue;
    }
    const list = given.get(p.officerId);
    if (list) list.push(p.title);
    else given.set(p.officerId, [p.title]);
  }
  const issues: RegistrationIssue[] = [];
  const proposedBy = new Map<string, IndividualTitle[]>();
  for (const [officerId, titles] of given) {
    if (titles.length === 1) {
      proposedBy.set(officerId, titles);
      continue;
    }
    const name = known.get(officerId)!.name;
    issues.push(...groupIssues(titles.map((title) => ({ subjectId: officerId, year, title, subjectName: name })), undefined));
    proposedBy.set(officerId, [...new Set(titles)]);
  }
  issues.sort(compareIssues);

  // The quota: one place per officer whose highest proposal is CSTĐCS or higher.
  let registeredCst = 0;
  let registeredCstdcs = 0;
  for (const titles of proposedBy.values()) {
    registeredCst++;
    if (titles.some((t) => individualLevel(t) >= 2)) registeredCstdcs++;
  }
  const quota = checkQuota({ cstCount: options.cstCount ?? registeredCst, cstdcsCount: registeredCstdcs }, settings, rules);
  const over = quota.verdict === "OVER";

  // Default sort = code-unit order, the same as compareStrings, without a comparator call per step.
  const ids = [...known.keys()].sort();
  const results: OfficerRegistrationResult[] = [];
  const counts = { officers: ids.length, registered: 0, eligible: 0, notYet: 0, blocked: 0 };
  let allEligible = true;
  for (const officerId of ids) {
    const facts = computeFacts(known.get(officerId)!.history, year, settings, stage, rules);
    const [cst, cstdcs, cand, tq] = facts.statuses;
    const given = proposedBy.get(officerId);
    const proposed = !given ? [] : given.length === 1 ? given : given.slice().sort((a, b) => individualLevel(a) - individualLevel(b));
    const single = proposed.length === 1 ? proposed[0]! : null;
    const proposal = single ? explainTitle(facts, single) : null;
    const proposalStatus = proposal ? proposal.status : null;
    if (proposed.length > 0) {
      counts.registered++;
      if (proposalStatus === "ELIGIBLE") counts.eligible++;
      else if (proposalStatus === "BLOCKED") counts.blocked++;
      else if (proposalStatus === "NOT_YET") counts.notYet++;
      if (proposalStatus !== "ELIGIBLE") allEligible = false;
    }
    const overQuota = over && proposed.some((t) => individualLevel(t) >= 2);
    const result: OfficerRegistrationResult = {
      officerId,
      proposed,
      proposal,
      proposalStatus,
      overQuota,
      statuses: { CST: cst, CSTDCS: cstdcs, CSTD_CAND: cand, CSTD_TQ: tq },
      highestEligible: highestOf(facts.statuses),
    };
    if (options.explainAll) result.evaluation = evaluateOfficer(known.get(officerId)!.history, year, settings, stage, rules);
    results.push(result);
  }

  // Proposals naming officers not in the unit are reported once each, as unknownOfficers.
  const unknownOfficers = [...unknown].sort(compareStrings);
  return {
    year,
    stage: stage.stage,
    officers: results,
    quota,
    issues,
    unknownOfficers,
    counts,
    accepted: allEligible && !over && issues.length === 0 && unknownOfficers.length === 0,
  };
}
