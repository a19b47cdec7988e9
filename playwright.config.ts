import { defineConfig, devices } from "@playwright/test";
import { findBrowser } from "./tests/e2e/browser";

const port = process.env.E2E_PORT ?? "3100";
const browser = findBrowser();
console.log(`[e2e] ${browser.source}`);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e", // Playwright empties this folder; npm test keeps its summary beside it
  fullyParallel: false,
  workers: 1, // two cores: the server, Postgres and one browser already fill them
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: browser.executablePath, args: browser.args },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: browser.executablePath, args: browser.args } } }],
  // One entry for two instances: the script starts the second one (E2E_PORT+1, same database, for
  // two-instances.spec.ts) and waits for it before starting the one on E2E_PORT that is awaited here.
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/login`,
    timeout: 15 * 60_000, // includes a production build when none is current
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
