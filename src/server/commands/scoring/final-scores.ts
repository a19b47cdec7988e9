import { z } from "zod";
import type { Target } from "@/domain/permissions";
import { allCriteria, criterionLabel, suggestFinal } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { defineCommand, NotFoundError, UserError } from "../command";
import { throwIfErrors } from "@/server/errors";
import { loadRound, refuseUnlessState, readScoreForm, listedErrors, roundIdInput, ENTITY, scoringRoundCommand } from "./shared";

export const finalField = (criterionId: string) => `final.${criterionId}`;
export const finalNoteField = (criterionId: string) => `finalNote.${criterionId}`;

async function reportRoundTarget(tx: Tx, reportId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ clusterId: string; yearId: string }[]>`
    SELECT y."clusterId"::text AS "clusterId", y.id::text AS "yearId" FROM "UnitReport" r JOIN "EmulationYear" y ON y.id = r."emulationYearId" WHERE r.id = ${reportId}::uuid`;
  return rows[0] ?? {};
}

/** Submitted cross-scores of the reports of a round: reportId → criterionId → scores. */
async function submittedCrossScores(tx: Tx, roundId: string) {
  const rows = await tx.crossScore.findMany({
    where: { assignment: { roundId, submittedAt: { not: null } } },
    select: { criterionId: true, scoreHalf: true, assignment: { select: { reportId: true } } },
  });
  const out = new Map<string, Map<string, number[]>>();
  for (const r of rows) {
    const byCriterion = out.get(r.assignment.reportId) ?? new Map<string, number[]>();
    byCriterion.set(r.criterionId, [...(byCriterion.get(r.criterionId) ?? []), r.scoreHalf]);
    out.set(r.assignment.reportId, byCriterion);
  }
  return out;
}

export const setFinalScoresInput = z.looseObject({ reportId: idField("Báo cáo") });

async function loadRoundOfReport(tx: Tx, reportId: string, clusterId: string) {
  const report = await tx.unitReport.findUnique({ where: { id: reportId }, select: { id: true, emulationYearId: true, unit: { select: { name: true } } } });
  if (!report) throw new NotFoundError();
  const roundRow = await tx.scoringRound.findUnique({ where: { emulationYearId: report.emulationYearId }, select: { id: true } });
  if (!roundRow) throw new UserError("Năm thi đua này chưa có vòng chấm chéo.");
  const { round, table } = await loadRound(tx, roundRow.id, clusterId, "exclusive");
  const inRound = await tx.crossAssignment.count({ where: { roundId: round.id, reportId } });
  if (!inRound) throw new UserError("Báo cáo này không thuộc vòng chấm chéo.");
  return { report, round, table };
}

export const setFinalScores = defineCommand({
  name: "scoring.final.set",
  label: "Ghi điểm thẩm định",
  phases: "finalScores",
  permission: P.scoringManage,
  input: setFinalScoresInput,
  target: (tx, input) => reportRoundTarget(tx, input.reportId),
  async run(tx, input, _actor, target) {
    const { report, round, table } = await loadRoundOfReport(tx, input.reportId, target.clusterId!);
    refuseUnlessState(round, "CLOSED");
    const { values: read, errors } = readScoreForm(table, input, { score: finalField, note: finalNoteField, noteWord: "ghi chú" });
    throwIfErrors(errors, listedErrors(errors));
    // An empty final note is stored as null.
    const values = new Map([...read].map(([id, v]) => [id, { half: v.half, note: v.note || null }] as const));
    const before = await tx.reportScore.findMany({ where: { reportId: report.id }, select: { criterionId: true, finalHalf: true, finalNote: true } });
    const beforeOf = new Map(before.map((b) => [b.criterionId, b]));
    const changes: Record<string, { before: number | null; after: number | null }> = {};
    for (const [criterionId, v] of values) {
      const b = beforeOf.get(criterionId);
      if ((b?.finalHalf ?? null) === v.half && (b?.finalNote ?? null) === v.note) continue;
      changes[criterionLabel(table, criterionId)] = { before: b?.finalHalf ?? null, after: v.half };
      await tx.reportScore.upsert({
        where: { reportId_criterionId: { reportId: report.id, criterionId } },
        create: { reportId: report.id, criterionId, finalHalf: v.half, finalNote: v.note },
        update: { finalHalf: v.half, finalNote: v.note },
      });
    }
    const n = Object.keys(changes).length;
    return {
      message: n ? `Đã lưu điểm cuối cùng của ${report.unit.name} (${n} tiêu chí thay đổi).` : "Không có thay đổi nào.",
      audit: { entityType: "UnitReport", entityId: report.id, after: { finalScores: changes } },
    };
  },
});

export const applySuggestedFinalsInput = roundIdInput;

export const applySuggestedFinals = scoringRoundCommand("CLOSED")({
  name: "scoring.final.suggest",
  label: "Đề xuất điểm thẩm định",
  phases: "finalScores",
  input: applySuggestedFinalsInput,
  async run(tx, input, { round, table }) {
    const reportIds = (await tx.crossAssignment.findMany({ where: { roundId: round.id }, select: { reportId: true }, distinct: ["reportId"] })).map((a) => a.reportId);
    const cross = await submittedCrossScores(tx, round.id);
    const existing = await tx.reportScore.findMany({ where: { reportId: { in: reportIds } }, select: { reportId: true, criterionId: true, selfHalf: true, finalHalf: true } });
    const byKey = new Map(existing.map((s) => [`${s.reportId}|${s.criterionId}`, s]));
    let filled = 0;
    for (const reportId of reportIds) {
      for (const c of allCriteria(table)) {
        const row = byKey.get(`${reportId}|${c.id}`);
        if (row?.finalHalf != null) continue;
        const finalHalf = suggestFinal({ maxHalf: c.maxHalf, selfHalf: row?.selfHalf ?? null, crossHalves: cross.get(reportId)?.get(c.id) ?? [], finalHalf: null });
        await tx.reportScore.upsert({
          where: { reportId_criterionId: { reportId, criterionId: c.id } },
          create: { reportId, criterionId: c.id, finalHalf },
          update: { finalHalf },
        });
        filled++;
      }
    }
    return {
      message: filled ? `Đã điền điểm đề xuất cho ${filled} tiêu chí chưa có điểm cuối cùng (trung bình chấm chéo, làm tròn đến 0,5 điểm).` : "Mọi tiêu chí đã có điểm cuối cùng.",
      audit: { entityType: ENTITY, entityId: round.id, after: { suggestedFinalsFilled: filled } },
    };
  },
});
