// Who receives a notification: users of the given roles around the subject, each rebuilt as the Actor
// the app would load for them (role, unit, cluster, chair) and kept only if the permission table lets
// them see the subject. Disabled accounts receive nothing.
import { can, type Actor, type Permission, type Role, type Target } from "@/domain/permissions";
import type { Tx } from "@/server/db";

export type Recipient = { actor: Actor; email: string | null; emailNotifications: boolean };

type Row = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  clusterId: string | null;
  latestChairUnitId: string | null;
  email: string | null;
  emailNotifications: boolean;
};

/** Users of `roles` in the clusters (and, when given, units) named, as actors. */
export async function usersAround(tx: Pick<Tx, "$queryRaw">, where: { roles: Role[]; clusterIds: string[]; unitIds?: string[] }): Promise<Recipient[]> {
  if (where.clusterIds.length === 0 || where.roles.length === 0) return [];
  const rows = await tx.$queryRaw<Row[]>`
    SELECT u.id, u.username, u."displayName", u.role::text AS role, u."unitId",
           COALESCE(un."clusterId", u."clusterId") AS "clusterId",
           (SELECT y."chairUnitId" FROM "EmulationYear" y
             WHERE y."clusterId" = COALESCE(un."clusterId", u."clusterId")
             ORDER BY y.year DESC LIMIT 1) AS "latestChairUnitId",
           u.email, u."emailNotifications"
      FROM "User" u LEFT JOIN "Unit" un ON un.id = u."unitId"
     WHERE NOT u.disabled
       AND u.role::text = ANY(${where.roles}::text[])
       AND COALESCE(un."clusterId", u."clusterId") = ANY(${where.clusterIds}::uuid[])
       AND (${where.unitIds ?? null}::uuid[] IS NULL OR u."unitId" = ANY(${where.unitIds ?? null}::uuid[]))`;
  return rows.map((r) => ({
    actor: {
      userId: r.id,
      username: r.username,
      displayName: r.displayName,
      role: r.role,
      clusterId: r.clusterId,
      unitId: r.unitId,
      chairOfClusterIds: r.role === "UNIT_HEAD" && r.unitId && r.clusterId && r.latestChairUnitId === r.unitId ? [r.clusterId] : [],
    },
    email: r.email,
    emailNotifications: r.emailNotifications,
  }));
}

/** Only those whom the permission table lets see the subject. */
export const allowed = (recipients: Recipient[], permission: Permission, target: Target) => recipients.filter((r) => can(r.actor, permission, target));
