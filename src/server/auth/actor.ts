// Loads the acting user from the database: role, scope, and whether their unit chairs a cluster now.
// Runs on every request (with the session check), so it is one statement, sent without the Prisma client engine (queryRows).
import { Prisma } from "@/generated/prisma/client";
import type { Actor, Role } from "@/domain/permissions";
import { queryRows } from "@/server/db";
import { isUuid } from "@/domain/validation";

type ActorRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  unitId: string | null;
  clusterId: string | null;
  latestChairUnitId: string | null;
};


/**
 * The one statement both loaders send: the user with its cluster (its unit's, else its own) and that
 * cluster's latest chair unit — the chair of a cluster is the chair unit of its latest year. `from`
 * names the user `u` and its unit `un`; `where` picks the row.
 */
function selectActor(from: Prisma.Sql, where: Prisma.Sql): Promise<ActorRow[]> {
  return queryRows<ActorRow[]>`
    SELECT u.id, u.username, u."displayName", u.role::text AS role, u.disabled, u."mustChangePassword", u."unitId",
           COALESCE(un."clusterId", u."clusterId") AS "clusterId",
           (SELECT y."chairUnitId" FROM "EmulationYear" y
             WHERE y."clusterId" = COALESCE(un."clusterId", u."clusterId")
             ORDER BY y.year DESC LIMIT 1) AS "latestChairUnitId"
      FROM ${from}
     WHERE ${where}`;
}

/** The user as stored, without a session (scripts and tests); the app uses loadSessionActor. */
export async function loadActor(userId: string): Promise<Actor | null> {
  if (!isUuid(userId)) return null;
  const rows = await selectActor(Prisma.sql`"User" u LEFT JOIN "Unit" un ON un.id = u."unitId"`, Prisma.sql`u.id = ${userId}::uuid`);
  return toActor(rows[0]);
}

/**
 * The user of a session, in the same one statement: null unless the session row still exists, belongs
 * to this user and has not expired — a signed-out, reset, re-scoped or disabled user's old cookie opens
 * nothing, on any instance, from the next request on.
 */
export async function loadSessionActor(userId: string, sessionId: string): Promise<Actor | null> {
  if (!isUuid(userId) || !isUuid(sessionId)) return null;
  const rows = await selectActor(
    Prisma.sql`"Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "Unit" un ON un.id = u."unitId"`,
    Prisma.sql`s.id = ${sessionId}::uuid AND s."userId" = ${userId}::uuid AND s."expiresAt" > (now() AT TIME ZONE 'UTC')`,
  );
  return toActor(rows[0]);
}

function toActor(user: ActorRow | undefined): Actor | null {
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
    // Until an admin-set password is changed, the permission table grants nothing else (issue 13).
    mustChangePassword: user.mustChangePassword,
  };
}
