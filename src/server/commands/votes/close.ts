import { randomInt, randomUUID } from "node:crypto";
import { quorumRefusal, type RoundKind } from "@/domain/voting";
import { prisma, type Tx } from "@/server/db";
import { candidateOf, closedRoundResult, type ClosedRoundResult } from "@/server/store/vote-results";
import { UserError } from "../command";
import { roundOnlyInput, ENTITY, roundCommand } from "./shared";

/**
 * Re-deals the ballot box of a round: every ballot gets a new random id and is written again, in a
 * random order, by this one transaction; the originals are deleted. Afterwards no stored ballot
 * carries the transaction or the physical position it was cast with.
 */
async function redealBallotBox(tx: Tx, roundId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM "Ballot" WHERE "roundId" = ${roundId}::uuid`;
  const oldIds = rows.map((r) => r.id);
  // Fisher–Yates with a cryptographic random source.
  for (let i = oldIds.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [oldIds[i], oldIds[j]] = [oldIds[j]!, oldIds[i]!];
  }
  const newIds = oldIds.map(() => randomUUID());
  if (oldIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "Ballot" ("id", "roundId")
    SELECT n, ${roundId}::uuid FROM unnest(${newIds}::uuid[]) WITH ORDINALITY AS t(n, i) ORDER BY i`;
  await tx.$executeRaw`
    INSERT INTO "BallotChoice" ("ballotId", "candidateId", "approve")
    SELECT m.n, c."candidateId", c.approve
    FROM unnest(${oldIds}::uuid[], ${newIds}::uuid[]) WITH ORDINALITY AS m(o, n, i)
    JOIN "BallotChoice" c ON c."ballotId" = m.o
    ORDER BY m.i, c."candidateId"`;
  await tx.$executeRaw`DELETE FROM "BallotChoice" WHERE "ballotId" = ANY(${oldIds}::uuid[])`;
  await tx.$executeRaw`DELETE FROM "Ballot" WHERE id = ANY(${oldIds}::uuid[])`;
}

/**
 * Best effort, after a round has closed (outside any transaction): VACUUM removes the dead copies of
 * the re-dealt ballots from the table files. Failures are logged, never shown to the user.
 */
export async function purgeBallotBox(): Promise<boolean> {
  try {
    await prisma.$executeRawUnsafe(`VACUUM "BallotChoice", "Ballot"`);
    return true;
  } catch (error) {
    console.error("[vote] VACUUM of the ballot tables failed", error);
    return false;
  }
}

function outcomeSummary(result: ClosedRoundResult, kind: RoundKind): string {
  const nameOf = (id: string) => result.candidates.find((c) => c.id === id)?.name ?? "";
  const elected = result.elected.map(nameOf);
  const parts: string[] = [];
  if (elected.length) parts.push(`${kind === "ACCLAIM" ? "Được suy tôn" : "Trúng cử"}: ${elected.join("; ")}.`);
  if (result.runoff) {
    parts.push(
      result.runoff.reason === "TIE"
        ? `Có ${result.runoff.candidateIds.length} đơn vị bằng phiếu cho ${result.runoff.seats} suất còn lại; cần bỏ phiếu lại.`
        : `Chưa đơn vị nào đạt tỷ lệ phiếu cần thiết; cần bỏ phiếu lại giữa ${result.runoff.candidateIds.length} đơn vị.`,
    );
  } else if (!elected.length) parts.push("Không có đơn vị nào đạt tỷ lệ phiếu cần thiết.");
  return parts.join(" ");
}

export const closeRound = roundCommand("OPEN")({
  name: "vote.round.close",
  label: "Đóng vòng bỏ phiếu",
  phases: "voting",
  input: roundOnlyInput,
  async run(tx, input, round) {
    const [voted, ballots] = await Promise.all([
      tx.voteParticipation.count({ where: { roundId: round.id } }),
      tx.ballot.count({ where: { roundId: round.id } }),
    ]);
    const electorateSize = round.electorateSize ?? voted;
    const refusal = quorumRefusal(voted, round.quorum ?? electorateSize, electorateSize);
    if (refusal) throw new UserError(refusal);
    if (ballots !== voted) {
      throw new UserError(`Số phiếu trong hòm (${ballots}) không khớp với số đơn vị đã bỏ phiếu (${voted}); chưa thể kết thúc vòng. Vui lòng báo quản trị hệ thống.`);
    }
    await redealBallotBox(tx, round.id);
    const closedAt = new Date();
    await tx.voteRound.update({ where: { id: round.id }, data: { state: "CLOSED", closedAt } });
    const result = (await closedRoundResult(tx, round.id))!;
    return {
      message: `Đã kết thúc vòng bỏ phiếu “${round.title}”: ${voted} đơn vị đã bỏ phiếu, ${ballots} phiếu. ${outcomeSummary(result, round.kind as RoundKind)}`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        before: { state: round.state },
        // Totals only (public once the round is closed).
        after: {
          state: "CLOSED",
          closedAt: closedAt.toISOString(),
          voted,
          ballots,
          totals: result.results.map((r) => ({ unitId: candidateOf(result, r.candidateId).unitId, approvals: r.approvals, disapprovals: r.disapprovals })),
          elected: result.elected.map((id) => candidateOf(result, id).unitId),
          runoff: result.runoff && { reason: result.runoff.reason, seats: result.runoff.seats },
        },
      },
    };
  },
});
