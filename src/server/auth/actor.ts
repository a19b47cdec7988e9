// Loads the acting user from the database: role, scope, and whether their unit chairs a cluster now.
// Runs on every request, so it is one statement, sent without the Prisma client engine (queryRows).
import type { Actor, Role } from "@/domain/permissions";
import { queryRows } from "@/server/db";
import { isUuid } from "@/domain/validation";

type ActorRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  unitId: string | null;
  clusterId: string | null;
  latestChairUnitId: string | null;
};


export async function loadActor(userId: string): Promise<Actor | null> {
  if (!isUuid(userId)) return null;
  // The chair of a cluster is the chair unit of its latest year.
  const rows = await queryRows<ActorRow[]>`
    SELECT u.id, u.username, u."displayName", u.role::text AS role, u.disabled, u."unitId",
           COALESCE(un."clusterId", u."clusterId") AS "clusterId",
           (SELECT y."chairUnitId" FROM "EmulationYear" y
             WHERE y."clusterId" = COALESCE(un."clusterId", u."clusterId")
             ORDER BY y.year DESC LIMIT 1) AS "latestChairUnitId"
      FROM "User" u LEFT JOIN "Unit" un ON un.id = u."unitId"
     WHERE u.id = ${userId}::uuid`;
  const user = rows[0];
  if (!user || user.disabled) return null;
  const chairs = user.role === "UNIT_HEAD" && user.unitId !== null && user.clusterId !== null && user.latestChairUnitId === user.unitId;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    clusterId: user.clusterId,
    unitId: user.unitId,
    chairOfClusterIds: chairs ? [user.clusterId!] : [],
  };
}
