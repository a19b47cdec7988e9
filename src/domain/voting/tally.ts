// Tallies: per candidate, how many ballots approve (or choose) it and how many disapprove it.
// In the app the database counts (GROUP BY); this function states the same rule for tests and seeds.
import type { BallotChoiceValue } from "./types";

export type CandidateTally = { candidateId: string; approvals: number; disapprovals: number };

export function tallyBallots(candidateIds: readonly string[], ballots: readonly (readonly BallotChoiceValue[])[]): CandidateTally[] {
  const byId = new Map(candidateIds.map((id) => [id, { candidateId: id, approvals: 0, disapprovals: 0 }]));
  for (const ballot of ballots) {
    for (const choice of ballot) {
      const row = byId.get(choice.candidateId);
      if (!row) throw new Error(`Ballot choice for an unknown candidate ${choice.candidateId}`);
      if (choice.approve) row.approvals++;
      else row.disapprovals++;
    }
  }
  return [...byId.values()];
}
