import { z } from "zod";
import type { Target } from "@/domain/permissions";
import { allCriteria, computeTotals, criterionLabel, formatPoints } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { NotFoundError, UserError, commandFamily } from "../command";
import { throwIfErrors } from "@/server/errors";
import { loadRound, refuseUnlessState, readScoreForm, listedErrors } from "./shared";

export const crossScoreField = (criterionId: string) => `score.${criterionId}`;
export const crossNoteField = (criterionId: string) => `note.${criterionId}`;

/** A scoring sheet's scope is the SCORING unit (and its cluster), read from the stored assignment. */
async function assignmentTarget(tx: Tx, assignmentId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string; yearId: string }[]>`
    SELECT a."scorerUnitId"::text AS "unitId", y."clusterId"::text AS "clusterId", y.id::text AS "yearId"
    FROM "CrossAssignment" a JOIN "ScoringRound" r ON r.id = a."roundId" JOIN "EmulationYear" y ON y.id = r."emulationYearId"
    WHERE a.id = ${assignmentId}::uuid`;
  return rows[0] ?? {};
}

const sheetFields = {
  assignmentId: idField("Phiếu chấm"),
  version: z.coerce.number({ error: "Phiên bản phiếu chấm không hợp lệ." }).int().min(0),
};

export const saveCrossScoresInput = z.looseObject(sheetFields);

/** A sheet saved elsewhere since the form was opened: refused on save, and on submit. */
const SAVED_ELSEWHERE = "Phiếu chấm vừa được lưu từ nơi khác. Thay đổi của bạn chưa được lưu; vui lòng tải lại trang.";
const CHANGED_SINCE_OPENED = "Phiếu chấm đã thay đổi sau khi bạn mở trang. Vui lòng tải lại trang và kiểm tra trước khi nộp.";

/**
 * The open, unsubmitted sheet, locked, as the form last saw it: a sheet saved since (another version)
 * is refused with `staleMessage`.
 */
async function loadSheet(tx: Tx, input: { assignmentId: string; version: number }, clusterId: string, staleMessage: string) {
  const { assignmentId } = input;
  const head = await tx.crossAssignment.findUnique({ where: { id: assignmentId }, select: { roundId: true } });
  if (!head) throw new NotFoundError();
  const { round, table } = await loadRound(tx, head.roundId, clusterId, "shared");
  await tx.$queryRaw`SELECT id FROM "CrossAssignment" WHERE id = ${assignmentId}::uuid FOR UPDATE`;
  const assignment = await tx.crossAssignment.findUniqueOrThrow({
    where: { id: assignmentId },
    include: { report: { select: { unit: { select: { name: true } } } }, scores: true },
  });
  refuseUnlessState(round, "OPEN");
  if (assignment.submittedAt) throw new UserError("Phiếu chấm đã được nộp; không thể sửa.");
  if (assignment.draftVersion !== input.version) throw new UserError(staleMessage);
  return { round, table, assignment };
}

/** A scoring unit's commands on its sheet: the sheet loaded as the form last saw it, or refused with `staleMessage`. */
const sheetCommand = (staleMessage: string) =>
  commandFamily({
    permission: P.crossScore,
    target: (tx, input: { assignmentId: string; version: number }) => assignmentTarget(tx, input.assignmentId),
    load: (tx, input, target) => loadSheet(tx, input, target.clusterId!, staleMessage),
  });

export const saveCrossScores = sheetCommand(SAVED_ELSEWHERE)({
  name: "scoring.cross.save",
  label: "Lưu điểm chấm chéo",
  phases: "crossScoring",
  input: saveCrossScoresInput,
  async run(tx, input, { table, assignment }, actor) {
    const { values, errors } = readScoreForm(table, input, { score: crossScoreField, note: crossNoteField, noteWord: "nhận xét" });
    throwIfErrors(errors, listedErrors(errors));
    await tx.crossScore.deleteMany({ where: { assignmentId: assignment.id } });
    await tx.crossScore.createMany({
      data: [...values.entries()]
        .filter(([, v]) => v.half !== null)
        .map(([criterionId, v]) => ({ assignmentId: assignment.id, criterionId, scoreHalf: v.half!, note: v.note || null })),
    });
    const updated = await tx.crossAssignment.update({ where: { id: assignment.id }, data: { draftVersion: { increment: 1 } }, select: { draftVersion: true } });
    const scored = [...values.values()].filter((v) => v.half !== null).length;
    return {
      data: { version: updated.draftVersion, savedAt: new Date().toISOString() },
      message: `Đã lưu phiếu chấm báo cáo của ${assignment.report.unit.name} (${scored}/${values.size} tiêu chí có điểm).`,
      audit: { entityType: "CrossAssignment", entityId: assignment.id, after: { scored, by: actor.displayName } },
    };
  },
});

export const submitCrossScoresInput = z.object(sheetFields);

export const submitCrossScores = sheetCommand(CHANGED_SINCE_OPENED)({
  name: "scoring.cross.submit",
  label: "Gửi điểm chấm chéo",
  phases: "crossScoring",
  input: submitCrossScoresInput,
  async run(tx, input, { table, assignment }, actor) {
    const stored = new Map(assignment.scores.map((s) => [s.criterionId, s.scoreHalf]));
    const errors: Record<string, string[]> = {};
    for (const c of allCriteria(table)) {
      const h = stored.get(c.id);
      if (c.section.kind === "SCORED" && h === undefined) (errors[crossScoreField(c.id)] ??= []).push(`${criterionLabel(table, c.id)}: chưa chấm điểm.`);
      if (h !== undefined && h > c.maxHalf) {
        (errors[crossScoreField(c.id)] ??= []).push(`${criterionLabel(table, c.id)}: điểm (${formatPoints(h)}) vượt quá điểm tối đa (${formatPoints(c.maxHalf)}).`);
      }
    }
    const missing = Object.keys(errors).length;
    throwIfErrors(errors, `Chưa thể nộp phiếu chấm: còn ${missing} tiêu chí chưa chấm hoặc chưa hợp lệ (${Object.values(errors).flat().slice(0, 5).join(" ")}${missing > 5 ? " …" : ""}).`);
    // Bonus and penalty items left empty count as 0: store the 0 so the average counts this scorer.
    const zeros = allCriteria(table).filter((c) => c.section.kind !== "SCORED" && !stored.has(c.id));
    await tx.crossScore.createMany({ data: zeros.map((c) => ({ assignmentId: assignment.id, criterionId: c.id, scoreHalf: 0 })) });
    const now = new Date();
    await tx.crossAssignment.update({ where: { id: assignment.id }, data: { submittedAt: now, submittedByName: actor.displayName } });
    const totals = computeTotals(table, (id) => stored.get(id) ?? 0);
    return {
      message: `Đã nộp phiếu chấm báo cáo của ${assignment.report.unit.name}: ${formatPoints(totals.totalHalf)} điểm.`,
      audit: { entityType: "CrossAssignment", entityId: assignment.id, after: { submittedAt: now.toISOString(), totalHalf: totals.totalHalf } },
    };
  },
});
