import { type Actor } from "@/domain/permissions";
import { allCriteria, computeTotals, crossAverage } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan } from "../guard";
import { loadYear, crossScoresOf, type RoundState } from "./shared";
import { notFound } from "@/server/errors";

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
