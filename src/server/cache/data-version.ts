// Reusing what a page computed until the data under it changes (docs/performance.md, issue 6 and 15).
//
// Every write the app makes goes through a command (src/server/commands/command.ts; the permission
// matrix test fails on a write that does not), and every command adds its audit entry and bumps one
// data version in the same transaction (bumpDataVersion): the version of the cluster it wrote to, or
// the Ministry's ("ministry") when it changed the structure every page reads (blocks, clusters, units,
// accounts, the title catalogue) or touched no cluster. A version is that write's audit seq, and audit
// seqs follow commit order (assigned under the chain's transaction-level lock), so a committed write
// always leaves a higher number than any earlier one. A cluster's pages depend on
// max(the cluster's version, the Ministry's): one statement, two primary-key lookups, read from Postgres
// on every request before the data, so several app instances never serve one another's stale copies,
// and a value cached under version V holds at least every write up to V. Writes in another cluster
// leave it as it is. Writes made outside the app (seeds, a repair by hand in SQL) are not seen until
// the next audited write to that scope or a restart.
//
// One exception, the dashboard's reminders section: reminders are sent by the job queue without an
// audit entry, so that section's version adds the count of the cluster's ReminderSent rows (insert-only,
// so the count grows at every commit that adds one), read in the same statement as the data version.
import { cache } from "react";
import { z } from "zod";
import { PERMISSIONS, type Actor, type Permission, type Target } from "@/domain/permissions";
import { isUuid } from "@/domain/validation";
import { queryRows, type Tx } from "@/server/db";
import type { VersionedCache } from "./versioned-cache";

/** The scope of writes that every page may read (structure, catalogue, accounts) or of no cluster. */
export const MINISTRY_SCOPE = "ministry";

const uuid = z.uuid();

/**
 * What a cluster's pages depend on, in one statement: the data version (`data`), and for a known
 * cluster the version of its reminders section (`reminders`: the data version and the count of the
 * reminders sent in the cluster, "seq.count"). For no known cluster, the version of every scope.
 * Read once per request and cluster (React's request cache): the dashboard and its reminders section
 * share the round trip.
 */
export const clusterVersions = cache(async (clusterId: string | null): Promise<{ data: string; reminders: string | null }> => {
  if (!clusterId) {
    const [row] = await queryRows<{ version: string }[]>`SELECT coalesce(max("seq"), 0)::text AS "version" FROM "DataVersion"`;
    return { data: row!.version, reminders: null };
  }
  if (!isUuid(clusterId)) {
    // Not a cluster's id (the page answers 404): no reminders to count.
    const [row] = await queryRows<{ version: string }[]>`
      SELECT coalesce(max("seq"), 0)::text AS "version" FROM "DataVersion" WHERE "scope" IN (${MINISTRY_SCOPE}, ${clusterId})`;
    return { data: row!.version, reminders: null };
  }
  const [row] = await queryRows<{ version: string; reminders: string }[]>`
    SELECT (SELECT coalesce(max("seq"), 0) FROM "DataVersion" WHERE "scope" IN (${MINISTRY_SCOPE}, ${clusterId}))::text AS "version",
           (SELECT count(*) FROM "ReminderSent" WHERE "yearId" IN (SELECT "id" FROM "EmulationYear" WHERE "clusterId" = ${clusterId}::uuid))::text AS "reminders"`;
  return { data: row!.version, reminders: `${row!.version}.${row!.reminders}` };
});

/** The data version a cluster's pages depend on; for no known cluster, that of every scope. */
export async function clusterDataVersion(clusterId: string | null): Promise<string> {
  return (await clusterVersions(clusterId)).data;
}

/** The version of a cluster's reminders section (clusterVersions). */
export async function clusterRemindersVersion(clusterId: string): Promise<string> {
  const { data, reminders } = await clusterVersions(clusterId);
  return reminders ?? data;
}

/** The data version of a unit's cluster (a unit moved to another cluster was a Ministry-wide write). */
export async function unitDataVersion(unitId: string): Promise<string> {
  if (!uuid.safeParse(unitId).success) return clusterDataVersion(null);
  const [row] = await queryRows<{ version: string }[]>`
    SELECT coalesce(max("seq"), 0)::text AS "version" FROM "DataVersion"
    WHERE "scope" IN (${MINISTRY_SCOPE}, (SELECT "clusterId"::text FROM "Unit" WHERE "id" = ${unitId}::uuid))`;
  return row!.version;
}

/**
 * A permission that no role holds within a cluster or a unit (block, cluster, unit, account and title
 * management) acts on the structure every page reads: its writes renew every cluster's pages.
 */
export function isMinistryWide(permission: Permission): boolean {
  return Object.values(PERMISSIONS[permission]).every((scope) => scope === "all");
}

/**
 * In a command's transaction, after its audit entry (`seq`): the version of what it wrote to. The
 * cluster is the target's, else its unit's (read in the same statement), else the Ministry's.
 */
export async function bumpDataVersion(tx: Tx, permission: Permission, target: Target, seq: bigint): Promise<void> {
  const clusterId = isMinistryWide(permission) ? null : (target.clusterId ?? null);
  const unitId = isMinistryWide(permission) || clusterId ? null : (target.unitId ?? null);
  await tx.$executeRaw`
    INSERT INTO "DataVersion" ("scope", "seq")
    SELECT coalesce(${clusterId}::text, (SELECT "clusterId"::text FROM "Unit" WHERE "id" = ${unitId}::uuid), ${MINISTRY_SCOPE}), ${seq}
    ON CONFLICT ("scope") DO UPDATE SET "seq" = EXCLUDED."seq"`;
}

/**
 * What a page may depend on of its viewer besides the data: the role and the scope the permission
 * table reads (never the user's name or id, so that every viewer of a kind shares one entry).
 */
export function viewerScope(actor: Actor): unknown[] {
  return [actor.role, actor.clusterId, actor.unitId, actor.chairOfClusterIds];
}

/** compute(), or what it gave for the same key under the same data version (`version()`, read first). */
export async function reuseUntilWrite<T>(cache: VersionedCache<T>, key: unknown[], version: () => Promise<string>, compute: () => Promise<T>): Promise<T> {
  return cache.get(JSON.stringify(key), await version(), compute);
}
