// `npm test`: the whole suite — unit and integration tests (Vitest, real Postgres), then the browser
// tests (Playwright, real Chromium against a production build). Exits non-zero on any failure and
// ends with one plain line of totals.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "test-results", "summary");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

// Lint first (`npm run lint`); its failure fails the run, but the tests still run so one run shows everything.
const lint = spawnSync("npm", ["run", "--silent", "lint"], { cwd: root, stdio: "inherit" });

const vitestJson = path.join(out, "vitest.json");
const vitest = spawnSync(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], { cwd: root, stdio: "inherit" });

const playwrightJson = path.join(out, "playwright.json");
const playwright = spawnSync(bin("playwright"), ["test", "--reporter=list,json"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
});

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}
const v = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number }>(vitestJson);
const p = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightJson);
const passed = (v?.numPassedTests ?? 0) + (p ? p.stats.expected + p.stats.flaky : 0);
const failed = (v?.numFailedTests ?? 0) + (p?.stats.unexpected ?? 0);
const skipped = (v?.numPendingTests ?? 0) + (p?.stats.skipped ?? 0);
// Exit codes and the counted results must both say "all passed".
const ok = lint.status === 0 && vitest.status === 0 && playwright.status === 0 && v !== null && p !== null && failed === 0;

console.log(`\n(eslint exit ${lint.status}, vitest exit ${vitest.status}, playwright exit ${playwright.status})`);
console.log(`Lint: ${lint.status === 0 ? "no problems" : "FAILED (see the ESLint output above)"}`);
console.log(`Vitest: ${v ? `${v.numPassedTests} passed, ${v.numFailedTests} failed` : "no result"} · Playwright: ${p ? `${p.stats.expected} passed, ${p.stats.unexpected} failed` : "no result"}`);
// A run that crashed before counting still reports a failure.
const failedShown = ok ? failed : Math.max(failed, 1);
console.log(`tests: ${passed} passed, ${failedShown} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(ok ? 0 : 1);
