// Which failed conditions refuse a registration (docs/domain.md §4 step 2). At the start of year Y a
// condition already decided cannot be met by anything done in Y: a discipline counting against Y, a
// prerequisite year in the past that was not awarded (CSTĐCS in Y-2 and Y-1, CSTĐ CAND in Y-3), past
// years already used by an awarded cycle. Those refuse the title. A condition that depends on Y's own
// outcome (the rating, the year's initiative, a ministry or national initiative still possible this
// year) stays a warning. The secretariat may lift a refusal for one officer and title with a written,
// audited reason (registration.title.override).
import type { OfficerFacts } from "./individual";
import { explainTitle } from "./individual";
import type { IndividualTitle, Reason, RuleCode } from "./types";

/** Rules whose failure at registration may already be decided by past records. */
export const DECIDED_AT_REGISTRATION: ReadonlySet<RuleCode> = new Set<RuleCode>(["NO_DISCIPLINE", "CSTDCS_STREAK", "CSTD_CAND_CYCLE", "CSTD_CAND_TWICE"]);

/**
 * The failed reasons of `title` that past records have already decided (empty: registrable, at most
 * with a warning). The CSTĐCS run counts only when a PAST year broke it (Y's own standard is a target).
 */
export function decidedFailures(facts: OfficerFacts, title: IndividualTitle): Reason[] {
  const result = explainTitle(facts, title);
  if (result.status === "ELIGIBLE") return [];
  return result.reasons.filter((r) => !r.ok && DECIDED_AT_REGISTRATION.has(r.rule) && (r.rule !== "CSTDCS_STREAK" || !facts.pastStreakOk));
}

/** The refusal's text for one officer, or null when the title may be registered. */
export function registrationRefusal(officerName: string, titleName: string, facts: OfficerFacts, title: IndividualTitle): string | null {
  const decided = decidedFailures(facts, title);
  if (decided.length === 0) return null;
  return `${officerName} không được đăng ký ${titleName}: ${decided.map((r) => r.message).join(" ")}`;
}
