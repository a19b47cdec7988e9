// The acting user of the current request, or a redirect to the login page.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import type { Actor } from "@/domain/permissions";
import { loadActor } from "./actor";
import { SESSION_COOKIES } from "@/lib/session-cookies";
import { sessionUserIdOf } from "./session-token";

/** The user id in the request's session cookie (session-token.ts), or null. */
async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET; // as next-auth reads it
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token && secret) return sessionUserIdOf(token, name, secret);
    // A token split over several cookies (name.0, name.1, …; too big for one), or no secret of our
    // own to read it with: Auth.js itself.
    if (token || jar.has(`${name}.0`)) return (await auth())?.user?.id ?? null;
  }
  return null;
}

/** The signed-in, enabled user of this request, or null. Cached for one render. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const userId = await sessionUserId();
  return userId ? loadActor(userId) : null;
});

/** For pages: the actor, or off to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
