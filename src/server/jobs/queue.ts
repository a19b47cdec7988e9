// The job queue (docs/decisions/0003-job-queue.md): pg-boss 10 in schema "pgboss" of the app's Postgres,
// started in every app process (src/instrumentation.ts). Two queues:
// - reminders.run: cron 07:00–20:00 hourly (Vietnam time) and once at start-up (catch-up); the run is
//   idempotent (ReminderSent's unique key), so any number of processes may run it; it also prunes the
//   form submission keys older than a day;
// - email.send: one job per outbox row, retried with exponential back-off; the dispatcher moves PENDING
//   rows into jobs in one Postgres transaction (FOR UPDATE SKIP LOCKED), so each row gets one job.
import PgBoss from "pg-boss";
import pg from "pg";
import { errorField, log as logger } from "@/server/log";
import { emailConfig } from "@/server/notifications/email-config";
import { sendDelivery } from "@/server/notifications/email-send";
import { pruneSubmissionKeys } from "@/server/commands/submission-key";
import { runReminders } from "@/server/notifications/reminders";

export const REMINDERS_QUEUE = "reminders.run";
export const EMAIL_QUEUE = "email.send";
export const REMINDER_CRON = "0 7-20 * * *";

export type JobsOptions = {
  connectionString?: string;
  /** Register the cron schedule (default true). */
  schedule?: boolean;
  /** Work the queues in this process (default true). */
  work?: boolean;
  emailRetryLimit?: number;
  emailRetryDelaySeconds?: number;
  /** How often PENDING e-mails are handed to the queue (ms; default 3000). */
  dispatchIntervalMs?: number;
  /** pg-boss polling (s; default 2). */
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
};

export type Jobs = {
  boss: PgBoss;
  /** Hands PENDING e-mails to the queue now; returns how many. */
  dispatchEmails(): Promise<number>;
  /** A reminder run through the queue (optionally at an injected instant). */
  enqueueReminders(at?: Date): Promise<string | null>;
  stop(): Promise<void>;
};

/** Creates the queue, or brings an existing one's retry policy up to this process's settings. */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  if (await boss.getQueue(name)) {
    await boss.updateQueue(name, { name, ...options });
    return;
  }
  try {
    await boss.createQueue(name, { name, ...options });
  } catch (error) {
    // Another process created it at the same moment.
    if (!(await boss.getQueue(name))) throw error;
  }
}

export async function startJobs(options: JobsOptions = {}): Promise<Jobs> {
  const log = options.log ?? ((m: string) => logger.info({ event: "jobs" }, m));
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 3,
    application_name: "so-thi-dua-jobs",
    schedule: options.schedule ?? true,
    supervise: true,
    migrate: true,
  });
  boss.on("error", (error) => logger.error({ event: "jobs.error", error: errorField(error, false) }, "job queue error"));
  const emailRetry = { retryLimit: options.emailRetryLimit ?? 5, retryDelay: options.emailRetryDelaySeconds ?? 60, retryBackoff: true };
  try {
    await boss.start();
    await ensureQueue(boss, REMINDERS_QUEUE, { policy: "standard", retryLimit: 2, retryDelay: 300, expireInSeconds: 900 });
    await ensureQueue(boss, EMAIL_QUEUE, { policy: "standard", ...emailRetry, expireInSeconds: 120 });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {}); // its connections, before a retry
    throw error;
  }

  const pool = new pg.Pool({ connectionString, max: 2, allowExitOnIdle: true });
  pool.on("error", (error) => logger.warn({ event: "jobs.connection-lost", error: errorField(error, false) }, "idle job-queue connection lost"));

  async function dispatchEmails(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM "EmailDelivery" WHERE status = 'PENDING' ORDER BY "createdAt" LIMIT 100 FOR UPDATE SKIP LOCKED`,
      );
      const db = { executeSql: (text: string, values: unknown[]) => client.query(text, values) };
      for (const row of rows) await boss.send(EMAIL_QUEUE, { deliveryId: row.id }, { db, singletonKey: row.id, ...emailRetry });
      if (rows.length) await client.query(`UPDATE "EmailDelivery" SET status = 'QUEUED', "queuedAt" = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      await client.query("COMMIT");
      return rows.length;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const enqueueReminders = (at?: Date) => boss.send(REMINDERS_QUEUE, at ? { at: at.toISOString() } : {});

  let timer: NodeJS.Timeout | undefined;
  if (options.work ?? true) {
    await boss.work<{ at?: string }>(REMINDERS_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => {
      const result = await runReminders({ now: job?.data?.at ? new Date(job.data.at) : undefined });
      // The hourly run also prunes the submission keys older than a day (issue 18, fault 3).
      const pruned = await pruneSubmissionKeys();
      if (pruned) log(`đã xóa ${pruned} mã gửi biểu mẫu quá hạn`);
      if (result.reminders || result.digests) log(`nhắc hạn ${result.today}: ${result.reminders} lời nhắc, ${result.digests} bản tổng hợp, ${result.notifications} thông báo (${result.ms} ms)`);
      return result;
    });
    await boss.work<{ deliveryId: string }>(
      EMAIL_QUEUE,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (job) await sendDelivery(job.data.deliveryId, job.retryCount >= job.retryLimit);
      },
    );
    const every = options.dispatchIntervalMs ?? 3000;
    const tick = () =>
      dispatchEmails().catch((error) => logger.error({ event: "jobs.email-dispatch", error: errorField(error, false) }, "e-mail dispatch failed"));
    timer = setInterval(tick, every);
    timer.unref();
  }
  if (options.schedule ?? true) {
    await boss.schedule(REMINDERS_QUEUE, REMINDER_CRON, {}, { tz: "Asia/Ho_Chi_Minh" });
    // Catch up after a restart: one run per 10 minutes across all processes (pg-boss throttling).
    await boss.send(REMINDERS_QUEUE, {}, { singletonKey: "startup", singletonSeconds: 600 });
  }

  return {
    boss,
    dispatchEmails,
    enqueueReminders,
    async stop() {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await pool.end();
    },
  };
}

type JobsState = "starting" | "running" | "not started";
const appJobs = globalThis as unknown as { soThiDuaJobs?: Promise<Jobs>; soThiDuaJobsState?: JobsState };

/** The app process's queue as readiness sees it (src/server/ops/readiness.ts); undefined: none in this process. */
export const jobsState = (): JobsState | undefined => appJobs.soThiDuaJobsState;

/** The app process's queue (instrumentation.ts): once per process, never during a build. */
export async function startAppJobs(): Promise<void> {
  const g = appJobs;
  if (g.soThiDuaJobs) return;
  g.soThiDuaJobsState = "starting";
  const config = emailConfig();
  if (!config.enabled && config.reason === "invalid" && process.env.SMTP_WARNED !== "1") logger.warn({ event: "email.config" }, config.warning);
  // Several processes starting at once on a new database race to install pg-boss's schema (Postgres
  // answers one of them "deadlock detected"): the loser waits and tries again.
  for (let attempt = 1; ; attempt++) {
    g.soThiDuaJobs = startJobs();
    try {
      // No signal handler of our own (it would replace Next's exit on SIGTERM): a job cut off by a stop
      // expires and is retried by a process that is still (or again) running.
      await g.soThiDuaJobs;
      g.soThiDuaJobsState = "running";
      return;
    } catch (error) {
      g.soThiDuaJobs = undefined;
      const message = error instanceof Error ? error.message : String(error);
      if (attempt >= START_ATTEMPTS) {
        logger.error({ event: "jobs.not-started", reason: message }, "the job queue did not start; reminders and e-mail wait (trying again in 60 s)");
        g.soThiDuaJobsState = "not started";
        // Readiness says so meanwhile; the database may come back (docs/operations.md).
        setTimeout(() => void startAppJobs(), 60_000).unref();
        return;
      }
      logger.warn({ event: "jobs.retry", reason: message }, "the job queue did not start; trying again");
      await new Promise((resolve) => setTimeout(resolve, attempt * 2_000));
    }
  }
}

const START_ATTEMPTS = 5;
