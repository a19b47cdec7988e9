import { z } from "zod";
import { checkbox, idField, optionalIdField } from "@/domain/validation";
import { movementFiguresOfCluster } from "@/server/store/movement-figures";
import { UserError } from "../command";
import { titleField, amendmentReasonField, existingPart, recordAmendment, renumber, partCommand } from "./shared";

export const saveKeyFigureInput = z.object({
  tableId: idField("Bảng tiêu chí"),
  figureId: z.union([z.literal(""), idField("Số liệu")]).optional().transform((s) => s || null),
  label: titleField("Tên số liệu", 300),
  unitLabel: titleField("Đơn vị tính", 40),
  required: checkbox,
  inMidyear: checkbox,
  /** The movement figure it is taken from (issue 17): the report then shows the unit's movement figure. */
  movementFigureId: optionalIdField("Số liệu phong trào"),
  amendmentReason: amendmentReasonField,
});

export const saveKeyFigure = partCommand("table")({
  name: "criteria.figure.save",
  label: "Lưu chỉ số chính",
  input: saveKeyFigureInput,
  async run(tx, input, ctx, actor) {
    const existing = existingPart(ctx.table.keyFigures, input.figureId);
    if (input.movementFigureId && !(await movementFiguresOfCluster(tx, ctx.year.clusterId)).some((f) => f.id === input.movementFigureId)) {
      const message = "Số liệu phong trào không thuộc phong trào nào cụm tham gia.";
      throw new UserError(message, { movementFigureId: [message] });
    }
    const values = { label: input.label, unitLabel: input.unitLabel, required: input.required, inMidyear: input.inMidyear, movementFigureId: input.movementFigureId };
    const id = existing
      ? (await tx.keyFigureDefinition.update({ where: { id: existing.id }, data: values })).id
      : (await tx.keyFigureDefinition.create({ data: { tableId: ctx.table.id, position: ctx.table.keyFigures.length + 1, ...values } })).id;
    const summary = existing ? `Sửa số liệu "${existing.label}" → "${input.label}" (${input.unitLabel})` : `Thêm số liệu "${input.label}" (${input.unitLabel})`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { figureId: id, before: existing, after: values });
    return {
      data: { id },
      message: `${existing ? "Đã lưu" : "Đã thêm"} số liệu "${input.label}"${amended.suffix}.`,
      audit: { entityType: "KeyFigureDefinition", entityId: id, before: existing ?? null, after: { ...values, ...amended.audit } },
    };
  },
});

export const deleteKeyFigureInput = z.object({ figureId: idField("Số liệu"), amendmentReason: amendmentReasonField });

export const deleteKeyFigure = partCommand("figure")({
  name: "criteria.figure.delete",
  label: "Xóa chỉ số chính",
  input: deleteKeyFigureInput,
  async run(tx, input, ctx, actor) {
    const figure = ctx.table.keyFigures.find((f) => f.id === input.figureId)!;
    const values = await tx.reportFigure.count({ where: { figureId: figure.id } });
    if (ctx.table.frozenAt && values > 0) {
      throw new UserError(`Đã có ${values} đơn vị nhập số liệu "${figure.label}"; không thể xóa. Có thể sửa tên hoặc bỏ đánh dấu bắt buộc.`);
    }
    await tx.keyFigureDefinition.delete({ where: { id: figure.id } });
    await renumber(tx, "KeyFigureDefinition", ctx.table.keyFigures.filter((f) => f.id !== figure.id).map((f) => f.id));
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, `Xóa số liệu "${figure.label}"`, { figureId: figure.id, before: figure });
    return {
      message: `Đã xóa số liệu "${figure.label}"${amended.suffix}.`,
      audit: { entityType: "KeyFigureDefinition", entityId: figure.id, before: { ...figure, valuesDeleted: values }, after: amended.audit },
    };
  },
});
