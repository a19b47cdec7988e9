// The overview pages' reads on a read replica (issue 18; docs/decisions/0004-read-replica.md,
// docs/operations.md "Read replica"). With DATABASE_REPLICA_URL set, an overview read (the dashboard,
// the unit and officer histories, the Ministry view) runs its `queryRows` statements on the replica,
// but only once the replica has replayed everything the primary had written when the read began: the
// primary's WAL position is read first (`pg_current_wal_lsn()`, a function call, no table), then the
// replica's replay position is compared with it (`pg_last_wal_replay_lsn()`), asked again after 1, 2,
// 4, 8… ms for at most DATABASE_REPLICA_MAX_WAIT_MS (100 ms), and not at all when the replica was
// already seen at or past that position. A page therefore never shows less than the
// request saw on the primary (the acting user, the data version its cache is keyed on). A replica that
// is behind, down or failing is never an error: the read runs on the primary, counted in
// sothidua_db_replica_reads_total and logged at warn at most once a minute.
import { appPool, isDatabaseUnavailable, readingFrom, replicaPool, withTimeout } from "@/server/db";
import { errorField, log } from "@/server/log";
import { observeReplicaRead, type ReplicaReadResult } from "@/server/ops/metrics";

const ms = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n >= 0 && process.env[name] !== "" ? n : fallback;
};
/** How long a read waits for the replica to catch up before it reads the primary. */
const maxWaitMs = () => ms("DATABASE_REPLICA_MAX_WAIT_MS", 100);
/** The first re-check after 1 ms, then 2, 4, 8 ms (streaming on a LAN replays a commit in about a millisecond). */
const pollDelay = (attempt: number) => Math.min(8, 2 ** attempt);
/** After a connection failure the replica is left alone this long (no request pays for it meanwhile). */
const retryAfterMs = () => ms("DATABASE_REPLICA_RETRY_MS", 5_000);
const WARN_INTERVAL_MS = 60_000;

const state = {
  /** The highest replay position the replica was seen at: it only moves forward. */
  replayed: 0n,
  /** The replica failed: not asked again before this time. */
  downUntil: 0,
  lastWarn: 0,
  fallbacksSinceWarn: 0,
};

/** A WAL position ("16/B374D848") as a number. */
export function lsnNumber(lsn: string): bigint {
  const [hi, lo] = lsn.split("/");
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

function fellBack(result: Exclude<ReplicaReadResult, "replica">, error?: unknown): void {
  observeReplicaRead(result);
  state.fallbacksSinceWarn++;
  const now = Date.now();
  if (now - state.lastWarn < WARN_INTERVAL_MS) return;
  log.warn(
    { event: "db.replica-fallback", reason: result, fallbacks: state.fallbacksSinceWarn, ...(error ? { error: errorField(error, false) } : {}) },
    result === "lagging" ? "read replica behind the primary: overview reads on the primary" : "read replica unavailable: overview reads on the primary",
  );
  state.lastWarn = now;
  state.fallbacksSinceWarn = 0;
}

function markDown(error: unknown): void {
  state.downUntil = Date.now() + retryAfterMs();
  state.replayed = 0n; // a replica rebuilt or replaced meanwhile starts from its own position
  fellBack("unavailable", error);
}

// The replica's replay position; null on a server that is not (or no longer: promoted) a standby.
const REPLAYED = "SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text END AS lsn";

type Decision = "replica" | "lagging" | "unavailable";

/** Whether the replica has replayed the primary's WAL up to `target`, waiting at most maxWaitMs. */
async function caughtUp(replica: import("pg").Pool, target: bigint): Promise<Decision> {
  if (state.replayed >= target) return "replica";
  const deadline = Date.now() + maxWaitMs();
  for (let attempt = 0; ; attempt++) {
    // An answer later than the deadline (a replica, or this process, too busy) counts as behind — the
    // read goes to the primary — but not as a failure: the next read asks again.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => (timer = setTimeout(resolve, Math.max(1, deadline - Date.now()), "late")));
    const answer = await Promise.race([replica.query<{ lsn: string | null }>(REPLAYED), late]).finally(() => clearTimeout(timer));
    if (answer === "late") return "lagging";
    const { rows } = answer;
    // null: not a standby (promoted, or a primary given by mistake) — its data is not the primary's.
    if (rows[0]?.lsn == null) throw new Error("read replica: not a standby");
    const replayed = lsnNumber(rows[0].lsn);
    if (replayed > state.replayed) state.replayed = replayed;
    if (replayed >= target) return "replica";
    if (Date.now() + pollDelay(attempt) > deadline) return "lagging";
    await new Promise((r) => setTimeout(r, pollDelay(attempt)));
  }
}

async function decide(): Promise<{ decision: Decision; replica?: import("pg").Pool; error?: unknown }> {
  const replica = replicaPool();
  if (!replica) return { decision: "unavailable" };
  if (Date.now() < state.downUntil) return { decision: "unavailable" };
  // On the primary: what this request could already have seen there (every commit before this point).
  const { rows } = await appPool().query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  try {
    return { decision: await caughtUp(replica, lsnNumber(rows[0]!.lsn)), replica };
  } catch (error) {
    return { decision: "unavailable", error };
  }
}

// Errors of the replica for which the primary is asked instead: down or busy, and the standby's own
// "canceling statement due to conflict with recovery" (40001), a deadlock with replay (40P01).
const replicaFailure = (error: unknown) => isDatabaseUnavailable(error) || ["40001", "40P01"].includes((error as { code?: string })?.code ?? "");

/**
 * Runs an overview read (only `queryRows` statements; pure reads, safe to run again) on the read
 * replica when one is configured and has caught up with the primary, else on the primary. Without
 * DATABASE_REPLICA_URL it is `read()` itself: not one statement more.
 */
export async function onReplicaWhenFresh<T>(read: () => Promise<T>): Promise<T> {
  if (!replicaPool()) return read();
  const onPrimary = () => readingFrom(appPool(), read);
  const { decision, replica, error } = await decide();
  if (decision !== "replica" || !replica) {
    if (error) markDown(error);
    else fellBack(decision === "lagging" ? "lagging" : "unavailable");
    return onPrimary();
  }
  try {
    const value = await readingFrom(replica, read);
    observeReplicaRead("replica");
    return value;
  } catch (failure) {
    if (!replicaFailure(failure)) throw failure;
    markDown(failure);
    return onPrimary();
  }
}

export type ReplicaState = { state: "streaming"; lagBytes: number } | { state: "unavailable"; reason: string };

/**
 * The replica as /api/ready reports it (never a reason for 503: the overview reads fall back to the
 * primary): its replay position against the primary's, or why it cannot be asked. Null without one.
 */
export async function replicaState(timeoutMs: number): Promise<ReplicaState | null> {
  const replica = replicaPool();
  if (!replica) return null;
  // The primary's position is only for the lag: a primary down is readiness's own 503.
  const primary = withTimeout(appPool().query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn"), timeoutMs).then((r) => lsnNumber(r.rows[0]!.lsn), () => null);
  try {
    const { rows } = await withTimeout(replica.query<{ lsn: string | null }>(REPLAYED), timeoutMs);
    const replayed = rows[0]?.lsn;
    if (replayed == null) return { state: "unavailable", reason: "not a standby" };
    const written = await primary;
    const lag = written === null ? 0n : written - lsnNumber(replayed);
    return { state: "streaming", lagBytes: Number(lag > 0n ? lag : 0n) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { state: "unavailable", reason: code === "ECONNREFUSED" ? "connection refused" : /timeout/i.test(String(error)) ? "timeout" : (code ?? "error") };
  }
}

/** For tests: forget what was learnt of the replica (its position, a failure). */
export function resetReplicaState(): void {
  Object.assign(state, { replayed: 0n, downUntil: 0, lastWarn: 0, fallbacksSinceWarn: 0 });
}
