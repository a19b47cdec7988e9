// A Postgres of one test file's own (embedded, in a temporary folder, on a fixed port), which the test
// may stop and start again, or freeze (SIGSTOP on the postmaster and every backend) and thaw — the
// faults of issue 18, on the real server. The app's modules are pointed at it with usePool.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type Database } from "../../scripts/lib/database";
import { migrateDeploy } from "../../scripts/lib/migrate";

export type OwnPostgres = {
  url: string;
  migrate(): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops every process of the server without ending any connection; `thaw` resumes them. */
  freeze(): void;
  thaw(): void;
  remove(): Promise<void>;
};

/** The postmaster's pid and its children's (backends, background workers), from /proc. */
function serverPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ")".
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

export async function startOwnPostgres(name: string): Promise<OwnPostgres> {
  const root = path.resolve(import.meta.dirname, "../..");
  const dir = mkdtempSync(path.join(os.tmpdir(), `sothidua-${name}-`));
  chmodSync(dir, 0o755); // the embedded server may run as the `postgres` system user
  const dataDir = path.join(dir, "pg");
  const port = await freePort();
  let db: Database | undefined = await startEmbeddedPostgres(dataDir, name, { quiet: true, port });
  let frozen: number[] = [];
  const own: OwnPostgres = {
    url: db.url,
    migrate: () => migrateDeploy(root, own.url),
    async stop() {
      await db?.stop();
      db = undefined;
    },
    async start() {
      db = await startEmbeddedPostgres(dataDir, name, { quiet: true, port });
    },
    freeze() {
      frozen = serverPids(dataDir);
      for (const pid of frozen) process.kill(pid, "SIGSTOP");
    },
    thaw() {
      for (const pid of frozen) process.kill(pid, "SIGCONT");
      frozen = [];
    },
    async remove() {
      own.thaw();
      await own.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return own;
}
