// A participating unit enters or corrects its figures (docs/domain.md §10): the unit officer or head of
// the unit, while the movement is open and within its period. A value left empty is not reported; a
// negative value or one that is not a number is refused with its reason next to the field, and nothing
// is written.
import { z } from "zod";
import { formatFigure } from "@/domain/scoring/report-form";
import { readUnitFigures } from "@/domain/movements";
import { throwIfErrors } from "@/server/errors";
import { movementIdField, unitMovementCommand } from "./shared";

export const saveMovementFiguresInput = z.looseObject({ movementId: movementIdField });

export const saveMovementFigures = unitMovementCommand({
  name: "movement.figures.save",
  label: "Nhập số liệu phong trào thi đua",
  keepsOverviews: true,
  input: saveMovementFiguresInput,
  async run(tx, input, { movement, unitId }, actor) {
    const figures = await tx.movementFigure.findMany({ where: { movementId: movement.id }, orderBy: { position: "asc" }, select: { id: true, position: true, label: true, unitLabel: true } });
    const { values, errors } = readUnitFigures(figures, input);
    throwIfErrors(errors, `Chưa lưu: có ${Object.keys(errors).length} số liệu chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.`);
    const stored = await tx.movementUnitFigure.findMany({ where: { unitId, figureId: { in: figures.map((f) => f.id) } }, select: { figureId: true, value: true } });
    const before = new Map(stored.map((s) => [s.figureId, s.value.toString()]));
    const changes: Record<string, { before: string | null; after: string | null }> = {};
    for (const f of figures) {
      const was = before.has(f.id) ? canonical(before.get(f.id)!) : null;
      const now = values.get(f.id) ?? null;
      if (was === now) continue;
      changes[`${f.label} (${f.unitLabel})`] = { before: was, after: now };
      if (now === null) await tx.movementUnitFigure.delete({ where: { figureId_unitId: { figureId: f.id, unitId } } });
      else
        await tx.movementUnitFigure.upsert({
          where: { figureId_unitId: { figureId: f.id, unitId } },
          create: { figureId: f.id, unitId, value: now, enteredByName: actor.displayName },
          update: { value: now, enteredAt: new Date(), enteredByName: actor.displayName },
        });
    }
    const count = Object.keys(changes).length;
    return {
      message: count === 0 ? "Không có thay đổi nào cần lưu." : `Đã lưu ${count} số liệu của đơn vị cho phong trào "${movement.name}".`,
      data: { values: Object.fromEntries(figures.map((f) => [f.id, formatFigure(values.get(f.id) ?? null)])) },
      audit: { entityType: "MovementUnitFigure", entityId: movement.id, after: { unitId, changes } },
    };
  },
});

/** A stored Decimal as the canonical string the rules compare ("12.50" → "12.5"). */
const canonical = (value: string) => (value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value);
