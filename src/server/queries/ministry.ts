// The Ministry view (/overview/ministry): every cluster side by side for one calendar year, filtered
// by block. Permission "ministry.view": admins, every block; the heads of a cluster's chair unit, as
// read-only context, the block of the cluster they chair only (the block filter is fixed to it, and only
// the clusters whose dashboard the viewer may open are linked: `mayOpen`). Anything else: 404.
//
// A fixed number of aggregate queries whatever the number of clusters, units or officers: titles and
// active officers from the maintained summaries (dashboard/), everything else per cluster-year (a few
// hundred rows at most).
import { percentDown } from "@/domain/dashboard";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { compareVi } from "@/domain/vietnamese";
import type { YearPhase } from "@/domain/year-phases";
import { queryRows } from "@/server/db";
import { onReplicaWhenFresh } from "@/server/read-replica";
import { titleCatalogue } from "./dashboard";
import { isUuid } from "@/domain/validation";
import { notFound } from "@/server/errors";
import { assertCan } from "./guard";

export type MinistryCluster = {
  id: string;
  code: string;
  name: string;
  blockId: string;
  blockName: string;
  active: boolean;
  /** This cluster's emulation year for the chosen calendar year, if opened. */
  yearId: string | null;
  phase: YearPhase | null;
  chairName: string | null;
  units: number;
  activeOfficers: number;
  registered: number;
  registrationPercent: number | null;
  awardedByTitle: Record<string, number>;
  awardedTotal: number;
  collectiveByTitle: Record<string, number>;
  leader: { unitId: string; name: string; totalHalf: number | null } | null;
  reports: { submitted: number; expected: number };
  /** Whether the viewer may open this cluster's dashboard (the chair: its own cluster only). */
  mayOpen: boolean;
};

/** The Ministry view, on the read replica when one is configured and has caught up (read-replica.ts). */
export function ministryOverview(actor: Actor, params: { year?: number; blockId?: string } = {}) {
  return onReplicaWhenFresh(() => readMinistryOverview(actor, params));
}

async function readMinistryOverview(actor: Actor, params: { year?: number; blockId?: string }) {
  if (!roleMay(actor, "ministry.view")) notFound();
  // Admins ("all"): any block, as asked. The chair: the block of the cluster they chair, whatever was asked.
  const everywhere = can(actor, "ministry.view", {});
  const chaired = everywhere ? null : (actor.chairOfClusterIds[0] ?? null);
  const [allBlocks, yearList, chairedRows] = await Promise.all([
    queryRows<{ id: string; code: string; name: string }[]>`SELECT "id"::text AS "id", "code", "name" FROM "Block"`,
    queryRows<{ year: number }[]>`SELECT DISTINCT "year" FROM "EmulationYear" ORDER BY "year" DESC`,
    chaired === null
      ? Promise.resolve([])
      : queryRows<{ clusterId: string; blockId: string }[]>`SELECT "id"::text AS "clusterId", "blockId"::text AS "blockId" FROM "Cluster" WHERE "id" = ${chaired}::uuid`,
  ]);
  if (!everywhere) assertCan(actor, "ministry.view", chairedRows[0] && { clusterId: chairedRows[0].clusterId });
  const blockId = everywhere ? (params.blockId && isUuid(params.blockId) ? params.blockId : undefined) : chairedRows[0]!.blockId;
  const blocks = (everywhere ? allBlocks : allBlocks.filter((b) => b.id === blockId)).sort((a, b) => compareVi(a.name, b.name));
  const years = yearList.map((y) => y.year);
  const year = params.year !== undefined && years.includes(params.year) ? params.year : years[0] ?? null;

  const [clusters, emulationYears, unitCounts, officerCounts, titleRows, collectiveRows, leaders, reportRows, titles] = await Promise.all([
    queryRows<{ id: string; code: string; name: string; active: boolean; blockId: string; blockName: string }[]>`
      SELECT c."id"::text AS "id", c."code", c."name", c."active", c."blockId"::text AS "blockId", b."name" AS "blockName"
      FROM "Cluster" c JOIN "Block" b ON b."id" = c."blockId"
      WHERE ${blockId ?? null}::uuid IS NULL OR c."blockId" = ${blockId ?? null}::uuid`,
    year === null
      ? Promise.resolve([])
      : queryRows<{ id: string; clusterId: string; phase: YearPhase; chairName: string | null }[]>`
          SELECT y."id"::text AS "id", y."clusterId"::text AS "clusterId", y."phase"::text AS "phase", u."name" AS "chairName"
          FROM "EmulationYear" y LEFT JOIN "Unit" u ON u."id" = y."chairUnitId" WHERE y."year" = ${year}`,
    queryRows<{ clusterId: string; units: number }[]>`
      SELECT u."clusterId"::text AS "clusterId", count(*)::int AS "units" FROM "Unit" u
      WHERE u."parentId" IS NULL AND u."active" GROUP BY 1`,
    // Active officers per cluster, from the maintained per-unit counts (dashboard/).
    queryRows<{ clusterId: string; officers: number }[]>`
      SELECT u."clusterId"::text AS "clusterId", sum(c."active")::int AS "officers"
      FROM "UnitOfficerCount" c JOIN "Unit" u ON u."id" = c."unitId" GROUP BY 1`,
    year === null
      ? Promise.resolve([])
      : queryRows<{ clusterId: string; titleCode: string; registered: number; awarded: number }[]>`
          SELECT u."clusterId"::text AS "clusterId", t."titleCode", sum(t."registered")::int AS "registered", sum(t."awarded")::int AS "awarded"
          FROM "UnitTitleTally" t JOIN "Unit" u ON u."id" = t."unitId"
          WHERE t."year" = ${year}
          GROUP BY 1, 2`,
    year === null
      ? Promise.resolve([])
      : queryRows<{ clusterId: string; titleCode: string; units: number }[]>`
          SELECT y."clusterId"::text AS "clusterId", r."awardedTitleCode" AS "titleCode", count(*)::int AS "units"
          FROM "UnitYearResult" r JOIN "EmulationYear" y ON y."id" = r."emulationYearId"
          WHERE y."year" = ${year} AND r."awardedTitleCode" IS NOT NULL
          GROUP BY 1, 2`,
    year === null
      ? Promise.resolve([])
      : queryRows<{ clusterId: string; unitId: string; name: string; totalHalf: number | null }[]>`
          SELECT DISTINCT ON (y."clusterId") y."clusterId"::text AS "clusterId", u."id"::text AS "unitId", u."name", r."finalTotalHalf" AS "totalHalf"
          FROM "UnitReport" r JOIN "EmulationYear" y ON y."id" = r."emulationYearId" JOIN "Unit" u ON u."id" = r."unitId"
          WHERE y."year" = ${year} AND r."kind" = 'YEAR_END' AND r."finalRank" = 1
          ORDER BY y."clusterId", u."sortKey"`,
    year === null
      ? Promise.resolve([])
      : queryRows<{ clusterId: string; submitted: number }[]>`
          SELECT y."clusterId"::text AS "clusterId", count(*)::int AS "submitted"
          FROM "UnitReport" r JOIN "EmulationYear" y ON y."id" = r."emulationYearId"
          WHERE y."year" = ${year} AND r."kind" = 'YEAR_END' AND r."status" IN ('SUBMITTED', 'ACCEPTED')
          GROUP BY 1`,
    titleCatalogue(),
  ]);

  const yearOf = new Map(emulationYears.map((y) => [y.clusterId, y]));
  const unitsOf = new Map(unitCounts.map((r) => [r.clusterId, r.units]));
  const officersOf = new Map(officerCounts.map((r) => [r.clusterId, r.officers]));
  const leaderOf = new Map(leaders.map((r) => [r.clusterId, r]));
  const reportsOf = new Map(reportRows.map((r) => [r.clusterId, r.submitted]));
  const individual = titles.individual.map((t) => t.code);
  const collective = titles.collective.map((t) => t.code);

  const rows: MinistryCluster[] = clusters
    .map((c) => {
      const y = yearOf.get(c.id);
      const awardedByTitle = Object.fromEntries(individual.map((code) => [code, 0]));
      let registered = 0;
      for (const t of titleRows) {
        if (t.clusterId !== c.id) continue;
        registered += t.registered;
        if (t.titleCode in awardedByTitle) awardedByTitle[t.titleCode]! += t.awarded;
      }
      const collectiveByTitle = Object.fromEntries(collective.map((code) => [code, 0]));
      for (const t of collectiveRows) if (t.clusterId === c.id && t.titleCode in collectiveByTitle) collectiveByTitle[t.titleCode]! += t.units;
      const activeOfficers = officersOf.get(c.id) ?? 0;
      const units = unitsOf.get(c.id) ?? 0;
      const leader = leaderOf.get(c.id);
      const open = y && y.phase !== "CLOSED";
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        blockId: c.blockId,
        blockName: c.blockName,
        active: c.active,
        yearId: y?.id ?? null,
        phase: y?.phase ?? null,
        chairName: y?.chairName ?? null,
        units,
        activeOfficers,
        registered,
        registrationPercent: open ? percentDown(registered, activeOfficers) : null,
        awardedByTitle,
        awardedTotal: Object.values(awardedByTitle).reduce((a, b) => a + b, 0),
        collectiveByTitle,
        leader: leader ? { unitId: leader.unitId, name: leader.name, totalHalf: leader.totalHalf } : null,
        reports: { submitted: reportsOf.get(c.id) ?? 0, expected: y ? units : 0 },
        mayOpen: can(actor, "cluster.overview", { clusterId: c.id }),
      };
    })
    .sort((a, b) => compareVi(a.blockName, b.blockName) || compareVi(a.name, b.name) || compareVi(a.code, b.code));

  const total = (pick: (r: MinistryCluster) => number) => rows.reduce((acc, r) => acc + pick(r), 0);
  return {
    /** False for the chair: one block, read-only context. */
    everywhere,
    blocks,
    blockId: blockId ?? null,
    years,
    year,
    titles: { individual: titles.individual, collective: titles.collective },
    clusters: rows,
    totals: {
      clusters: rows.length,
      units: total((r) => r.units),
      activeOfficers: total((r) => r.activeOfficers),
      awardedByTitle: Object.fromEntries(individual.map((code) => [code, total((r) => r.awardedByTitle[code] ?? 0)])),
      collectiveByTitle: Object.fromEntries(collective.map((code) => [code, total((r) => r.collectiveByTitle[code] ?? 0)])),
    },
  };
}

export type MinistryOverview = Awaited<ReturnType<typeof ministryOverview>>;
