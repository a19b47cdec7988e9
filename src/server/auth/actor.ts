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
  unread?: number;
};


/**
 * The one statement both loaders send: the user with its cluster (its unit's, else its own) and that
 * cluster's latest chair unit — the chair of a cluster is the chair unit of its latest year. `from`
 * names the user `u` and its unit `un`; `where` picks the row; `extra` adds columns.
 */
function selectActor(from: Prisma.Sql, where: Prisma.Sql, extra: Prisma.Sql = Prisma.empty): Promise<ActorRow[]> {
  return queryRows<ActorRow[]>`
    SELECT u.id, u.username, u."displayName", u.role::text AS role, u.disabled, u."mustChangePassword", u."unitId",
           COALESCE(un."clusterId", u."clusterId") AS "clusterId",
           (SELECT y."chairUnitId" FROM "EmulationYear" y
             WHERE y."clusterId" = COALESCE(un."clusterId", u."clusterId")
             ORDER BY y.year DESC LIMIT 1) AS "latestChairUnitId"${extra}
      FROM ${from}
     WHERE ${where}`;
}

/** The user as stored, without a session (scripts and tests); the app uses loadSessionActor. */
export async function loadActor(userId: string): Promise<Actor | null> {
  if (!isUuid(userId)) return null;
  const rows = await selectActor(Prisma.sql`"User" u LEFT JOIN "Unit" un ON un.id = u."unitId"`, Prisma.sql`u.id = ${userId}::uuid`);
  return toActor(rows[0]);
}

/** A session's acting user and their unread notifications (the header's bell), read together. */
export type SessionActor = { actor: Actor; unread: number };

/**
 * The user of a session, in the same one statement: null unless the session row still exists, belongs
 * to this user and has not expired — a signed-out, reset, re-scoped or disabled user's old cookie opens
 * nothing, on any instance, from the next request on. The same statement counts the user's unread
 * notifications (up to 100: the bell shows "99+"), so the layout's bell costs no round trip of its own.
 */
export async function loadSession(userId: string, sessionId: string): Promise<SessionActor | null> {
  if (!isUuid(userId) || !isUuid(sessionId)) return null;
  const rows = await selectActor(
    Prisma.sql`"Session" s JOIN "User" u ON u.id = s."userId" LEFT JOIN "Unit" un ON un.id = u."unitId"`,
    Prisma.sql`s.id = ${sessionId}::uuid AND s."userId" = ${userId}::uuid AND s."expiresAt" > (now() AT TIME ZONE 'UTC')`,
    Prisma.sql`,
           (SELECT count(*)::int FROM (SELECT 1 FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL LIMIT 100) x) AS unread`,
  );
  const actor = toActor(rows[0]);
  return actor && { actor, unread: rows[0]!.unread ?? 0 };
}

/** The user of a session (loadSession), or null. */
export async function loadSessionActor(userId: string, sessionId: string): Promise<Actor | null> {
  return (await loadSession(userId, sessionId))?.actor ?? null;
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
