// The manager edits an open movement (docs/domain.md §10): name, purpose, period and its figures — a
// figure renamed keeps its values; a new one is added at the end; one left without a name is removed,
// unless a unit has already reported it.
import { z } from "zod";
import { periodProblem } from "@/domain/movements";
import { UserError } from "../command";
import { dateOf, ENTITY, movementFields, movementIdField, openMovementCommand, readFigureRows } from "./shared";

export const updateMovementInput = z
  .looseObject({ movementId: movementIdField, ...movementFields })
  .transform((v, ctx) => {
    const figures = readFigureRows(v, ctx);
    const period = periodProblem(v.fromDate, v.toDate);
    if (period) ctx.addIssue({ code: "custom", path: ["toDate"], message: period });
    return { movementId: v.movementId, name: v.name, purpose: v.purpose, fromDate: v.fromDate, toDate: v.toDate, figures };
  });

export const updateMovement = openMovementCommand({
  name: "movement.update",
  label: "Sửa phong trào thi đua",
  keepsOverviews: true,
  input: updateMovementInput,
  async run(tx, input, movement) {
    const before = await tx.movement.findUniqueOrThrow({
      where: { id: movement.id },
      select: { name: true, purpose: true, fromDate: true, toDate: true, figures: { orderBy: { position: "asc" }, select: { id: true, label: true, unitLabel: true, _count: { select: { values: true } } } } },
    });
    const existing = new Map(before.figures.map((f) => [f.id, f]));
    for (const row of input.figures) if (row.figureId && !existing.has(row.figureId)) throw new UserError("Số liệu không thuộc phong trào này.");
    const removed = input.figures.filter((r) => r.figureId && !r.label).map((r) => existing.get(r.figureId!)!);
    const reported = removed.find((f) => f._count.values > 0);
    if (reported) throw new UserError(`Đã có ${reported._count.values} đơn vị báo cáo số liệu "${reported.label}"; không thể xóa. Có thể sửa tên hoặc đơn vị tính.`);
    const kept = input.figures.filter((r) => r.label);
    // Figures not in the form keep their place after the ones it lists (a form from an older page).
    const untouched = before.figures.filter((f) => !input.figures.some((r) => r.figureId === f.id));
    await tx.movement.update({
      where: { id: movement.id },
      data: { name: input.name, purpose: input.purpose, fromDate: dateOf(input.fromDate), toDate: dateOf(input.toDate) },
    });
    if (removed.length) await tx.movementFigure.deleteMany({ where: { id: { in: removed.map((f) => f.id) } } });
    // Positions are unique per movement: park them out of the way, then number them in order.
    await tx.$executeRaw`UPDATE "MovementFigure" SET position = -position WHERE "movementId" = ${movement.id}::uuid`;
    const order = [...kept, ...untouched.map((f) => ({ figureId: f.id, label: f.label, unitLabel: f.unitLabel }))];
    for (const [i, row] of order.entries()) {
      if (row.figureId) await tx.movementFigure.update({ where: { id: row.figureId }, data: { position: i + 1, label: row.label, unitLabel: row.unitLabel } });
      else await tx.movementFigure.create({ data: { movementId: movement.id, position: i + 1, label: row.label, unitLabel: row.unitLabel } });
    }
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    return {
      message: `Đã lưu phong trào "${input.name}".`,
      audit: {
        entityType: ENTITY,
        entityId: movement.id,
        before: { name: before.name, purpose: before.purpose.length, fromDate: iso(before.fromDate), toDate: iso(before.toDate), figures: before.figures.map((f) => `${f.label} (${f.unitLabel})`) },
        after: { name: input.name, purpose: input.purpose.length, fromDate: input.fromDate, toDate: input.toDate, figures: order.map((f) => `${f.label} (${f.unitLabel})`) },
      },
    };
  },
});
