import { can, type Actor } from "@/domain/permissions";
import { rankUnits, scoringSettingsOf, type RankedEntry, type ReportTotals } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { compareVi } from "@/domain/vietnamese";
import { type YearPhase } from "@/domain/year-phases";
import { loadTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan } from "../guard";
import { selfTotalsOf } from "../reports";
import { loadYear, type RoundState, tieBreakOf } from "./shared";

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
