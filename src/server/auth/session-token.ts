// Who the session cookie says is signed in, read without Auth.js's session round.
//
// auth() in a server component decodes the session JWT and then re-encodes it to slide its expiry into
// a cookie that a server component cannot set: two key derivations and two encryption passes on every
// request (≈ 2 ms of the server's CPU per page, docs/performance.md). Here the cookie is decoded once
// with Auth.js's own decode (same secret; the salt is the cookie's name, as Auth.js does), and the
// outcome is kept per token string until the token expires: a browser sends the same token with every
// request of its session. A token is only ever looked up by its exact text, so nothing but that token
// can reach its entry; expiry is checked on every use. What the token says never changes, so keeping it
// is safe; whether its session still holds is asked of Postgres on every request (loadSessionActor), so
// a revoked session is refused even though its token is remembered here.
import { decode } from "next-auth/jwt";

// Auth.js accepts a token up to 15 s past its expiry (clock tolerance); so does this.
const CLOCK_TOLERANCE_S = 15;
const MAX_ENTRIES = 5000;

/** What a session token says: who, and which session row (tokens issued before sessions had rows: none). */
export type SessionClaims = { userId: string; sessionId: string | null };
type Decoded = { claims: SessionClaims | null; expiresAt: number };
const decoded = new Map<string, Decoded>();

/**
 * The user id (the JWT's subject) and session id of a session token, or null when the token is not one
 * this server issued or has expired.
 */
export async function sessionClaimsOf(token: string, cookieName: string, secret: string, now = Date.now()): Promise<SessionClaims | null> {
  const key = `${cookieName}\n${token}`;
  const known = decoded.get(key);
  if (known) {
    if (now / 1000 <= known.expiresAt + CLOCK_TOLERANCE_S) return known.claims;
    decoded.delete(key);
    return null;
  }
  let payload;
  try {
    payload = await decode({ token, secret, salt: cookieName });
  } catch {
    return null; // not ours, tampered with, or expired: a visitor without a session
  }
  if (!payload || typeof payload.exp !== "number") return null;
  const userId = typeof payload.sub === "string" && payload.sub ? payload.sub : null;
  const sessionId = typeof payload.sid === "string" && payload.sid ? payload.sid : null;
  const claims = userId ? { userId, sessionId } : null;
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(key, { claims, expiresAt: payload.exp });
  return claims;
}

/** The user id of a session token (sessionClaimsOf), or null. */
export async function sessionUserIdOf(token: string, cookieName: string, secret: string, now = Date.now()): Promise<string | null> {
  return (await sessionClaimsOf(token, cookieName, secret, now))?.userId ?? null;
}
