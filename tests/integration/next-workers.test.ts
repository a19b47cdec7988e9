// The production launcher (scripts/lib/next-workers.ts) with a stand-in for `next start`: a server
// that answers with its process id. Several workers share one port, a worker that dies is replaced —
// once the app has served, always (with back-off when replacements keep dying) — one that dies at the
// app's start-up stops everything, workers stopped on purpose are not replaced, a scrape of one
// worker answers every worker's metrics summed, and stopping leaves no worker behind.
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startNextWorkers, workerCount, type NextWorkers } from "../../scripts/lib/next-workers";

const dir = mkdtempSync(path.join(os.tmpdir(), "next-workers-"));
const standIn = path.join(dir, "server.cjs");
writeFileSync(
  standIn,
  `const port = Number(process.argv[2]);
   if (process.env.FAIL_AT_START) process.exit(3);
   require("node:http").createServer((req, res) => {
     if (req.url === "/crash") { res.end("bye"); setTimeout(() => process.exit(1), 10); return; }
     res.setHeader("connection", "close");
     res.end(String(process.pid));
   }).listen(port);
   console.log("listening " + process.pid);`,
);

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0);
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const pidsFrom = async (port: number, requests: number) => {
  const pids = new Set<string>();
  for (let i = 0; i < requests; i++) pids.add(await (await fetch(`http://127.0.0.1:${port}/`)).text());
  return pids;
};

let running: NextWorkers | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

function start(port: number, workers: number, env: Record<string, string> = {}, earlyExitMs?: number) {
  running = startNextWorkers({ root: dir, port, workers, env: { ...process.env, ...env }, output: () => {}, program: { exec: standIn, args: [String(port)] }, earlyExitMs });
  return running;
}

describe("next-workers", () => {
  it("runs the workers on one port, the connections shared between them", async () => {
    const port = await freePort();
    await start(port, 2).ready;
    const pids = await pidsFrom(port, 8);
    expect(pids.size).toBe(2);
  });

  it("replaces a worker that stops after start-up, and leaves none behind when stopped", async () => {
    const port = await freePort();
    const workers = start(port, 2, {}, 300);
    await workers.ready;
    const first = await pidsFrom(port, 6);
    await new Promise((r) => setTimeout(r, 400));
    await fetch(`http://127.0.0.1:${port}/crash`);
    let now = first;
    for (let i = 0; i < 50 && [...now].every((pid) => first.has(pid)); i++) {
      await new Promise((r) => setTimeout(r, 100));
      now = await pidsFrom(port, 4);
    }
    expect([...now].some((pid) => !first.has(pid))).toBe(true); // a new worker serves
    await workers.stop();
    const alive = [...first, ...now].filter((pid) => {
      try {
        process.kill(Number(pid), 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });

  it("once serving, replaces every worker killed with SIGKILL, even a replacement killed at its start (back-off), and stays up", async () => {
    const port = await freePort();
    const workers = start(port, 2, {}, 20_000);
    let exited = false;
    void workers.exited.then(() => (exited = true));
    await workers.ready;
    const first = [...(await pidsFrom(port, 6))];
    expect(first).toHaveLength(2);
    const seen = new Set(first);
    // Kill a worker, then its replacement as soon as it serves, twice: each within earlyExitMs.
    let victim = first[0]!;
    for (let round = 0; round < 3; round++) {
      process.kill(Number(victim), "SIGKILL");
      let fresh: string | undefined;
      for (let i = 0; i < 100 && !fresh; i++) {
        await new Promise((r) => setTimeout(r, 100));
        fresh = [...(await pidsFrom(port, 4))].find((pid) => !seen.has(pid));
      }
      expect(fresh, `a replacement after kill ${round + 1}`).toBeDefined();
      seen.add(fresh!);
      victim = fresh!;
    }
    expect(exited).toBe(false);
    expect((await pidsFrom(port, 4)).size).toBe(2);
  }, 30_000);

  it("a scrape of any worker answers the metrics summed over every worker", async () => {
    const port = await freePort();
    const worker = path.resolve(import.meta.dirname, "../support/metrics-worker.ts");
    running = startNextWorkers({
      root: path.resolve(import.meta.dirname, "../.."), // the workers' folder: where `--import tsx` resolves
      port,
      workers: 2,
      env: { ...process.env, METRICS_TOKEN: "t" },
      output: () => {},
      nodeArgs: ["--import", "tsx"],
      program: { exec: worker, args: [String(port)] },
    });
    await running.ready;
    expect((await pidsFrom(port, 10)).size).toBe(2); // both workers served some of the 10
    for (let i = 0; i < 2; i++) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toMatch(/^sothidua_http_request_duration_seconds_count\{method="GET",route="\/page",status="200"\} 10$/m);
    }
  }, 60_000);

  it("gives up when a worker stops at start-up", async () => {
    const port = await freePort();
    expect(await start(port, 2, { FAIL_AT_START: "1" }).exited).toBe(3);
  });

  it("does not replace workers stopped on purpose (Ctrl-C reaches them too), and says so when none is left", async () => {
    const port = await freePort();
    const workers = start(port, 2, {}, 0);
    await workers.ready;
    const pids = [...(await pidsFrom(port, 6))].map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) process.kill(pid, "SIGTERM");
    expect(await workers.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("takes the number of workers from WEB_CONCURRENCY, else one per CPU up to 4", () => {
    expect(workerCount({ WEB_CONCURRENCY: "3" })).toBe(3);
    expect(workerCount({ WEB_CONCURRENCY: "zero" })).toBe(Math.min(os.availableParallelism(), 4));
    expect(workerCount({})).toBe(Math.min(os.availableParallelism(), 4));
  });
});
