import { can, roleMay, type Actor } from "@/domain/permissions";
import { allCriteria, computeTotals, crossAverage } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { compareVi } from "@/domain/vietnamese";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { loadTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan, named } from "../guard";
import { type RoundState, crossScoresOf } from "./shared";
import { notFound } from "@/server/errors";

export async function myAssignments(actor: Actor) {
  if (!actor.unitId || !roleMay(actor, P.reportView)) notFound();
  const unit = await prisma.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, name: true, clusterId: true } });
  assertCan(actor, P.reportView, unit && { unitId: unit.id, clusterId: unit.clusterId });
  const rows = await prisma.crossAssignment.findMany({
    where: { scorerUnitId: unit!.id },
    select: {
      id: true,
      submittedAt: true,
      _count: { select: { scores: true } },
      round: { select: { state: true, emulationYear: { select: { year: true } } } },
      report: { select: { unit: { select: { name: true } } } },
    },
  });
  return {
    unit: unit!,
    canScore: can(actor, P.crossScore, { unitId: unit!.id, clusterId: unit!.clusterId }),
    assignments: rows
      .map((a) => ({
        id: a.id,
        year: a.round.emulationYear.year,
        roundState: a.round.state as RoundState,
        reportUnitName: a.report.unit.name,
        submittedAt: a.submittedAt,
        scored: a._count.scores,
      }))
      .sort((a, b) => b.year - a.year || compareVi(a.reportUnitName, b.reportUnitName)),
  };
}

export async function crossSheet(actor: Actor, assignmentId: string) {
  const a = await named(assignmentId, (id) => prisma.crossAssignment.findUnique({
    where: { id },
    include: {
      scores: true,
      scorerUnit: { select: { id: true, name: true } },
      round: { include: { emulationYear: { select: { id: true, year: true, phase: true, clusterId: true } } } },
      report: {
        select: {
          id: true,
          narrative: true,
          unitId: true,
          unit: { select: { name: true } },
          scores: { select: { criterionId: true, selfHalf: true, explanation: true, finalHalf: true } },
          figures: { select: { figureId: true, value: true } },
          evidence: { orderBy: { uploadedAt: "asc" }, select: { id: true, criterionId: true, fileName: true, size: true, contentType: true } },
        },
      },
    },
  }));
  // Only the scoring unit itself (its officers and heads) sees the sheet.
  const clusterId = a.round.emulationYear.clusterId;
  assertCan(actor, P.reportView, actor.unitId === a.scorerUnitId ? { unitId: a.scorerUnitId, clusterId } : null);
  const table = (await loadTable(prisma, { emulationYearId: a.round.emulationYearId }))!;
  const state = a.round.state as RoundState;
  const afterClose = state !== "OPEN";
  // Others' scores: none while open; afterwards the average of the submitted sheets.
  let averages: Record<string, number | null> = {};
  if (afterClose) {
    const cross = await crossScoresOf(a.roundId, { submittedOnly: true, reportId: a.reportId });
    const byCriterion = cross.get(a.reportId);
    averages = Object.fromEntries(allCriteria(table).map((c) => [c.id, crossAverage((byCriterion?.get(c.id) ?? []).map((s) => s.half))]));
  }
  const own = Object.fromEntries(a.scores.map((s) => [s.criterionId, { half: s.scoreHalf, note: s.note }]));
  const self = Object.fromEntries(a.report.scores.map((s) => [s.criterionId, { half: s.selfHalf, explanation: s.explanation }]));
  return {
    assignment: { id: a.id, draftVersion: a.draftVersion, submittedAt: a.submittedAt, submittedByName: a.submittedByName },
    scorerUnit: a.scorerUnit,
    year: { id: a.round.emulationYear.id, year: a.round.emulationYear.year, writable: isYearWritable(a.round.emulationYear.phase as YearPhase) },
    roundState: state,
    report: {
      id: a.report.id,
      unitName: a.report.unit.name,
      narrative: a.report.narrative,
      figures: Object.fromEntries(a.report.figures.map((f) => [f.figureId, f.value.toString()])),
      evidence: a.report.evidence,
    },
    table,
    self,
    own,
    ownTotals: computeTotals(table, (c) => own[c]?.half),
    selfTotals: computeTotals(table, (c) => self[c]?.half),
    averages,
    finals: state === "FINALISED" ? Object.fromEntries(a.report.scores.map((s) => [s.criterionId, s.finalHalf])) : {},
    canScore: state === "OPEN" && !a.submittedAt && isYearWritable(a.round.emulationYear.phase as YearPhase) && can(actor, P.crossScore, { unitId: a.scorerUnitId, clusterId }),
  };
}
