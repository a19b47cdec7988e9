// Lighthouse scores of /login and /overview (issue 13: accessibility 100 on both), as a phone sees them:
// Lighthouse's default mobile emulation (a mid-range phone, 4× slower CPU, slow 4G) in the machine's
// Chromium, headless. /overview is measured signed in as the cluster secretariat.
//
//   npx tsx scripts/lighthouse.ts [--url http://localhost:3000] [--user thuky.cum2] [--pages /login,/overview]
//                                 [--categories accessibility,performance,best-practices] [--json <file>]
//
// Without --url it brings up its own app, as the browser tests do: a throwaway database with the demo
// data and the production build (built first when missing or stale), on a free port; stopped at the end.
// Exits non-zero when a page's accessibility score is under 100. Not part of `npm test`: about 1–2
// minutes with a current build (each page is loaded several times under throttling).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { buildIfNeeded } from "./lib/build";
import { freePort, openThrowawayDatabase, type Database } from "./lib/database";
import { prepareDatabase } from "./lib/app-setup";
import { findBrowser } from "../tests/e2e/browser";
import { DEMO_PASSWORD } from "../tests/e2e/helpers";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv;
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const user = arg("user", "thuky.cum2");
const pages = arg("pages", "/login,/overview").split(",");
const categories = arg("categories", "accessibility,performance,best-practices").split(",");
const jsonOut = arg("json", "");
const log = (m: string) => console.log(`[lighthouse] ${m}`);

let server: ChildProcess | undefined;
let db: Database | undefined;
const started = Date.now();

async function waitFor(url: string, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** The app on a free port with a throwaway database and the demo data. */
async function startApp(): Promise<string> {
  db = await openThrowawayDatabase("lighthouse");
  await prepareDatabase(root, db.url, { demo: true });
  const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  buildIfNeeded(root, env, log);
  const port = await freePort();
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: root, env: { ...env, PORT: String(port) }, stdio: "ignore" });
  const base = `http://localhost:${port}`;
  await waitFor(`${base}/login`);
  return base;
}

async function stopApp() {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  await db?.stop();
}

type Scores = Record<string, number | null>;

async function main() {
  const base = arg("url", "") || (await startApp());
  log(`app: ${base}`);
  const browserChoice = findBrowser();
  const debugPort = await freePort();
  const profile = mkdtempSync(path.join(os.tmpdir(), "lighthouse-profile-"));
  // One Chromium with its DevTools port open: Playwright signs in, Lighthouse measures in the same profile.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserChoice.executablePath,
    headless: true,
    args: [...browserChoice.args, `--remote-debugging-port=${debugPort}`],
  });
  const results: Record<string, { scores: Scores; failing: string[] }> = {};
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const pathname of pages) {
      if (pathname !== "/login" && !(await page.context().cookies()).some((c) => c.name.includes("session-token"))) {
        await page.goto(`${base}/login`);
        await page.getByLabel("Tên đăng nhập").fill(user);
        await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Đăng nhập" }).click();
        await page.getByTestId("current-user").waitFor();
        await page.goto("about:blank");
      }
      const t0 = Date.now();
      const run = await lighthouse(`${base}${pathname}`, {
        port: debugPort,
        output: "json",
        logLevel: "error",
        onlyCategories: categories,
        disableStorageReset: true, // keep the session cookie
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${pathname}`);
      const lhr = run.lhr;
      if (lhr.runtimeError) throw new Error(`${pathname}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      if (new URL(lhr.finalDisplayedUrl).pathname !== pathname) throw new Error(`${pathname} ended at ${lhr.finalDisplayedUrl} (signed out?)`);
      const scores: Scores = {};
      for (const [id, category] of Object.entries(lhr.categories)) scores[id] = category.score === null ? null : Math.round(category.score * 100);
      const failing = (lhr.categories.accessibility?.auditRefs ?? [])
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual")
        .map((a) => `${a!.id}: ${a!.title}`);
      const tbt = lhr.audits["total-blocking-time"]?.displayValue;
      const mainThread = lhr.audits["mainthread-work-breakdown"]?.displayValue;
      results[pathname] = { scores, failing };
      log(`${pathname}: ${Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(" · ")}${tbt ? ` · total blocking time ${tbt}` : ""}${mainThread ? ` · main-thread work ${mainThread}` : ""} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      for (const f of failing) log(`  accessibility audit failing: ${f}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return Object.values(results).every((r) => r.scores.accessibility === undefined || r.scores.accessibility === 100);
}

try {
  const ok = await main();
  await stopApp();
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error);
  await stopApp();
  process.exit(1);
}
