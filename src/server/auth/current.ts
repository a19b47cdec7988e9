// The acting user of the current request, or a redirect to the login page (or to the password change
// an admin-set password calls for).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/domain/permissions";
import { loadSession, type SessionActor } from "./actor";
import { SESSION_COOKIES } from "@/lib/session-cookies";
import { sessionClaimsOf, type SessionClaims } from "./session-token";

/** What the request's session cookie says (session-token.ts), or null. */
export async function currentSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET; // as next-auth reads it
  if (!secret) return null; // Auth.js itself cannot issue or read a session without one
  for (const name of SESSION_COOKIES) {
    let token = jar.get(name)?.value;
    // A token too big for one cookie is split over name.0, name.1, … (Auth.js's chunks, in order).
    if (!token && jar.has(`${name}.0`)) {
      const parts: string[] = [];
      for (let i = 0; jar.has(`${name}.${i}`); i++) parts.push(jar.get(`${name}.${i}`)!.value);
      token = parts.join("");
    }
    if (token) return sessionClaimsOf(token, name, secret);
  }
  return null;
}

/** The session of this request with its user and unread count (one statement), or null. Cached for one render. */
export const currentSession = cache(async (): Promise<SessionActor | null> => {
  const claims = await currentSessionClaims();
  return claims?.sessionId ? loadSession(claims.userId, claims.sessionId) : null;
});

/**
 * The signed-in, enabled user of this request, in a session still in force, or null — whether or not
 * they must change their password first. Cached for one render. Only the password change (its page
 * and action) reads this; everything else uses currentActor / requireActor.
 */
export const currentSessionActor = cache(async (): Promise<Actor | null> => (await currentSession())?.actor ?? null);

/**
 * The user who may act in this request, or null: also null while their password, set by the admin,
 * must be changed first (issue 13) — every route handler, server action and query then refuses them
 * as it refuses a visitor who is not signed in.
 */
export async function currentActor(): Promise<Actor | null> {
  const actor = await currentSessionActor();
  return actor && !actor.mustChangePassword ? actor : null;
}

/** The acting user's unread notifications (up to 100), read with the session: the header's bell. */
export async function currentUnreadCount(): Promise<number> {
  return (await currentSession())?.unread ?? 0;
}

/** The page a user whose password must be changed is sent to from every other page. */
const CHANGE_PASSWORD_PATH = "/change-password";

/** For pages: the actor, or off to the login page (or to the password change, when it is due). */
export async function requireActor(): Promise<Actor> {
  const actor = await currentSessionActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}
