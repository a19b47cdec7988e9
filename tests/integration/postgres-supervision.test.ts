// The embedded Postgres under `npm start` (scripts/lib/database.ts; issue 18, fault 2): killed with -9,
// it is started again on the same port with the reason reported and its log kept in a file; when it
// cannot start, the error says why (Postgres's own words), not "undefined".
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres, type Database } from "../../scripts/lib/database";

const dir = mkdtempSync(path.join(os.tmpdir(), "sothidua-supervised-"));
chmodSync(dir, 0o755);
const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the supervised embedded Postgres", () => {
  it("is restarted after kill -9, says why it stopped, and keeps its log in the given file", async () => {
    const dataDir = path.join(dir, "pg");
    const logFile = path.join(dir, "postgres.log");
    const reports: string[] = [];
    const db = await startEmbeddedPostgres(dataDir, "supervised", { quiet: true, logFile, supervise: true, report: (m) => reports.push(m) });
    opened.push(db);
    expect(await answers(db.url)).toBe(true);
    const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    let back = false;
    for (let i = 0; i < 200 && !back; i++) {
      await new Promise((r) => setTimeout(r, 250));
      back = reports.some((r) => r === "PostgreSQL is running again") && (await answers(db.url));
    }
    expect(back).toBe(true);
    expect(reports[0]).toMatch(/^PostgreSQL stopped \(SIGKILL\)/);
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, "utf8")).toMatch(/database system is ready to accept connections[\s\S]*database system is ready to accept connections/);
  }, 90_000);

  it("says why it cannot start", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const failed = await startEmbeddedPostgres(path.join(dir, "pg2"), "blocked", { quiet: true, port }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failed).toBeInstanceOf(Error);
      expect((failed as Error).message).toMatch(/^PostgreSQL did not start .*: .*(could not bind|Address already in use|could not create any TCP\/IP sockets)/s);
    } finally {
      blocker.close();
    }
  }, 90_000);
});
