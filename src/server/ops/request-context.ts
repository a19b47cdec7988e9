// The request being served, for its log line and metrics (src/server/ops/request-log.ts): its id and,
// once the session is read, the acting user's id. Kept on globalThis so that every bundle of the
// process (instrumentation, pages, route handlers) shares one store.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = {
  id: string;
  userId?: string;
  /** the last error digest logged for it */
  digest?: string;
  /** Date.now() after which the request starts no database statement (requestDeadline). */
  deadline?: number;
};

const KEY = Symbol.for("sothidua.request-context");
const g = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

export const requestStore = (): AsyncLocalStorage<RequestContext> => (g[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** The current request's context, or undefined (a script, a test, a job). */
export const requestContext = (): RequestContext | undefined => g[KEY]?.getStore();

/** Marks the acting user of the current request (its log line carries the id, never a name). */
export function noteRequestUser(userId: string): void {
  const context = requestContext();
  if (context) context.userId = userId;
}

/**
 * The time a request may spend waiting for the database (issue 18, fault 5; docs/operations.md): after
 * REQUEST_TIMEOUT_MS (20 s) it starts no statement and a statement under way is given up at that
 * moment (src/server/db.ts), so a stalled database is answered "busy / unavailable" in bounded time.
 */
export const requestTimeoutMs = (): number => Number(process.env.REQUEST_TIMEOUT_MS ?? 20_000) || 20_000;

/** Milliseconds left before the current request's deadline; undefined outside a request. */
export function requestTimeLeft(): number | undefined {
  const deadline = requestContext()?.deadline;
  return deadline === undefined ? undefined : deadline - Date.now();
}

/** Gives the current request at least `ms` more (a command that declares a longer transaction: an import). */
export function allowRequestTime(ms: number): void {
  const context = requestContext();
  if (context?.deadline !== undefined) context.deadline = Math.max(context.deadline, Date.now() + ms);
}
