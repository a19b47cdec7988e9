// The transfer form of an officer's page (docs/domain.md §11): the member units the actor may move the
// officer to, in Vietnamese order — the secretariat its own cluster's, the admin every cluster's
// (named with their cluster). Null when the actor may not transfer this officer.
import { can, type Actor } from "@/domain/permissions";
import { prisma } from "@/server/db";

export type TransferDestination = { id: string; label: string };

export async function transferDestinations(actor: Actor, officer: { id: string; unitId: string; active: boolean; clusterId: string }): Promise<TransferDestination[] | null> {
  if (!officer.active || !can(actor, "officer.transfer", { unitId: officer.unitId, clusterId: officer.clusterId })) return null;
  const units = await prisma.unit.findMany({
    where: { parentId: null, active: true, cluster: { active: true }, id: { not: officer.unitId }, ...(actor.role === "ADMIN" ? {} : { clusterId: officer.clusterId }) },
    orderBy: { sortKey: "asc" },
    select: { id: true, name: true, clusterId: true, cluster: { select: { name: true } } },
  });
  // The officer's own cluster first, each cluster's units in Vietnamese order (the stored sort key).
  return units
    .sort((a, b) => Number(b.clusterId === officer.clusterId) - Number(a.clusterId === officer.clusterId))
    .filter((u) => can(actor, "officer.transfer", { unitId: u.id, clusterId: u.clusterId }))
    .map((u) => ({ id: u.id, label: u.clusterId === officer.clusterId ? u.name : `${u.name} (${u.cluster.name})` }));
}
