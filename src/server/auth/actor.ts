// Loads the acting user from the database: role, scope, and whether their unit chairs a cluster now.
import type { Actor, Role } from "@/domain/permissions";
import { prisma } from "@/server/db";

export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, role: true, disabled: true, clusterId: true, unitId: true,
      unit: { select: { clusterId: true, active: true } } },
  });
  if (!user || user.disabled) return null;
  const clusterId = user.unit?.clusterId ?? user.clusterId;
  let chairOfClusterIds: string[] = [];
  if (user.role === "UNIT_HEAD" && user.unitId && clusterId) {
    // The chair of a cluster is the chair unit of its latest year.
    const latest = await prisma.emulationYear.findFirst({
      where: { clusterId },
      orderBy: { year: "desc" },
      select: { chairUnitId: true },
    });
    if (latest?.chairUnitId === user.unitId) chairOfClusterIds = [clusterId];
  }
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    clusterId,
    unitId: user.unitId,
    chairOfClusterIds,
  };
}
