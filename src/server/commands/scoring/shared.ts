import { z } from "zod";
import type { Target } from "@/domain/permissions";
import { allCriteria, criterionLabel, parsePoints } from "@/domain/scoring";
import { cleanText } from "@/domain/scoring/report-form";
import { idField } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { P } from "@/domain/scoring/permissions";
import { commandFamily, NotFoundError, UserError } from "../command";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { lockCluster } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";

export const ENTITY = "ScoringRound";

export const ROUND_STATE_LABELS = { OPEN: "Đang chấm chéo", CLOSED: "Đã đóng, đang thống nhất điểm", FINALISED: "Đã chốt kết quả" } as const;

const NOTE_MAX = 1000;

/** For forms with a box per criterion: the first errors spelled out in the form's message. */
export function listedErrors(errors: Record<string, string[]>): string {
  const all = Object.values(errors).flat();
  const shown = all.slice(0, 3).join(" ");
  return `Chưa lưu: ${shown}${all.length > 3 ? ` (và ${all.length - 3} lỗi khác)` : ""}`;
}
// The report form's rule: a non-string field (a crafted request) is empty, never String(object).
const cleanNote = cleanText;

export async function roundTarget(tx: Tx, roundId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ clusterId: string; yearId: string }[]>`
    SELECT y."clusterId"::text AS "clusterId", y.id::text AS "yearId" FROM "ScoringRound" r JOIN "EmulationYear" y ON y.id = r."emulationYearId" WHERE r.id = ${roundId}::uuid`;
  return rows[0] ?? {};
}

export async function loadRound(tx: Tx, roundId: string, clusterId: string, mode: "exclusive" | "shared") {
  await lockCluster(tx, clusterId, mode);
  if (mode === "exclusive") await tx.$queryRaw`SELECT id FROM "ScoringRound" WHERE id = ${roundId}::uuid FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "ScoringRound" WHERE id = ${roundId}::uuid FOR SHARE`;
  const round = await tx.scoringRound.findUnique({
    where: { id: roundId },
    include: { emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true } } },
  });
  if (!round || round.emulationYear.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(round.emulationYear);
  const table = await loadTable(tx, { emulationYearId: round.emulationYearId });
  if (!table) throw new NotFoundError();
  return { round, table };
}

export function refuseUnlessState(round: { state: string }, expected: "OPEN" | "CLOSED") {
  if (round.state === expected) return;
  const messages: Record<string, string> = {
    OPEN: "Vòng chấm chéo đang mở; chưa thể thực hiện thao tác này.",
    CLOSED: expected === "OPEN" ? "Vòng chấm chéo đã đóng; không thể chấm hoặc sửa điểm nữa." : "Vòng chấm chéo đã đóng.",
    FINALISED: "Kết quả chấm điểm đã được chốt; không thể thay đổi.",
  };
  throw new UserError(messages[round.state] ?? "Trạng thái vòng chấm chéo không cho phép thao tác này.");
}

/** The secretariat's preamble on a round: lock it exclusively, load it, refuse unless it is in `expected`. */
export async function loadRoundIn(tx: Tx, roundId: string, clusterId: string, expected: "OPEN" | "CLOSED") {
  const loaded = await loadRound(tx, roundId, clusterId, "exclusive");
  refuseUnlessState(loaded.round, expected);
  return loaded;
}

/** The secretariat's commands on a scoring round: its cluster as scope, the round locked and loaded in the `state` they need (loadRoundIn). */
export const scoringRoundCommand = (state: "OPEN" | "CLOSED") =>
  commandFamily({
    permission: P.scoringManage,
    target: (tx, input: { roundId: string }) => roundTarget(tx, input.roundId),
    load: (tx, input, target) => loadRoundIn(tx, input.roundId, target.clusterId!, state),
  });

/** Reads one score box and one note box per criterion (cross-scores and final scores share the rules). */
export function readScoreForm(
  table: LoadedTable,
  fields: Record<string, unknown>,
  boxes: { score: (criterionId: string) => string; note: (criterionId: string) => string; noteWord: string },
) {
  const errors: Record<string, string[]> = {};
  const values = new Map<string, { half: number | null; note: string }>();
  for (const c of allCriteria(table)) {
    const raw = fields[boxes.score(c.id)];
    const parsed = parsePoints(typeof raw === "string" ? raw : "", c.maxHalf);
    const note = cleanNote(fields[boxes.note(c.id)]);
    if (!parsed.ok) (errors[boxes.score(c.id)] ??= []).push(`${criterionLabel(table, c.id)}: ${parsed.message}`);
    if (note.length > NOTE_MAX) (errors[boxes.note(c.id)] ??= []).push(`${criterionLabel(table, c.id)}: ${boxes.noteWord} tối đa ${NOTE_MAX} ký tự.`);
    values.set(c.id, { half: parsed.ok ? parsed.half : null, note: note.slice(0, NOTE_MAX) });
  }
  return { values, errors };
}

// The secretariat's round commands name only the round (close adds "close anyway").
export const roundIdInput = z.object({ roundId: idField("Vòng chấm chéo") });
