import { P } from "@/domain/scoring/permissions";
import { defineCommand } from "../command";
import { roundIdInput, roundTarget, loadRoundIn, ENTITY } from "./shared";

export const reopenScoringRoundInput = roundIdInput;

export const reopenScoringRound = defineCommand({
  name: "scoring.reopen",
  label: "Mở lại đợt chấm điểm",
  permission: P.scoringManage,
  phases: "crossScoring",
  input: reopenScoringRoundInput,
  target: (tx, input) => roundTarget(tx, input.roundId),
  async run(tx, input, _actor, target) {
    const { round } = await loadRoundIn(tx, input.roundId, target.clusterId!, "CLOSED");
    await tx.scoringRound.update({ where: { id: round.id }, data: { state: "OPEN", closedAt: null } });
    return {
      message: `Đã mở lại vòng chấm chéo năm ${round.emulationYear.year}; các đơn vị chưa nộp phiếu có thể tiếp tục chấm.`,
      audit: { entityType: ENTITY, entityId: round.id, before: { state: "CLOSED" }, after: { state: "OPEN" } },
    };
  },
});
