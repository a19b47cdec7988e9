// The browser tests' throwaway database, as their fixtures reach it: scripts/e2e-server.ts writes its
// address to this file (owner-only) and removes it when it stops; tests/e2e/db-fixture.ts reads it.
import os from "node:os";
import path from "node:path";

export const e2eDatabaseUrlFile = (port: number | string) => path.join(os.tmpdir(), `sothidua-e2e-${port}.database-url`);
