// Benchmark of the overview pages at Ministry scale (issue 6; docs/performance.md):
//  1. a tuned embedded Postgres with the generated Ministry data (ministry-data.ts; generated once and
//     kept in --dir between runs);
//  2. the SQL floor: the statements the page's query function sends (captured once through the app's
//     own query code), replayed through `pg` with the same pool size as the app — what the database
//     alone costs;
//  3. the production server as `npm start` runs it (`next start` workers on one port, one per CPU:
//     scripts/lib/next-workers.ts; from --root: a folder with a production build) on that database,
//     and autocannon (HTTP load, from this second process) with a signed-in session cookie at the
//     cluster dashboard, a unit's history and an officer's history, at 1, 10 and 50 concurrent
//     connections; p50/p95/p99 from every response's own latency, requests per second, and the
//     workers' CPU time per response (from /proc: comparable between runs on a loaded machine).
//
//   npx tsx scripts/bench/dashboard.ts [--officers 400000] [--duration 10] [--connections 1,10,50]
//                                      [--port 3400] [--root .] [--dir <data folder>] [--explain] [--sql-only]
//                                      [--pages dashboard,unit,officer,baseline] [--profile <dir>] [--serve]
//                                      [--workers N] [--writes N] [--writes-in other|same|both] [--observability]
//                                      [--replica]
//
// --replica: a streaming read replica of the bench database is made and started first (scripts/lib/replica.ts,
// as the replica test does) and the servers get DATABASE_REPLICA_URL: the overview reads go to the replica
// (src/server/read-replica.ts). The SQL floor is then measured on the replica, and each run prints how many
// overview reads the replica served and how many fell back to the primary (the workers' metrics).
// --observability: only the dashboard, with the request log and metrics on and off alternately (their cost).
// --workers N: that many `next start` workers (default: as `npm start`, WEB_CONCURRENCY or one per CPU).
// --writes N: each dashboard run is measured three ways in the same minutes — no writes, then N audited
// commands per second (writers.ts) in units of OTHER clusters, and/or in the measured cluster itself
// (--writes-in; default other). The SQL floor of each is measured under the same writes.
//
// The production build must exist in --root (`npx next build` there first when .next/BUILD_ID is
// missing; this script builds only with --build). Targets (2-core machine): dashboard p95 < 150 ms at
// 10 connections, and within 3× of the SQL floor.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { startNextWorkers, workerCount, type NextWorkers } from "../lib/next-workers";
import { migrateDeploy } from "../lib/migrate";
import { startReplica, type Replica } from "../lib/replica";
import { benchDir, generateMinistryData, isGenerated, openBenchDatabase, scaleFromArgs } from "./ministry-data";
import { prepareWriters, type WriteCount, type Writers } from "./writers";

type Instance = Promise<unknown> & { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
type AutocannonOptions = { url: string; connections: number; duration: number; headers?: Record<string, string>; pipelining?: number; timeout?: number };
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AutocannonOptions) => Instance;

const args = process.argv;
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const scale = scaleFromArgs();
const duration = Number(arg("duration", "10"));
const connections = arg("connections", "1,10,50").split(",").map(Number);
const port = Number(arg("port", "3400"));
const workers = Number(arg("workers", String(workerCount())));
const root = path.resolve(arg("root", path.resolve(import.meta.dirname, "../..")));
const explain = args.includes("--explain");
const writesPerSecond = Number(arg("writes", "0"));
const writesIn = arg("writes-in", "other");
const POOL_SIZE = 10; // the app's default DATABASE_POOL_SIZE
const log = (m: string) => console.log(`[bench] ${m}`);

type Stats = { p50: number; p95: number; p99: number; rps: number; count: number; errors: number; cpuPerResponse?: number };

/**
 * CPU time (user + system, ms) used so far by the server's workers: on a machine shared with other
 * work the latencies follow the load, the CPU each response costs much less so. From /proc (Linux).
 */
function workersCpuMs(): number {
  let ticks = 0;
  for (const w of Object.values(cluster.workers ?? {})) {
    const pid = w?.process.pid;
    if (!pid) continue;
    try {
      // Fields after the command name "(…)": state is field 3; utime and stime are fields 14 and 15.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return NaN;
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
function stats(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), rps: latencies.length / seconds, count: latencies.length, errors };
}
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(7) : "      –");

// ---------------------------------------------------------------------------------------------
// 1. Database

const db = await openBenchDatabase(benchDir(scale));
let server: NextWorkers | undefined;
let replica: Replica | undefined;
async function shutdown(code: number) {
  await server?.stop();
  await replica?.remove();
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(130));

try {
  if (!(await isGenerated(db.url))) await generateMinistryData(db.url, scale);
  else {
    log(`reusing the generated data in ${benchDir(scale)}`);
    migrateDeploy(root, db.url); // migrations added since the data was generated
  }
  process.env.DATABASE_URL = db.url;
  if (args.includes("--replica")) {
    const t = performance.now();
    replica = await startReplica(db.url, "bench-replica");
    log(`read replica streaming on port ${replica.port} (base backup and start: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }

  const admin = new pg.Pool({ connectionString: db.url, max: 2 });
  const target = (
    await admin.query<{ clusterId: string; clusterName: string; year: number; userId: string; officers: number }>(
      `SELECT c."id" AS "clusterId", c."name" AS "clusterName", max(e."year") AS "year", u."id" AS "userId",
         (SELECT count(*) FROM "Officer" o JOIN "Unit" m ON m."id" = o."unitId" WHERE m."clusterId" = c."id")::int AS "officers"
       FROM "Cluster" c JOIN "EmulationYear" e ON e."clusterId" = c."id" JOIN "User" u ON u."clusterId" = c."id" AND u."role" = 'SECRETARIAT'
       WHERE c."code" = 'CUM-1' GROUP BY c."id", u."id"`,
    )
  ).rows[0]!;
  const unit = (
    await admin.query<{ id: string; name: string; officers: number }>(
      `SELECT u."id", u."name", count(o.*)::int AS officers FROM "Unit" u JOIN "Officer" o ON o."unitId" = u."id"
       WHERE u."clusterId" = $1 AND u."parentId" IS NULL GROUP BY u."id" ORDER BY officers DESC LIMIT 1`,
      [target.clusterId],
    )
  ).rows[0]!;
  const officer = (
    await admin.query<{ id: string; fullName: string; n: number }>(
      `SELECT o."id", o."fullName", count(r.*)::int AS n FROM "Officer" o JOIN "OfficerYearResult" r ON r."officerId" = o."id" AND r."awardedTitleCode" = 'CSTDCS'
       WHERE o."unitId" = $1 GROUP BY o."id" ORDER BY n DESC, o."code" LIMIT 1`,
      [unit.id],
    )
  ).rows[0]!;
  log(`cluster ${target.clusterName} (${target.officers.toLocaleString("vi-VN")} officers), year ${target.year}; unit ${unit.name} (${unit.officers.toLocaleString("vi-VN")} officers); officer ${officer.fullName}`);

  // -------------------------------------------------------------------------------------------
  // 2. The SQL the pages send, captured through the app's own query code, then replayed.
  type Statement = { name?: string; text: string; values: unknown[] };
  let capture: Statement[] | null = null;
  const capturePool = new pg.Pool({ connectionString: db.url, max: POOL_SIZE });
  const query = capturePool.query.bind(capturePool) as (...a: unknown[]) => unknown;
  (capturePool as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
    const q = a[0] as { name?: string; text: string; values?: unknown[] } | string;
    if (capture) capture.push(typeof q === "string" ? { text: q, values: (a[1] as unknown[]) ?? [] } : { name: q.name, text: q.text, values: q.values ?? (a[1] as unknown[]) ?? [] });
    return query(...a);
  };
  const { usePool } = await import("../../src/server/db");
  usePool(capturePool);
  const { loadActor } = await import("../../src/server/auth/actor");
  const { clusterDashboard } = await import("../../src/server/queries/dashboard");
  const { unitHistory } = await import("../../src/server/queries/unit-history");
  const { officerHistory } = await import("../../src/server/queries/officer-history");
  const actor = (await loadActor(target.userId))!;

  const pages = [
    { name: "Tổng quan cụm (dashboard)", path: `/overview?cluster=${target.clusterId}&year=${target.year}`, expect: "Xếp hạng thi đua", run: () => clusterDashboard(actor, { clusterId: target.clusterId, year: target.year }) },
    { name: "Lịch sử đơn vị", path: `/overview/units/${unit.id}`, expect: "Kết quả thi đua qua các năm", run: () => unitHistory(actor, unit.id) },
    { name: "Lịch sử cán bộ", path: `/overview/officers/${officer.id}`, expect: "Danh hiệu thi đua qua các năm", run: () => officerHistory(actor, officer.id) },
  ];
  const captured = new Map<string, Statement[]>();
  for (const page of pages) {
    await page.run(); // warm the client
    if (args.includes("--repeat")) {
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await page.run();
        times.push(performance.now() - t);
      }
      log(`${page.name}: in-process calls (ms): ${times.map((t) => t.toFixed(1)).join(" ")}`);
      const cpu = process.cpuUsage();
      for (let i = 0; i < 100; i++) await page.run();
      const used = process.cpuUsage(cpu);
      log(`${page.name}: CPU of this process per call: ${((used.user + used.system) / 100 / 1000).toFixed(2)} ms`);
    }
    capture = [];
    const start = performance.now();
    await page.run();
    const took = performance.now() - start;
    captured.set(page.name, capture);
    capture = null;
    log(`${page.name}: ${captured.get(page.name)!.length} SQL statements, ${took.toFixed(1)} ms in-process (one call)`);
  }

  if (explain) {
    for (const page of pages) {
      const timings: { text: string; ms: number; planning: number; plan: string }[] = [];
      for (const s of captured.get(page.name)!) {
        const { rows } = await admin.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.values);
        const plan = rows.map((r) => r["QUERY PLAN"] as string).join("\n");
        const t = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        const planning = Number(/Planning Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
        timings.push({ text: s.text, ms: t, planning, plan });
      }
      timings.sort((a, b) => b.ms + b.planning - a.ms - a.planning);
      const sum = (f: (t: (typeof timings)[number]) => number) => timings.reduce((acc, t) => acc + f(t), 0).toFixed(2);
      console.log(`\n=== ${page.name}: ${timings.length} statements, execution ${sum((t) => t.ms)} ms + planning ${sum((t) => t.planning)} ms in all; slowest first (execution+planning): ${timings.map((t) => `${t.ms.toFixed(2)}+${t.planning.toFixed(2)}`).join(", ")}`);
      for (const t of timings.slice(0, 3)) console.log(`\n--- ${t.ms.toFixed(2)} ms: ${t.text.replace(/\s+/g, " ").slice(0, 300)}\n${t.plan}`);
    }
  }

  const floorPool = new pg.Pool({ connectionString: replica?.url ?? db.url, max: POOL_SIZE });
  async function floor(statements: Statement[], concurrency: number): Promise<Stats> {
    const latencies: number[] = [];
    const end = performance.now() + duration * 1000;
    const worker = async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await Promise.all(statements.map((s) => floorPool.query(s)));
        latencies.push(performance.now() - t);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return stats(latencies, (performance.now() - start) / 1000, 0);
  }

  if (args.includes("--repeat")) {
    for (const page of pages) {
      const cpu = process.cpuUsage();
      for (let i = 0; i < 100; i++) await Promise.all(captured.get(page.name)!.map((st) => floorPool.query(st)));
      const used = process.cpuUsage(cpu);
      log(`${page.name}: CPU of this process per raw-pg replay: ${((used.user + used.system) / 100 / 1000).toFixed(2)} ms`);
    }
  }
  if (args.includes("--sql-only")) {
    for (const page of pages) {
      for (const c of connections) {
        const sql = await floor(captured.get(page.name)!, c);
        log(`${page.name} @${c}: SQL floor p50 ${sql.p50.toFixed(1)} p95 ${sql.p95.toFixed(1)} p99 ${sql.p99.toFixed(1)} ms, ${sql.rps.toFixed(1)} req/s`);
      }
    }
    await admin.end();
    await floorPool.end();
    await capturePool.end();
    await shutdown(0);
  }

  // -------------------------------------------------------------------------------------------
  // 3. The production server and HTTP load.
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    if (!args.includes("--build")) throw new Error(`No production build in ${root}: run \`npx next build\` there (or pass --build).`);
    log("building (npx next build)…");
    const b = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const secret = randomBytes(32).toString("base64url");
  // --profile <dir>: the server writes a V8 CPU profile there when it stops (for finding hot spots).
  const profile = args.includes("--profile") ? ["--cpu-prof", "--cpu-prof-dir", arg("profile", path.join(os.tmpdir(), "sothidua-profile"))] : [];
  const startServer = async (extraEnv: Record<string, string> = {}) => {
    server = startNextWorkers({
      root,
      port,
      workers,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: db.url,
        AUTH_SECRET: secret,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        // With --replica: the overview reads on the replica, and the metrics that count them.
        ...(replica ? { DATABASE_REPLICA_URL: replica.url, METRICS_TOKEN: "bench-metrics" } : {}),
        ...extraEnv,
      },
      nodeArgs: profile,
      // The workers' output (with --observability on: one JSON log line per request) is read and dropped,
      // but for the replica's fallback warnings with --replica (why reads went to the primary).
      output: (chunk) => {
        if (replica) for (const line of String(chunk).split("\n")) if (line.includes("db.replica-fallback")) log(`worker: ${line}`);
      },
    });
    const running = server;
    running.exited.then(() => {
      if (running === server) void shutdown(1); // a worker gone during the benchmark
    });
    await running.ready;
  };
  // --observability: the dashboard at --connections (default 10) with the request log and metrics on,
  // then off, alternately (on, off, on, off) on the same data in one run (docs/performance.md).
  const observability = args.includes("--observability");
  const MODES = {
    on: { LOG_LEVEL: "info", LOG_FORMAT: "json", METRICS_TOKEN: "bench-metrics" },
    off: { LOG_LEVEL: "silent", METRICS_TOKEN: "" },
  };
  await startServer(observability ? MODES.on : {});
  const base = `http://127.0.0.1:${port}`;
  const cookieName = "authjs.session-token";
  // A signed-in session as the login makes it: a Session row, its id in the cookie's token.
  const { openSession } = await import("../../src/server/auth/sessions");
  const sid = await openSession(target.userId, { address: "127.0.0.1", userAgent: "bench" });
  const token = await encode({ token: { sub: target.userId, sid }, secret, salt: cookieName, maxAge: 8 * 3600 });
  const headers = { cookie: `${cookieName}=${token}` };
  for (const page of pages) {
    const res = await fetch(base + page.path, { headers, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200 || !body.includes(page.expect)) throw new Error(`${page.path}: HTTP ${res.status}, expected text ${page.expect ? "missing" : ""}`);
    log(`${page.name}: ${page.path} → ${(body.length / 1024).toFixed(0)} kB of HTML`);
    if (args.includes("--dump")) writeFileSync(path.join(os.tmpdir(), `sothidua-bench-${pages.indexOf(page)}.html`), body);
  }
  log(`server up on ${base} (${workers} worker${workers > 1 ? "s" : ""}); pages answer 200 for ${actor.displayName}`);
  if (args.includes("--serve")) {
    // Keep the server up to look at the pages at scale (log in as thuky.cum-1 / admin, password ThiDua@2022).
    log(`serving until Ctrl-C; session cookie: ${headers.cookie}`);
    for (const page of pages) log(`  ${base}${page.path}`);
    await new Promise(() => {});
  }

  // --replica: the overview reads the workers sent to the replica or, it being behind or down, to the primary.
  const replicaReads = async (): Promise<Record<string, number>> => {
    const text = await (await fetch(`${base}/metrics`, { headers: { authorization: "Bearer bench-metrics" } })).text();
    const counts: Record<string, number> = { replica: 0, lagging: 0, unavailable: 0 };
    for (const m of text.matchAll(/^sothidua_db_replica_reads_total\{result="(\w+)"\} (\d+)/gm)) counts[m[1]!] = Number(m[2]);
    return counts;
  };
  async function load(pathName: string, c: number, seconds: number): Promise<Stats> {
    const latencies: number[] = [];
    let errors = 0;
    const run = autocannon({ url: base + pathName, connections: c, duration: seconds, headers, timeout: 30 });
    run.on("response", (_client, status, _bytes, t) => {
      if (status === 200) latencies.push(t);
      else if (errors++ === 0) log(`${pathName}: first non-200 answer: HTTP ${status}`);
    });
    const start = performance.now();
    const cpu = workersCpuMs();
    await run;
    const result = stats(latencies, (performance.now() - start) / 1000, errors);
    result.cpuPerResponse = (workersCpuMs() - cpu) / Math.max(1, latencies.length + errors);
    return result;
  }

  if (observability) {
    const c = connections.includes(10) ? 10 : connections[0]!;
    const runs: { mode: keyof typeof MODES; http: Stats }[] = [];
    for (const mode of ["on", "off", "on", "off"] as const) {
      if (runs.length) {
        await server!.stop();
        await startServer(MODES[mode]);
      }
      await load(pages[0]!.path, c, 10); // warm-up of the new processes (JIT, caches)
      const http = await load(pages[0]!.path, c, duration);
      if (mode === "on") {
        // The metrics are really kept: the scrape counts this run's responses (every worker's).
        const text = await (await fetch(`${base}/metrics`, { headers: { authorization: "Bearer bench-metrics" } })).text();
        const counted = [...text.matchAll(/^sothidua_http_request_duration_seconds_count\{[^}]*status="200"[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
        log(`metrics: ${counted} responses counted by the workers`);
      }
      runs.push({ mode, http });
      log(`${pages[0]!.name} @${c}, logs+metrics ${mode}: p50 ${http.p50.toFixed(1)} p95 ${http.p95.toFixed(1)} ms, ${http.rps.toFixed(1)} req/s, server CPU ${http.cpuPerResponse!.toFixed(2)} ms/response`);
    }
    const mean = (mode: string, f: (s: Stats) => number) => runs.filter((r) => r.mode === mode).reduce((a, r) => a + f(r.http), 0) / 2;
    const [rpsOn, rpsOff] = [mean("on", (x) => x.rps), mean("off", (x) => x.rps)];
    const [cpuOn, cpuOff] = [mean("on", (x) => x.cpuPerResponse!), mean("off", (x) => x.cpuPerResponse!)];
    console.log(`\nLogging + metrics at ${c} connections (${duration} s × 2 each, alternated): ${rpsOn.toFixed(1)} vs ${rpsOff.toFixed(1)} req/s off (${((100 * (rpsOff - rpsOn)) / rpsOff).toFixed(1)} % fewer); server CPU ${cpuOn.toFixed(2)} vs ${cpuOff.toFixed(2)} ms/response off (${((100 * (cpuOn - cpuOff)) / cpuOff).toFixed(1)} % more)`);
    await admin.end();
    await floorPool.end();
    await capturePool.end();
    await shutdown(0);
  }

  const rows: { page: string; c: number; http: Stats; sql: Stats; writes?: WriteCount; computed?: number }[] = [];
  // With --writes: how many times the servers computed the dashboard during a run (cache misses), read
  // from Postgres's own count of reads of "CriteriaSection" (one per computation, for the section totals; nothing else in these
  // runs reads it), independent of how busy the CPUs are. Backends publish their counts when idle, at
  // most 10 s late: hence the wait.
  const dashboardComputations = async () => {
    await new Promise((r) => setTimeout(r, 16_000));
    const { rows: [row] } = await admin.query<{ n: number }>(
      `SELECT (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int AS n FROM pg_stat_user_tables WHERE relname = 'CriteriaSection'`,
    );
    return row!.n;
  };
  // Writers for the dashboard's runs (--writes): none, in other clusters, in the measured one.
  const writerSets: [string, Writers | null][] = [["", null]];
  if (writesPerSecond > 0) {
    for (const where of ["other", "same"] as const) {
      if (writesIn !== where && writesIn !== "both") continue;
      writerSets.push([where === "other" ? " +writes elsewhere" : " +writes same cluster", await prepareWriters({ url: db.url, perSecond: writesPerSecond, clusterId: target.clusterId, where })]);
    }
    log(`writes: ${writesPerSecond}/s, ${writerSets.slice(1).map(([label]) => label.trim()).join(", ")}`);
  }
  const only = arg("pages", "dashboard,unit,officer,baseline").split(",");
  if (only.includes("baseline")) {
    // The app's fixed cost per page (session, user, layout, navigation): the title catalogue, a short list.
    await load("/titles", 10, 3);
    for (const c of connections) {
      const http = await load("/titles", c, duration);
      rows.push({ page: "(so sánh) /titles", c, http, sql: { p50: NaN, p95: NaN, p99: NaN, rps: NaN, count: 0, errors: 0 } });
      log(`/titles @${c}: HTTP p50 ${http.p50.toFixed(1)} p95 ${http.p95.toFixed(1)} ms, ${http.rps.toFixed(1)} req/s, server CPU ${http.cpuPerResponse!.toFixed(1)} ms/response`);
    }
  }
  for (const [i, page] of pages.entries()) {
    if (!only.includes(["dashboard", "unit", "officer"][i]!)) continue;
    await load(page.path, 10, 3); // warm-up (JIT, caches)
    for (const c of connections) {
      for (const [label, writers] of i === 0 ? writerSets : writerSets.slice(0, 1)) {
        const before = writesPerSecond > 0 ? await dashboardComputations() : 0;
        const readsBefore = replica ? await replicaReads() : undefined;
        writers?.start();
        const http = await load(page.path, c, duration);
        if (readsBefore) {
          const after = await replicaReads();
          const delta = (k: string) => after[k]! - readsBefore[k]!;
          log(`${page.name}${label} @${c}: overview reads on the replica ${delta("replica")}, on the primary because the replica was behind ${delta("lagging")} / unavailable ${delta("unavailable")} (the others came from the in-process cache)`);
        }
        const computed = writesPerSecond > 0 ? (await dashboardComputations()) - before : undefined;
        const sql = await floor(captured.get(page.name)!, c);
        const writes = await writers?.stop();
        rows.push({ page: page.name + label, c, http, sql, writes, computed });
        const w =
          (writes ? `; ${(writes.done / writes.seconds).toFixed(1)} writes/s (${writes.failed} refused)` : "") +
          (computed !== undefined ? `; computed ${computed} times for ${http.count} responses (${((100 * computed) / Math.max(1, http.count)).toFixed(1)} per 100)` : "");
        log(`${page.name}${label} @${c}: HTTP p50 ${http.p50.toFixed(1)} p95 ${http.p95.toFixed(1)} p99 ${http.p99.toFixed(1)} ms, ${http.rps.toFixed(1)} req/s, server CPU ${http.cpuPerResponse!.toFixed(1)} ms/response; SQL floor p50 ${sql.p50.toFixed(1)} p95 ${sql.p95.toFixed(1)} ms${w}`);
      }
    }
  }

  console.log(
    `\nMinistry-scale overview benchmark${replica ? " (overview reads on a streaming read replica; SQL floor on the replica)" : ""} — ${scale.clusters} clusters, ${scale.units} units, ${scale.officers.toLocaleString("vi-VN")} officers, ${scale.years} years; ${os.cpus().length} CPUs; ${workers} app worker(s); ${duration} s per run; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n`,
  );
  console.log("page                                          conn |   HTTP p50     p95     p99   req/s  err  CPU/resp |  SQL p50     p95     p99   req/s | p95 ÷ SQL p95");
  for (const r of rows) {
    console.log(
      `${r.page.padEnd(45)} ${String(r.c).padStart(4)} | ${ms(r.http.p50)} ${ms(r.http.p95)} ${ms(r.http.p99)} ${r.http.rps.toFixed(1).padStart(7)} ${String(r.http.errors).padStart(4)} ${ms(r.http.cpuPerResponse ?? NaN)}   | ${ms(r.sql.p50)} ${ms(r.sql.p95)} ${ms(r.sql.p99)} ${r.sql.rps.toFixed(1).padStart(7)} | ${(r.http.p95 / r.sql.p95).toFixed(1).padStart(5)}×`,
    );
  }
  for (const dash of rows.filter((r) => r.page.startsWith(pages[0]!.name) && r.c === 10)) {
    const okAbs = dash.http.p95 < 150;
    const okRel = dash.http.p95 <= 3 * dash.sql.p95;
    console.log(`\nTarget (${dash.page}${dash.writes ? `, ${(dash.writes.done / dash.writes.seconds).toFixed(1)} writes/s` : ""}): dashboard p95 at 10 connections < 150 ms: ${dash.http.p95.toFixed(1)} ms ${okAbs ? "✓" : "✗"}; within 3× of the SQL floor (${dash.sql.p95.toFixed(1)} ms): ${(dash.http.p95 / dash.sql.p95).toFixed(1)}× ${okRel ? "✓" : "✗"}`);
  }
  await admin.end();
  await floorPool.end();
  await capturePool.end();
  await shutdown(0);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
