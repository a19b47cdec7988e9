// The secretariat launches a movement of its cluster; the admin one of a block or the whole Ministry
// (docs/domain.md §10): name, purpose, period, scope and the figures every participating unit reports.
import { z } from "zod";
import { launchRefusal, MOVEMENT_SCOPE_LABELS, MOVEMENT_SCOPES, periodProblem } from "@/domain/movements";
import { optionalIdField } from "@/domain/validation";
import { ownClusterScope } from "@/server/store/unit-scopes";
import { defineCommand, NotFoundError, UserError } from "../command";
import { dateOf, ENTITY, movementFields, readFigureRows } from "./shared";

export const launchMovementInput = z
  .looseObject({
    ...movementFields,
    scope: z.enum(MOVEMENT_SCOPES, { error: "Vui lòng chọn phạm vi phong trào." }),
    /** A block's movement: the block (the admin chooses it). */
    blockId: optionalIdField("Khối thi đua"),
  })
  .transform((v, ctx) => {
    const figures = readFigureRows(v, ctx).filter((r) => r.label);
    if (v.scope === "BLOCK" && !v.blockId) ctx.addIssue({ code: "custom", path: ["blockId"], message: "Vui lòng chọn khối thi đua." });
    if (figures.some((r) => r.figureId)) ctx.addIssue({ code: "custom", path: ["label.0"], message: "Số liệu không hợp lệ." });
    const period = periodProblem(v.fromDate, v.toDate);
    if (period) ctx.addIssue({ code: "custom", path: ["toDate"], message: period });
    return { name: v.name, purpose: v.purpose, fromDate: v.fromDate, toDate: v.toDate, scope: v.scope, blockId: v.blockId, figures };
  });

export const launchMovement = defineCommand({
  name: "movement.launch",
  label: "Phát động phong trào thi đua",
  permission: "movement.manage",
  keepsOverviews: true,
  input: launchMovementInput,
  // A cluster's movement is the acting secretariat's own cluster (never one named by the form); a
  // block's or the Ministry's belongs to no cluster, so only the admin's scope ("all") passes.
  async target(tx, input, actor) {
    return input.scope === "CLUSTER" && actor.clusterId ? ownClusterScope(tx, actor) : {};
  },
  async run(tx, input, actor) {
    const refusal = launchRefusal(actor.role, input.scope);
    if (refusal) throw new UserError(refusal, { scope: [refusal] });
    if (input.scope === "BLOCK" && !(await tx.block.findUnique({ where: { id: input.blockId! }, select: { id: true } }))) throw new NotFoundError();
    const movement = await tx.movement.create({
      data: {
        name: input.name,
        purpose: input.purpose,
        fromDate: dateOf(input.fromDate),
        toDate: dateOf(input.toDate),
        scope: input.scope,
        clusterId: input.scope === "CLUSTER" ? actor.clusterId : null,
        blockId: input.scope === "BLOCK" ? input.blockId : null,
        launchedByName: actor.displayName,
        figures: { create: input.figures.map((f, i) => ({ position: i + 1, label: f.label, unitLabel: f.unitLabel })) },
      },
      select: { id: true },
    });
    return {
      data: { id: movement.id },
      message: `Đã phát động phong trào "${input.name}" (${MOVEMENT_SCOPE_LABELS[input.scope].toLowerCase()}).`,
      audit: {
        entityType: ENTITY,
        entityId: movement.id,
        after: { name: input.name, scope: input.scope, blockId: input.blockId, fromDate: input.fromDate, toDate: input.toDate, figures: input.figures.map((f) => `${f.label} (${f.unitLabel})`) },
      },
    };
  },
});
