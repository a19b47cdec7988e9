// Health and readiness for a load balancer (docs/operations.md): /api/health says the process is up;
// /api/ready says this instance can serve — Postgres answers, every migration of this build is applied,
// and the job queue runs where the process has one. Polled every few seconds: no data, no login, one
// short statement, bounded by READY_TIMEOUT_MS. With a read replica (DATABASE_REPLICA_URL) its state is
// reported too, but never makes the instance unready: the overview reads then run on the primary.
import { readdirSync } from "node:fs";
import path from "node:path";
import { appPool, withTimeout } from "@/server/db";
import { jobsState } from "@/server/jobs/queue";
import { replicaState, type ReplicaState } from "@/server/read-replica";

export type Readiness = ({ ready: true } | { ready: false; reason: string }) & { replica?: ReplicaState };

let expected: string[] | undefined;
/** The migrations this build ships (prisma/migrations, next to the app's working directory). */
function expectedMigrations(): string[] {
  expected ??= readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  return expected;
}

const timeoutMs = () => Number(process.env.READY_TIMEOUT_MS ?? 2_000);

export async function checkReadiness(): Promise<Readiness> {
  const [primary, replica] = await Promise.all([checkPrimary(), replicaState(timeoutMs())]);
  return replica ? { ...primary, replica } : primary;
}

async function checkPrimary(): Promise<Readiness> {
  let applied: string[];
  try {
    const result = await withTimeout(
      appPool().query<{ name: string }>(
        "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      ),
      timeoutMs(),
    );
    applied = result.rows.map((row) => row.name);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "42P01") applied = []; // no _prisma_migrations table: nothing applied
    else return { ready: false, reason: `database unreachable (${shortReason(error)})` };
  }
  const missing = expectedMigrations().filter((name) => !applied.includes(name));
  if (missing.length) return { ready: false, reason: `${missing.length} migration(s) not applied` };
  const jobs = jobsState();
  if (jobs && jobs !== "running") return { ready: false, reason: `job queue ${jobs}` };
  return { ready: true };
}

/** The first line of an error, without addresses or credentials (it is shown to anyone polling). */
function shortReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "57P03") return "starting up";
  if (error instanceof Error && /timeout/i.test(error.message)) return "timeout";
  return code ?? "error";
}
