// Calls the Prisma CLI (offline set-up: prisma/offline-cli.ts) for migrations.
import { spawnSync, type StdioOptions } from "node:child_process";
import path from "node:path";

export function prismaCli(root: string, databaseUrl: string, args: string[], stdio: StdioOptions = "pipe") {
  return spawnSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), ...args], {
    cwd: root,
    stdio,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // See prisma/offline-cli.ts: any existing file stops the CLI from fetching native engines.
      PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
}

/** Applies pending migrations; throws with the CLI's output when that fails. */
export function migrateDeploy(root: string, databaseUrl: string) {
  const run = prismaCli(root, databaseUrl, ["migrate", "deploy"]);
  if (run.status !== 0) throw new Error(`prisma migrate deploy failed:\n${run.stdout}\n${run.stderr}`);
}
