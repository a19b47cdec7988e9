import { roundIdInput, ENTITY, scoringRoundCommand } from "./shared";

export const reopenScoringRoundInput = roundIdInput;

export const reopenScoringRound = scoringRoundCommand("CLOSED")({
  name: "scoring.reopen",
  label: "Mở lại đợt chấm điểm",
  phases: "crossScoring",
  input: reopenScoringRoundInput,
  async run(tx, input, { round }) {
    await tx.scoringRound.update({ where: { id: round.id }, data: { state: "OPEN", closedAt: null } });
    return {
      message: `Đã mở lại vòng chấm chéo năm ${round.emulationYear.year}; các đơn vị chưa nộp phiếu có thể tiếp tục chấm.`,
      audit: { entityType: ENTITY, entityId: round.id, before: { state: "CLOSED" }, after: { state: "OPEN" } },
    };
  },
});
