// Runs the Prisma CLI against the app's database (DATABASE_URL, or the embedded server it starts).
// Usage: npm run prisma -- migrate dev --name <name>
import path from "node:path";
import { openAppDatabase } from "./lib/database";
import { prismaCli } from "./lib/migrate";

const root = path.resolve(import.meta.dirname, "..");
const db = await openAppDatabase(root);
let status = 1;
try {
  status = prismaCli(root, db.url, process.argv.slice(2), "inherit").status ?? 1;
} finally {
  await db.stop();
}
process.exit(status);
