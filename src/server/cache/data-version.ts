// Reusing what a page computed until the data under it changes (docs/performance.md, issue 6).
//
// The version is the sequence number of the last audit entry. Every write the app makes goes through
// a command (src/server/commands/command.ts; the permission matrix test fails on a write that does
// not), and every command adds its audit entry in the same transaction as its write: a committed write
// is a higher version. The version is read from Postgres on every request, before the data, so several
// app instances never serve one another's stale copies, and a value cached under version V was read
// after V was: it holds at least every write up to V. Writes made outside the app (seeds, a repair by
// hand in SQL) are not seen until the next audited write or a restart.
import { queryRows } from "@/server/db";

/** The data version of the whole database: the last audit entry's seq (one index lookup). */
export async function dataVersion(): Promise<string> {
  const [row] = await queryRows<{ version: string }[]>`SELECT coalesce(max("seq"), 0)::text AS "version" FROM "AuditLog"`;
  return row!.version;
}

type Entry<T> = { version: string; value: Promise<T> };

/**
 * A bounded in-process cache of values computed under one data version. Concurrent requests for the
 * same key and version share one computation; a failed computation is not kept. The cached value is
 * shared by every request that gets it: callers must not mutate it.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Map order is insertion order: re-inserting makes this the most recently used key.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    // A request that read the version just before a write does not replace what a later one cached.
    if (hit && BigInt(hit.version) > BigInt(version)) return value;
    const entry = { version, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
