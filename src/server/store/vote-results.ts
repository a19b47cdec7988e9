// Outcomes of closed vote rounds: read by the vote commands (closing, run-offs, applying), the
// conference pages and minutes, and opening the next year (the elected chair and deputy). Only CLOSED
// rounds are ever counted.
import { isPassThreshold, roundOutcome, type PassThreshold, type RoundKind, type RoundOutcome } from "@/domain/voting";
import type { Tx } from "@/server/db";

/** Anything with the raw query API and the models: the client or a transaction. */
export type Db = Pick<Tx, "$queryRaw" | "voteRound" | "emulationYear">;

export type ClosedRoundResult = RoundOutcome & {
  roundId: string;
  /** Units recorded as having voted (VoteParticipation rows). */
  voted: number;
  /** Ballots in the box; always equal to `voted` (the check the pages show). */
  ballots: number;
  candidates: { id: string; unitId: string; name: string; position: number; note: string | null }[];
};

/**
 * The outcome of CLOSED rounds only. Every count is made by the database (GROUP BY) and every query
 * is restricted to rounds whose state is CLOSED: an open round's ballots are never counted, whoever
 * asks. Rounds that are not closed are simply absent from the answer.
 */
export async function closedRoundResults(db: Db, roundIds: string[]): Promise<Map<string, ClosedRoundResult>> {
  const out = new Map<string, ClosedRoundResult>();
  if (roundIds.length === 0) return out;
  const rounds = await db.voteRound.findMany({
    where: { id: { in: roundIds }, state: "CLOSED" },
    select: {
      id: true,
      kind: true,
      seats: true,
      passThreshold: true,
      candidates: { orderBy: { position: "asc" }, select: { id: true, unitId: true, position: true, note: true, unit: { select: { name: true } } } },
    },
  });
  if (rounds.length === 0) return out;
  const ids = rounds.map((r) => r.id);
  const [tallies, ballots, voted] = await Promise.all([
    db.$queryRaw<{ candidateId: string; approvals: number; disapprovals: number }[]>`
      SELECT bc."candidateId"::text AS "candidateId",
             (count(*) FILTER (WHERE bc.approve))::int AS approvals,
             (count(*) FILTER (WHERE NOT bc.approve))::int AS disapprovals
      FROM "BallotChoice" bc
      JOIN "Ballot" b ON b.id = bc."ballotId"
      JOIN "VoteRound" r ON r.id = b."roundId" AND r.state = 'CLOSED'
      WHERE b."roundId" = ANY(${ids}::uuid[])
      GROUP BY bc."candidateId"`,
    db.$queryRaw<{ roundId: string; n: number }[]>`
      SELECT b."roundId"::text AS "roundId", count(*)::int AS n
      FROM "Ballot" b JOIN "VoteRound" r ON r.id = b."roundId" AND r.state = 'CLOSED'
      WHERE b."roundId" = ANY(${ids}::uuid[])
      GROUP BY b."roundId"`,
    db.$queryRaw<{ roundId: string; n: number }[]>`
      SELECT p."roundId"::text AS "roundId", count(*)::int AS n
      FROM "VoteParticipation" p
      WHERE p."roundId" = ANY(${ids}::uuid[])
      GROUP BY p."roundId"`,
  ]);
  const ballotCount = new Map(ballots.map((b) => [b.roundId, b.n]));
  const votedCount = new Map(voted.map((v) => [v.roundId, v.n]));
  for (const r of rounds) {
    const candidates = r.candidates.map((c) => ({ id: c.id, unitId: c.unitId, name: c.unit.name, position: c.position, note: c.note }));
    const threshold = storedThreshold(r.passThreshold);
    const ballotsCast = ballotCount.get(r.id) ?? 0;
    const outcome = roundOutcome({
      kind: r.kind as RoundKind,
      seats: r.seats,
      threshold,
      ballotsCast,
      candidates,
      tallies: tallies.filter((t) => candidates.some((c) => c.id === t.candidateId)),
    });
    out.set(r.id, { ...outcome, roundId: r.id, voted: votedCount.get(r.id) ?? 0, ballots: ballotsCast, candidates });
  }
  return out;
}

/** The threshold copied onto a round when it opened; a missing or unknown value counts as more than half. */
export const storedThreshold = (passThreshold: string | null): PassThreshold => (isPassThreshold(passThreshold) ? passThreshold : "MORE_THAN_HALF");

/** A candidate of a closed round's result: `results`, `elected` and `runoff` name candidates by id. */
export function candidateOf(result: ClosedRoundResult, candidateId: string) {
  return result.candidates.find((c) => c.id === candidateId)!;
}

export async function closedRoundResult(db: Db, roundId: string): Promise<ClosedRoundResult | null> {
  return (await closedRoundResults(db, [roundId])).get(roundId) ?? null;
}

/**
 * The chair and deputy the conference of `yearId` elected for the following year: for each office,
 * the latest closed round (run-offs included) that filled its seat. Opening the next year pre-fills
 * them (src/server/commands/years.ts openYear).
 */
export async function electedLeadership(db: Db, yearId: string): Promise<{ chairUnitId: string | null; deputyUnitId: string | null }> {
  const rounds = await db.voteRound.findMany({
    where: { emulationYearId: yearId, state: "CLOSED", kind: { in: ["CHAIR_ELECTION", "DEPUTY_ELECTION"] } },
    orderBy: [{ closedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, kind: true },
  });
  const results = await closedRoundResults(db, rounds.map((r) => r.id));
  const winner = (kind: RoundKind) => {
    for (const r of rounds) {
      if (r.kind !== kind) continue;
      const result = results.get(r.id);
      const id = result?.elected[0];
      if (id) return candidateOf(result!, id).unitId;
    }
    return null;
  };
  return { chairUnitId: winner("CHAIR_ELECTION"), deputyUnitId: winner("DEPUTY_ELECTION") };
}
