// The app's Prisma client on a pool that counts the SQL statements sent through it, for tests of what
// a read costs (a cache hit is one statement; no N+1 as a cluster grows).
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { usePool } from "@/server/db";

export type Counted<T> = { result: T; count: number; sql: string[] };

/**
 * Puts the app's client on a counting pool for the calling test file (beforeAll, undone in afterAll)
 * and returns `countStatements(fn)`: fn's result and every statement the app sent while it ran.
 */
export function installCountingPool(): <T>(fn: () => Promise<T>) => Promise<Counted<T>> {
  const statements: string[] = [];
  let counting = false;
  let client: PrismaClient | undefined;
  beforeAll(() => {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
    (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (counting) statements.push(typeof args[0] === "string" ? args[0] : (args[0] as { text: string }).text);
      return query(...args);
    };
    client = usePool(pool);
  });
  afterAll(async () => {
    await client?.$disconnect();
  });
  return async (fn) => {
    statements.length = 0;
    counting = true;
    try {
      const result = await fn();
      return { result, count: statements.length, sql: [...statements] };
    } finally {
      counting = false;
    }
  };
}
