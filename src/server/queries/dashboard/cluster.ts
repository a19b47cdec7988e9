import { type Actor } from "@/domain/permissions";
import { compareVi } from "@/domain/vietnamese";
import type { YearPhase } from "@/domain/year-phases";
import { queryRows } from "@/server/db";
import { assertCan } from "../guard";
import { isUuid } from "@/domain/validation";
import { notFound } from "@/server/errors";

export type ClusterRow = { id: string; code: string; name: string; active: boolean; blockName: string };
export type YearRow = {
  id: string;
  year: number;
  phase: YearPhase;
  movement: string;
  settings: unknown;
  closedAt: Date | null;
  chairUnitId: string | null;
  deputyUnitId: string | null;
  chairAssignmentRef: string | null;
  chairName: string | null;
  deputyName: string | null;
  scoringState: "OPEN" | "CLOSED" | "FINALISED" | null;
  roundTieBreak: string | null;
};

function clusterRow(clusterId: string) {
  return queryRows<ClusterRow[]>`
    SELECT c."id"::text AS "id", c."code", c."name", c."active", b."name" AS "blockName"
    FROM "Cluster" c JOIN "Block" b ON b."id" = c."blockId" WHERE c."id" = ${clusterId}::uuid`;
}

/** The cluster's years, newest first, with chair and deputy names and the scoring round's state. */
function yearsOf(clusterId: string) {
  return queryRows<YearRow[]>`
    SELECT y."id"::text AS "id", y."year", y."phase"::text AS "phase", y."movement", y."settings", y."closedAt",
      y."chairUnitId"::text AS "chairUnitId", y."deputyUnitId"::text AS "deputyUnitId", y."chairAssignmentRef",
      cu."name" AS "chairName", du."name" AS "deputyName", sr."state"::text AS "scoringState", sr."tieBreak" AS "roundTieBreak"
    FROM "EmulationYear" y
    LEFT JOIN "Unit" cu ON cu."id" = y."chairUnitId"
    LEFT JOIN "Unit" du ON du."id" = y."deputyUnitId"
    LEFT JOIN "ScoringRound" sr ON sr."emulationYearId" = y."id"
    WHERE y."clusterId" = ${clusterId}::uuid
    ORDER BY y."year" DESC`;
}

/**
 * The cluster (checked against "cluster.overview": 404 otherwise) and its years, read together. Admins
 * choose any cluster (the first in Vietnamese order by default); others look at their own.
 */
export async function resolveCluster(actor: Actor, requested: string | undefined) {
  if (requested && !isUuid(requested)) notFound();
  let clusters: { id: string; name: string; code: string }[] = [];
  let clusterId: string | null;
  if (actor.role === "ADMIN") {
    clusters = (await queryRows<{ id: string; name: string; code: string }[]>`SELECT "id"::text AS "id", "name", "code" FROM "Cluster"`).sort(
      (a, b) => compareVi(a.name, b.name) || compareVi(a.code, b.code),
    );
    clusterId = requested ?? clusters[0]?.id ?? null;
    if (!clusterId) return { clusters, cluster: null, years: [] as YearRow[] };
  } else {
    clusterId = requested ?? actor.chairOfClusterIds[0] ?? actor.clusterId;
  }
  if (!clusterId) notFound();
  // The years are read alongside the cluster and only returned once the permission check has passed.
  const [[cluster], years] = await Promise.all([clusterRow(clusterId), yearsOf(clusterId)]);
  assertCan(actor, "cluster.overview", cluster && { clusterId: cluster.id });
  return { clusters, cluster: cluster!, years };
}
