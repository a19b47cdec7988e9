// The app as the browser tests see it: a production build on a throwaway database with the demo
// data. Started by Playwright (playwright.config.ts) and stopped by it with SIGTERM.
//
// Two instances of the same build run on one database, as two stateless instances behind a load
// balancer (docs/domain.md §8): E2E_PORT, which Playwright waits for, and E2E_PORT+1, used only by
// tests/e2e/two-instances.spec.ts. Same DATABASE_URL and AUTH_SECRET, so a session minted by one is
// valid on the other. The second one is started first and awaited before the first one starts: once
// Playwright sees E2E_PORT answer, both are up, with one webServer entry and no second script.
// An idle instance costs ~250 MB and no CPU; E2E_INSTANCES=1 leaves the second one out.
//
// A third instance, on E2E_PORT+2, plays the demo on a pinned day (APP_TODAY=E2E_PINNED_TODAY, default
// 31/12/2027, a year-end): its own database on the same Postgres, seeded for that day, for
// tests/e2e/demo-today.spec.ts. E2E_PINNED=0 leaves it out (that spec then skips its pinned part).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openThrowawayDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/app-setup";
import { buildIfNeeded } from "./lib/build";
import { demoToday } from "../src/server/seed/demo";
import { E2E_DEMO_FILE, e2ePinnedToday } from "./lib/e2e-days";
import { e2eDatabaseUrlFile } from "./lib/e2e-database";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? "3100");
const instances = process.env.E2E_INSTANCES === "1" ? 1 : 2;
const pinnedToday = e2ePinnedToday();
const db = await openThrowawayDatabase("e2e");
const children: ChildProcess[] = [];
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map((child) => {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        return exited;
      }),
  );
  rmSync(e2eDatabaseUrlFile(port), { force: true });
  await dropPinned?.().catch(() => {});
  await db.stop();
  process.exit(code);
}

let dropPinned: (() => Promise<void>) | undefined;
/** A second database on the e2e server (dropped on stop, with the server's own when it is throwaway). */
async function databaseBeside(url: string, suffix: string): Promise<string> {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const name = `${new URL(url).pathname.slice(1)}_${suffix}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await client.end();
  dropPinned = async () => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await c.end();
  };
  const out = new URL(url);
  out.pathname = `/${name}`;
  return out.toString();
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

function startInstance(env: NodeJS.ProcessEnv, instancePort: number) {
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(instancePort)], { cwd: root, env: { ...env, PORT: String(instancePort) }, stdio: "inherit" });
  child.on("exit", (code) => void stop(code ?? 1));
  children.push(child);
}

/** Resolves once the instance answers its login page; fails after `ms`. */
async function waitForInstance(instancePort: number, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://localhost:${instancePort}/login`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the instance on port ${instancePort} did not start within ${ms / 1000} s`);
}

try {
  // The machine's day (or APP_TODAY), written down for the tests (tests/e2e/helpers.ts DEMO): a run
  // that crosses midnight in Vietnam still checks the demo against the day it was seeded for.
  const today = demoToday();
  mkdirSync(path.dirname(E2E_DEMO_FILE), { recursive: true });
  writeFileSync(E2E_DEMO_FILE, JSON.stringify({ today, pinnedToday }));
  await prepareDatabase(root, db.url, { demo: true, today });
  // Where the specs' database fixtures (tests/e2e/db-fixture.ts) find this run's throwaway database.
  writeFileSync(e2eDatabaseUrlFile(port), db.url, { mode: 0o600 });
  // The request log at warn (LOG_LEVEL=info shows a line per request of the browser tests).
  const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };
  buildIfNeeded(root, env, (m) => console.log(m));
  if (instances === 2) {
    startInstance(env, port + 1);
    await waitForInstance(port + 1);
  }
  if (pinnedToday) {
    const pinnedUrl = await databaseBeside(db.url, "pinned");
    await prepareDatabase(root, pinnedUrl, { demo: true, today: pinnedToday });
    startInstance({ ...env, DATABASE_URL: pinnedUrl, APP_TODAY: pinnedToday, JOBS: "off" }, port + 2);
    await waitForInstance(port + 2);
  }
  startInstance(env, port);
} catch (error) {
  console.error(error);
  await stop(1);
}
