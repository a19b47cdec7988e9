import { acclaimSeatLimit } from "@/domain/voting";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { checkLeadership, YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { parseYearSettings } from "@/domain/year-settings";
import { candidateOf, closedRoundResult } from "@/server/store/vote-results";
import { throwIfErrors } from "@/server/errors";
import { UserError } from "../command";
import { roundOnlyInput, ENTITY, roundCommand } from "./shared";

// Applying an outcome: acclaim → proposals in the year's results; elections → next year's leadership.

export const applyOutcome = roundCommand("CLOSED")({
  name: "vote.round.apply",
  label: "Áp dụng kết quả bỏ phiếu",
  phases: "voting",
  input: roundOnlyInput,
  async run(tx, input, round) {
    const result = (await closedRoundResult(tx, round.id))!;
    const year = round.emulationYear;
    const elected = result.elected.map((id) => candidateOf(result, id));
    if (elected.length === 0) {
      throw new UserError(
        result.runoff
          ? "Vòng này chưa có đơn vị nào trúng cử; hãy mở vòng bỏ phiếu lại và ghi nhận kết quả của vòng đó."
          : "Không có đơn vị nào đạt tỷ lệ phiếu cần thiết; không có kết quả để ghi nhận.",
      );
    }
    const pending = result.runoff ? ` Còn ${result.runoff.seats} suất chờ vòng bỏ phiếu lại.` : "";

    if (round.kind === "ACCLAIM") {
      const title = await tx.titleDefinition.findUnique({ where: { code: round.titleCode ?? "" }, select: { code: true, name: true, level: true } });
      if (!title) throw new UserError("Danh hiệu của vòng suy tôn không còn trong danh mục.");
      const limit = acclaimSeatLimit(title.code, parseYearSettings(year.settings));
      const others = await tx.unitYearResult.count({
        where: { emulationYearId: year.id, proposedTitleCode: title.code, unitId: { notIn: elected.map((e) => e.unitId) } },
      });
      if (limit !== null && others + elected.length > limit) {
        throw new UserError(
          `Năm ${year.year} cụm có tối đa ${limit} suất ${title.name}; đã có ${others} đơn vị khác được đề nghị. Không thể ghi nhận thêm ${elected.length} đơn vị.`,
        );
      }
      const existing = await tx.unitYearResult.findMany({
        where: { emulationYearId: year.id, unitId: { in: elected.map((e) => e.unitId) } },
        select: { unitId: true, proposedTitleCode: true },
      });
      const levels = new Map(
        (await tx.titleDefinition.findMany({ where: { code: { in: existing.map((e) => e.proposedTitleCode).filter((c): c is string => !!c) } }, select: { code: true, level: true } })).map(
          (t) => [t.code, t.level],
        ),
      );
      const applied: string[] = [];
      const kept: string[] = [];
      const before: Record<string, string | null> = {};
      for (const e of elected) {
        const current = existing.find((x) => x.unitId === e.unitId)?.proposedTitleCode ?? null;
        before[e.unitId] = current;
        // One achievement, one title: a higher title already proposed is kept.
        if (current && current !== title.code && (levels.get(current) ?? 0) > title.level) {
          kept.push(e.name);
          continue;
        }
        await tx.unitYearResult.upsert({
          where: { emulationYearId_unitId: { emulationYearId: year.id, unitId: e.unitId } },
          create: { emulationYearId: year.id, unitId: e.unitId, proposedTitleCode: title.code },
          update: { proposedTitleCode: title.code },
        });
        applied.push(e.name);
      }
      return {
        message:
          (applied.length ? `Đã ghi nhận đề nghị ${title.name} năm ${year.year} cho: ${applied.join("; ")}.` : "") +
          (kept.length ? ` Giữ nguyên đề nghị danh hiệu cao hơn đã có của: ${kept.join("; ")}.` : "") +
          pending,
        audit: {
          entityType: ENTITY,
          entityId: round.id,
          before: { proposedTitleCodes: before },
          after: { proposedTitleCode: title.code, unitIds: elected.map((e) => e.unitId), kept: kept.length },
        },
      };
    }

    // Chair or deputy of the following year.
    const winner = elected[0]!;
    const office = round.kind === "CHAIR_ELECTION" ? "Cụm trưởng" : "Cụm phó";
    const next = await tx.emulationYear.findUnique({ where: { clusterId_year: { clusterId: year.clusterId, year: year.year + 1 } } });
    if (!next) {
      return {
        message: `Kết quả đã được ghi nhận: ${winner.name} trúng cử ${office} năm ${year.year + 1}. Khi mở năm thi đua ${year.year + 1}, đơn vị này được điền sẵn làm ${office}.`,
        audit: { entityType: ENTITY, entityId: round.id, after: { office: round.kind, forYear: year.year + 1, unitId: winner.unitId, nextYearOpen: false } },
      };
    }
    if (!isYearWritable(next.phase as YearPhase)) throw new UserError(YEAR_CLOSED_MESSAGE);
    const leadership =
      round.kind === "CHAIR_ELECTION"
        ? { chairUnitId: winner.unitId, deputyUnitId: next.deputyUnitId === winner.unitId ? null : next.deputyUnitId }
        : { chairUnitId: next.chairUnitId, deputyUnitId: winner.unitId };
    if (leadership.chairUnitId) {
      const members = await tx.unit.findMany({ where: { clusterId: year.clusterId, parentId: null }, select: { id: true, name: true, active: true } });
      const following = await tx.emulationYear.findUnique({ where: { clusterId_year: { clusterId: year.clusterId, year: next.year + 1 } }, select: { year: true, chairUnitId: true } });
      throwIfErrors(
        checkLeadership(leadership, {
          year: next.year,
          members,
          previous: { year: year.year, chairUnitId: year.chairUnitId, outgoingChairMayBeReelected: parseYearSettings(year.settings).outgoingChairMayBeReelected },
          next: following,
          outgoingChairMayBeReelected: parseYearSettings(next.settings).outgoingChairMayBeReelected,
        }),
      );
    }
    await tx.emulationYear.update({
      where: { id: next.id },
      data: round.kind === "CHAIR_ELECTION" ? { chairUnitId: leadership.chairUnitId, deputyUnitId: leadership.deputyUnitId, chairAssignmentRef: null } : { deputyUnitId: leadership.deputyUnitId },
    });
    return {
      message: `Đã đặt ${winner.name} làm ${office} năm ${next.year} theo kết quả bầu.`,
      audit: {
        entityType: ENTITY,
        entityId: round.id,
        before: { yearId: next.id, chairUnitId: next.chairUnitId, deputyUnitId: next.deputyUnitId, chairAssignmentRef: next.chairAssignmentRef },
        after: { yearId: next.id, ...leadership },
      },
    };
  },
});
