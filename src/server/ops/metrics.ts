// Prometheus metrics of this process (docs/operations.md), served at /metrics with METRICS_TOKEN. Under
// `npm start` the worker that receives the scrape asks the launcher for the sum over every worker
// (scripts/lib/next-workers.ts; prom-client's AggregatorRegistry), so one scrape sees the instance.
import cluster from "node:cluster";
import client from "prom-client";
import { currentPool } from "@/server/db";

type Metrics = ReturnType<typeof createMetrics>;
const KEY = Symbol.for("sothidua.metrics");
const g = globalThis as unknown as { [KEY]?: Metrics };

function createMetrics() {
  const registry = client.register; // the one the cluster aggregator asks each worker for
  // An `npm start` worker answers the launcher's requests for its metrics (prom-client's listener).
  if (cluster.isWorker) new client.AggregatorRegistry();
  client.collectDefaultMetrics({ register: registry, prefix: "sothidua_" });
  return {
    registry,
    requests: new client.Histogram({
      name: "sothidua_http_request_duration_seconds",
      help: "HTTP requests by method, route (ids as :id) and status, with their duration",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
    errors: new client.Counter({
      name: "sothidua_errors_total",
      help: "Unexpected errors: 5xx responses (kind=http), failed commands (kind=command), render errors (kind=render)",
      labelNames: ["kind"],
    }),
    commands: new client.Counter({
      name: "sothidua_commands_total",
      help: "Commands run, by name and outcome (ok, refused, unavailable, error)",
      labelNames: ["command", "outcome"],
    }),
    ballots: new client.Counter({ name: "sothidua_ballots_cast_total", help: "Ballots cast (vote.cast commands done)" }),
    cache: new client.Counter({
      name: "sothidua_cache_lookups_total",
      help: "Overview cache lookups by cache (dashboard, history, reminders) and result (hit, miss)",
      labelNames: ["cache", "result"],
    }),
    replicaReads: new client.Counter({
      name: "sothidua_db_replica_reads_total",
      help: "Overview reads with DATABASE_REPLICA_URL: on the replica (replica), or on the primary because the replica was behind (lagging) or failing (unavailable)",
      labelNames: ["result"],
    }),
    pool: new client.Gauge({
      name: "sothidua_db_pool_connections",
      help: "Database pool of the process: connections in use, idle, and requests waiting for one",
      labelNames: ["state"],
      collect() {
        const pool = currentPool();
        if (!pool) return;
        this.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    }),
  };
}

export const metrics = (): Metrics => (g[KEY] ??= createMetrics());

/** Metrics are kept only where they can be read: with METRICS_TOKEN set. */
export const metricsEnabled = (): boolean => !!process.env.METRICS_TOKEN;

export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  if (!metricsEnabled()) return;
  const m = metrics();
  m.requests.observe({ method, route, status: String(status) }, seconds);
  if (status >= 500) m.errors.inc({ kind: "http" });
}

export type CommandOutcome = "ok" | "refused" | "unavailable" | "error";
export function observeCommand(name: string, outcome: CommandOutcome): void {
  if (!metricsEnabled()) return;
  const m = metrics();
  m.commands.inc({ command: name, outcome });
  if (outcome === "error") m.errors.inc({ kind: "command" });
  if (name === "vote.cast" && outcome === "ok") m.ballots.inc();
}

export const observeCacheLookup = (cache: string, hit: boolean) => void (metricsEnabled() && metrics().cache.inc({ cache, result: hit ? "hit" : "miss" }));
export type ReplicaReadResult = "replica" | "lagging" | "unavailable";
export const observeReplicaRead = (result: ReplicaReadResult) => void (metricsEnabled() && metrics().replicaReads.inc({ result }));
export const observeRenderError = () => void (metricsEnabled() && metrics().errors.inc({ kind: "render" }));

/** Asked of the launcher over IPC (scripts/lib/next-workers.ts). */
export const METRICS_REQUEST = "sothidua:metrics";

/** The metrics text: every worker's summed when this is an `npm start` worker, else this process's. */
export async function metricsText(): Promise<string> {
  const own = metrics().registry;
  if (!cluster.isWorker || !process.send) return own.metrics();
  const id = Math.random().toString(36).slice(2);
  return new Promise<string>((resolve) => {
    const timer = setTimeout(() => {
      process.off("message", onMessage);
      void own.metrics().then(resolve); // the launcher did not answer: this worker's own
    }, 3_000);
    const onMessage = (message: unknown) => {
      const m = message as { type?: string; id?: string; text?: string };
      if (m?.type !== `${METRICS_REQUEST}:res` || m.id !== id) return;
      clearTimeout(timer);
      process.off("message", onMessage);
      if (typeof m.text === "string") resolve(m.text);
      else void own.metrics().then(resolve);
    };
    process.on("message", onMessage);
    process.send!({ type: `${METRICS_REQUEST}:req`, id });
  });
}

export const metricsContentType = () => metrics().registry.contentType;
