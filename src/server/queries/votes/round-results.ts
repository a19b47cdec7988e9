import { type Actor } from "@/domain/permissions";
import { type CandidateStatus, type PassThreshold } from "@/domain/voting";
import { closedRoundResults } from "@/server/store/vote-results";
import { prisma } from "@/server/db";
import { UserError } from "@/server/errors";
import { loadRoundForView, toResults } from "./shared";

/** A refusal: the results of a round that is not closed are not counted for anyone. */
export class ResultsNotAvailableError extends UserError {
  constructor() {
    super("Kết quả chỉ được công bố sau khi vòng bỏ phiếu kết thúc.");
  }
}

export type CandidateResultRow = {
  candidateId: string;
  unitId: string;
  name: string;
  note: string | null;
  approvals: number;
  disapprovals: number;
  /** Ballots that said nothing about this candidate (not chosen / no verdict). */
  blank: number;
  share: string;
  passes: boolean;
  status: CandidateStatus;
};

export type RoundResults = {
  ballots: number;
  voted: number;
  /** ballots === voted: the check every results page shows. */
  consistent: boolean;
  votesNeeded: number;
  threshold: PassThreshold;
  thresholdLabel: string;
  rows: CandidateResultRow[];
  elected: { unitId: string; name: string }[];
  unfilledSeats: number;
  runoff: { reason: "TIE" | "NO_MAJORITY"; seats: number; candidates: { unitId: string; name: string }[] } | null;
};

/** The results of a CLOSED round. Refuses (throws) for a round that is not closed: nothing is counted. */
export async function roundResults(actor: Actor, roundId: string): Promise<RoundResults> {
  const round = await loadRoundForView(actor, roundId);
  if (round.state !== "CLOSED") throw new ResultsNotAvailableError();
  const result = await closedRoundResults(prisma, [round.id]);
  const r = result.get(round.id);
  if (!r) throw new ResultsNotAvailableError();
  return toResults(r, round.passThreshold);
}
