import { type Actor } from "@/domain/permissions";
import { vietnamToday } from "@/domain/registration-window";
import { clusterDataVersion, reuseUntilWrite, viewerScope } from "@/server/cache/data-version";
import { VersionedCache } from "@/server/cache/versioned-cache";
import { observeCacheLookup } from "@/server/ops/metrics";
import { onReplicaWhenFresh } from "@/server/read-replica";
import { type ClusterDashboard, clusterDashboard } from "./cluster-dashboard";
import type { DashboardParams } from "./params";

// A few hundred dashboards (cluster × year × kind of viewer) of a few dozen kB each.
const dashboards = new VersionedCache<ClusterDashboard>(300, (hit) => observeCacheLookup("dashboard", hit));

/**
 * clusterDashboard, reused until the data changes (src/server/cache/data-version.ts): the page and its
 * Excel export. What the dashboard shows depends on the viewer only through the role and scope (the
 * permission, the admin's list of clusters, the provisional ranking for those who run the scoring) and
 * on the clock only through the Vietnamese calendar day (deadlines are whole days), so those are the
 * key; the acting user is still loaded afresh on every request. Computed on the read replica when one
 * is configured and has caught up (src/server/read-replica.ts).
 */
export function cachedClusterDashboard(actor: Actor, params: DashboardParams = {}, now = new Date()): Promise<ClusterDashboard> {
  // The cluster resolveCluster will show (the admin's default is unknown before: every scope's version).
  const clusterId = params.clusterId ?? (actor.role === "ADMIN" ? null : (actor.chairOfClusterIds[0] ?? actor.clusterId));
  return reuseUntilWrite(
    dashboards,
    [...viewerScope(actor), params.clusterId, params.year, vietnamToday(now)],
    () => clusterDataVersion(clusterId),
    () => onReplicaWhenFresh(() => clusterDashboard(actor, params, now)),
  );
}
