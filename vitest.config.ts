import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname, "src") };
// The app's log (src/server/log.ts) at warn in tests: a request or refusal line per case would bury the
// results; LOG_LEVEL=info npx vitest … shows them.
const env = { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", env },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          env,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One throwaway Postgres for the run; files share it, so they run one after another.
          globalSetup: ["tests/integration/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
