import { z } from "zod";
import { isUuid, isStorableText, optionalText } from "@/domain/validation";
import { ROUND_KINDS, type RoundKind } from "@/domain/voting";
import { UserError } from "../command";
import { yearIdField, roundIdField, prepareSetup, ENTITY, roundSnapshot, roundOnlyInput, voteYearCommand, roundCommand } from "./shared";

const seatsField = z.preprocess(
  (v) => (v === undefined || v === "" ? undefined : v),
  z.coerce
    .number({ error: "Số suất phải là một số." })
    .int("Số suất phải là số nguyên.")
    .min(1, "Số suất phải từ 1 trở lên.")
    .max(20, "Số suất tối đa là 20.")
    .optional(),
);

const roundFields = {
  title: optionalText("Tên vòng bỏ phiếu", 300),
  titleCode: z
    .string()
    .trim()
    .max(32)
    .refine(isStorableText)
    .optional()
    .transform((s) => s || null),
  seats: seatsField,
};

/** Ticked member units of a candidate list: checkboxes named unit_<id>. A malformed id is refused. */
function candidateUnitIds(raw: Record<string, unknown>, ctx: z.RefinementCtx): string[] {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("unit_")) continue;
    if (value !== "on" && value !== "true") continue;
    const id = key.slice(5);
    if (!isUuid(id)) {
      ctx.addIssue({ code: "custom", path: ["candidates"], message: "Danh sách đơn vị không hợp lệ." });
      continue;
    }
    ids.push(id.toLowerCase());
  }
  return [...new Set(ids)];
}

export const createRoundInput = z
  .looseObject({ yearId: yearIdField, kind: z.enum(ROUND_KINDS, { error: "Loại vòng bỏ phiếu không hợp lệ." }), ...roundFields })
  .transform((o, ctx) => ({
    yearId: o.yearId,
    kind: o.kind,
    title: o.title,
    titleCode: o.titleCode,
    seats: o.seats ?? null,
    unitIds: candidateUnitIds(o, ctx),
  }));

export const updateRoundInput = z
  .looseObject({ roundId: roundIdField, ...roundFields })
  .transform((o, ctx) => ({
    roundId: o.roundId,
    title: o.title,
    titleCode: o.titleCode,
    seats: o.seats ?? null,
    unitIds: candidateUnitIds(o, ctx),
  }));

export const createRound = voteYearCommand({
  name: "vote.round.create",
  label: "Tạo vòng bỏ phiếu",
  phases: "votePreparation",
  input: createRoundInput,
  async run(tx, input, year) {
    const setup = await prepareSetup(tx, year, input);
    const round = await tx.voteRound.create({
      data: {
        emulationYearId: year.id,
        kind: input.kind,
        title: setup.title,
        titleCode: setup.titleCode,
        seats: setup.seats,
        state: "DRAFT",
        candidates: { create: setup.candidates },
      },
    });
    return {
      data: { id: round.id },
      message: `Đã tạo vòng bỏ phiếu “${round.title}” (đang chuẩn bị). Kiểm tra danh sách rồi mở vòng bỏ phiếu.`,
      audit: { entityType: ENTITY, entityId: round.id, after: roundSnapshot(round, setup.candidates) },
    };
  },
});

export const updateRound = roundCommand("DRAFT")({
  name: "vote.round.update",
  label: "Sửa vòng bỏ phiếu",
  phases: "votePreparation",
  input: updateRoundInput,
  async run(tx, input, round) {
    if (round.runoffOfId) throw new UserError("Vòng bỏ phiếu lại lấy danh sách từ vòng trước; không thể sửa.");
    const setup = await prepareSetup(tx, round.emulationYear, { ...input, kind: round.kind as RoundKind, titleCode: input.titleCode ?? round.titleCode });
    await tx.voteCandidate.deleteMany({ where: { roundId: round.id } });
    const updated = await tx.voteRound.update({
      where: { id: round.id },
      data: { title: setup.title, titleCode: setup.titleCode, seats: setup.seats, candidates: { create: setup.candidates } },
    });
    return {
      data: { id: round.id },
      message: `Đã lưu vòng bỏ phiếu “${updated.title}”.`,
      audit: { entityType: ENTITY, entityId: round.id, before: roundSnapshot(round, round.candidates), after: roundSnapshot(updated, setup.candidates) },
    };
  },
});

export const deleteRound = roundCommand("DRAFT")({
  name: "vote.round.delete",
  label: "Xóa vòng bỏ phiếu",
  phases: "votePreparation",
  input: roundOnlyInput,
  async run(tx, input, round) {
    await tx.voteCandidate.deleteMany({ where: { roundId: round.id } });
    await tx.voteRound.delete({ where: { id: round.id } });
    return {
      message: `Đã xóa vòng bỏ phiếu “${round.title}”.`,
      audit: { entityType: ENTITY, entityId: round.id, before: roundSnapshot(round, round.candidates) },
    };
  },
});
