// One log line per HTTP request (docs/operations.md) and its metrics, taken where Node hands the request
// to Next.js: method, route, status, duration, request id (X-Request-Id from the reverse proxy when it
// looks like one, else a new one; sent back in the response), user id. Never the query string, cookies
// or the body. Static files and the health, readiness and metrics polls log at debug level only. Each
// request also gets its deadline for database work here (REQUEST_TIMEOUT_MS; src/server/db.ts).
import { randomUUID } from "node:crypto";
import http from "node:http";
import { log } from "@/server/log";
import { metrics, metricsEnabled, observeRequest } from "./metrics";
import { requestStore, requestTimeoutMs, type RequestContext } from "./request-context";

const INSTALLED = Symbol.for("sothidua.request-log");
const g = globalThis as unknown as { [INSTALLED]?: boolean };

const QUIET = /^\/(_next\/|favicon\.ico$|api\/health$|api\/ready$|metrics$)/;
const ID_SEGMENT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[A-Za-z0-9_-]{20,})$/i;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The route of a path, for logs and metrics: ids and long tokens as ":id", at most 6 segments. */
export function routeOf(url: string | undefined): string {
  const pathname = (url ?? "/").replace(/[?#].*$/s, "");
  if (pathname.startsWith("/_next/")) return "/_next/*";
  const segments = pathname.split("/").filter(Boolean).slice(0, 6);
  return "/" + segments.map((s) => (ID_SEGMENT.test(s) ? ":id" : s)).join("/");
}

/** Installs the request log on every HTTP server of this process (once). Called from src/instrumentation.ts. */
export function installRequestLog(): void {
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  // The request id is always given (the events a request logs at warn carry it too); the request line
  // and the metrics only when wanted (LOG_LEVEL info or below; METRICS_TOKEN).
  const measured = log.isLevelEnabled("info") || metricsEnabled();
  if (metricsEnabled()) metrics(); // registered now, so an `npm start` worker answers the launcher's scrape
  const store = requestStore();
  const timeout = requestTimeoutMs();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    const started = performance.now();
    const sent = req.headers["x-request-id"];
    const context: RequestContext = { id: typeof sent === "string" && REQUEST_ID.test(sent) ? sent : randomUUID(), deadline: Date.now() + timeout };
    res.setHeader("X-Request-Id", context.id);
    if (measured) res.once("close", () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const route = routeOf(req.url);
      // A response cut off before it finished (the client left, the process stops) counts as such.
      const status = res.writableFinished ? res.statusCode : 499;
      observeRequest(req.method ?? "GET", route, status, ms / 1000);
      const entry = { req: { id: context.id, method: req.method, route, status, ms, userId: context.userId } };
      if (QUIET.test(route)) log.debug(entry, "request");
      else if (status >= 500) log.error(entry, "request");
      else log.info(entry, "request");
    });
    return store.run(context, () => emit.apply(this, [event, ...args] as unknown as Parameters<typeof emit>));
  } as typeof emit;
}
