// The days the browser tests' demo is seeded for, shared by scripts/e2e-server.ts (which seeds) and
// tests/e2e/helpers.ts (which reads): the machine's day for the main instances, written to
// E2E_DEMO_FILE when the server starts, and a pinned day for the third instance (E2E_PINNED_TODAY,
// default a year-end; E2E_PINNED=0: no such instance).
import path from "node:path";

export const E2E_DEMO_FILE = path.resolve(import.meta.dirname, "../../test-results/e2e-demo.json");

export const DEFAULT_PINNED_TODAY = "2027-12-31";

/** The pinned day of the third instance, or null when it is left out. */
export function e2ePinnedToday(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.E2E_PINNED === "0" ? null : (env.E2E_PINNED_TODAY ?? DEFAULT_PINNED_TODAY);
}
