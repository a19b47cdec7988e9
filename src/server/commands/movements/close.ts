// The manager closes a movement (docs/domain.md §10): from then on it is read-only and its summary
// (totals, each unit's figures and rank) is final. Audited with the totals as they were closed; the
// page asks for confirmation first.
import { z } from "zod";
import { figureTotal, MOVEMENT_CLOSED } from "@/domain/movements";
import { UserError } from "../command";
import { ENTITY, movementIdField, openMovementCommand } from "./shared";

export const closeMovementInput = z.object({
  movementId: movementIdField,
  /** The confirmation box of the page ("I have checked the units' figures"). */
  confirm: z.literal("on", { error: "Vui lòng xác nhận trước khi tổng kết phong trào." }),
});

export const closeMovement = openMovementCommand({
  name: "movement.close",
  label: "Tổng kết (đóng) phong trào thi đua",
  keepsOverviews: true,
  input: closeMovementInput,
  async run(tx, _input, movement, actor) {
    const figures = await tx.movementFigure.findMany({
      where: { movementId: movement.id },
      orderBy: { position: "asc" },
      select: { label: true, unitLabel: true, values: { select: { value: true } } },
    });
    const closed = await tx.movement.updateMany({
      where: { id: movement.id, status: "OPEN" },
      data: { status: "CLOSED", closedAt: new Date(), closedByName: actor.displayName },
    });
    if (closed.count !== 1) throw new UserError(MOVEMENT_CLOSED);
    const totals = figures.map((f) => ({ figure: `${f.label} (${f.unitLabel})`, ...figureTotal(f.values.map((v) => v.value.toString())) }));
    return {
      message: `Đã tổng kết phong trào "${movement.name}". Số liệu đã khóa; bản tổng hợp có thể tải về.`,
      audit: { entityType: ENTITY, entityId: movement.id, before: { status: "OPEN" }, after: { status: "CLOSED", totals } },
    };
  },
});
