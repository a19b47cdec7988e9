// Conference votes (docs/domain.md §4 step 6, §6): the kinds and states of a round, how a ballot is filled
// in, and their Vietnamese names. Pure: no framework, no database.
import { PASS_THRESHOLDS } from "../year-settings";
import type { RoundKind } from "./labels";

export { ROUND_KINDS, ROUND_KIND_LABELS, ROUND_STATES, ROUND_STATE_LABELS, type RoundKind, type RoundState } from "./labels";

export type PassThreshold = keyof typeof PASS_THRESHOLDS;
export const PASS_THRESHOLD_KEYS = Object.keys(PASS_THRESHOLDS) as PassThreshold[];
export const isPassThreshold = (value: unknown): value is PassThreshold =>
  typeof value === "string" && (PASS_THRESHOLD_KEYS as string[]).includes(value);

/**
 * VERDICT: the delegate says "Đồng ý" or "Không đồng ý" for each candidate (acclaim, suy tôn).
 * CHOOSE: the delegate ticks at most `seats` candidates (elections, and every run-off: a run-off
 * breaks a tie, so it asks "which of these", not "yes or no to each").
 */
export type BallotMode = "VERDICT" | "CHOOSE";

export function ballotMode(kind: RoundKind, isRunoff: boolean): BallotMode {
  return kind === "ACCLAIM" && !isRunoff ? "VERDICT" : "CHOOSE";
}

/** A stored choice on a ballot: CHOOSE ballots only hold `approve: true` rows. */
export type BallotChoiceValue = { candidateId: string; approve: boolean };
