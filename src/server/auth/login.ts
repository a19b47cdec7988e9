// Checks a username and password, with the failed-login throttle kept in Postgres.
import { afterFailure, EMPTY_THROTTLE, isLocked, minutesLocked, type ThrottleState } from "@/domain/login-throttle";
import { isStorableText } from "@/domain/validation";
import { prisma, type Tx } from "@/server/db";
import { verifyPassword } from "./password";

export type LoginOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

/** A credential as sent: a string, or nothing (a crafted JSON body may send an object whose String() throws). */
export function credentialText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export async function checkLogin(rawUsername: string, password: string, now = new Date()): Promise<LoginOutcome> {
  const username = rawUsername.trim().toLowerCase();
  if (!username || !password || username.length > 64 || password.length > 200) return { ok: false, reason: "invalid" };
  // Postgres refuses NUL even in a WHERE (the sign-in would fail with a database error, uncounted by the
  // throttle); no account name holds one, nor a lone surrogate.
  if (!isStorableText(username)) return { ok: false, reason: "invalid" };

  const throttle = await readThrottle(prisma, username);
  if (isLocked(throttle, now)) return { ok: false, reason: "locked", minutes: minutesLocked(throttle, now) };

  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, passwordHash: true, disabled: true } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (user && passwordOk && !user.disabled) {
    if (throttle.failures > 0) await prisma.loginThrottle.delete({ where: { username } }).catch(() => {});
    return { ok: true, userId: user.id };
  }
  const next = await recordFailure(username, now);
  if (isLocked(next, now)) return { ok: false, reason: "locked", minutes: minutesLocked(next, now) };
  return { ok: false, reason: "invalid" };
}

async function readThrottle(db: Tx, username: string): Promise<ThrottleState> {
  const row = await db.loginThrottle.findUnique({ where: { username } });
  return row ? { failures: row.failures, firstFailedAt: row.firstFailedAt, lockedUntil: row.lockedUntil } : EMPTY_THROTTLE;
}

// Row-locked read-modify-write, so concurrent attempts on several app instances all count.
async function recordFailure(username: string, now: Date): Promise<ThrottleState> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "LoginThrottle" ("username", "failures", "updatedAt") VALUES (${username}, 0, ${now}) ON CONFLICT DO NOTHING`;
    await tx.$queryRaw`SELECT 1 FROM "LoginThrottle" WHERE "username" = ${username} FOR UPDATE`;
    const next = afterFailure(await readThrottle(tx, username), now);
    await tx.loginThrottle.update({ where: { username }, data: next });
    return next;
  });
}
