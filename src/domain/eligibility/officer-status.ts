// Reading an officer's evaluation without the explanations: statuses only (the fast path for whole
// units), the highest eligible title, one title's result.
import { individualLevel } from "./common";
import { computeFacts, type OfficerFacts } from "./individual";
import type { RuleSet } from "./rule-set";
import { INDIVIDUAL_TITLES, RESULTS, type EligibilitySettings, type EligibilityStatus, type EvaluationStage, type IndividualTitle, type OfficerEvaluation, type OfficerHistory } from "./types";

/** Statuses only (no message built): the fast path for whole units. */
export function officerStatuses(
  history: OfficerHistory,
  year: number,
  settings: EligibilitySettings,
  stage: EvaluationStage = RESULTS,
  rules?: RuleSet,
): Record<IndividualTitle, EligibilityStatus> {
  const s = computeFacts(history, year, settings, stage, rules).statuses;
  return { CST: s[0], CSTDCS: s[1], CSTD_CAND: s[2], CSTD_TQ: s[3] };
}

export const highestOf = (statuses: OfficerFacts["statuses"]): IndividualTitle | null => {
  let best: IndividualTitle | null = null;
  for (let i = 0; i < INDIVIDUAL_TITLES.length; i++) if (statuses[i] === "ELIGIBLE") best = INDIVIDUAL_TITLES[i]!;
  return best;
};

/** The result for one title of an evaluation. */
export function resultFor(evaluation: OfficerEvaluation, title: IndividualTitle) {
  return evaluation.results[individualLevel(title) - 1]!;
}
