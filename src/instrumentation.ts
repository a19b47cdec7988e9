// Runs once per server process before it serves requests (Node.js runtime only): the socket address
// stamp and the request log of every request, then the job queue (reminders, e-mail; src/server/jobs/queue.ts) — never
// during `next build` (NEXT_PHASE), and not where JOBS=off. Tests call the jobs module themselves.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressStamp } = await import("./server/security/peer-address");
  installPeerAddressStamp();
  // One log line and the metrics of every request (docs/operations.md).
  const { installRequestLog } = await import("./server/ops/request-log");
  installRequestLog();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.JOBS === "off") return;
  const { startAppJobs } = await import("./server/jobs/queue");
  // Not awaited: the queue must not hold up serving pages (it logs its own failure).
  void startAppJobs();
}

// A server error while rendering or handling a request: one log line with the digest the error page
// shows the user (src/app/error.tsx), so the administrator can find it.
export async function onRequestError(error: unknown, request: { path: string; method: string }, route: { routePath?: string; routeType?: string }) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ log, errorField }, { observeRenderError }, { requestContext }] = await Promise.all([
    import("./server/log"),
    import("./server/ops/metrics"),
    import("./server/ops/request-context"),
  ]);
  const digest = (error as { digest?: string }).digest;
  // Next reports one failure once per rendering of it (the page and its payload): logged once.
  const context = requestContext();
  if (digest && context?.digest === digest) return;
  if (context) context.digest = digest;
  observeRenderError();
  log.error({ event: "request.error", digest, route: route.routePath, kind: route.routeType, method: request.method, requestId: context?.id, error: errorField(error) }, "unexpected error");
}
