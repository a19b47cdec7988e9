// The acting user of the current request, or a redirect to the login page.
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

/** The signed-in, enabled user of this request, in a session still in force, or null. Cached for one render. */
export const currentActor = cache(async (): Promise<Actor | null> => (await currentSession())?.actor ?? null);

/** The acting user's unread notifications (up to 100), read with the session: the header's bell. */
export async function currentUnreadCount(): Promise<number> {
  return (await currentSession())?.unread ?? 0;
}

/** For pages: the actor, or off to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
