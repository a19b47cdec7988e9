// Row locks that order concurrent writes. The order, everywhere: the cluster row, then the criteria
// table, then the record itself (a report, a round, a registration).
import type { Tx } from "@/server/db";

export type LockMode = "exclusive" | "shared";

/**
 * The cluster row. "exclusive" (FOR NO KEY UPDATE: foreign-key checks still pass) serialises the
 * secretariat's commands of one cluster with the year commands; "shared" (FOR SHARE) is for unit
 * writes, so that closing the year waits for them and they then see it closed.
 */
export async function lockCluster(tx: Tx, clusterId: string, mode: LockMode = "exclusive") {
  if (mode === "exclusive") await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${clusterId}::uuid FOR NO KEY UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${clusterId}::uuid FOR SHARE`;
}

/** The criteria table row (a submission freezes it; amendments change it). */
export async function lockTable(tx: Tx, tableId: string) {
  await tx.$queryRaw`SELECT id FROM "CriteriaTable" WHERE id = ${tableId}::uuid FOR UPDATE`;
}
