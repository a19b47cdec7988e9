// Runs once per server process before it serves requests (Node.js runtime only): the socket address
// stamp for every request, then the job queue (reminders, e-mail; src/server/jobs/queue.ts) — never
// during `next build` (NEXT_PHASE), and not where JOBS=off. Tests call the jobs module themselves.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressStamp } = await import("./server/security/peer-address");
  installPeerAddressStamp();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.JOBS === "off") return;
  const { startAppJobs } = await import("./server/jobs/queue");
  // Not awaited: the queue must not hold up serving pages (it logs its own failure).
  void startAppJobs();
}
