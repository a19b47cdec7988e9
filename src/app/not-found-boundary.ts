// Where the server layer's one "not found" (NotFoundError: a record missing or not the actor's) becomes
// HTTP 404: Next's not-found page for a page, a plain 404 for a file route. Queries throw it; nothing
// below src/app knows about Next.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { STORED_FILE_HEADERS } from "@/lib/download";
import type { Actor } from "@/domain/permissions";
import { currentActor } from "@/server/auth/current";
import { NOT_FOUND, NotFoundError } from "@/server/errors";

/** A read whose NotFoundError renders the not-found page (for a read in a component below the page). */
export async function found<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** A page whose reads may refuse with NotFoundError: it answers the not-found page, HTTP 404. */
export function pageOr404<P>(page: (props: P) => Promise<ReactNode>): (props: P) => Promise<ReactNode> {
  return (props) => found(page(props));
}

/** The plain 404 of a file route: the same text for a missing record and one the actor may not see. */
export function notFoundResponse(): Response {
  return new Response(NOT_FOUND, { status: 404, headers: { ...STORED_FILE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

/** A route handler whose reads may refuse with NotFoundError: it answers notFoundResponse(). */
export function routeOr404<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof NotFoundError) return notFoundResponse();
      throw error;
    }
  };
}

/**
 * A file route of a record the URL names (`params`) for a signed-in user: no one signed in, and every
 * NotFoundError of the handler, answer notFoundResponse().
 */
export function signedInFileRoute<P>(handler: (actor: Actor, params: P, request: Request) => Promise<Response>) {
  return routeOr404(async (request: Request, { params }: { params: Promise<P> }) => {
    const resolved = await params;
    const actor = await currentActor();
    if (!actor) return notFoundResponse();
    return handler(actor, resolved, request);
  });
}
