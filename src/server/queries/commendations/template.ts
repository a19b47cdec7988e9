import { roleMay, type Actor } from "@/domain/permissions";
import { prisma } from "@/server/db";

/** What the register's import template names: the secretariat's cluster and its active member units (null: not theirs to use). */
export async function commendationTemplateData(actor: Actor): Promise<{ clusterName: string; units: { code: string; name: string }[] } | null> {
  if (!actor.clusterId || !roleMay(actor, "commendation.enter")) return null;
  const cluster = await prisma.cluster.findUnique({ where: { id: actor.clusterId }, select: { name: true } });
  if (!cluster) return null;
  const units = await prisma.unit.findMany({ where: { clusterId: actor.clusterId, parentId: null, active: true }, orderBy: { sortKey: "asc" }, select: { code: true, name: true } });
  return { clusterName: cluster.name, units };
}
