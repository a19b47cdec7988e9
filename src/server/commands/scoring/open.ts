import { randomInt } from "node:crypto";
import { z } from "zod";
import { generateAssignment, scoringSettingsOf } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import { compareVi } from "@/domain/vietnamese";
import { UserError } from "../command";
import { ENTITY } from "./shared";
import { writableYearCommand } from "../year-commands";

export const openScoringRoundInput = z.object({
  yearId: idField("Năm thi đua"),
  scorersPerReport: z.coerce
    .number({ error: "Số đơn vị chấm chéo mỗi báo cáo phải là một số." })
    .int("Số đơn vị chấm chéo mỗi báo cáo phải là số nguyên.")
    .min(1, "Mỗi báo cáo cần ít nhất 1 đơn vị chấm chéo.")
    .max(9, "Mỗi báo cáo có tối đa 9 đơn vị chấm chéo."),
});

export const openScoringRound = writableYearCommand(P.scoringManage)({
  name: "scoring.open",
  label: "Mở đợt chấm điểm",
  phases: "crossScoring",
  input: openScoringRoundInput,
  uniqueFields: { emulationYearId: { field: "scorersPerReport", message: "Năm thi đua này đã có vòng chấm chéo." } },
  async run(tx, input, year) {
    if (await tx.scoringRound.findUnique({ where: { emulationYearId: year.id }, select: { id: true } })) {
      throw new UserError("Năm thi đua này đã có vòng chấm chéo.");
    }
    const reports = await tx.unitReport.findMany({
      where: { emulationYearId: year.id, kind: "YEAR_END", status: { in: ["SUBMITTED", "ACCEPTED"] } },
      select: { id: true, unitId: true, status: true, unit: { select: { name: true } } },
    });
    const pending = reports.filter((r) => r.status === "SUBMITTED");
    if (pending.length) {
      throw new UserError(
        `Còn ${pending.length} báo cáo đang chờ xem xét (${pending.map((r) => r.unit.name).sort(compareVi).join("; ")}). Vui lòng chấp nhận hoặc trả lại trước khi mở vòng chấm chéo.`,
      );
    }
    const accepted = reports.filter((r) => r.status === "ACCEPTED");
    const seed = randomInt(1, 2 ** 31 - 1);
    const generated = generateAssignment(accepted.map((r) => r.unitId), input.scorersPerReport, seed);
    if (!generated.ok) throw new UserError(generated.message, { scorersPerReport: [generated.message] });
    const settings = scoringSettingsOf(year.settings);
    const round = await tx.scoringRound.create({
      data: {
        emulationYearId: year.id,
        scorersPerReport: input.scorersPerReport,
        seed,
        differencePercent: settings.scoreDifferencePercent,
        tieBreak: settings.rankingTieBreak,
      },
    });
    const reportOf = new Map(accepted.map((r) => [r.unitId, r.id]));
    await tx.crossAssignment.createMany({
      data: generated.assignments.map((a) => ({ roundId: round.id, reportId: reportOf.get(a.reportUnitId)!, scorerUnitId: a.scorerUnitId })),
    });
    return {
      data: { id: round.id },
      message: `Đã mở vòng chấm chéo năm ${year.year}: ${accepted.length} đơn vị, mỗi báo cáo ${input.scorersPerReport} đơn vị chấm.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        after: { year: year.year, units: accepted.length, scorersPerReport: input.scorersPerReport, seed, assignments: generated.assignments, settings },
      },
    };
  },
});
