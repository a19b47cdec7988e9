// Checks a username and password, throttled in Postgres (src/server/auth/throttle.ts): the attempt takes
// its slots before the password is checked and gives them back with the verdict.
import { secondsUntil, type ThrottleKind } from "@/domain/login-throttle";
import { isStorableText } from "@/domain/validation";
import { prisma } from "@/server/db";
import { errorField, log } from "@/server/log";
import { clientOf } from "@/server/security/client";
import { recordSecurityEvent } from "@/server/security/events";
import { verifyPassword } from "./password";
import { openSession } from "./sessions";
import { LockedSignin, UnavailableSignin } from "./signin-errors";
import { deleteExpiredThrottles, reserveAttempt, settleAttempt } from "./throttle";

export type LoginOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; seconds: number };

/** A credential as sent: a string, or nothing (a crafted JSON body may send an object whose String() throws). */
export function credentialText(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** One line in the server log per refused or failed attempt (no stack: these are expected). */
function logLine(event: string, fields: Record<string, unknown>) {
  log.warn({ event, ...fields }, event);
}

/**
 * Auth.js's authorize (src/auth.ts): the user and a new session, null for wrong credentials, LockedSignin
 * while throttled, UnavailableSignin when the check itself failed (the database is down or busy) — never
 * read as wrong credentials (issue 18, fault 4).
 */
export async function authorizeCredentials(credentials: Partial<Record<string, unknown>>, headers: Headers) {
  const client = clientOf(headers);
  let outcome: LoginOutcome;
  try {
    outcome = await checkLogin(credentialText(credentials.username), credentialText(credentials.password), { address: client.address });
    if (outcome.ok) return { id: outcome.userId, sessionId: await openSession(outcome.userId, client) };
  } catch (error) {
    log.error({ event: "login.unavailable", address: client.address, error: errorField(error, false) }, "login could not be checked");
    throw new UnavailableSignin();
  }
  if (outcome.reason === "locked") throw new LockedSignin(outcome.seconds);
  return null;
}

export async function checkLogin(
  rawUsername: string,
  password: string,
  options: { address?: string; now?: Date } = {},
): Promise<LoginOutcome> {
  const username = rawUsername.trim().toLowerCase();
  if (!username || !password || username.length > 64 || password.length > 200) return { ok: false, reason: "invalid" };
  // Postgres refuses NUL even in a WHERE (the sign-in would fail with a database error, uncounted by the
  // throttle); no account name holds one, nor a lone surrogate.
  if (!isStorableText(username)) return { ok: false, reason: "invalid" };
  const address = options.address ?? "unknown";
  const now = options.now ?? new Date();

  await deleteExpiredThrottles(now);
  const reservation = await reserveAttempt(username, address, now);
  if (!reservation.ok) {
    const seconds = secondsUntil(reservation.retryAt, now);
    logLine("login.locked", { username, address, throttled: reservation.kind, seconds });
    return { ok: false, reason: "locked", seconds };
  }

  let verdict: "success" | "failure" = "failure";
  let user: { id: string; passwordHash: string; disabled: boolean } | null = null;
  try {
    user = await prisma.user.findUnique({ where: { username }, select: { id: true, passwordHash: true, disabled: true } });
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
    if (user && passwordOk && !user.disabled) verdict = "success";
  } catch (error) {
    // The check itself failed: the slot is given back as a failure, never left taken.
    await settleAttempt(reservation.slot, "failure", now);
    throw error;
  }
  const settled = await settleAttempt(reservation.slot, verdict, now);

  if (verdict === "success") {
    await recordSecurityEvent({ kind: "login.success", username, userId: user!.id, address });
    return { ok: true, userId: user!.id };
  }
  const why = !user ? "unknown account" : user.disabled ? "disabled account" : "wrong password";
  logLine("login.failed", { username, address, reason: why });
  await recordSecurityEvent({ kind: "login.failed", username, userId: user?.id ?? null, address, detail: { reason: why } });
  if (settled.blocked.length === 0) return { ok: false, reason: "invalid" };
  const until = settled.blocked.reduce((a, b) => (b.until > a ? b.until : a), now);
  const kinds: ThrottleKind[] = settled.blocked.map((b) => b.kind);
  logLine("login.blocked", { username, address, keys: kinds, until: until.toISOString() });
  await recordSecurityEvent({ kind: "login.blocked", username, userId: user?.id ?? null, address, detail: { keys: kinds, until: until.toISOString() } });
  return { ok: false, reason: "locked", seconds: secondsUntil(until, now) };
}
