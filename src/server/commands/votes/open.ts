import { type RoundKind } from "@/domain/voting";
import { parseYearSettings } from "@/domain/year-settings";
import { roundOnlyInput, prepareSetup, electorateFor, ENTITY, roundCommand } from "./shared";

export const openRound = roundCommand("DRAFT")({
  name: "vote.round.open",
  label: "Mở vòng bỏ phiếu",
  phases: "voting",
  input: roundOnlyInput,
  async run(tx, input, round) {
    const settings = parseYearSettings(round.emulationYear.settings);
    // The list is checked again: units or settings may have changed since the round was prepared.
    await prepareSetup(tx, round.emulationYear, {
      kind: round.kind as RoundKind,
      title: round.title,
      titleCode: round.titleCode,
      seats: round.seats,
      unitIds: round.candidates.map((c) => c.unitId),
    });
    const { electorateSize, quorum } = await electorateFor(tx, round.emulationYear.clusterId, settings.quorumUnits);
    const opened = await tx.voteRound.update({
      where: { id: round.id },
      data: { state: "OPEN", passThreshold: settings.passThreshold, quorum, electorateSize, openedAt: new Date() },
    });
    return {
      message: `Đã mở vòng bỏ phiếu “${round.title}”. Đại biểu ${electorateSize} đơn vị có thể bỏ phiếu.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        before: { state: round.state },
        after: { state: opened.state, passThreshold: opened.passThreshold, quorum, electorateSize, openedAt: opened.openedAt },
      },
    };
  },
});
