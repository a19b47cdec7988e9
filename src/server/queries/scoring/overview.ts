import { type Actor } from "@/domain/permissions";
import { allCriteria, computeTotals, differencesOf, scoringSettingsOf } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { compareVi } from "@/domain/vietnamese";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { loadTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan } from "../guard";
import { selfTotalsOf } from "../reports";
import { loadYear, crossScoresOf, type RoundState, tieBreakOf } from "./shared";

export async function scoringOverview(actor: Actor, yearId: string) {
  const year = await loadYear(yearId);
  assertCan(actor, P.scoringManage, year && { clusterId: year.clusterId });
  const y = year!;
  const settings = scoringSettingsOf(y.settings);
  const [table, round, reports, units] = await Promise.all([
    loadTable(prisma, { emulationYearId: y.id }),
    prisma.scoringRound.findUnique({ where: { emulationYearId: y.id } }),
    prisma.unitReport.findMany({
      where: { emulationYearId: y.id, kind: "YEAR_END" },
      select: { id: true, unitId: true, status: true, finalTotalHalf: true, finalRank: true },
    }),
    prisma.unit.findMany({ where: { clusterId: y.clusterId, parentId: null }, orderBy: { sortKey: "asc" }, select: { id: true, name: true, active: true } }),
  ]);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const assignments = round
    ? await prisma.crossAssignment.findMany({
        where: { roundId: round.id },
        select: { id: true, reportId: true, scorerUnitId: true, submittedAt: true, submittedByName: true, _count: { select: { scores: true } } },
      })
    : [];
  const roundReportIds = [...new Set(assignments.map((a) => a.reportId))];
  const unitOfReport = new Map(reports.map((r) => [r.id, r.unitId]));

  // Totals side by side for the round's reports: self, cross average (after close), final.
  let rows: {
    reportId: string;
    unitId: string;
    unitName: string;
    selfHalf: number;
    crossAverageHalf: number | null;
    finalHalf: number | null;
    missingFinal: number;
    bigDifferences: number;
    rank: number | null;
  }[] = [];
  if (round && table && roundReportIds.length) {
    const [selfTotals, finalTotals, finalCounts] = await Promise.all([
      selfTotalsOf(table, roundReportIds, "selfHalf"),
      selfTotalsOf(table, roundReportIds, "finalHalf"),
      prisma.reportScore.groupBy({ by: ["reportId"], where: { reportId: { in: roundReportIds }, finalHalf: { not: null } }, _count: { _all: true } }),
    ]);
    const finalCount = new Map(finalCounts.map((f) => [f.reportId, f._count._all]));
    const criteriaCount = allCriteria(table).length;
    const showCross = round.state !== "OPEN";
    const cross = showCross ? await crossScoresOf(round.id, { submittedOnly: true }) : new Map();
    const selfScores = showCross
      ? await prisma.reportScore.findMany({ where: { reportId: { in: roundReportIds } }, select: { reportId: true, criterionId: true, selfHalf: true } })
      : [];
    const selfOf = new Map(selfScores.map((s) => [`${s.reportId}|${s.criterionId}`, s.selfHalf]));
    rows = roundReportIds.map((reportId) => {
      const byCriterion = cross.get(reportId) as Map<string, { scorerUnitId: string; half: number }[]> | undefined;
      let crossAverageHalf: number | null = null;
      let bigDifferences = 0;
      if (showCross && byCriterion) {
        const scorers = [...new Set([...byCriterion.values()].flat().map((s) => s.scorerUnitId))];
        const perScorer = scorers.map((sid) => computeTotals(table, (c) => byCriterion.get(c)?.find((s) => s.scorerUnitId === sid)?.half));
        crossAverageHalf = perScorer.length ? perScorer.reduce((a, t) => a + t.totalHalf, 0) / perScorer.length : null;
        for (const c of allCriteria(table)) {
          const d = differencesOf(
            { maxHalf: c.maxHalf, selfHalf: selfOf.get(`${reportId}|${c.id}`) ?? null, crossHalves: (byCriterion.get(c.id) ?? []).map((s) => s.half), finalHalf: null },
            round.differencePercent,
          );
          if (d.big) bigDifferences++;
        }
      }
      const report = reports.find((r) => r.id === reportId);
      const unitId = unitOfReport.get(reportId)!;
      return {
        reportId,
        unitId,
        unitName: nameOf.get(unitId) ?? "",
        selfHalf: selfTotals.get(reportId)?.totalHalf ?? 0,
        crossAverageHalf,
        finalHalf: (finalCount.get(reportId) ?? 0) > 0 ? (finalTotals.get(reportId)?.totalHalf ?? null) : null,
        missingFinal: criteriaCount - (finalCount.get(reportId) ?? 0),
        bigDifferences,
        rank: round.state === "FINALISED" ? (report?.finalRank ?? null) : null,
      };
    });
    rows.sort((a, b) => compareVi(a.unitName, b.unitName));
  }

  const statusByUnit = new Map(reports.map((r) => [r.unitId, r.status]));
  const candidates = units
    .filter((u) => u.active || statusByUnit.has(u.id))
    .map((u) => {
      const status = statusByUnit.get(u.id) ?? null;
      // Drafts of other units stay private: they read as "not submitted".
      return { unitId: u.id, unitName: u.name, status: status === "DRAFT" ? null : status };
    });

  return {
    year: { id: y.id, year: y.year, phase: y.phase as YearPhase, clusterName: y.cluster.name, writable: isYearWritable(y.phase as YearPhase) },
    settings,
    tablePublished: !!table?.publishedAt,
    round: round && {
      id: round.id,
      state: round.state as RoundState,
      scorersPerReport: round.scorersPerReport,
      seed: round.seed,
      differencePercent: round.differencePercent,
      tieBreak: tieBreakOf(round.tieBreak, settings.rankingTieBreak),
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      finalisedAt: round.finalisedAt,
    },
    candidates,
    assignments: assignments
      .map((a) => ({
        id: a.id,
        reportId: a.reportId,
        reportUnitName: nameOf.get(unitOfReport.get(a.reportId) ?? "") ?? "",
        scorerUnitId: a.scorerUnitId,
        scorerUnitName: nameOf.get(a.scorerUnitId) ?? "",
        submittedAt: a.submittedAt,
        submittedByName: a.submittedByName,
        scored: a._count.scores,
      }))
      .sort((a, b) => compareVi(a.scorerUnitName, b.scorerUnitName) || compareVi(a.reportUnitName, b.reportUnitName)),
    criteriaCount: table ? allCriteria(table).length : 0,
    rows,
  };
}
