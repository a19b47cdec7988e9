import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/domain/permissions";
import { ballotMode, validateBallot, type RoundKind, type RoundState } from "@/domain/voting";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { parseYearSettings } from "@/domain/year-settings";
import { defineCommand, NotFoundError, UserError } from "../command";
import { roundIdField, ENTITY } from "./shared";

export const ALREADY_VOTED = "Đơn vị đã bỏ phiếu trong vòng này.";
export const ROUND_NOT_OPEN = "Vòng bỏ phiếu chưa mở; chưa thể bỏ phiếu.";
export const ROUND_CLOSED = "Vòng bỏ phiếu đã kết thúc; không thể bỏ phiếu nữa.";
export const NOT_IN_ELECTORATE = "Đơn vị của bạn không có trong danh sách đơn vị bỏ phiếu của vòng này.";
export const BALLOT_RECORDED = "Phiếu bầu của đơn vị đã được ghi nhận. Phiếu đã bỏ không thể thay đổi.";

/** A ballot: roundId and, per candidate, c_<candidateId> = "yes" | "no". Nothing else is read. */
export const castBallotInput = z.looseObject({ roundId: roundIdField }).transform((o) => ({
  roundId: o.roundId,
  entries: Object.entries(o)
    .filter(([key]) => key.startsWith("c_"))
    .map(([key, value]) => ({ candidateId: key.slice(2).toLowerCase(), verdict: typeof value === "string" ? value : "" })),
}));

export const castBallot = defineCommand({
  name: "vote.cast",
  label: "Đã bỏ phiếu",
  permission: "vote.cast",
  phases: "voting",
  input: castBallotInput,
  // The whole hall votes within seconds: wait for a connection rather than fail the ballot.
  transaction: { maxWait: 10_000, timeout: 15_000 },
  // The delegate's own unit, and only when it is a member unit of the round's cluster.
  async target(tx, input, actor: Actor) {
    if (!actor.unitId) return {};
    const rows = await tx.$queryRaw<{ clusterId: string; unitId: string; yearId: string }[]>`
      SELECT y."clusterId"::text AS "clusterId", u.id::text AS "unitId", y.id::text AS "yearId"
      FROM "VoteRound" r
      JOIN "EmulationYear" y ON y.id = r."emulationYearId"
      JOIN "Unit" u ON u.id = ${actor.unitId}::uuid AND u."clusterId" = y."clusterId" AND u."parentId" IS NULL
      WHERE r.id = ${input.roundId}::uuid`;
    return rows[0] ?? {};
  },
  async run(tx, input, _actor, target) {
    const unitId = target.unitId!;
    // Shared locks, cluster first then round (the order every command here takes them, so no
    // deadlock): ballots run side by side; closing the round or the year waits for them. The second
    // statement also reads what the checks need: few round trips per ballot, since a hall of
    // delegates votes within the same minute.
    await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${target.clusterId!}::uuid FOR SHARE`;
    const [round] = await tx.$queryRaw<
      { id: string; kind: RoundKind; state: RoundState; seats: number; isRunoff: boolean; openedAt: Date | null; title: string; phase: YearPhase; settings: unknown }[]
    >`
      SELECT r.id::text AS id, r.kind::text AS kind, r.state::text AS state, r.seats, r."runoffOfId" IS NOT NULL AS "isRunoff",
             r."openedAt", r.title, y.phase::text AS phase, y.settings
      FROM "VoteRound" r
      JOIN "EmulationYear" y ON y.id = r."emulationYearId"
      WHERE r.id = ${input.roundId}::uuid AND y."clusterId" = ${target.clusterId!}::uuid
      FOR SHARE OF r`;
    if (!round) throw new NotFoundError();
    if (!isYearWritable(round.phase)) throw new UserError(YEAR_CLOSED_MESSAGE);
    if (round.state === "DRAFT") throw new UserError(ROUND_NOT_OPEN);
    if (round.state === "CLOSED") throw new UserError(ROUND_CLOSED);
    const [[unit], candidates] = await Promise.all([
      tx.$queryRaw<{ name: string; active: boolean; createdAt: Date; voted: boolean }[]>`
        SELECT u.name, u.active, u."createdAt",
               EXISTS (SELECT 1 FROM "VoteParticipation" p WHERE p."roundId" = ${round.id}::uuid AND p."unitId" = u.id) AS voted
        FROM "Unit" u WHERE u.id = ${unitId}::uuid`,
      tx.$queryRaw<{ id: string; unitId: string; name: string }[]>`
        SELECT c.id::text AS id, c."unitId"::text AS "unitId", u.name
        FROM "VoteCandidate" c JOIN "Unit" u ON u.id = c."unitId"
        WHERE c."roundId" = ${round.id}::uuid ORDER BY c.position`,
    ]);
    if (!unit || !unit.active || (round.openedAt && unit.createdAt > round.openedAt)) throw new UserError(NOT_IN_ELECTORATE);
    if (unit.voted) throw new UserError(ALREADY_VOTED);

    const check = validateBallot(
      {
        mode: ballotMode(round.kind, round.isRunoff),
        seats: round.seats,
        candidates,
        voterUnitId: unitId,
        allowSelfVote: parseYearSettings(round.settings).allowSelfVote,
      },
      input.entries,
    );
    if (!check.ok) throw new UserError(check.message);

    // Who voted: the primary key (round, unit) admits one row; a concurrent second attempt waits for
    // the first and then inserts nothing.
    const inserted = await tx.$queryRaw<{ unitId: string }[]>`
      INSERT INTO "VoteParticipation" ("roundId", "unitId") VALUES (${round.id}::uuid, ${unitId}::uuid)
      ON CONFLICT DO NOTHING
      RETURNING "unitId"::text AS "unitId"`;
    if (inserted.length === 0) throw new UserError(ALREADY_VOTED);

    // What was voted: a random id, the round, the choices. Nothing that points back at the voter.
    const ballotId = randomUUID();
    await tx.$executeRaw`
      WITH ballot AS (INSERT INTO "Ballot" ("id", "roundId") VALUES (${ballotId}::uuid, ${round.id}::uuid))
      INSERT INTO "BallotChoice" ("ballotId", "candidateId", "approve")
      SELECT ${ballotId}::uuid, x.c, x.a
      FROM unnest(${check.choices.map((c) => c.candidateId)}::uuid[], ${check.choices.map((c) => c.approve)}::boolean[]) AS x(c, a)`;
    return {
      message: BALLOT_RECORDED,
      // That the unit voted — never what.
      audit: { entityType: ENTITY, entityId: round.id, after: { unitId, unitName: unit.name, roundTitle: round.title, voted: true } },
    };
  },
});
