// Checking a title being recorded as awarded (the RESULTS stage): the results form, the results import.
import { explainTitle, computeFacts } from "./individual";
import type { RuleSet } from "./rule-set";
import type { EligibilitySettings, IndividualTitle, OfficerHistory, TaskRating } from "./types";
import { formatDate } from "@/lib/format";

const TITLE_SHORT: Record<IndividualTitle, string> = { CST: "CST", CSTDCS: "CSTĐCS", CSTD_CAND: "CSTĐ CAND", CSTD_TQ: "CSTĐ toàn quốc" };
export const titleShort = (code: IndividualTitle) => TITLE_SHORT[code];

/** The history without its record of `year` (replaced by what is being entered). */
export function withoutYear(history: OfficerHistory, year: number): OfficerHistory {
  return history.years.some((y) => y.year === year) ? { ...history, years: history.years.filter((y) => y.year !== year) } : history;
}

/**
 * Why the engine, at the RESULTS stage, does not find `title` eligible for the officer in `year` with
 * this rating (the decision day extends the discipline check) — or null when it does.
 */
export function awardedTitleFailure(
  history: OfficerHistory,
  entry: { year: number; rating: TaskRating; title: IndividualTitle; decisionDate: string | null },
  settings: EligibilitySettings,
  rules?: RuleSet,
): string | null {
  const base = withoutYear(history, entry.year);
  const withYear: OfficerHistory = { ...base, years: [...base.years, { year: entry.year, rating: entry.rating }] };
  const stage = entry.decisionDate ? { stage: "RESULTS" as const, asOf: entry.decisionDate } : { stage: "RESULTS" as const };
  const result = explainTitle(computeFacts(withYear, entry.year, settings, stage, rules), entry.title);
  if (result.status === "ELIGIBLE") return null;
  const why = result.reasons
    .filter((r) => !r.ok)
    .map((r) => (r.basis ? `${r.message} (Căn cứ: ${r.basis}.)` : r.message))
    .join(" ");
  return `không đủ điều kiện công nhận ${titleShort(entry.title)}${entry.decisionDate ? ` (xét tại ngày quyết định ${formatDate(entry.decisionDate)})` : ""}. ${why}`;
}
