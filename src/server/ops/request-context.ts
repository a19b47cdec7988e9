// The request being served, for its log line and metrics (src/server/ops/request-log.ts): its id and,
// once the session is read, the acting user's id. Kept on globalThis so that every bundle of the
// process (instrumentation, pages, route handlers) shares one store.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { id: string; userId?: string; /** the last error digest logged for it */ digest?: string };

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
