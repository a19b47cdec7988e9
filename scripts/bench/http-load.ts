// What an HTTP benchmark of a page needs (registration-http.ts): a signed-in session as the login makes
// it (a Session row, its id in the cookie's token, signed with the server's AUTH_SECRET), autocannon
// load from this process, and p50/p95/p99 from every response's own latency (autocannon itself reports
// p97.5, not p95). The same steps as dashboard.ts's, in a module of their own.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";

type Instance = Promise<unknown> & { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
type AutocannonOptions = { url: string; connections: number; duration: number; headers?: Record<string, string>; timeout?: number };
const autocannon = createRequire(import.meta.url)("autocannon") as (opts: AutocannonOptions) => Instance;

export type Stats = { p50: number; p95: number; p99: number; rps: number; count: number; errors: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function stats(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), rps: latencies.length / seconds, count: latencies.length, errors };
}

/**
 * The request headers of a signed-in user (the server's cookie name over plain HTTP). Opens a Session
 * row through the app's own code: DATABASE_URL must already point at the server's database.
 */
export async function signedInHeaders(userId: string, secret: string): Promise<Record<string, string>> {
  const cookieName = "authjs.session-token";
  const { openSession } = await import("../../src/server/auth/sessions");
  const sid = await openSession(userId, { address: "127.0.0.1", userAgent: "bench" });
  const token = await encode({ token: { sub: userId, sid }, secret, salt: cookieName, maxAge: 8 * 3600 });
  return { cookie: `${cookieName}=${token}` };
}

/** `connections` concurrent users on one URL for `seconds`: only 200 answers count as latencies. */
export async function load(url: string, connections: number, seconds: number, headers: Record<string, string>): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const run = autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  run.on("response", (_client, status, _bytes, t) => {
    if (status === 200) latencies.push(t);
    else errors++;
  });
  const start = performance.now();
  await run;
  return stats(latencies, (performance.now() - start) / 1000, errors);
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1).padStart(7) : "      –");
