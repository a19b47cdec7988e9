import { z } from "zod";
import { criterionLabel, formatPoints, MAX_SECTION_HALF, parseMaxPoints, sectionLabel, type CriteriaTableDef } from "@/domain/scoring";
import { checkbox, idField, optionalMultilineText } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { NotFoundError, UserError } from "../command";
import { titleField, maxText, amendmentReasonField, assertStructure, recordAmendment, usage, renumber, partCommand, tableEditCommand } from "./shared";

/** The highest score anyone has given a criterion (self, final or cross), in half-points. */
async function highestScore(tx: Tx, criterionId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ top: number | null }[]>`
    SELECT GREATEST(
      (SELECT MAX(GREATEST(COALESCE("selfHalf", 0), COALESCE("finalHalf", 0))) FROM "ReportScore" WHERE "criterionId" = ${criterionId}::uuid),
      (SELECT MAX("scoreHalf") FROM "CrossScore" WHERE "criterionId" = ${criterionId}::uuid)
    )::int AS top`;
  return rows[0]?.top ?? 0;
}

export const saveCriterionInput = z.object({
  /** For a new criterion: its section. */
  sectionId: z.union([z.literal(""), idField("Mục")]).optional().transform((s) => s || null),
  /** Absent: a new criterion. */
  criterionId: z.union([z.literal(""), idField("Tiêu chí")]).optional().transform((s) => s || null),
  title: titleField("Nội dung tiêu chí", 500),
  guidance: optionalMultilineText("Hướng dẫn chấm", 2000).transform((s) => s || null),
  max: maxText,
  evidenceRequired: checkbox,
  inMidyear: checkbox,
  amendmentReason: amendmentReasonField,
});

/** An existing criterion, or the section a new one goes into. */
const savedCriterion = tableEditCommand((input: { criterionId: string | null; sectionId: string | null; amendmentReason: string }) =>
  input.criterionId ? ["criterion", input.criterionId] : input.sectionId ? ["section", input.sectionId] : null,
);

export const saveCriterion = savedCriterion({
  name: "criteria.criterion.save",
  label: "Lưu tiêu chí",
  phases: "criteria",
  input: saveCriterionInput,
  async run(tx, input, ctx, actor) {
    const t = ctx.table;
    const section = input.criterionId ? t.sections.find((s) => s.criteria.some((c) => c.id === input.criterionId)) : t.sections.find((s) => s.id === input.sectionId);
    if (!section) throw new NotFoundError();
    const existing = input.criterionId ? section.criteria.find((c) => c.id === input.criterionId)! : null;
    const max = parseMaxPoints(input.max, { limitHalf: MAX_SECTION_HALF });
    if (!max.ok) throw new UserError(max.message, { max: [max.message] });
    if (existing && max.half < existing.maxHalf) {
      const top = await highestScore(tx, existing.id);
      if (top > max.half) {
        const message = `Đã có điểm ${formatPoints(top)} cho tiêu chí này; không thể hạ điểm tối đa xuống ${formatPoints(max.half)}.`;
        throw new UserError(message, { max: [message] });
      }
    }
    const id = existing?.id ?? "__new__";
    const values = { title: input.title, guidance: input.guidance, maxHalf: max.half, evidenceRequired: input.evidenceRequired, inMidyear: input.inMidyear };
    const after: CriteriaTableDef = {
      ...t,
      sections: t.sections.map((s) =>
        s.id !== section.id ? s : { ...s, criteria: existing ? s.criteria.map((c) => (c.id === id ? { ...c, ...values } : c)) : [...s.criteria, { id, ...values }] },
      ),
    };
    assertStructure(after, "max", (i) => i.at === id || i.at === section.id);

    let criterionId = id;
    if (existing) await tx.criterion.update({ where: { id }, data: values });
    else criterionId = (await tx.criterion.create({ data: { tableId: t.id, sectionId: section.id, position: section.criteria.length + 1, ...values } })).id;

    const label = existing ? criterionLabel(t, id) : `${section.kind === "SCORED" ? sectionLabel(t, section.id) : section.kind === "BONUS" ? "T" : "Tr"}.${section.criteria.length + 1}`;
    const noun = section.kind === "SCORED" ? "tiêu chí" : section.kind === "BONUS" ? "khoản điểm thưởng" : "khoản điểm trừ";
    const before = existing ? { title: existing.title, guidance: existing.guidance, maxHalf: existing.maxHalf, evidenceRequired: existing.evidenceRequired, inMidyear: existing.inMidyear } : null;
    const summary = existing
      ? `Sửa ${noun} ${label}${existing.maxHalf !== max.half ? `: điểm tối đa ${formatPoints(existing.maxHalf)} → ${formatPoints(max.half)}` : ""}${existing.title !== input.title ? `; nội dung "${input.title}"` : ""}${existing.evidenceRequired !== input.evidenceRequired ? `; ${input.evidenceRequired ? "cần" : "không cần"} minh chứng` : ""}`
      : `Thêm ${noun} ${label}: "${input.title}" (${formatPoints(max.half)} điểm)`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { criterionId, before, after: values });
    return {
      data: { id: criterionId },
      message: `${existing ? "Đã lưu" : "Đã thêm"} ${noun} ${label}${amended.suffix}.`,
      audit: { entityType: "Criterion", entityId: criterionId, before, after: { ...values, sectionId: section.id, ...amended.audit } },
    };
  },
});

export const deleteCriterionInput = z.object({ criterionId: idField("Tiêu chí"), amendmentReason: amendmentReasonField });

export const deleteCriterion = partCommand("criterion")({
  name: "criteria.criterion.delete",
  label: "Xóa tiêu chí",
  phases: "criteria",
  input: deleteCriterionInput,
  async run(tx, input, ctx, actor) {
    const section = ctx.table.sections.find((s) => s.criteria.some((c) => c.id === input.criterionId))!;
    const criterion = section.criteria.find((c) => c.id === input.criterionId)!;
    const label = criterionLabel(ctx.table, criterion.id);
    const used = await usage(tx, [criterion.id]);
    if (ctx.table.frozenAt && used.scores + used.crossScores + used.evidence > 0) {
      throw new UserError(`Đã có đơn vị chấm điểm hoặc đính kèm minh chứng cho tiêu chí ${label}; không thể xóa. Có thể sửa nội dung hoặc điểm tối đa.`);
    }
    await tx.criterion.delete({ where: { id: criterion.id } });
    await renumber(tx, "Criterion", section.criteria.filter((c) => c.id !== criterion.id).map((c) => c.id));
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, `Xóa tiêu chí ${label}: "${criterion.title}"`, { criterionId: criterion.id, before: criterion });
    return {
      message: `Đã xóa tiêu chí ${label}${amended.suffix}.`,
      audit: { entityType: "Criterion", entityId: criterion.id, before: { ...criterion, draftScoresDeleted: used.scores, evidenceDeleted: used.evidence }, after: amended.audit },
    };
  },
});
