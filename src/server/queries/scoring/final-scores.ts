import { type Actor } from "@/domain/permissions";
import { allCriteria, computeTotals, crossAverage, differencesOf, suggestFinal } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { compareVi } from "@/domain/vietnamese";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { loadTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan, named } from "../guard";
import { crossScoresOf, type RoundState } from "./shared";
import { notFound } from "@/server/errors";

// Final scores of one report (the secretariat): self, each cross-score, average, suggestion, final

export async function finalScoresOf(actor: Actor, reportId: string) {
  const r = await named(reportId, (id) => prisma.unitReport.findUnique({
    where: { id },
    select: {
      id: true,
      unitId: true,
      status: true,
      emulationYearId: true,
      unit: { select: { name: true } },
      emulationYear: { select: { id: true, year: true, phase: true, clusterId: true } },
      scores: { select: { criterionId: true, selfHalf: true, finalHalf: true, finalNote: true, explanation: true } },
    },
  }));
  assertCan(actor, P.scoringManage, { clusterId: r.emulationYear.clusterId });
  const round = await prisma.scoringRound.findUnique({ where: { emulationYearId: r.emulationYearId } });
  if (!round) notFound();
  const assignments = await prisma.crossAssignment.findMany({
    where: { roundId: round.id, reportId },
    select: { id: true, scorerUnitId: true, submittedAt: true, scorerUnit: { select: { name: true } } },
  });
  if (assignments.length === 0) notFound();
  const table = (await loadTable(prisma, { emulationYearId: r.emulationYearId }))!;
  const showCross = round.state !== "OPEN";
  const cross = showCross ? ((await crossScoresOf(round.id, { submittedOnly: true, reportId })).get(reportId) ?? new Map()) : new Map();
  const scorers = assignments
    .map((a) => ({ unitId: a.scorerUnitId, name: a.scorerUnit.name, submitted: !!a.submittedAt }))
    .sort((a, b) => compareVi(a.name, b.name));
  const stored = new Map(r.scores.map((s) => [s.criterionId, s]));
  const rows = allCriteria(table).map((c) => {
    const s = stored.get(c.id);
    const crossList = (cross.get(c.id) ?? []) as { scorerUnitId: string; half: number; note: string | null }[];
    const scores = { maxHalf: c.maxHalf, selfHalf: s?.selfHalf ?? null, crossHalves: crossList.map((x) => x.half), finalHalf: s?.finalHalf ?? null };
    return {
      criterionId: c.id,
      sectionId: c.section.id,
      title: c.title,
      maxHalf: c.maxHalf,
      selfHalf: scores.selfHalf,
      explanation: s?.explanation ?? "",
      cross: Object.fromEntries(crossList.map((x) => [x.scorerUnitId, { half: x.half, note: x.note }])),
      averageHalf: crossAverage(scores.crossHalves),
      suggestedHalf: showCross ? suggestFinal(scores) : null,
      finalHalf: scores.finalHalf,
      finalNote: s?.finalNote ?? null,
      differences: differencesOf(scores, round.differencePercent),
    };
  });
  const scorerTotals = scorers
    .filter((sc) => showCross && sc.submitted)
    .map((sc) => ({ unitId: sc.unitId, totals: computeTotals(table, (cid) => (cross.get(cid) as { scorerUnitId: string; half: number }[] | undefined)?.find((x) => x.scorerUnitId === sc.unitId)?.half) }));
  return {
    report: { id: r.id, unitName: r.unit.name, status: r.status },
    year: { id: r.emulationYear.id, year: r.emulationYear.year, writable: isYearWritable(r.emulationYear.phase as YearPhase) },
    round: { id: round.id, state: round.state as RoundState, differencePercent: round.differencePercent },
    table,
    scorers,
    rows,
    totals: {
      self: computeTotals(table, (cid) => stored.get(cid)?.selfHalf),
      final: computeTotals(table, (cid) => stored.get(cid)?.finalHalf),
      scorers: scorerTotals,
      crossAverageHalf: scorerTotals.length ? scorerTotals.reduce((a, t) => a + t.totals.totalHalf, 0) / scorerTotals.length : null,
    },
    canEdit: round.state === "CLOSED" && isYearWritable(r.emulationYear.phase as YearPhase),
  };
}
