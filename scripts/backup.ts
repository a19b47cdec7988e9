// `npm run backup [file]`: a consistent backup of the app's database (embedded or DATABASE_URL).
import path from "node:path";
import { backupDatabase } from "./lib/backup";
import { openAppDatabase } from "./lib/database";

const root = path.resolve(import.meta.dirname, "..");
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const file = path.resolve(process.argv[2] ?? path.join(root, ".data", "backups", `sothidua-${stamp}.backup.gz`));

const db = await openAppDatabase(root);
try {
  await import("node:fs").then((fs) => fs.mkdirSync(path.dirname(file), { recursive: true }));
  const started = Date.now();
  const header = await backupDatabase(db.url, file);
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`Đã sao lưu ${rows} bản ghi của ${header.tables.length} bảng vào ${file} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
} finally {
  await db.stop();
}
