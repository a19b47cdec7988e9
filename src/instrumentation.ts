// Next.js calls register() once when a server process starts: here the job queue (reminders, e-mail;
// src/server/jobs/queue.ts) starts in the Node.js runtime of every app process. Never during
// `next build` (NEXT_PHASE), and not where JOBS=off. Tests call the jobs module themselves.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.JOBS === "off") return;
  const { startAppJobs } = await import("./server/jobs/queue");
  // Not awaited: the queue must not hold up serving pages (it logs its own failure).
  void startAppJobs();
}
