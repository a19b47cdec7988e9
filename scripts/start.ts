// `npm start` (production build) and `npm run dev` (hot reload): one command from a fresh clone to a
// running app. Starts the embedded Postgres unless DATABASE_URL is set, applies migrations, loads the
// demo data into an empty database, builds when the build is missing or older than the sources,
// serves on PORT (default 3000) — in production with one worker per CPU (WEB_CONCURRENCY;
// scripts/lib/next-workers.ts) — and stops everything cleanly on Ctrl-C.
import { spawn } from "node:child_process";
import path from "node:path";
import { openAppDatabase } from "./lib/database";
import { authSecret, demoLoginsTable, prepareDatabase } from "./lib/app-setup";
import { buildIfNeeded } from "./lib/build";
import { startNextWorkers, workerCount, type NextWorkers } from "./lib/next-workers";
import { emailConfig } from "../src/server/notifications/email-config";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

const log = (m: string) => console.log(`[sổ thi đua] ${m}`);

const started = Date.now();
// Supervised (scripts/lib/database.ts): restarted when it stops; its own log is .data/postgres.log.
const db = await openAppDatabase(root, { supervise: true }).catch((error: unknown) => {
  log(`Không khởi động được PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
log(db.embedded ? "Đã khởi động PostgreSQL nhúng (dữ liệu trong .data/postgres, nhật ký .data/postgres.log)." : "Dùng PostgreSQL theo DATABASE_URL.");

let devServer: ReturnType<typeof spawn> | undefined;
let workers: NextWorkers | undefined;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (devServer && devServer.exitCode === null) {
    devServer.kill("SIGTERM");
    await new Promise((r) => devServer!.once("exit", r));
  }
  await workers?.stop();
  await db.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

function announce() {
  log(`Sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${port}`);
  if (process.env.SEED_DEMO !== "false") console.log(`\nTài khoản mẫu:\n${demoLoginsTable()}\n\nNhấn Ctrl-C để dừng.\n`);
}

try {
  const { seeded, summary } = await prepareDatabase(root, db.url, { demo: process.env.SEED_DEMO !== "false" });
  if (seeded) log(`Đã nạp dữ liệu mẫu: ${summary}`);

  // E-mail (issue 16): a bad SMTP_URL is said once here, not once per worker; the app runs without e-mail.
  const smtp = emailConfig();
  if (!smtp.enabled && smtp.reason === "invalid") log(`CẢNH BÁO: ${smtp.warning}`);
  else if (smtp.enabled) log("Gửi thông báo qua thư điện tử: bật (SMTP_URL).");
  const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: authSecret(root), PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", SMTP_WARNED: "1" };
  if (dev) {
    devServer = spawn(process.execPath, [nextBin, "dev", "-p", String(port)], { cwd: root, env, stdio: ["inherit", "pipe", "inherit"] });
    let announced = false;
    devServer.stdout!.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
        announced = true;
        announce();
      }
    });
    devServer.on("exit", (code) => void stop(code ?? 0));
  } else {
    buildIfNeeded(root, env, log);
    const count = workerCount();
    let allListening = false;
    workers = startNextWorkers({
      root,
      port,
      env,
      workers: count,
      // Next prints its banner once per worker: the first worker's is enough.
      output: (chunk, index) => {
        if (index === 0 || allListening) process.stdout.write(chunk);
      },
    });
    workers.exited.then((code) => void stop(code));
    await workers.ready;
    allListening = true;
    log(`${count} tiến trình phục vụ (WEB_CONCURRENCY=${count}).`);
    announce();
  }
} catch (error) {
  log(`Không khởi động được: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof Error)) console.error(error);
  await stop(1);
}
