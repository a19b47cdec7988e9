// `npm run restore <file> [--force]`: restores a backup made by `npm run backup` into the app's
// database (embedded or DATABASE_URL), after applying the migrations. Refuses a database that holds
// data unless --force, which replaces everything, in one transaction.
import path from "node:path";
import { RestoreRefused, restoreDatabase } from "./lib/backup";
import { openAppDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/migrate";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("Cách dùng: npm run restore -- <tệp sao lưu> [--force]");
  process.exit(2);
}
const db = await openAppDatabase(root);
let code = 0;
try {
  migrateDeploy(root, db.url);
  const header = await restoreDatabase(db.url, path.resolve(file), { force: args.includes("--force") });
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  console.log(`Đã khôi phục ${rows} bản ghi của ${header.tables.length} bảng (bản sao lưu lúc ${header.createdAt}).`);
} catch (error) {
  if (!(error instanceof RestoreRefused)) throw error;
  console.error(`Không khôi phục: ${error.message}`);
  code = 1;
} finally {
  await db.stop();
}
process.exit(code);
