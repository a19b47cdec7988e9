import { allCriteria, computeTotals, formatPoints, rankUnits, TIE_BREAK_KEYS, type TieBreak } from "@/domain/scoring";
import { compareVi } from "@/domain/vietnamese";
import { UserError } from "../command";
import { roundIdInput, ENTITY, scoringRoundCommand } from "./shared";

export const finaliseScoringRoundInput = roundIdInput;

export const finaliseScoringRound = scoringRoundCommand("CLOSED")({
  name: "scoring.finalise",
  label: "Chốt kết quả chấm điểm",
  phases: "finalScores",
  input: finaliseScoringRoundInput,
  async run(tx, input, { round, table }) {
    const reports = await tx.unitReport.findMany({
      where: { assignments: { some: { roundId: round.id } } },
      select: { id: true, unitId: true, unit: { select: { name: true } }, scores: { select: { criterionId: true, finalHalf: true } } },
    });
    const criteria = allCriteria(table);
    const missing = reports
      .map((r) => {
        const finals = new Set(r.scores.filter((s) => s.finalHalf !== null).map((s) => s.criterionId));
        return { name: r.unit.name, count: criteria.filter((c) => !finals.has(c.id)).length };
      })
      .filter((m) => m.count > 0);
    if (missing.length) {
      throw new UserError(
        `Chưa thể chốt kết quả: còn tiêu chí chưa có điểm cuối cùng (${missing.map((m) => `${m.name}: ${m.count}`).sort(compareVi).join("; ")}).`,
      );
    }
    const entries = reports.map((r) => {
      const finals = new Map(r.scores.map((s) => [s.criterionId, s.finalHalf]));
      const totals = computeTotals(table, (id) => finals.get(id));
      return { unitId: r.unitId, unitName: r.unit.name, reportId: r.id, totalHalf: totals.totalHalf, scoredSectionHalves: totals.scoredSectionHalves, penaltyHalf: totals.penaltyHalf };
    });
    const rule = ((TIE_BREAK_KEYS as readonly string[]).includes(round.tieBreak) ? round.tieBreak : "FIRST_SECTION") as TieBreak;
    const ranked = rankUnits(entries, rule, compareVi);
    for (const r of ranked) {
      const reportId = entries.find((e) => e.unitId === r.unitId)!.reportId;
      await tx.unitReport.update({ where: { id: reportId }, data: { finalTotalHalf: r.totalHalf, finalRank: r.rank } });
    }
    const now = new Date();
    await tx.scoringRound.update({ where: { id: round.id }, data: { state: "FINALISED", finalisedAt: now } });
    return {
      message: `Đã chốt kết quả chấm điểm năm ${round.emulationYear.year}: ${ranked.map((r) => `${r.rank}. ${r.unitName} (${formatPoints(r.totalHalf)})`).join("; ")}.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        before: { state: "CLOSED" },
        after: { state: "FINALISED", tieBreak: rule, ranking: ranked.map((r) => ({ unitId: r.unitId, rank: r.rank, totalHalf: r.totalHalf })) },
      },
    };
  },
});
