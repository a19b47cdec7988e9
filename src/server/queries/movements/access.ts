// Who sees a movement (docs/domain.md §10): the units of a participating cluster (the secretariat, unit
// officers and heads), the admin and the Ministry office every one. A movement the actor may not see is
// "not found".
import { participates, type MovementReach } from "@/domain/movements";
import { can, type Actor, type Target } from "@/domain/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { assertCan } from "../guard";

/** The actor's cluster and its block, as stored (none for the admin and the Ministry office). */
export async function actorCluster(actor: Actor): Promise<{ clusterId: string; blockId: string } | null> {
  if (!actor.clusterId) return null;
  const c = await prisma.cluster.findUnique({ where: { id: actor.clusterId }, select: { id: true, blockId: true } });
  return c ? { clusterId: c.id, blockId: c.blockId } : null;
}

/** What the permission table checks a movement against: the actor's own cluster when it takes part. */
export function movementViewTarget(movement: MovementReach, own: { clusterId: string; blockId: string } | null): Target {
  if (own && participates(movement, own)) return { clusterId: own.clusterId };
  return { clusterId: movement.clusterId ?? "" };
}

/** Refuses (404) a movement the actor may not see. */
export function assertMayView(actor: Actor, movement: MovementReach, own: { clusterId: string; blockId: string } | null) {
  assertCan(actor, "movement.view", movementViewTarget(movement, own));
}

/** The movements the actor may see, as a where clause. */
export function visibleMovements(actor: Actor, own: { clusterId: string; blockId: string } | null): Prisma.MovementWhereInput | null {
  if (can(actor, "movement.view", {})) return {};
  if (!own || !can(actor, "movement.view", { clusterId: own.clusterId })) return null;
  return { OR: [{ scope: "MINISTRY" }, { scope: "BLOCK", blockId: own.blockId }, { scope: "CLUSTER", clusterId: own.clusterId }] };
}

/** The member units taking part (active member units of the clusters in scope), in the clusters' order. */
export async function participatingUnits(movement: MovementReach) {
  const where: Prisma.UnitWhereInput =
    movement.scope === "CLUSTER" ? { clusterId: movement.clusterId! } : movement.scope === "BLOCK" ? { cluster: { blockId: movement.blockId! } } : {};
  return prisma.unit.findMany({
    where: { ...where, parentId: null, active: true, cluster: { active: true, ...(where.cluster as object | undefined) } },
    orderBy: [{ cluster: { code: "asc" } }, { sortKey: "asc" }],
    select: { id: true, name: true, code: true, clusterId: true, cluster: { select: { name: true } } },
  });
}
