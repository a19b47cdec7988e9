// The outcome of a closed round: who passes the threshold, who fills the seats, and whether a run-off
// is needed (docs/domain.md §4 step 6: "ties go to a run-off round between the tied candidates").
import { meetsThreshold, votesNeeded } from "./threshold";
import type { CandidateTally } from "./tally";
import type { PassThreshold, RoundKind } from "./types";

export type CandidateStatus =
  /** Passed and within the seats. */
  | "ELECTED"
  /** Passed, tied for the last seat(s): goes to the run-off. */
  | "TIED"
  /** Passed the threshold, but the seats went to candidates with more votes. */
  | "PASSED_NO_SEAT"
  /** Did not pass; goes to the run-off for a seat no one won (elections only). */
  | "RUNOFF"
  | "NOT_PASSED";

export const CANDIDATE_STATUS_LABELS: Record<CandidateStatus, string> = {
  ELECTED: "Trúng cử",
  TIED: "Bằng phiếu – bỏ phiếu lại",
  PASSED_NO_SEAT: "Đạt tỷ lệ nhưng hết suất",
  RUNOFF: "Chưa đạt tỷ lệ – bỏ phiếu lại",
  NOT_PASSED: "Không đạt",
};

/** The status as said for this kind of round: an acclaimed unit is "được suy tôn", an elected one "trúng cử". */
export function candidateStatusLabel(status: CandidateStatus, kind: RoundKind): string {
  if (status === "ELECTED" && kind === "ACCLAIM") return "Được suy tôn";
  return CANDIDATE_STATUS_LABELS[status];
}

export type OutcomeCandidate = { id: string; name: string; position: number };

export type OutcomeInput = {
  kind: RoundKind;
  seats: number;
  threshold: PassThreshold;
  ballotsCast: number;
  candidates: readonly OutcomeCandidate[];
  tallies: readonly CandidateTally[];
};

export type CandidateResult = {
  candidateId: string;
  name: string;
  position: number;
  approvals: number;
  disapprovals: number;
  passes: boolean;
  status: CandidateStatus;
};

export type Runoff = {
  /** TIE: tied for the last seat(s); NO_MAJORITY: an election seat that no candidate won. */
  reason: "TIE" | "NO_MAJORITY";
  candidateIds: string[];
  seats: number;
};

export type RoundOutcome = {
  ballotsCast: number;
  votesNeeded: number;
  /** Most votes first; equal votes in candidate order. */
  results: CandidateResult[];
  /** Candidate ids that won a seat, most votes first. */
  elected: string[];
  /** Seats left empty and not going to a run-off (acclaim: the conference acclaimed fewer units). */
  unfilledSeats: number;
  runoff: Runoff | null;
};

/**
 * Candidates passing the threshold fill the seats, most votes first. When the last seat(s) cannot be
 * given because several passing candidates have the same votes, those candidates go to a run-off for
 * the seats left (the ones above them are elected). An election (chair, deputy) must fill its seat:
 * when no one passes, the candidates with the most votes go to a run-off (one more than the seats
 * left, and everyone tied with the last of them). An acclaim that acclaims fewer units than seats
 * simply leaves the seats empty.
 */
export function roundOutcome(input: OutcomeInput): RoundOutcome {
  const tallyById = new Map(input.tallies.map((t) => [t.candidateId, t]));
  const rows: CandidateResult[] = input.candidates.map((c) => {
    const t = tallyById.get(c.id);
    const approvals = t?.approvals ?? 0;
    return {
      candidateId: c.id,
      name: c.name,
      position: c.position,
      approvals,
      disapprovals: t?.disapprovals ?? 0,
      passes: meetsThreshold(input.threshold, approvals, input.ballotsCast),
      status: "NOT_PASSED",
    };
  });
  rows.sort((a, b) => b.approvals - a.approvals || a.position - b.position || (a.candidateId < b.candidateId ? -1 : 1));
  const seats = Math.max(0, input.seats);
  const passing = rows.filter((r) => r.passes);
  let elected: CandidateResult[];
  let runoff: Runoff | null = null;

  if (passing.length <= seats) {
    elected = passing;
  } else {
    const cut = passing[seats - 1]?.approvals ?? Infinity;
    const next = passing[seats]!.approvals;
    if (seats === 0) {
      elected = [];
    } else if (next < cut) {
      elected = passing.slice(0, seats);
    } else {
      elected = passing.filter((r) => r.approvals > cut);
      const tied = passing.filter((r) => r.approvals === cut);
      for (const r of tied) r.status = "TIED";
      runoff = { reason: "TIE", candidateIds: tied.map((r) => r.candidateId), seats: seats - elected.length };
    }
  }
  for (const r of elected) r.status = "ELECTED";
  for (const r of passing) if (r.status === "NOT_PASSED") r.status = "PASSED_NO_SEAT";

  let unfilledSeats = runoff ? 0 : seats - elected.length;
  if (!runoff && unfilledSeats > 0 && input.kind !== "ACCLAIM") {
    const pool = rows.filter((r) => r.status === "NOT_PASSED");
    if (pool.length > 0) {
      const last = pool[Math.min(unfilledSeats, pool.length - 1)]!.approvals;
      const chosen = pool.length <= unfilledSeats + 1 ? pool : pool.filter((r) => r.approvals >= last);
      for (const r of chosen) r.status = "RUNOFF";
      runoff = { reason: "NO_MAJORITY", candidateIds: chosen.map((r) => r.candidateId), seats: unfilledSeats };
      unfilledSeats = 0;
    }
  }
  return {
    ballotsCast: input.ballotsCast,
    votesNeeded: votesNeeded(input.threshold, input.ballotsCast),
    results: rows,
    elected: elected.map((r) => r.candidateId),
    unfilledSeats,
    runoff,
  };
}
