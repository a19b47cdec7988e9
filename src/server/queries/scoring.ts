// Read side of cross-scoring, final scores and the ranking.
//  - The secretariat sees the round, the assignment, every sheet's progress and, once the round is
//    closed, every score side by side.
//  - A scoring unit sees only the reports assigned to it, and while the round is open only its own
//    scores; after the round closes it also sees the average of all submitted scores.
//  - The ranking (final totals, tie-break rule) is for the secretariat, admin and the chair unit's
//    heads; it exists once the round is finalised.
import { notFound } from "next/navigation";
import { can, roleMay, type Actor } from "@/domain/permissions";
import {
  allCriteria,
  computeTotals,
  crossAverage,
  differencesOf,
  rankUnits,
  scoringSettingsOf,
  suggestFinal,
  TIE_BREAK_KEYS,
  type RankedEntry,
  type ReportTotals,
  type TieBreak,
} from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { compareVi } from "@/domain/vietnamese";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan } from "./guard";
import { selfTotalsOf } from "./reports";
import { isUuid } from "@/domain/validation";

export type RoundState = "OPEN" | "CLOSED" | "FINALISED";

const tieBreakOf = (stored: string | null | undefined, fallback: TieBreak): TieBreak =>
  stored && (TIE_BREAK_KEYS as readonly string[]).includes(stored) ? (stored as TieBreak) : fallback;

async function loadYear(yearId: string) {
  if (!isUuid(yearId)) notFound();
  return prisma.emulationYear.findUnique({
    where: { id: yearId },
    select: { id: true, year: true, phase: true, clusterId: true, settings: true, cluster: { select: { name: true } } },
  });
}

/** Submitted cross-scores of a round: reportId → criterionId → [{ scorer, half, note }]. */
async function crossScoresOf(roundId: string, opts: { submittedOnly: boolean; reportId?: string }) {
  const rows = await prisma.crossScore.findMany({
    where: { assignment: { roundId, ...(opts.reportId ? { reportId: opts.reportId } : {}), ...(opts.submittedOnly ? { submittedAt: { not: null } } : {}) } },
    select: { criterionId: true, scoreHalf: true, note: true, assignment: { select: { reportId: true, scorerUnitId: true } } },
  });
  const out = new Map<string, Map<string, { scorerUnitId: string; half: number; note: string | null }[]>>();
  for (const r of rows) {
    const m = out.get(r.assignment.reportId) ?? new Map();
    m.set(r.criterionId, [...(m.get(r.criterionId) ?? []), { scorerUnitId: r.assignment.scorerUnitId, half: r.scoreHalf, note: r.note }]);
    out.set(r.assignment.reportId, m);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The secretariat's scoring page for a year

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

// ---------------------------------------------------------------------------------------------
// A scoring unit's assignments and one scoring sheet

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
  if (!isUuid(assignmentId)) notFound();
  const assignment = await prisma.crossAssignment.findUnique({
    where: { id: assignmentId },
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
  });
  // Only the scoring unit itself (its officers and heads) sees the sheet.
  const clusterId = assignment?.round.emulationYear.clusterId;
  assertCan(actor, P.reportView, assignment && actor.unitId === assignment.scorerUnitId ? { unitId: assignment.scorerUnitId, clusterId } : null);
  const a = assignment!;
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

// ---------------------------------------------------------------------------------------------
// Final scores of one report (the secretariat): self, each cross-score, average, suggestion, final

export async function finalScoresOf(actor: Actor, reportId: string) {
  if (!isUuid(reportId)) notFound();
  const report = await prisma.unitReport.findUnique({
    where: { id: reportId },
    select: {
      id: true,
      unitId: true,
      status: true,
      emulationYearId: true,
      unit: { select: { name: true } },
      emulationYear: { select: { id: true, year: true, phase: true, clusterId: true } },
      scores: { select: { criterionId: true, selfHalf: true, finalHalf: true, finalNote: true, explanation: true } },
    },
  });
  assertCan(actor, P.scoringManage, report && { clusterId: report.emulationYear.clusterId });
  const r = report!;
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

// ---------------------------------------------------------------------------------------------
// The ranking

export type RankingRow = RankedEntry & { reportId: string; sections: ReportTotals["sections"]; bonusHalf: number; selfTotalHalf: number };

export async function yearRanking(actor: Actor, yearId: string) {
  const year = await loadYear(yearId);
  assertCan(actor, P.rankingView, year && { clusterId: year.clusterId });
  const y = year!;
  const round = await prisma.scoringRound.findUnique({ where: { emulationYearId: y.id } });
  const table = await loadTable(prisma, { emulationYearId: y.id });
  const base = {
    year: { id: y.id, year: y.year, clusterName: y.cluster.name, phase: y.phase as YearPhase },
    round: round && { id: round.id, state: round.state as RoundState, finalisedAt: round.finalisedAt, tieBreak: tieBreakOf(round.tieBreak, scoringSettingsOf(y.settings).rankingTieBreak) },
    table,
    canManage: can(actor, P.scoringManage, { clusterId: y.clusterId }),
  };
  if (!round || round.state !== "FINALISED" || !table) return { ...base, rows: [] as RankingRow[] };
  const reports = await prisma.unitReport.findMany({
    where: { assignments: { some: { roundId: round.id } } },
    select: { id: true, unitId: true, unit: { select: { name: true } }, finalTotalHalf: true },
  });
  const ids = reports.map((r) => r.id);
  const [finals, selfs] = await Promise.all([selfTotalsOf(table, ids, "finalHalf"), selfTotalsOf(table, ids, "selfHalf")]);
  const entries = reports.map((r) => {
    const t = finals.get(r.id)!;
    return { unitId: r.unitId, unitName: r.unit.name, totalHalf: t.totalHalf, scoredSectionHalves: t.scoredSectionHalves, penaltyHalf: t.penaltyHalf };
  });
  const ranked = rankUnits(entries, base.round!.tieBreak, compareVi);
  const rows: RankingRow[] = ranked.map((e) => {
    const report = reports.find((r) => r.unitId === e.unitId)!;
    const t = finals.get(report.id)!;
    return { ...e, reportId: report.id, sections: t.sections, bonusHalf: t.bonusHalf, selfTotalHalf: selfs.get(report.id)?.totalHalf ?? 0 };
  });
  return { ...base, rows };
}

/** Every score of a year for the Excel export: criteria × units (self, cross average, final). */
export async function scoresMatrix(actor: Actor, yearId: string) {
  const year = await loadYear(yearId);
  assertCan(actor, P.scoringManage, year && { clusterId: year.clusterId });
  const y = year!;
  const table: LoadedTable | null = await loadTable(prisma, { emulationYearId: y.id });
  if (!table) notFound();
  const round = await prisma.scoringRound.findUnique({ where: { emulationYearId: y.id } });
  const reports = await prisma.unitReport.findMany({
    where: { emulationYearId: y.id, kind: "YEAR_END", status: { in: ["SUBMITTED", "ACCEPTED"] } },
    select: { id: true, unitId: true, status: true, finalRank: true, unit: { select: { name: true, sortKey: true } }, scores: { select: { criterionId: true, selfHalf: true, finalHalf: true } } },
    orderBy: { unit: { sortKey: "asc" } },
  });
  const cross = round && round.state !== "OPEN" ? await crossScoresOf(round.id, { submittedOnly: true }) : new Map();
  const units = reports.map((r) => {
    const self = new Map(r.scores.map((s) => [s.criterionId, s.selfHalf]));
    const final = new Map(r.scores.map((s) => [s.criterionId, s.finalHalf]));
    const byCriterion = cross.get(r.id) as Map<string, { half: number }[]> | undefined;
    const average = new Map(allCriteria(table).map((c) => [c.id, crossAverage((byCriterion?.get(c.id) ?? []).map((x) => x.half))]));
    return {
      reportId: r.id,
      unitName: r.unit.name,
      status: r.status,
      self,
      average,
      final,
      selfTotals: computeTotals(table, (c) => self.get(c)),
      finalTotals: computeTotals(table, (c) => final.get(c)),
      rank: round?.state === "FINALISED" ? r.finalRank : null,
    };
  });
  return { year: { id: y.id, year: y.year, clusterName: y.cluster.name }, table, roundState: (round?.state ?? null) as RoundState | null, units };
}
