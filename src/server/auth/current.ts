// The acting user of the current request, or a redirect to the login page.
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import type { Actor } from "@/domain/permissions";
import { loadActor } from "./actor";

/** The signed-in, enabled user of this request, or null. Cached for one render. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  return userId ? loadActor(userId) : null;
});

/** For pages: the actor, or off to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
