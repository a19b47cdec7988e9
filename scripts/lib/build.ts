// Builds the production app when the build is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const inputs = ["next.config.ts", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma"]
    .map((f) => path.join(root, f))
    .filter(existsSync)
    .map((f) => statSync(f).mtimeMs);
  return Math.max(newestMtime(path.join(root, "src")), ...inputs) < statSync(buildId).mtimeMs;
}

export function buildIfNeeded(root: string, env: NodeJS.ProcessEnv, log: (m: string) => void) {
  if (buildIsCurrent(root)) return;
  log("Đang build ứng dụng (lần đầu mất vài phút)…");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error("next build failed");
}
