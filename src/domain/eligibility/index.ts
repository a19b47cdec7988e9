// The title eligibility rules engine (docs/domain.md §3, §4 step 2). Pure TypeScript: plain data in, plain
// data out, no framework, no database, no clock (the caller passes the year, the stage and the day).
//
// Every title comes back as { title, status, reasons }: ELIGIBLE, NOT_YET (a prerequisite not met yet)
// or BLOCKED (a pending or in-force discipline: nothing done this year can fix it). Each reason names
// its rule, says in Vietnamese what passed or failed, and cites the records it looked at.
//
// STAGES — when the question is asked:
// - RESULTS (at or after the end of year Y: bình xét, decisions): everything must be recorded. Year Y's
//   rating and initiatives must be on file; a missing fact is a failed prerequisite (NOT_YET), not an
//   assumption. Past years count by their AWARDED titles only (OfficerYearRecord.awardedTitle), never by
//   re-deriving them from old ratings: the decision is the record later prerequisites read (§4 step 7).
//   `asOf` (the decision day) optionally extends the discipline check to records open on that day.
// - REGISTRATION (start of year Y, §4 step 2): year Y has no rating yet; this year's achievements are
//   the officer's targets. A same-year prerequisite that is not on file is taken as met (the reason
//   says "Mục tiêu…" and carries `assumed: true`): the rating, the initiative of the year, the
//   ministry/national initiative (it may still come this year), the acclaim and the cluster rank.
//   A same-year fact that IS on file is used as recorded. Multi-year prerequisites count only PAST
//   years' awarded titles, plus year Y as the target: CSTĐ CAND needs CSTĐCS awarded in Y-2 and Y-1
//   (a year-Y-1 decision not yet recorded means NOT_YET). Discipline is never assumed away: a record
//   already counting against year Y blocks at registration too.
//
// DISCIPLINE TIMING (common.ts): a PENDING or IN_FORCE record counts against year Y when its period
// overlaps the calendar year — including one that ends, or starts, mid-year; one that ended before
// 1 January of Y does not. CLEARED records never count. Individually any form blocks every title; for a
// unit only members' records of "Cảnh cáo" or above count.
//
// "2 CONSECUTIVE TIMES" CSTĐ CAND (for CSTĐ toàn quốc, individual.ts): CSTĐ CAND rewards a 3-year
// cycle of CSTĐCS, so two consecutive times = two back-to-back cycles: the CSTĐ CAND standard in Y
// (cycle Y-2…Y) and CSTĐ CAND awarded in Y-3 (cycle Y-5…Y-3). A CSTĐCS year serves one cycle only.
//
// RULES AS DATA (rule-set.ts, docs/domain.md §3): the parameters above are the shipped ones; every entry
// point takes an optional RuleSet — the versions in force for the year evaluated, picked by
// ruleSetForYear — and defaults to the shipped rules of that year. Every reason carries its legal basis.
//
// QUOTA (quota.ts): at most floor(cstdcsQuotaPercent% × CST) CSTĐCS per unit, counting registrations.
//
// ONE ACHIEVEMENT, ONE TITLE (registrations.ts): one individual title per officer-year, one collective
// title per unit-year; the ladder is cumulative, so the one title recorded is the highest.
export * from "./types";
export {
  citationOf,
  citeReasons,
  composeCitation,
  inForce,
  isRuleShape,
  MAX_STREAK_YEARS,
  parseRuleParams,
  QUOTA_ROUNDINGS,
  rangesOverlap,
  ruleParamSchemas,
  RULE_SHAPES,
  RULE_TITLE,
  ruleSetForYear,
  versionYearsProblem,
  yearsLabel,
  type LegalReference,
  type QuotaRounding,
  type RuleParams,
  type RuleSet,
  type RuleShape,
  type RuleVersion,
  type TitleRule,
} from "./rule-set";
export { SHIPPED_PARAMS, SHIPPED_RULE_VERSIONS, shippedRules } from "./shipped-rules";
export { describeRuleParams, PARAM_LABELS, RULE_SHAPE_LABELS } from "./rule-labels";
export {
  describeDiscipline,
  disciplineHits,
  disciplineSeverity,
  formatPercent,
  individualLevel,
  collectiveLevel,
  ratingLevel,
  initiativeLevel,
  statusOf,
  titleLabel,
  type DisciplineHit,
} from "./common";
export { computeFacts, evaluateOfficer, explain, explainTitle, type OfficerFacts } from "./individual";
export { officerStatuses, resultFor } from "./officer-status";
export { awardedTitleFailure, titleShort, withoutYear } from "./awarded";
export { DECIDED_AT_REGISTRATION, decidedFailures, registrationRefusal } from "./registration-refusal";
export { checkQuota, countQuotaTitles, cstdcsAllowed, type QuotaCheck, type QuotaCounts } from "./quota";
export {
  checkFlagAllocation,
  evaluateUnit,
  GOVERNMENT_FLAGS_PER_CLUSTER,
  ministryFlagsAllowed,
  summarizeMembers,
  unitResultFor,
  type FlagAllocationCheck,
  type FlagAllowance,
  type FlagProposal,
} from "./collective";
export {
  evaluateUnitRegistrations,
  validateRegistrations,
  type OfficerProposal,
  type OfficerRegistrationResult,
  type RegistrationIssue,
  type RegistrationIssueRule,
  type RegistrationOfficer,
  type RegistrationValidation,
  type TitleProposal,
  type UnitRegistrationResult,
} from "./registrations";
export {
  checkSubUnitQuota,
  evaluateSubUnit,
  isSubUnitTitle,
  SUB_UNIT_QUOTA_TITLE,
  SUB_UNIT_TITLES,
  subUnitQuotaAfter,
  subUnitResultFor,
  subUnitTitleRefusal,
  type SubUnitEvaluation,
  type SubUnitQuotaCheck,
  type SubUnitQuotaSettings,
  type SubUnitTitle,
} from "./sub-unit";
