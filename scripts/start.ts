// `npm start` (production build) and `npm run dev` (hot reload): one command from a fresh clone to a
// running app. Starts the embedded Postgres unless DATABASE_URL is set, applies migrations, loads the
// demo data into an empty database, builds when the build is missing or older than the sources,
// serves on PORT (default 3000), and stops everything cleanly on Ctrl-C.
import { spawn } from "node:child_process";
import path from "node:path";
import { openAppDatabase } from "./lib/database";
import { authSecret, demoLoginsTable, prepareDatabase } from "./lib/app-setup";
import { buildIfNeeded } from "./lib/build";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

const log = (m: string) => console.log(`[sổ thi đua] ${m}`);

const started = Date.now();
const db = await openAppDatabase(root);
log(db.embedded ? "Đã khởi động PostgreSQL nhúng (dữ liệu trong .data/postgres)." : "Dùng PostgreSQL theo DATABASE_URL.");

let child: ReturnType<typeof spawn> | undefined;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
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
  const { seeded, summary } = await prepareDatabase(root, db.url, { demo: process.env.SEED_DEMO !== "false" });
  if (seeded) log(`Đã nạp dữ liệu mẫu: ${summary}`);

  const env = { ...process.env, DATABASE_URL: db.url, AUTH_SECRET: authSecret(root), PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  if (!dev) buildIfNeeded(root, env, log);
  child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], { cwd: root, env, stdio: ["inherit", "pipe", "inherit"] });
  let announced = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      log(`Sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${port}`);
      if (process.env.SEED_DEMO !== "false") console.log(`\nTài khoản mẫu:\n${demoLoginsTable()}\n\nNhấn Ctrl-C để dừng.\n`);
    }
  });
  child.on("exit", (code) => void stop(code ?? 0));
} catch (error) {
  console.error(error);
  await stop(1);
}
