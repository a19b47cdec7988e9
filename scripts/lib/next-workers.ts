// The production server as several `next start` workers on one port, with Node's cluster module: the
// primary process accepts the connections and hands them round-robin to the workers. A page is
// rendered by JavaScript on one CPU per process, so one worker per CPU serves about that many times
// the pages (docs/performance.md). The workers share nothing but the database, as separate instances
// of a multi-instance deployment do (tests/e2e/two-instances.spec.ts).
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";
import { AggregatorRegistry } from "prom-client";

// A worker asks for the metrics of every worker (src/server/ops/metrics.ts, METRICS_REQUEST).
const METRICS_REQUEST = "sothidua:metrics";

/** WEB_CONCURRENCY when set, else one worker per CPU (at most 4: each one holds ~250 MB). */
export function workerCount(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.WEB_CONCURRENCY);
  if (Number.isInteger(asked) && asked >= 1) return asked;
  return Math.min(os.availableParallelism(), 4);
}

export type NextWorkers = {
  /** Every worker listens. */
  ready: Promise<void>;
  /**
   * Settles when the workers are gone for good without stop(): with a failing worker's exit code when
   * one dies at start-up, with 0 when the last one was stopped on purpose (a signal, a clean exit).
   */
  exited: Promise<number>;
  stop: () => Promise<void>;
};

/**
 * V8's young generation of each worker: two semi-spaces of up to 64 MB instead of the default 16. A
 * page render allocates a few MB of short-lived objects; with the larger space far fewer of them are
 * copied by the scavenger. Measured on the dashboard at full scale (docs/performance.md): about 12% less
 * CPU per response, for at most ~100 MB more memory per worker.
 */
const WORKER_NODE_ARGS = ["--max-semi-space-size=64"];

export function startNextWorkers(options: {
  root: string;
  port: number;
  env: NodeJS.ProcessEnv;
  workers: number;
  /** Extra Node.js options of each worker (e.g. --cpu-prof). */
  nodeArgs?: string[];
  /** A worker's standard output; `index` counts the workers started (0 is the first). */
  output?: (chunk: Buffer, index: number) => void;
  /** The program each worker runs, if not `next start -p <port>` (the launcher's own test). */
  program?: { exec: string; args: string[] };
  /**
   * Before the app has served (not every worker has listened yet), a worker that dies this soon after
   * starting has a problem a restart will not fix (a port in use, a broken build): everything stops
   * instead of restarting it in a loop. Once the app has served, a worker that dies is always replaced
   * (issue 18, fault 1): at once, or after 1, 2, 4… up to 30 s while replacements keep dying this soon.
   */
  earlyExitMs?: number;
}): NextWorkers {
  const earlyExitMs = options.earlyExitMs ?? 15_000;
  const { root, port, env, workers, nodeArgs = [], output = (chunk) => process.stdout.write(chunk) } = options;
  const program = options.program ?? { exec: path.join(root, "node_modules", "next", "dist", "bin", "next"), args: ["start", "-p", String(port)] };
  cluster.setupPrimary({
    ...program,
    execArgv: [...WORKER_NODE_ARGS, ...nodeArgs],
    cwd: root,
    silent: true, // the workers' output comes through `output`
  });
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let served = false;
  let quickDeaths = 0; // replacements in a row that died within earlyExitMs
  const pending = new Set<NodeJS.Timeout>(); // replacements waiting for their back-off
  let listening = 0;
  let onReady!: () => void;
  let onExited!: (code: number) => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const exited = new Promise<number>((resolve) => (onExited = resolve));

  let started = 0;
  const fork = (): Worker => {
    const startedAt = Date.now();
    const index = started++;
    const worker = cluster.fork(env);
    worker.process.stdout?.on("data", (chunk: Buffer) => output(chunk, index));
    worker.process.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    worker.on("message", (message: { type?: string; id?: string }) => {
      if (message?.type !== `${METRICS_REQUEST}:req`) return;
      const answer = (text?: string) => worker.isConnected() && worker.send({ type: `${METRICS_REQUEST}:res`, id: message.id, text });
      aggregator.clusterMetrics().then(answer, () => answer());
    });
    worker.once("listening", () => {
      if (++listening === workers) {
        served = true;
        onReady();
      }
    });
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      // Stopped on purpose (Ctrl-C reaches the workers too, maybe before this process): not replaced.
      if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") {
        if (!Object.values(cluster.workers ?? {}).some((w) => w && !w.isDead())) onExited(0);
        return;
      }
      const early = Date.now() - startedAt < earlyExitMs;
      if (early && !served) {
        console.error(`[next-workers] worker ${worker.process.pid} stopped at start-up (${signal ?? code}); stopping.`);
        onExited(code ?? 1);
        return;
      }
      quickDeaths = early ? quickDeaths + 1 : 0;
      const delay = quickDeaths ? Math.min(30_000, 1_000 * 2 ** (quickDeaths - 1)) : 0;
      console.error(`[next-workers] worker ${worker.process.pid} stopped (${signal ?? code}); starting another${delay ? ` in ${delay / 1000} s` : ""}.`);
      const timer = setTimeout(() => !stopping && fork(), delay);
      pending.add(timer);
    });
    return worker;
  };
  for (let n = 0; n < workers; n++) fork();

  async function stop() {
    stopping = true;
    for (const timer of pending) clearTimeout(timer);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once("exit", () => resolve());
            w.process.kill("SIGTERM");
          }),
      ),
    );
  }
  return { ready, exited, stop };
}
