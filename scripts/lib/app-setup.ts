// Brings a database up to date for the app: migrations, then the demo data when it is empty.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../src/server/db";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoData } from "../../src/server/seed/demo";
import { ROLE_LABELS } from "../../src/domain/permissions";
import { migrateDeploy } from "./migrate";

/** `today`: the day the demo is built for (yyyy-mm-dd); default the app's clock (APP_TODAY when set). */
export async function prepareDatabase(root: string, url: string, opts: { demo: boolean; today?: string }) {
  migrateDeploy(root, url);
  const prisma = createPrismaClient(url);
  try {
    if (opts.demo && (await isDatabaseEmpty(prisma))) {
      const started = performance.now();
      const { summary } = await seedDemoData(prisma, { today: opts.today });
      return { seeded: true, summary: `${summary} (${((performance.now() - started) / 1000).toFixed(1)} s)` };
    }
    return { seeded: false, summary: "" };
  } finally {
    await prisma.$disconnect();
  }
}

/** AUTH_SECRET from the environment, else one generated once and kept under .data/ (git-ignored). */
export function authSecret(root: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/** The demo logins: every unit has a unit officer (canbo.<đơn vị>) and a unit head (lanhdao.<đơn vị>). */
export function demoLoginsTable(): string {
  const role = (a: (typeof DEMO_ACCOUNTS)[number]) => ROLE_LABELS[a.role];
  const w = Math.max(...DEMO_ACCOUNTS.map((a) => [...role(a)].length));
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(16)} ${a.password.padEnd(14)} ${role(a).padEnd(w)}  ${a.displayName}`);
  return [`  Tên đăng nhập    Mật khẩu       ${"Vai trò".padEnd(w)}  Người dùng`, ...rows].join("\n");
}
