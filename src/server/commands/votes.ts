// Conference votes (DOMAIN.md §4 step 6, §6): the secretariat sets up, opens and closes rounds, opens
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
import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor, Target } from "@/domain/permissions";
import { isUuid, idField, isStorableText, optionalText, requiredText } from "@/domain/validation";
import {
  ACCLAIM_TITLE_CODES,
  acclaimSeatLimit,
  ballotMode,
  chairRotation,
  checkElectorate,
  checkRoundSetup,
  defaultRoundTitle,
  defaultSeats,
  quorumFor,
  quorumRefusal,
  runoffTitle,
  validateBallot,
  yearsSinceLabel,
  ROUND_KINDS,
  type RoundKind,
  type RoundState,
} from "@/domain/voting";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { checkLeadership, YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { parseYearSettings } from "@/domain/year-settings";
import { prisma, type Tx } from "@/server/db";
import { candidateOf, closedRoundResult, electedLeadership, type ClosedRoundResult } from "@/server/store/vote-results";
import { throwIfErrors } from "@/server/errors";
import { lockCluster } from "@/server/store/locks";
import { assertYearWritable, loadWritableYear } from "@/server/store/years";
import { defineCommand, NotFoundError, UserError } from "./command";

const ENTITY = "VoteRound";

export const ALREADY_VOTED = "Đơn vị đã bỏ phiếu trong vòng này.";
export const ROUND_NOT_OPEN = "Vòng bỏ phiếu chưa mở; chưa thể bỏ phiếu.";
export const ROUND_CLOSED = "Vòng bỏ phiếu đã kết thúc; không thể bỏ phiếu nữa.";
export const NOT_IN_ELECTORATE = "Đơn vị của bạn không có trong danh sách đơn vị bỏ phiếu của vòng này.";
export const BALLOT_RECORDED = "Phiếu bầu của đơn vị đã được ghi nhận. Phiếu đã bỏ không thể thay đổi.";

// ---------------------------------------------------------------------------------------------
// Shared steps

/** The cluster of a stored round (the form only names the round). Unknown id → empty scope → not found. */
async function roundTarget(tx: Tx, roundId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ clusterId: string }[]>`
    SELECT y."clusterId"::text AS "clusterId"
    FROM "VoteRound" r JOIN "EmulationYear" y ON y.id = r."emulationYearId"
    WHERE r.id = ${roundId}::uuid`;
  return rows[0] ? { clusterId: rows[0].clusterId } : {};
}

async function yearTarget(tx: Tx, yearId: string): Promise<Target> {
  const year = await tx.emulationYear.findUnique({ where: { id: yearId }, select: { clusterId: true } });
  return year ? { clusterId: year.clusterId } : {};
}

const roundInclude = {
  emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true, chairUnitId: true } },
  candidates: { orderBy: { position: "asc" as const }, include: { unit: { select: { id: true, name: true, active: true } } } },
} as const;

/** Locks the cluster and the round (ballots in flight finish first), then loads it. Refuses a closed year first, then a round not in the `expected` state. */
async function loadRound(tx: Tx, roundId: string, clusterId: string, expected: RoundState) {
  await lockCluster(tx, clusterId);
  await tx.$queryRaw`SELECT id FROM "VoteRound" WHERE id = ${roundId}::uuid FOR UPDATE`;
  const round = await tx.voteRound.findUnique({ where: { id: roundId }, include: roundInclude });
  if (!round || round.emulationYear.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(round.emulationYear);
  refuseUnlessState(round, expected);
  return round;
}

/** Active member units of a cluster (no parent), in Vietnamese order. */
async function activeMembers(tx: Tx, clusterId: string) {
  return tx.unit.findMany({
    where: { clusterId, parentId: null, active: true },
    select: { id: true, name: true, active: true, createdAt: true },
    orderBy: { sortKey: "asc" },
  });
}

function refuseUnlessState(round: { state: string }, expected: RoundState) {
  if (round.state === expected) return;
  const messages: Record<RoundState, Record<RoundState, string>> = {
    DRAFT: { DRAFT: "", OPEN: "Vòng bỏ phiếu đã được mở; không thể sửa hay xóa.", CLOSED: "Vòng bỏ phiếu đã kết thúc; không thể sửa hay xóa." },
    OPEN: { DRAFT: "Vòng bỏ phiếu chưa được mở.", OPEN: "", CLOSED: "Vòng bỏ phiếu đã kết thúc." },
    CLOSED: { DRAFT: "Vòng bỏ phiếu chưa được mở.", OPEN: "Vòng bỏ phiếu chưa kết thúc; kết quả chỉ có sau khi kết thúc vòng.", CLOSED: "" },
  };
  throw new UserError(messages[expected][round.state as RoundState] || "Trạng thái vòng bỏ phiếu vừa thay đổi. Vui lòng tải lại trang.");
}

// ---------------------------------------------------------------------------------------------
// Form fields

const roundIdField = idField("Vòng bỏ phiếu");
const yearIdField = idField("Năm thi đua");

const seatsField = z.preprocess(
  (v) => (v === undefined || v === "" ? undefined : v),
  z.coerce
    .number({ error: "Số suất phải là một số." })
    .int("Số suất phải là số nguyên.")
    .min(1, "Số suất phải từ 1 trở lên.")
    .max(20, "Số suất tối đa là 20.")
    .optional(),
);

const roundFields = {
  title: optionalText("Tên vòng bỏ phiếu", 300),
  titleCode: z
    .string()
    .trim()
    .max(32)
    .refine(isStorableText)
    .optional()
    .transform((s) => s || null),
  seats: seatsField,
};

/** Ticked member units of a candidate list: checkboxes named unit_<id>. A malformed id is refused. */
function candidateUnitIds(raw: Record<string, unknown>, ctx: z.RefinementCtx): string[] {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("unit_")) continue;
    if (value !== "on" && value !== "true") continue;
    const id = key.slice(5);
    if (!isUuid(id)) {
      ctx.addIssue({ code: "custom", path: ["candidates"], message: "Danh sách đơn vị không hợp lệ." });
      continue;
    }
    ids.push(id.toLowerCase());
  }
  return [...new Set(ids)];
}

export const createRoundInput = z
  .looseObject({ yearId: yearIdField, kind: z.enum(ROUND_KINDS, { error: "Loại vòng bỏ phiếu không hợp lệ." }), ...roundFields })
  .transform((o, ctx) => ({
    yearId: o.yearId,
    kind: o.kind,
    title: o.title,
    titleCode: o.titleCode,
    seats: o.seats ?? null,
    unitIds: candidateUnitIds(o, ctx),
  }));

export const updateRoundInput = z
  .looseObject({ roundId: roundIdField, ...roundFields })
  .transform((o, ctx) => ({
    roundId: o.roundId,
    title: o.title,
    titleCode: o.titleCode,
    seats: o.seats ?? null,
    unitIds: candidateUnitIds(o, ctx),
  }));

const roundOnlyInput = z.object({ roundId: roundIdField });

/** A ballot: roundId and, per candidate, c_<candidateId> = "yes" | "no". Nothing else is read. */
export const castBallotInput = z.looseObject({ roundId: roundIdField }).transform((o) => ({
  roundId: o.roundId,
  entries: Object.entries(o)
    .filter(([key]) => key.startsWith("c_"))
    .map(([key, value]) => ({ candidateId: key.slice(2).toLowerCase(), verdict: typeof value === "string" ? value : "" })),
}));

export const recordAssignedChairInput = z.object({
  yearId: yearIdField,
  chairUnitId: z.string({ error: "Vui lòng chọn đơn vị Cụm trưởng." }).min(1, "Vui lòng chọn đơn vị Cụm trưởng.").pipe(idField("Đơn vị Cụm trưởng")),
  chairAssignmentRef: requiredText("Số, ngày văn bản chỉ định", 200),
});

// ---------------------------------------------------------------------------------------------
// Setting up a round (create, edit while DRAFT, delete while DRAFT)

type SetupInput = { kind: RoundKind; title: string | null; titleCode: string | null; seats: number | null; unitIds: string[] };

/**
 * Checks a round's set-up against the database and returns what to store: the candidates in their
 * order (chair elections: rotation order, with "years since last chaired" as the note; otherwise
 * Vietnamese alphabetical order), the seats and the title.
 */
async function prepareSetup(tx: Tx, year: { id: string; year: number; clusterId: string; settings: unknown }, input: SetupInput) {
  const settings = parseYearSettings(year.settings);
  const members = await activeMembers(tx, year.clusterId);
  const memberById = new Map(members.map((m) => [m.id, m]));
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);

  const strangers = input.unitIds.filter((id) => !memberById.has(id));
  if (strangers.length) add("candidates", "Danh sách có đơn vị không phải đơn vị thành viên đang hoạt động của cụm.");

  let titleName: string | null = null;
  let titleCode: string | null = null;
  let seatLimit: number | null = null;
  if (input.kind === "ACCLAIM") {
    const code = input.titleCode;
    const title = code && (ACCLAIM_TITLE_CODES as readonly string[]).includes(code)
      ? await tx.titleDefinition.findUnique({ where: { code }, select: { code: true, name: true, kind: true, active: true } })
      : null;
    if (!title || title.kind !== "COLLECTIVE" || !title.active) add("titleCode", "Vui lòng chọn danh hiệu tập thể được suy tôn.");
    else {
      titleName = title.name;
      titleCode = title.code;
      seatLimit = acclaimSeatLimit(title.code, settings);
    }
  }

  let ordered: { unitId: string; note: string | null }[] = [];
  if (input.kind === "CHAIR_ELECTION") {
    const history = await tx.emulationYear.findMany({ where: { clusterId: year.clusterId, year: { lte: year.year } }, select: { year: true, chairUnitId: true } });
    const rotation = chairRotation(year.year + 1, members, history, { outgoingChairMayBeReelected: settings.outgoingChairMayBeReelected });
    if (rotation.outgoingExcluded && input.unitIds.includes(rotation.outgoingChair!.unitId)) {
      add(
        "candidates",
        `${rotation.outgoingChair!.name} là Cụm trưởng năm ${rotation.outgoingChair!.year}; theo quy chế của cụm, Cụm trưởng năm nay không được bầu lại làm Cụm trưởng năm ${year.year + 1}.`,
      );
    }
    ordered = rotation.candidates.filter((c) => input.unitIds.includes(c.unitId)).map((c) => ({ unitId: c.unitId, note: yearsSinceLabel(c) }));
  } else {
    if (input.kind === "DEPUTY_ELECTION") {
      const { chairUnitId } = await electedLeadership(tx, year.id);
      if (chairUnitId && input.unitIds.includes(chairUnitId)) {
        add("candidates", `${memberById.get(chairUnitId)?.name ?? "Đơn vị"} đã trúng cử Cụm trưởng năm ${year.year + 1}; Cụm phó phải là đơn vị khác.`);
      }
    }
    ordered = members.filter((m) => input.unitIds.includes(m.id)).map((m) => ({ unitId: m.id, note: null }));
  }

  const seats = input.seats ?? defaultSeats(input.kind, titleCode, settings);
  Object.assign(errors, mergeErrors(errors, checkRoundSetup({ kind: input.kind, seats, candidateCount: input.unitIds.length, seatLimit, titleName })));
  throwIfErrors(errors);
  return {
    title: input.title ?? defaultRoundTitle(input.kind, year.year, titleName),
    titleCode,
    seats,
    candidates: ordered.map((c, i) => ({ unitId: c.unitId, position: i + 1, note: c.note })),
  };
}

function mergeErrors(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
}

const roundSnapshot = (r: { title: string; kind: string; titleCode: string | null; seats: number; state: string }, candidates: { unitId: string }[]) => ({
  title: r.title,
  kind: r.kind,
  titleCode: r.titleCode,
  seats: r.seats,
  state: r.state,
  candidateUnitIds: candidates.map((c) => c.unitId),
});

export const createRound = defineCommand({
  name: "vote.round.create",
  permission: "vote.manage",
  input: createRoundInput,
  target: (tx, input) => yearTarget(tx, input.yearId),
  async run(tx, input, _actor, target) {
    const year = await loadWritableYear(tx, input.yearId, target.clusterId!);
    const setup = await prepareSetup(tx, year, input);
    const round = await tx.voteRound.create({
      data: {
        emulationYearId: year.id,
        kind: input.kind,
        title: setup.title,
        titleCode: setup.titleCode,
        seats: setup.seats,
        state: "DRAFT",
        candidates: { create: setup.candidates },
      },
    });
    return {
      data: { id: round.id },
      message: `Đã tạo vòng bỏ phiếu “${round.title}” (đang chuẩn bị). Kiểm tra danh sách rồi mở vòng bỏ phiếu.`,
      audit: { entityType: ENTITY, entityId: round.id, after: roundSnapshot(round, setup.candidates) },
    };
  },
});

export const updateRound = defineCommand({
  name: "vote.round.update",
  permission: "vote.manage",
  input: updateRoundInput,
  target: (tx, input) => roundTarget(tx, input.roundId),
  async run(tx, input, _actor, target) {
    const round = await loadRound(tx, input.roundId, target.clusterId!, "DRAFT");
    if (round.runoffOfId) throw new UserError("Vòng bỏ phiếu lại lấy danh sách từ vòng trước; không thể sửa.");
    const setup = await prepareSetup(tx, round.emulationYear, { ...input, kind: round.kind as RoundKind, titleCode: input.titleCode ?? round.titleCode });
    await tx.voteCandidate.deleteMany({ where: { roundId: round.id } });
    const updated = await tx.voteRound.update({
      where: { id: round.id },
      data: { title: setup.title, titleCode: setup.titleCode, seats: setup.seats, candidates: { create: setup.candidates } },
    });
    return {
      data: { id: round.id },
      message: `Đã lưu vòng bỏ phiếu “${updated.title}”.`,
      audit: { entityType: ENTITY, entityId: round.id, before: roundSnapshot(round, round.candidates), after: roundSnapshot(updated, setup.candidates) },
    };
  },
});

export const deleteRound = defineCommand({
  name: "vote.round.delete",
  permission: "vote.manage",
  input: roundOnlyInput,
  target: (tx, input) => roundTarget(tx, input.roundId),
  async run(tx, input, _actor, target) {
    const round = await loadRound(tx, input.roundId, target.clusterId!, "DRAFT");
    await tx.voteCandidate.deleteMany({ where: { roundId: round.id } });
    await tx.voteRound.delete({ where: { id: round.id } });
    return {
      message: `Đã xóa vòng bỏ phiếu “${round.title}”.`,
      audit: { entityType: ENTITY, entityId: round.id, before: roundSnapshot(round, round.candidates) },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Opening: the threshold, quorum and electorate are copied from the year's settings now, so later
// edits of the settings do not change a vote in progress.

async function electorateFor(tx: Tx, clusterId: string, quorumUnits: number | null) {
  const members = await activeMembers(tx, clusterId);
  const electorateSize = members.length;
  const quorum = quorumFor(quorumUnits, electorateSize);
  const problem = checkElectorate(quorum, electorateSize);
  if (problem) throw new UserError(problem);
  return { members, electorateSize, quorum };
}

export const openRound = defineCommand({
  name: "vote.round.open",
  permission: "vote.manage",
  input: roundOnlyInput,
  target: (tx, input) => roundTarget(tx, input.roundId),
  async run(tx, input, _actor, target) {
    const round = await loadRound(tx, input.roundId, target.clusterId!, "DRAFT");
    const settings = parseYearSettings(round.emulationYear.settings);
    // The list is checked again: units or settings may have changed since the round was prepared.
    await prepareSetup(tx, round.emulationYear, {
      kind: round.kind as RoundKind,
      title: round.title,
      titleCode: round.titleCode,
      seats: round.seats,
      unitIds: round.candidates.map((c) => c.unitId),
    });
    const { electorateSize, quorum } = await electorateFor(tx, round.emulationYear.clusterId, settings.quorumUnits);
    const opened = await tx.voteRound.update({
      where: { id: round.id },
      data: { state: "OPEN", passThreshold: settings.passThreshold, quorum, electorateSize, openedAt: new Date() },
    });
    return {
      message: `Đã mở vòng bỏ phiếu “${round.title}”. Đại biểu ${electorateSize} đơn vị có thể bỏ phiếu.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        before: { state: round.state },
        after: { state: opened.state, passThreshold: opened.passThreshold, quorum, electorateSize, openedAt: opened.openedAt },
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Casting a ballot (the unit's head, for the unit)

export const castBallot = defineCommand({
  name: "vote.cast",
  permission: "vote.cast",
  input: castBallotInput,
  // The whole hall votes within seconds: wait for a connection rather than fail the ballot.
  transaction: { maxWait: 10_000, timeout: 15_000 },
  // The delegate's own unit, and only when it is a member unit of the round's cluster.
  async target(tx, input, actor: Actor) {
    if (!actor.unitId) return {};
    const rows = await tx.$queryRaw<{ clusterId: string; unitId: string }[]>`
      SELECT y."clusterId"::text AS "clusterId", u.id::text AS "unitId"
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

// ---------------------------------------------------------------------------------------------
// Closing

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

export const closeRound = defineCommand({
  name: "vote.round.close",
  permission: "vote.manage",
  input: roundOnlyInput,
  target: (tx, input) => roundTarget(tx, input.roundId),
  async run(tx, input, _actor, target) {
    const round = await loadRound(tx, input.roundId, target.clusterId!, "OPEN");
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

// ---------------------------------------------------------------------------------------------
// Run-off: one click on a closed round whose outcome calls for it → a new OPEN round.

export const openRunoff = defineCommand({
  name: "vote.round.runoff",
  permission: "vote.manage",
  input: roundOnlyInput,
  target: (tx, input) => roundTarget(tx, input.roundId),
  async run(tx, input, _actor, target) {
    const parent = await loadRound(tx, input.roundId, target.clusterId!, "CLOSED");
    const existing = await tx.voteRound.findFirst({ where: { runoffOfId: parent.id }, select: { title: true } });
    if (existing) throw new UserError(`Đã có vòng bỏ phiếu lại cho vòng này: “${existing.title}”.`);
    const result = (await closedRoundResult(tx, parent.id))!;
    if (!result.runoff) throw new UserError("Kết quả của vòng này đã rõ; không cần bỏ phiếu lại.");
    const candidates = parent.candidates.filter((c) => result.runoff!.candidateIds.includes(c.id));
    const inactive = candidates.find((c) => !c.unit.active);
    if (inactive) throw new UserError(`${inactive.unit.name} đã ngừng hoạt động; không thể đưa vào vòng bỏ phiếu lại.`);
    const settings = parseYearSettings(parent.emulationYear.settings);
    const { electorateSize, quorum } = await electorateFor(tx, parent.emulationYear.clusterId, settings.quorumUnits);
    const round = await tx.voteRound.create({
      data: {
        emulationYearId: parent.emulationYearId,
        kind: parent.kind,
        title: runoffTitle(parent.title),
        titleCode: parent.titleCode,
        seats: result.runoff.seats,
        state: "OPEN",
        passThreshold: settings.passThreshold,
        quorum,
        electorateSize,
        runoffOfId: parent.id,
        openedAt: new Date(),
        candidates: { create: candidates.map((c, i) => ({ unitId: c.unitId, position: i + 1, note: c.note })) },
      },
    });
    return {
      data: { id: round.id },
      message: `Đã mở vòng bỏ phiếu lại “${round.title}” giữa ${candidates.length} đơn vị cho ${round.seats} suất.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        after: { ...roundSnapshot(round, candidates), runoffOfId: parent.id, reason: result.runoff.reason, passThreshold: settings.passThreshold, quorum, electorateSize },
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Applying an outcome: acclaim → proposals in the year's results; elections → next year's leadership.

export const applyOutcome = defineCommand({
  name: "vote.round.apply",
  permission: "vote.manage",
  input: roundOnlyInput,
  target: (tx, input) => roundTarget(tx, input.roundId),
  async run(tx, input, _actor, target) {
    const round = await loadRound(tx, input.roundId, target.clusterId!, "CLOSED");
    const result = (await closedRoundResult(tx, round.id))!;
    const year = round.emulationYear;
    const elected = result.elected.map((id) => candidateOf(result, id));
    if (elected.length === 0) {
      throw new UserError(
        result.runoff
          ? "Vòng này chưa có đơn vị nào trúng cử; hãy mở vòng bỏ phiếu lại và ghi nhận kết quả của vòng đó."
          : "Không có đơn vị nào đạt tỷ lệ phiếu cần thiết; không có kết quả để ghi nhận.",
      );
    }
    const pending = result.runoff ? ` Còn ${result.runoff.seats} suất chờ vòng bỏ phiếu lại.` : "";

    if (round.kind === "ACCLAIM") {
      const title = await tx.titleDefinition.findUnique({ where: { code: round.titleCode ?? "" }, select: { code: true, name: true, level: true } });
      if (!title) throw new UserError("Danh hiệu của vòng suy tôn không còn trong danh mục.");
      const limit = acclaimSeatLimit(title.code, parseYearSettings(year.settings));
      const others = await tx.unitYearResult.count({
        where: { emulationYearId: year.id, proposedTitleCode: title.code, unitId: { notIn: elected.map((e) => e.unitId) } },
      });
      if (limit !== null && others + elected.length > limit) {
        throw new UserError(
          `Năm ${year.year} cụm có tối đa ${limit} suất ${title.name}; đã có ${others} đơn vị khác được đề nghị. Không thể ghi nhận thêm ${elected.length} đơn vị.`,
        );
      }
      const existing = await tx.unitYearResult.findMany({
        where: { emulationYearId: year.id, unitId: { in: elected.map((e) => e.unitId) } },
        select: { unitId: true, proposedTitleCode: true },
      });
      const levels = new Map(
        (await tx.titleDefinition.findMany({ where: { code: { in: existing.map((e) => e.proposedTitleCode).filter((c): c is string => !!c) } }, select: { code: true, level: true } })).map(
          (t) => [t.code, t.level],
        ),
      );
      const applied: string[] = [];
      const kept: string[] = [];
      const before: Record<string, string | null> = {};
      for (const e of elected) {
        const current = existing.find((x) => x.unitId === e.unitId)?.proposedTitleCode ?? null;
        before[e.unitId] = current;
        // One achievement, one title: a higher title already proposed is kept.
        if (current && current !== title.code && (levels.get(current) ?? 0) > title.level) {
          kept.push(e.name);
          continue;
        }
        await tx.unitYearResult.upsert({
          where: { emulationYearId_unitId: { emulationYearId: year.id, unitId: e.unitId } },
          create: { emulationYearId: year.id, unitId: e.unitId, proposedTitleCode: title.code },
          update: { proposedTitleCode: title.code },
        });
        applied.push(e.name);
      }
      return {
        message:
          (applied.length ? `Đã ghi nhận đề nghị ${title.name} năm ${year.year} cho: ${applied.join("; ")}.` : "") +
          (kept.length ? ` Giữ nguyên đề nghị danh hiệu cao hơn đã có của: ${kept.join("; ")}.` : "") +
          pending,
        audit: {
          entityType: ENTITY,
          entityId: round.id,
          before: { proposedTitleCodes: before },
          after: { proposedTitleCode: title.code, unitIds: elected.map((e) => e.unitId), kept: kept.length },
        },
      };
    }

    // Chair or deputy of the following year.
    const winner = elected[0]!;
    const office = round.kind === "CHAIR_ELECTION" ? "Cụm trưởng" : "Cụm phó";
    const next = await tx.emulationYear.findUnique({ where: { clusterId_year: { clusterId: year.clusterId, year: year.year + 1 } } });
    if (!next) {
      return {
        message: `Kết quả đã được ghi nhận: ${winner.name} trúng cử ${office} năm ${year.year + 1}. Khi mở năm thi đua ${year.year + 1}, đơn vị này được điền sẵn làm ${office}.`,
        audit: { entityType: ENTITY, entityId: round.id, after: { office: round.kind, forYear: year.year + 1, unitId: winner.unitId, nextYearOpen: false } },
      };
    }
    if (!isYearWritable(next.phase as YearPhase)) throw new UserError(YEAR_CLOSED_MESSAGE);
    const leadership =
      round.kind === "CHAIR_ELECTION"
        ? { chairUnitId: winner.unitId, deputyUnitId: next.deputyUnitId === winner.unitId ? null : next.deputyUnitId }
        : { chairUnitId: next.chairUnitId, deputyUnitId: winner.unitId };
    if (leadership.chairUnitId) {
      const members = await tx.unit.findMany({ where: { clusterId: year.clusterId, parentId: null }, select: { id: true, name: true, active: true } });
      const following = await tx.emulationYear.findUnique({ where: { clusterId_year: { clusterId: year.clusterId, year: next.year + 1 } }, select: { year: true, chairUnitId: true } });
      throwIfErrors(
        checkLeadership(leadership, {
          year: next.year,
          members,
          previous: { year: year.year, chairUnitId: year.chairUnitId, outgoingChairMayBeReelected: parseYearSettings(year.settings).outgoingChairMayBeReelected },
          next: following,
          outgoingChairMayBeReelected: parseYearSettings(next.settings).outgoingChairMayBeReelected,
        }),
      );
    }
    await tx.emulationYear.update({
      where: { id: next.id },
      data: round.kind === "CHAIR_ELECTION" ? { chairUnitId: leadership.chairUnitId, deputyUnitId: leadership.deputyUnitId, chairAssignmentRef: null } : { deputyUnitId: leadership.deputyUnitId },
    });
    return {
      message: `Đã đặt ${winner.name} làm ${office} năm ${next.year} theo kết quả bầu.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        before: { yearId: next.id, chairUnitId: next.chairUnitId, deputyUnitId: next.deputyUnitId, chairAssignmentRef: next.chairAssignmentRef },
        after: { yearId: next.id, ...leadership },
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// A chair assigned by the Ministry instead of elected (with the document reference).

export const recordAssignedChair = defineCommand({
  name: "vote.chair.assign",
  permission: "vote.manage",
  input: recordAssignedChairInput,
  target: (tx, input) => yearTarget(tx, input.yearId),
  async run(tx, input, _actor, target) {
    const year = await loadWritableYear(tx, input.yearId, target.clusterId!);
    const unit = await tx.unit.findFirst({
      where: { id: input.chairUnitId, clusterId: year.clusterId, parentId: null, active: true },
      select: { id: true, name: true },
    });
    if (!unit) throw new UserError("Cụm trưởng phải là một đơn vị thành viên đang hoạt động của cụm.", { chairUnitId: ["Cụm trưởng phải là một đơn vị thành viên đang hoạt động của cụm."] });
    // The Ministry's decision stands over the cluster's rotation rule; the deputy must still differ.
    const deputyUnitId = year.deputyUnitId === unit.id ? null : year.deputyUnitId;
    const updated = await tx.emulationYear.update({
      where: { id: year.id },
      data: { chairUnitId: unit.id, deputyUnitId, chairAssignmentRef: input.chairAssignmentRef },
    });
    return {
      message: `Đã ghi nhận ${unit.name} là Cụm trưởng năm ${year.year} theo văn bản ${input.chairAssignmentRef}.${deputyUnitId !== year.deputyUnitId ? " Đơn vị này trước đó là Cụm phó; vui lòng chọn lại Cụm phó." : ""}`,
      audit: {
        entityType: "EmulationYear",
        entityId: year.id,
        before: { chairUnitId: year.chairUnitId, deputyUnitId: year.deputyUnitId, chairAssignmentRef: year.chairAssignmentRef },
        after: { chairUnitId: updated.chairUnitId, deputyUnitId: updated.deputyUnitId, chairAssignmentRef: updated.chairAssignmentRef },
      },
    };
  },
});
