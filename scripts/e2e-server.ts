// The app as the browser tests see it: a production build on a throwaway database with the demo
// data. Started by Playwright (playwright.config.ts) and stopped by it with SIGTERM.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { openThrowawayDatabase } from "./lib/database";
import { prepareDatabase } from "./lib/app-setup";
import { buildIfNeeded } from "./lib/build";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.E2E_PORT ?? "3100";
const db = await openThrowawayDatabase("e2e");
let child: ReturnType<typeof spawn> | undefined;

async function stop(code: number) {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
  }
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  await prepareDatabase(root, db.url, { demo: true });
  const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: randomBytes(32).toString("base64url"), PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
  buildIfNeeded(root, env, (m) => console.log(m));
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  child = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => void stop(code ?? 1));
} catch (error) {
  console.error(error);
  await stop(1);
}
