import { runoffTitle } from "@/domain/voting";
import { parseYearSettings } from "@/domain/year-settings";
import { closedRoundResult } from "@/server/store/vote-results";
import { UserError } from "../command";
import { roundOnlyInput, electorateFor, ENTITY, roundSnapshot, roundCommand } from "./shared";

// Run-off: one click on a closed round whose outcome calls for it → a new OPEN round.

export const openRunoff = roundCommand("CLOSED")({
  name: "vote.round.runoff",
  label: "Mở vòng bỏ phiếu lại",
  phases: "voting",
  input: roundOnlyInput,
  async run(tx, input, parent) {
    const existing = await tx.voteRound.findFirst({ where: { runoffOfId: parent.id }, select: { title: true } });
    if (existing) throw new UserError(`Đã có vòng bỏ phiếu lại cho vòng này: “${existing.title}”.`);
    const result = (await closedRoundResult(tx, parent.id))!;
    if (!result.runoff) throw new UserError("Kết quả của vòng này đã rõ; không cần bỏ phiếu lại.");
    const candidates = parent.candidates.filter((c) => result.runoff!.candidateIds.includes(c.id));
    const inactive = candidates.find((c) => !c.unit.active);
    if (inactive) throw new UserError(`${inactive.unit.name} đã ngừng hoạt động; không thể đưa vào vòng bỏ phiếu lại.`);
    const settings = parseYearSettings(parent.emulationYear.settings);
    const { electorateSize, quorum } = await electorateFor(tx, parent.emulationYear.clusterId, settings.quorumUnits);
    const round = await tx.voteRound.create({
      data: {
        emulationYearId: parent.emulationYearId,
        kind: parent.kind,
        title: runoffTitle(parent.title),
        titleCode: parent.titleCode,
        seats: result.runoff.seats,
        state: "OPEN",
        passThreshold: settings.passThreshold,
        quorum,
        electorateSize,
        runoffOfId: parent.id,
        openedAt: new Date(),
        candidates: { create: candidates.map((c, i) => ({ unitId: c.unitId, position: i + 1, note: c.note })) },
      },
    });
    return {
      data: { id: round.id },
      message: `Đã mở vòng bỏ phiếu lại “${round.title}” giữa ${candidates.length} đơn vị cho ${round.seats} suất.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        after: { ...roundSnapshot(round, candidates), runoffOfId: parent.id, reason: result.runoff.reason, passThreshold: settings.passThreshold, quorum, electorateSize },
      },
    };
  },
});
