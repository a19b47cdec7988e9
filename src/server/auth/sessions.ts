// Signed-in sessions, one row each (the session cookie carries the row's id). The acting user is loaded
// together with the session on every request (loadSessionActor), so deleting the row ends the session
// on every instance at once: signing out, a password reset, a role or scope change, disabling the
// account, or the user ending their other sessions.
import { randomUUID } from "node:crypto";
import { isUuid } from "@/domain/validation";
import { prisma, type Tx } from "@/server/db";
import { recordSecurityEvent } from "@/server/security/events";

/** The longest a session lives, signed in or not (the cookie's own lifetime is the same). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

export async function openSession(userId: string, client: { address: string; userAgent: string | null }, now = new Date()): Promise<string> {
  const id = randomUUID();
  await prisma.session.create({
    data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000), address: client.address.slice(0, 64), userAgent: client.userAgent },
  });
  // Bounded clean-up of sessions past their time, on each sign-in.
  await prisma.$executeRaw`
    DELETE FROM "Session" WHERE "id" IN (SELECT "id" FROM "Session" WHERE "expiresAt" < ${now}::timestamp LIMIT 200 FOR UPDATE SKIP LOCKED)`;
  return id;
}

/** Ends one session; the user it belonged to, or null when it was already gone. */
export async function endSession(sessionId: string): Promise<string | null> {
  if (!isUuid(sessionId)) return null;
  const rows = await prisma.$queryRaw<{ userId: string }[]>`DELETE FROM "Session" WHERE "id" = ${sessionId}::uuid RETURNING "userId"`;
  return rows[0]?.userId ?? null;
}

/** Ends every session of a user (but `except`), inside the caller's transaction. */
export async function endSessionsOf(tx: Tx, userId: string, except?: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
  return count;
}

export type SessionRow = { id: string; createdAt: Date; expiresAt: Date; address: string | null; userAgent: string | null };

/** A user's sessions still in force, newest first. */
export async function activeSessions(userId: string, now = new Date()): Promise<SessionRow[]> {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expiresAt: true, address: true, userAgent: true },
  });
}

/** The user ends every session but the one they are using: a security event, not a command. */
export async function endOtherSessions(userId: string, currentSessionId: string, address: string | null): Promise<number> {
  const ended = await prisma.$transaction((tx) => endSessionsOf(tx, userId, currentSessionId));
  await recordSecurityEvent({ kind: "session.endOthers", userId, address, detail: { ended } });
  return ended;
}
