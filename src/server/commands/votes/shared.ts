import { z } from "zod";
import type { Target } from "@/domain/permissions";
import { idField } from "@/domain/validation";
import { ACCLAIM_TITLE_CODES, acclaimSeatLimit, chairRotation, checkElectorate, checkRoundSetup, defaultRoundTitle, defaultSeats, quorumFor, yearsSinceLabel, type RoundKind, type RoundState } from "@/domain/voting";
import { parseYearSettings } from "@/domain/year-settings";
import { type Tx } from "@/server/db";
import { electedLeadership } from "@/server/store/vote-results";
import { throwIfErrors } from "@/server/errors";
import { lockCluster } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";
import { commandFamily, NotFoundError, UserError } from "../command";
import { writableYearCommand } from "../year-commands";

export const ENTITY = "VoteRound";

/** The cluster of a stored round (the form only names the round). Unknown id → empty scope → not found. */
export async function roundTarget(tx: Tx, roundId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ clusterId: string; yearId: string }[]>`
    SELECT y."clusterId"::text AS "clusterId", y.id::text AS "yearId"
    FROM "VoteRound" r JOIN "EmulationYear" y ON y.id = r."emulationYearId"
    WHERE r.id = ${roundId}::uuid`;
  return rows[0] ? { clusterId: rows[0].clusterId, yearId: rows[0].yearId } : {};
}

const roundInclude = {
  emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true, chairUnitId: true } },
  candidates: { orderBy: { position: "asc" as const }, include: { unit: { select: { id: true, name: true, active: true } } } },
} as const;

/** Locks the cluster and the round (ballots in flight finish first), then loads it. Refuses a closed year first, then a round not in the `expected` state. */
export async function loadRound(tx: Tx, roundId: string, clusterId: string, expected: RoundState) {
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

/** The secretariat's commands on one stored round: its cluster as scope, the round locked and loaded in the `state` they need. */
export const roundCommand = (state: RoundState) =>
  commandFamily({
    permission: "vote.manage",
    target: (tx, input: { roundId: string }) => roundTarget(tx, input.roundId),
    load: (tx, input, target) => loadRound(tx, input.roundId, target.clusterId!, state),
  });

/** The secretariat's conference set-up on a year that may still change (a round, an assigned chair). */
export const voteYearCommand = writableYearCommand("vote.manage");

export const roundIdField = idField("Vòng bỏ phiếu");
export const yearIdField = idField("Năm thi đua");

export const roundOnlyInput = z.object({ roundId: roundIdField });

// Setting up a round (create, edit while DRAFT, delete while DRAFT)

type SetupInput = { kind: RoundKind; title: string | null; titleCode: string | null; seats: number | null; unitIds: string[] };

/**
 * Checks a round's set-up against the database and returns what to store: the candidates in their
 * order (chair elections: rotation order, with "years since last chaired" as the note; otherwise
 * Vietnamese alphabetical order), the seats and the title.
 */
export async function prepareSetup(tx: Tx, year: { id: string; year: number; clusterId: string; settings: unknown }, input: SetupInput) {
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

export const roundSnapshot = (r: { title: string; kind: string; titleCode: string | null; seats: number; state: string }, candidates: { unitId: string }[]) => ({
  title: r.title,
  kind: r.kind,
  titleCode: r.titleCode,
  seats: r.seats,
  state: r.state,
  candidateUnitIds: candidates.map((c) => c.unitId),
});

// Opening: the threshold, quorum and electorate are copied from the year's settings now, so later
// edits of the settings do not change a vote in progress.

export async function electorateFor(tx: Tx, clusterId: string, quorumUnits: number | null) {
  const members = await activeMembers(tx, clusterId);
  const electorateSize = members.length;
  const quorum = quorumFor(quorumUnits, electorateSize);
  const problem = checkElectorate(quorum, electorateSize);
  if (problem) throw new UserError(problem);
  return { members, electorateSize, quorum };
}
