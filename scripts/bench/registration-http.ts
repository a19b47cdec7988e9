// Benchmark of the registration page through the real server (issue 13): a unit officer of a unit of
// 5,000 officers with ten years of history (registration-data.ts, the data of registration.ts) opens
// /registration — the unit's registration for the year: counts, quota, the unit's collective titles,
// one page of 50 officers with their eligibility — with a signed-in session, at 1 and 10 concurrent
// users (autocannon, from this process), on the production server as `npm start` runs it (`next start`
// workers on one port, scripts/lib/next-workers.ts). Prints p50/p95/p99 and requests per second.
// Target: p95 < 300 ms at 10 concurrent users.
//
//   npx tsx scripts/bench/registration-http.ts [--officers 5000] [--duration 10] [--connections 1,10]
//                                              [--port 3500] [--root .] [--workers N] [--build]
//                                              [--pages first,middle,search,filter,baseline,dashboard] [--serve]
//                                              [--profile <dir>] [--dump] [--before <root>]
//
// A throwaway database (embedded Postgres in a temp folder, or a new database on DATABASE_URL's
// server), removed at the end. The production build must exist in --root (`npx next build` there first;
// --build builds it). The job queue is off in the server (JOBS=off): the page alone is measured.
// Besides latencies, the app workers' own CPU time per response (from /proc, Linux): unlike wall time,
// it does not grow when other work shares the machine. For comparison in the same minutes: `baseline`,
// the title catalogue (/titles), the app's fixed cost of any page; `dashboard`, the cluster dashboard
// (/overview) as the cluster's secretariat sees it, whose idle-machine figures are in docs/performance.md.
// --before <root>: a second production build (e.g. of the commit before a change, in a copy of the
// checkout) served by its own workers on port+1 against the same database; every page is then measured
// on both, one after the other, so that before and after are compared in the same minutes (the machine
// is shared: figures from another time are not comparable). Its query function is not run in-process.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";
import { startNextWorkers, workerCount, type NextWorkers } from "../lib/next-workers";
import { load, ms, signedInHeaders, stats, type Stats } from "./http-load";
import { seedRegistrationBench } from "./registration-data";

const args = process.argv;
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const officers = Number(arg("officers", "5000"));
const duration = Number(arg("duration", "10"));
const connections = arg("connections", "1,10").split(",").map(Number);
const port = Number(arg("port", "3500"));
const workers = Number(arg("workers", String(workerCount())));
const root = path.resolve(arg("root", path.resolve(import.meta.dirname, "../..")));
const only = arg("pages", "first,middle,search,filter,baseline,dashboard").split(",");
const TARGET_P95_MS = 300;
const POOL_SIZE = 10; // the app's default DATABASE_POOL_SIZE
const log = (m: string) => console.log(`[bench] ${m}`);

/** CPU time (user + system, ms) used so far by the app's worker processes; NaN where /proc is missing. */
function workersCpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command name): utime, stime.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return NaN;
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

const db = await openThrowawayDatabase("bench_reg_http");
let server: NextWorkers | undefined;
let beforeServer: NextWorkers | undefined;
async function shutdown(code: number): Promise<never> {
  // Both at once: each set's stop() ends every worker, and a set not yet stopping would replace them.
  await Promise.all([server?.stop(), beforeServer?.stop()]);
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(130));

try {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    if (!args.includes("--build")) throw new Error(`No production build in ${root}: run \`npx next build\` there (or pass --build).`);
    log("building (npx next build)…");
    const b = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  migrateDeploy(root, db.url);
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_POOL_SIZE = String(POOL_SIZE);
  // Imported after DATABASE_URL is set: the client is created on first use.
  const { prisma } = await import("../../src/server/db");
  const { vietnamToday } = await import("../../src/domain/registration-window");
  const { loadActor } = await import("../../src/server/auth/actor");
  const { unitRegistrationPage, TARGET_NONE } = await import("../../src/server/queries/registration");

  const year = Number(vietnamToday(new Date()).slice(0, 4));
  const seeded = await seedRegistrationBench(prisma, { officers, year });
  log(seeded.summary);
  const pageCount = Math.ceil(officers / 50);
  const pages = [
    { key: "first", name: "Trang đăng ký (trang 1)", path: "/registration", params: {} },
    { key: "middle", name: `Trang đăng ký (trang ${Math.ceil(pageCount / 2)})`, path: `/registration?page=${Math.ceil(pageCount / 2)}`, params: { page: Math.ceil(pageCount / 2) } },
    { key: "search", name: "Tìm “nguyen van”", path: "/registration?q=nguyen+van", params: { q: "nguyen van" } },
    { key: "filter", name: "Lọc: chưa đăng ký", path: `/registration?target=${TARGET_NONE}`, params: { target: TARGET_NONE } },
  ].filter((p) => only.includes(p.key));
  const comparisons = [
    { key: "baseline", name: "(so sánh) /titles", path: "/titles", as: "officer" },
    { key: "dashboard", name: "(so sánh) /overview, Thư ký", path: "/overview", as: "secretariat" },
  ].filter((p) => only.includes(p.key));

  // The page's query function alone, in this process (what the server adds on top is rendering).
  const actor = (await loadActor(seeded.officerUserId))!;
  const inProcess = new Map<string, Stats & { cpu: number }>();
  for (const page of pages) {
    await unitRegistrationPage(actor, page.params);
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await unitRegistrationPage(actor, page.params);
      times.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    inProcess.set(page.key, { ...stats(times, 1, 0), cpu: (used.user + used.system) / 1000 / 20 });
  }

  const secret = randomBytes(32).toString("base64url");
  const alivePids = () => Object.values(cluster.workers ?? {}).flatMap((w) => (w?.process.pid && !w.isDead() ? [w.process.pid] : []));
  /** One set of workers serving the build in `buildRoot` on `onPort`, and its workers' process ids. */
  async function serve(buildRoot: string, onPort: number) {
    const known = new Set(alivePids());
    const workerSet = startNextWorkers({
      root: buildRoot,
      port: onPort,
      workers,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: db.url, AUTH_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1", DATABASE_POOL_SIZE: String(POOL_SIZE), JOBS: "off" },
      output: () => {},
      // --profile <dir>: each worker writes a V8 CPU profile there when it stops (for finding hot spots).
      nodeArgs: args.includes("--profile") ? ["--cpu-prof", "--cpu-prof-dir", arg("profile", path.join(os.tmpdir(), "sothidua-profile"))] : [],
    });
    workerSet.exited.then(() => shutdown(1)); // a worker gone during the benchmark
    await workerSet.ready;
    return { workerSet, pids: alivePids().filter((p) => !known.has(p)) };
  }
  const beforeRoot = args.includes("--before") ? path.resolve(arg("before", "")) : null;
  if (beforeRoot && !existsSync(path.join(beforeRoot, ".next", "BUILD_ID"))) throw new Error(`No production build in ${beforeRoot}`);
  const before = beforeRoot ? await serve(beforeRoot, port + 1) : null;
  beforeServer = before?.workerSet;
  const after = await serve(root, port);
  server = after.workerSet;
  const base = `http://127.0.0.1:${port}`;
  const builds = [...(before ? [{ label: "trước", base: `http://127.0.0.1:${port + 1}`, pids: before.pids }] : []), { label: before ? "sau" : "", base, pids: after.pids }];
  const headers = await signedInHeaders(seeded.officerUserId, secret);
  const secretariatHeaders = await signedInHeaders(seeded.secretariatUserId, secret);
  for (const page of pages) {
    for (const b of builds) {
      const res = await fetch(b.base + page.path, { headers, redirect: "manual" });
      const body = await res.text();
      const expect = `Đăng ký thi đua năm ${year}`;
      if (res.status !== 200 || !body.includes(expect)) throw new Error(`${b.label} ${page.path}: HTTP ${res.status}${res.status === 200 ? `, "${expect}" missing` : ""}`);
      log(`${page.name}${b.label && ` (${b.label})`}: ${page.path} → ${(body.length / 1024).toFixed(0)} kB of HTML`);
      if (args.includes("--dump")) writeFileSync(path.join(os.tmpdir(), `sothidua-registration-${page.key}${b.label && `-${b.label}`}.html`), body);
    }
  }
  log(`server up on ${base} (${workers} worker${workers > 1 ? "s" : ""}); pages answer 200 for ${actor.displayName}`);
  if (args.includes("--serve")) {
    log(`serving until Ctrl-C; session cookie: ${headers.cookie}`);
    await new Promise(() => {});
  }

  const rows: { page: string; key: string; build: string; c: number; http: Stats; cpu: number }[] = [];
  for (const page of [...comparisons, ...pages.map((p) => ({ ...p, as: "officer" }))]) {
    const as = page.as === "secretariat" ? secretariatHeaders : headers;
    for (const b of builds) await load(b.base + page.path, 10, 3, as); // warm-up (JIT, caches, prepared statements)
    for (const c of connections) {
      // Before and after one right after the other: the same minutes, the same neighbours on the machine.
      for (const b of builds) {
        const cpuBefore = workersCpuMs(b.pids);
        const http = await load(b.base + page.path, c, duration, as);
        const cpu = (workersCpuMs(b.pids) - cpuBefore) / Math.max(1, http.count + http.errors);
        const name = b.label ? `${page.name} [${b.label}]` : page.name;
        rows.push({ page: name, key: page.key, build: b.label, c, http, cpu });
        log(`${name} @${c}: HTTP p50 ${http.p50.toFixed(1)} p95 ${http.p95.toFixed(1)} p99 ${http.p99.toFixed(1)} ms, ${http.rps.toFixed(1)} req/s, ${http.errors} errors; app CPU ${cpu.toFixed(1)} ms per response`);
      }
    }
  }

  console.log(
    `\nRegistration page benchmark — a unit of ${officers.toLocaleString("vi-VN")} officers (${seeded.summary.split(". ")[0]}); ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}; ${workers} app worker(s); ${duration} s per run\n`,
  );
  console.log("page                                      conn |   HTTP p50     p95     p99   req/s  err | app CPU/resp | query in-process p50   p95   CPU");
  for (const r of rows) {
    const q = r.build === "trước" ? undefined : inProcess.get(r.key);
    console.log(
      `${r.page.padEnd(41)} ${String(r.c).padStart(4)} | ${ms(r.http.p50)} ${ms(r.http.p95)} ${ms(r.http.p99)} ${r.http.rps.toFixed(1).padStart(7)} ${String(r.http.errors).padStart(4)} |      ${ms(r.cpu)} |              ${ms(q?.p50 ?? NaN)} ${ms(q?.p95 ?? NaN)} ${ms(q?.cpu ?? NaN)}`,
    );
  }
  if (builds.length === 2) {
    console.log("\nafter ÷ before (same minutes)              conn | app CPU/resp        ratio | HTTP p95 before → after   ratio");
    for (const r of rows.filter((x) => x.build === "sau")) {
      const b = rows.find((x) => x.build === "trước" && x.key === r.key && x.c === r.c)!;
      console.log(
        `${r.page.replace(" [sau]", "").padEnd(41)} ${String(r.c).padStart(4)} | ${ms(b.cpu)} → ${ms(r.cpu)}  ${(r.cpu / b.cpu).toFixed(2).padStart(5)} | ${ms(b.http.p95)} → ${ms(r.http.p95)}  ${(r.http.p95 / b.http.p95).toFixed(2).padStart(5)}`,
      );
    }
  }
  let failed = false;
  for (const r of rows.filter((x) => x.c === 10 && x.build !== "trước" && pages.some((p) => p.key === x.key))) {
    const ok = r.http.p95 < TARGET_P95_MS && r.http.errors === 0;
    failed ||= !ok;
    console.log(`Target (${r.page}): p95 at 10 concurrent users < ${TARGET_P95_MS} ms: ${r.http.p95.toFixed(1)} ms ${ok ? "✓" : "✗"}`);
  }
  await prisma.$disconnect();
  await shutdown(failed ? 2 : 0);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
