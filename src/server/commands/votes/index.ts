// Conference votes (docs/domain.md §4 step 6, §6): the secretariat sets up, opens and closes rounds, opens
// run-offs and records outcomes; each member unit's head casts the unit's one secret ballot.
//
// Secrecy: a ballot is stored as a random id + the round + its choices, nothing else. "Who voted"
// (VoteParticipation, primary key round+unit) is written in the same transaction as the ballot so
// that a vote is all-or-nothing and the primary key alone stops a second ballot of the unit (double
// click, two devices, two app instances). The audit entry says that the unit voted, never what.
// Closing a round re-deals the ballot box (new random ids, random physical order, one transaction
// id for all) so that, once a round is over, the stored ballots no longer carry the order or the
// transaction they were cast in. See docs/security-voting.md for what a DBA could still infer.
//
// Locks: secretariat commands take the cluster row FOR NO KEY UPDATE (like the year commands) and the
// round FOR UPDATE; a ballot takes both FOR SHARE, so ballots run side by side but never interleave
// with closing the round or closing the year.
export { ALREADY_VOTED, ROUND_NOT_OPEN, ROUND_CLOSED, NOT_IN_ELECTORATE, BALLOT_RECORDED, castBallotInput, castBallot } from "./cast";
export { createRoundInput, updateRoundInput, createRound, updateRound, deleteRound } from "./setup";
export { recordAssignedChairInput, recordAssignedChair } from "./assigned-chair";
export { openRound } from "./open";
export { purgeBallotBox, closeRound } from "./close";
export { openRunoff } from "./runoff";
export { applyOutcome } from "./apply";
