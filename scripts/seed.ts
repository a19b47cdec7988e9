// Seeds the demo data into the app's database (DATABASE_URL, or the embedded server under .data/):
// applies pending migrations, then seeds only when the database has no users yet. The demo reaches
// today (APP_TODAY=yyyy-mm-dd pins the day): the years before it closed, today's year in registration.
// Usage: npx tsx scripts/seed.ts      (APP_TODAY=2027-12-31 npx tsx scripts/seed.ts)
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openAppDatabase } from "./lib/database";
import { migrateDeploy } from "./lib/migrate";
import { createPrismaClient } from "@/server/db";
import { DEMO_CLUSTER, DEMO_PASSWORD, demoAccounts, isDatabaseEmpty, seedDemoData } from "@/server/seed/demo";
import { ROLE_LABELS } from "@/domain/permissions";

const root = path.resolve(import.meta.dirname, "..");

/** The demo accounts and what each sees on `day` (the day the demo was loaded for). */
function printAccounts(day?: string) {
  const DEMO_ACCOUNTS = demoAccounts(day);
  const width = (values: string[]) => Math.max(...values.map((v) => [...v].length));
  const w1 = width(DEMO_ACCOUNTS.map((a) => a.username));
  const w2 = width(DEMO_ACCOUNTS.map((a) => ROLE_LABELS[a.role]));
  const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - [...s].length));
  console.log(`\nTài khoản demo (mật khẩu chung: ${DEMO_PASSWORD})`);
  console.log(`  ${pad("Tên đăng nhập", w1)}  ${pad("Vai trò", w2)}  Tên hiển thị`);
  for (const a of DEMO_ACCOUNTS) {
    console.log(`  ${pad(a.username, w1)}  ${pad(ROLE_LABELS[a.role], w2)}  ${a.displayName}${a.unitCode ? ` [${a.unitCode}]` : ""}`);
    console.log(`  ${" ".repeat(w1)}  → ${a.sees}`);
  }
}

const started = performance.now();
const db = await openAppDatabase(root);
const prisma = createPrismaClient(db.url);
let status = 0;
try {
  migrateDeploy(root, db.url);
  if (!(await isDatabaseEmpty(prisma))) {
    console.log("The database already has data (users exist): nothing seeded.");
    if (await prisma.cluster.findUnique({ where: { code: DEMO_CLUSTER.code }, select: { id: true } })) {
      // What each account sees depends on the day the demo was loaded for, which the seed's audit entry keeps.
      const seeded = await prisma.auditLog.findFirst({ where: { action: "seed.open-year" }, orderBy: { id: "desc" }, select: { after: true } });
      const day = (seeded?.after as { today?: string } | null)?.today;
      printAccounts(day);
    }
  } else {
    const t0 = performance.now();
    const { summary, today } = await seedDemoData(prisma);
    const seconds = ((performance.now() - t0) / 1000).toFixed(2);
    console.log(summary);
    console.log(`Seed: ${seconds} s (total with database start and migrations: ${((performance.now() - started) / 1000).toFixed(2)} s)`);
    printAccounts(today);
  }
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  status = 1;
} finally {
  await prisma.$disconnect();
  await db.stop();
}
process.exit(status);
