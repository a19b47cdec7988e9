import { z } from "zod";
import { formatPoints, MAX_SECTION_HALF, parseMaxPoints, SECTION_KIND_LABELS, sectionLabel, SECTION_KINDS, type CriteriaTableDef, type SectionKind } from "@/domain/scoring";
import { idField } from "@/domain/validation";
import { NotFoundError, UserError } from "../command";
import { titleField, maxText, amendmentReasonField, existingPart, assertStructure, recordAmendment, usage, renumber, partCommand } from "./shared";

export const saveSectionInput = z.object({
  tableId: idField("Bảng tiêu chí"),
  /** Absent: a new section. */
  sectionId: z.union([z.literal(""), idField("Mục")]).optional().transform((s) => s || null),
  kind: z.enum(SECTION_KINDS, { error: "Loại mục không hợp lệ." }).optional(),
  title: titleField("Tên mục", 300),
  max: maxText,
  amendmentReason: amendmentReasonField,
});

export const saveSection = partCommand("table")({
  name: "criteria.section.save",
  label: "Lưu mục tiêu chí",
  phases: "criteria",
  input: saveSectionInput,
  async run(tx, input, ctx, actor) {
    const existing = existingPart(ctx.table.sections, input.sectionId);
    const kind: SectionKind = existing?.kind ?? input.kind ?? "SCORED";
    if (!existing && kind !== "SCORED" && ctx.table.sections.some((s) => s.kind === kind)) {
      throw new UserError(`Bảng tiêu chí đã có nhóm ${SECTION_KIND_LABELS[kind].toLowerCase()}.`, { kind: [`Bảng tiêu chí chỉ có một nhóm ${SECTION_KIND_LABELS[kind].toLowerCase()}.`] });
    }
    const label = kind === "SCORED" ? "Điểm tối đa của mục" : kind === "BONUS" ? "Mức trần điểm thưởng" : "Mức trần điểm trừ";
    const max = parseMaxPoints(input.max, { limitHalf: kind === "SCORED" ? ctx.table.totalHalf : MAX_SECTION_HALF, label });
    if (!max.ok) throw new UserError(max.message, { max: [max.message] });

    const id = existing?.id ?? "__new__";
    const after: CriteriaTableDef = {
      ...ctx.table,
      sections: existing
        ? ctx.table.sections.map((s) => (s.id === id ? { ...s, title: input.title, maxHalf: max.half } : s))
        : [...ctx.table.sections, { id, kind, title: input.title, maxHalf: max.half, criteria: [] }],
    };
    assertStructure(after, "max", (i) => i.at === id || i.at === "table" || (existing?.criteria.some((c) => c.id === i.at) ?? false));

    let sectionId = id;
    if (existing) {
      await tx.criteriaSection.update({ where: { id }, data: { title: input.title, maxHalf: max.half } });
    } else {
      const position = ctx.table.sections.length + 1;
      sectionId = (await tx.criteriaSection.create({ data: { tableId: ctx.table.id, kind, position, title: input.title, maxHalf: max.half } })).id;
    }
    const before = existing ? { title: existing.title, maxHalf: existing.maxHalf } : null;
    const afterRow = { kind, title: input.title, maxHalf: max.half };
    const where = kind === "SCORED" ? `mục ${sectionLabel(after, id)}` : `nhóm ${SECTION_KIND_LABELS[kind].toLowerCase()}`;
    const summary = existing
      ? `Sửa ${where}: "${existing.title}" (${formatPoints(existing.maxHalf)} điểm) → "${input.title}" (${formatPoints(max.half)} điểm)`
      : `Thêm ${where}: "${input.title}" (${formatPoints(max.half)} điểm)`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { sectionId, before, after: afterRow });
    return {
      data: { id: sectionId },
      message: `${existing ? "Đã lưu" : "Đã thêm"} ${where}${amended.suffix}.`,
      audit: { entityType: "CriteriaSection", entityId: sectionId, before, after: { ...afterRow, ...amended.audit } },
    };
  },
});

export const deleteSectionInput = z.object({ sectionId: idField("Mục"), amendmentReason: amendmentReasonField });

export const deleteSection = partCommand("section")({
  name: "criteria.section.delete",
  label: "Xóa mục tiêu chí",
  phases: "criteria",
  input: deleteSectionInput,
  async run(tx, input, ctx, actor) {
    const section = ctx.table.sections.find((s) => s.id === input.sectionId);
    if (!section) throw new NotFoundError();
    const used = await usage(tx, section.criteria.map((c) => c.id));
    if (ctx.table.frozenAt && used.scores + used.crossScores + used.evidence > 0) {
      throw new UserError("Đã có đơn vị chấm điểm hoặc đính kèm minh chứng cho các tiêu chí của mục này; không thể xóa. Có thể sửa tên hoặc điểm tối đa.");
    }
    const label = section.kind === "SCORED" ? `mục ${sectionLabel(ctx.table, section.id)}` : `nhóm ${SECTION_KIND_LABELS[section.kind].toLowerCase()}`;
    await tx.criteriaSection.delete({ where: { id: section.id } }); // its criteria (and their draft scores) go with it
    await renumber(tx, "CriteriaSection", ctx.table.sections.filter((s) => s.id !== section.id).map((s) => s.id));
    const summary = `Xóa ${label}: "${section.title}" (${section.criteria.length} tiêu chí)`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { sectionId: section.id, before: section });
    return {
      message: `Đã xóa ${label} "${section.title}"${amended.suffix}.`,
      audit: { entityType: "CriteriaSection", entityId: section.id, before: { ...section, draftScoresDeleted: used.scores, evidenceDeleted: used.evidence }, after: amended.audit },
    };
  },
});
