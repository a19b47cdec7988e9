// The database of the process (app, scripts and tests alike): one `pg` pool, used by the Prisma client
// (through the pg driver adapter) and by `queryRows` for the hot read-only statements of the overview pages;
// with DATABASE_REPLICA_URL, a second pool on a read replica for the overview reads that may use it
// (src/server/read-replica.ts, docs/decisions/0004-read-replica.md).
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { errorField, log } from "@/server/log";

function requireUrl(connectionString: string | undefined): string {
  if (!connectionString) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it.");
  return connectionString;
}
const poolSize = () => Number(process.env.DATABASE_POOL_SIZE ?? 10);
const ms = (name: string, fallback: number) => Number(process.env[name] ?? fallback) || fallback;

/**
 * How long a request may wait for the database before it is answered "busy/unavailable" (issue 18,
 * docs/operations.md): a connection (also a free slot in the pool) within DATABASE_CONNECT_TIMEOUT_MS, one
 * statement within DATABASE_STATEMENT_TIMEOUT_MS — on the server (statement_timeout) and in this process
 * (query_timeout: a frozen server answers nothing), and no transaction left idle for longer.
 */
export function poolTimeouts() {
  const statement = ms("DATABASE_STATEMENT_TIMEOUT_MS", 10_000);
  return {
    connectionTimeoutMillis: ms("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
    statement_timeout: statement,
    query_timeout: statement + 1_000,
    idle_in_transaction_session_timeout: statement,
  };
}

export function createPool(connectionString = process.env.DATABASE_URL): pg.Pool {
  // allowExitOnIdle: scripts end when their work does, without waiting for idle connections to time out.
  const pool = new pg.Pool({ connectionString: requireUrl(connectionString), max: poolSize(), allowExitOnIdle: true, ...poolTimeouts() });
  // An idle connection that Postgres closes (restart, shutdown) is dropped from the pool, not fatal.
  pool.on("error", (error) => log.warn({ event: "db.connection-lost", error: errorField(error, false) }, "idle database connection lost"));
  return pool;
}

/** A client of its own (scripts): the adapter owns its pool, so $disconnect closes every connection. */
export function createPrismaClient(connectionString = process.env.DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: requireUrl(connectionString), max: poolSize() }) });
}

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool; replicaPool?: pg.Pool | null };

/** `work`, or a rejection ("timeout") after `ms`: a server that answers nothing (frozen, unreachable). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Makes `pool` the process's database (the benchmark and a test wrap it to see every statement). */
export function usePool(pool: pg.Pool): PrismaClient {
  globalForDb.pgPool = pool;
  globalForDb.prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return globalForDb.prisma;
}

function database(): { pool: pg.Pool; prisma: PrismaClient } {
  if (!globalForDb.prisma || !globalForDb.pgPool) usePool(createPool());
  return { pool: globalForDb.pgPool!, prisma: globalForDb.prisma! };
}

/** The process's pool (readiness). */
export const appPool = (): pg.Pool => database().pool;

/** The pool if the process has opened one yet (metrics: a scrape opens none). */
export const currentPool = (): pg.Pool | undefined => globalForDb.pgPool;

/**
 * The read replica's pool (DATABASE_REPLICA_URL; same size and timeouts as the primary's), or null
 * when none is configured. `useReplicaPool` sets it (tests, the benchmark; null: no replica).
 */
export function replicaPool(): pg.Pool | null {
  if (globalForDb.replicaPool === undefined) globalForDb.replicaPool = process.env.DATABASE_REPLICA_URL ? createPool(process.env.DATABASE_REPLICA_URL) : null;
  return globalForDb.replicaPool;
}
export const useReplicaPool = (pool: pg.Pool | null) => void (globalForDb.replicaPool = pool);

// The pool `queryRows` uses inside `readingFrom` (read-replica.ts: the replica, once it has caught up).
const readPool = new AsyncLocalStorage<pg.Pool>();

/** Runs `read` with its `queryRows` statements sent to `pool` (only the Prisma client stays on the primary). */
export const readingFrom = <T>(pool: pg.Pool, read: () => Promise<T>): Promise<T> => readPool.run(pool, read);

// Created on first use (so tests can set DATABASE_URL first) and reused across hot reloads.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = database().prisma;
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

// Postgres's codes for a server going away or refusing work (class 08 connection exceptions come by
// prefix), and the driver's own words for a connection lost or timed out.
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P02", "57P03", "57014", "53300", "P1001", "P1017", "P2024", "P2028"]);
const UNAVAILABLE_TEXT = /timeout exceeded when trying to connect|Query read timeout|Connection terminated|connection error|Unable to start a transaction in the given time|Can't reach database|statement timeout|the database system is (starting up|shutting down)/i;

/**
 * The database is down, restarting or too busy (a timeout of the pool above): the request gets "busy /
 * unavailable", never a refusal of what the user sent (issue 18, faults 4 and 5).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const e = queue.shift() as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | null;
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    for (const code of [e.code, e.originalCode]) if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof e.message === "string" && UNAVAILABLE_TEXT.test(e.message)) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

/** The client inside an interactive transaction. */
export type Tx = Prisma.TransactionClient;

// Column types parsed the way Prisma's $queryRaw returns them, except 64-bit integers and numerics as
// plain numbers (counts and totals here are small): timestamps without time zone are UTC, dates are
// midnight UTC.
const PARSERS: Record<number, (value: string) => unknown> = {
  20: Number, // int8
  1700: Number, // numeric
  1082: (v) => new Date(`${v}T00:00:00Z`), // date
  1114: (v) => new Date(`${v.replace(" ", "T")}Z`), // timestamp
};
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") => PARSERS[oid] ?? pg.types.getTypeParser(oid, format as "text"),
} as pg.CustomTypesConfig;

/**
 * A read-only statement straight on the pool, as `prisma.$queryRaw` would run it (same tagged template,
 * same parameters) but without the Prisma client engine, and as a named prepared statement: each
 * connection parses and plans it once, then only binds the parameters. About a third of the CPU per
 * page in this process and less in Postgres (docs/performance.md) — for the overview pages and the
 * acting user's lookup, the busiest reads. Inside `onReplicaWhenFresh` (read-replica.ts) the statements
 * go to the read replica: that is how an overview read says "replica allowed".
 */
export async function queryRows<T>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T> {
  const sql = Prisma.sql(strings, ...values);
  const result = await (readPool.getStore() ?? database().pool).query({ name: statementName(sql.text), text: sql.text, values: sql.values, types });
  return result.rows as T;
}

// The name is the text's hash: one prepared statement per distinct text, whatever the call site.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `q_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}
