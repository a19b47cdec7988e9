// Reusing what a page computed until the data under it changes (docs/performance.md, issue 6).
//
// The version is the sequence number of the last audit entry. Every write the app makes goes through
// a command (src/server/commands/command.ts; the permission matrix test fails on a write that does
// not), and every command adds its audit entry in the same transaction as its write: a committed write
// is a higher version. The version is read from Postgres on every request, before the data, so several
// app instances never serve one another's stale copies, and a value cached under version V was read
// after V was: it holds at least every write up to V. Writes made outside the app (seeds, a repair by
// hand in SQL) are not seen until the next audited write or a restart.
import type { Actor } from "@/domain/permissions";
import { queryRows } from "@/server/db";
import type { VersionedCache } from "./versioned-cache";

/** The data version of the whole database: the last audit entry's seq (one index lookup). */
export async function dataVersion(): Promise<string> {
  const [row] = await queryRows<{ version: string }[]>`SELECT coalesce(max("seq"), 0)::text AS "version" FROM "AuditLog"`;
  return row!.version;
}

/**
 * What a page may depend on of its viewer besides the data: the role and the scope the permission
 * table reads (never the user's name or id, so that every viewer of a kind shares one entry).
 */
export function viewerScope(actor: Actor): unknown[] {
  return [actor.role, actor.clusterId, actor.unitId, actor.chairOfClusterIds];
}

/** compute(), or what it gave for the same key under the current data version. */
export async function reuseUntilWrite<T>(cache: VersionedCache<T>, key: unknown[], compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion();
  return cache.get(JSON.stringify(key), version, compute);
}
