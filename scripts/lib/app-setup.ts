// Brings a database up to date for the app: migrations, then the demo data when it is empty.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../src/server/db";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoData } from "../../src/server/seed/demo";
import { migrateDeploy } from "./migrate";

export async function prepareDatabase(root: string, url: string, opts: { demo: boolean }) {
  migrateDeploy(root, url);
  const prisma = createPrismaClient(url);
  try {
    if (opts.demo && (await isDatabaseEmpty(prisma))) {
      const { summary } = await seedDemoData(prisma);
      return { seeded: true, summary };
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

export function demoLoginsTable(): string {
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(16)} ${a.password.padEnd(14)} ${a.displayName}`);
  return ["  Tên đăng nhập    Mật khẩu       Người dùng", ...rows].join("\n");
}
