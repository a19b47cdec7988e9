// The scope (cluster, member unit) of a command's target as stored: the form only names the unit, and
// a sub-unit (not a member unit) or an unknown id answers an empty scope, which is "not found".
import type { Actor, Target } from "@/domain/permissions";
import type { Tx } from "@/server/db";
import { NotFoundError } from "@/server/errors";

/** A member unit named by the form: its scope as stored (sub-units are not members). */
export async function memberUnitScope(tx: Tx, unitId: string): Promise<Target> {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, clusterId: true, parentId: true } });
  if (!unit || unit.parentId) return {};
  return { unitId: unit.id, clusterId: unit.clusterId };
}

/** The acting unit officer's own member unit, from the database (a sub-unit officer has none). */
export async function ownUnitScope(tx: Tx, actor: Actor): Promise<Target> {
  if (!actor.unitId) return {};
  return memberUnitScope(tx, actor.unitId);
}

// The same as command targets (src/server/commands/command.ts: target(tx, input, actor)).
/** The acting unit officer's own member unit (never a unit id from the form). */
export const ownUnit = (tx: Tx, _input: unknown, actor: Actor) => ownUnitScope(tx, actor);
/** The member unit the form names (`unitId`), with its stored cluster. */
export const namedUnit = (tx: Tx, input: { unitId: string }) => memberUnitScope(tx, input.unitId);

/** The acting user's own cluster, read from the database (none: not found). */
export async function ownClusterScope(tx: Tx, actor: Actor): Promise<Target> {
  if (!actor.clusterId) throw new NotFoundError();
  const cluster = await tx.cluster.findUnique({ where: { id: actor.clusterId }, select: { id: true } });
  if (!cluster) throw new NotFoundError();
  return { clusterId: cluster.id };
}
