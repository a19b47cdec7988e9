import { checkbox } from "@/domain/validation";
import { compareVi } from "@/domain/vietnamese";
import { UserError } from "../command";
import { roundIdInput, ENTITY, scoringRoundCommand } from "./shared";

export const closeScoringRoundInput = roundIdInput.extend({ force: checkbox });

export const closeScoringRound = scoringRoundCommand("OPEN")({
  name: "scoring.close",
  label: "Đóng đợt chấm điểm",
  phases: "crossScoring",
  input: closeScoringRoundInput,
  async run(tx, input, { round }) {
    const open = await tx.crossAssignment.findMany({
      where: { roundId: round.id, submittedAt: null },
      select: { scorerUnit: { select: { name: true } }, report: { select: { unit: { select: { name: true } } } } },
    });
    if (open.length && !input.force) {
      const list = open.map((a) => `${a.scorerUnit.name} chấm ${a.report.unit.name}`).sort(compareVi).join("; ");
      const message = `Còn ${open.length} phiếu chấm chưa nộp (${list}). Để đóng vòng và bỏ qua các phiếu này, hãy đánh dấu "Đóng vòng dù còn phiếu chưa nộp".`;
      throw new UserError(message, { force: [message] });
    }
    const now = new Date();
    await tx.scoringRound.update({ where: { id: round.id }, data: { state: "CLOSED", closedAt: now } });
    return {
      message: `Đã đóng vòng chấm chéo năm ${round.emulationYear.year}${open.length ? `; ${open.length} phiếu chưa nộp không được tính` : ""}.`,
      audit: { entityType: ENTITY, entityId: round.id, before: { state: round.state }, after: { state: "CLOSED", unsubmittedIgnored: open.length } },
    };
  },
});
