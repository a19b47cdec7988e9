// One member unit across the years (/overview/units/[unitId]): its collective titles (registered,
// proposed, awarded), its final score and rank each year, its chair and deputy terms, its officers'
// titles per year, and its notable officers (consecutive-year streaks of Chiến sĩ thi đua cơ sở or
// higher). Who may open it: whoever sees the cluster's dashboard ("cluster.overview"), and the unit's
// own people ("results.view" on the unit). Anything else: 404. A head of another unit of the cluster
// (the dashboard without "cluster.monitor") sees what the dashboard shows them (dashboard/head-view.ts):
// no notable officers (officer-level detail), and a year's registration only once the unit has sent it.
//
// Six statements whatever the size of the unit: titles per year and the officers' streaks come from
// the maintained summaries (dashboard/), everything else is one row per year.
import { titleCountSeries, unitYearSeries, yearRange, type TitleCountRow, type YearPoint } from "@/domain/dashboard";
import { can, type Actor } from "@/domain/permissions";
import { isUuid, pageParam } from "@/domain/validation";
import type { YearPhase } from "@/domain/year-phases";
import { reuseUntilWrite, unitDataVersion, viewerScope } from "@/server/cache/data-version";
import { VersionedCache } from "@/server/cache/versioned-cache";
import { observeCacheLookup } from "@/server/ops/metrics";
import { onReplicaWhenFresh } from "@/server/read-replica";
import { queryRows } from "@/server/db";
import { tallyOfUnit, titleCatalogue } from "./dashboard";
import { notFound } from "@/server/errors";

export const NOTABLE_PAGE_SIZE = 20;

export type NotableOfficer = {
  officerId: string;
  code: string;
  fullName: string;
  rank: string;
  position: string;
  active: boolean;
  /** The officer's longest run of consecutive years at CSTĐCS or higher (the latest of equals). */
  from: number;
  to: number;
  length: number;
  topLevel: number;
  /** Every year at CSTĐCS or higher, and the highest title ever (for the table). */
  yearsAtLevel: number;
  bestTitleCode: string | null;
};

/**
 * Officers of a member unit whose longest streak of consecutive years at CSTĐCS-or-higher is at least
 * NOTABLE_MIN_STREAK, or who hold a title of level NOTABLE_MIN_LEVEL or higher (CSTĐ CAND, toàn quốc):
 * longest streak first, then the most recent, then the highest title, then name order. The maintained
 * summary "OfficerTitleStreak" (dashboard/) holds exactly these officers; the page is read in index
 * order, so the work does not depend on how many officers the unit has.
 */
export async function notableOfficers(unitId: string, page: number, pageSize = NOTABLE_PAGE_SIZE): Promise<{ rows: NotableOfficer[]; total: number }> {
  const offset = (page - 1) * pageSize;
  const rows = await queryRows<(NotableOfficer & { total: number })[]>`
    SELECT o."id"::text AS "officerId", o."code", o."fullName", o."rank", o."position", o."active",
      s."fromYear" AS "from", s."toYear" AS "to", s."length", s."topLevel", s."yearsAtLevel", s."bestTitleCode",
      (SELECT count(*) FROM "OfficerTitleStreak" x WHERE x."unitId" = ${unitId}::uuid)::int AS "total"
    FROM "OfficerTitleStreak" s JOIN "Officer" o ON o."id" = s."officerId"
    WHERE s."unitId" = ${unitId}::uuid
    ORDER BY s."length" DESC, s."toYear" DESC, s."maxLevel" DESC, s."sortKey", s."officerId"
    LIMIT ${pageSize} OFFSET ${offset}`;
  if (rows.length === 0 && offset > 0) {
    // Past the last page: still say how many there are.
    return { rows: [], total: (await notableOfficers(unitId, 1, 1)).total };
  }
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

export type UnitYear = {
  yearId: string;
  year: number;
  phase: YearPhase;
  role: "CHAIR" | "DEPUTY" | null;
  /** Final score and rank (scoring round finalised), out of `rankedCount` units. */
  totalHalf: number | null;
  rank: number | null;
  rankedCount: number;
  targetTitleCode: string | null;
  proposedTitleCode: string | null;
  awardedTitleCode: string | null;
  /** A title revoked (thu hồi), kept on the row and marked; no rule counts it (docs/domain.md §9). */
  revokedTitleCode: string | null;
  revokeDecisionNo: string | null;
  decisionNo: string | null;
  decisionDate: Date | null;
  /** False when the viewer may not see the year's registration (a head of another unit, not sent yet). */
  registrationShown: boolean;
  registered: Record<string, number>;
  awarded: Record<string, number>;
};

type UnitRow = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  parentId: string | null;
  clusterId: string;
  clusterName: string;
  clusterCode: string;
  blockName: string;
  activeOfficers: number;
};

type SubUnitTitleRow = { year: number; subUnitName: string; targetTitleCode: string | null; awardedTitleCode: string | null; decisionNo: string | null; decisionDate: string | null };

type YearRow = Omit<UnitYear, "registered" | "awarded" | "role" | "registrationShown"> & { chair: boolean; deputy: boolean; registrationSent: boolean };

export async function unitHistory(actor: Actor, unitId: string, opts: { page?: number } = {}) {
  if (!isUuid(unitId)) notFound();
  const [unit] = await queryRows<UnitRow[]>`
    SELECT u."id"::text AS "id", u."code", u."name", u."active", u."parentId"::text AS "parentId", u."clusterId"::text AS "clusterId",
      c."name" AS "clusterName", c."code" AS "clusterCode", b."name" AS "blockName",
      coalesce((SELECT oc."active" FROM "UnitOfficerCount" oc WHERE oc."unitId" = u."id"), 0) AS "activeOfficers"
    FROM "Unit" u JOIN "Cluster" c ON c."id" = u."clusterId" JOIN "Block" b ON b."id" = c."blockId"
    WHERE u."id" = ${unitId}::uuid`;
  if (!unit || unit.parentId !== null) notFound();
  const target = { clusterId: unit.clusterId, unitId: unit.id };
  const viaCluster = can(actor, "cluster.overview", target);
  const ownOrMonitor = can(actor, "results.view", target) || can(actor, "cluster.monitor", target);
  if (!viaCluster && !ownOrMonitor) notFound();

  const page = pageParam.parse(opts.page ?? 1);
  const [years, tally, notable, titles, commendations, subUnitTitles] = await Promise.all([
    // Each year of the cluster with this unit's role, registration, collective result, and final score
    // and rank (and how many units were ranked that year).
    queryRows<YearRow[]>`
      SELECT y."id"::text AS "yearId", y."year", y."phase"::text AS "phase",
        y."chairUnitId" IS NOT DISTINCT FROM u."id" AS "chair", y."deputyUnitId" IS NOT DISTINCT FROM u."id" AS "deputy",
        CASE WHEN r."finalRank" IS NOT NULL THEN r."finalTotalHalf" END AS "totalHalf", r."finalRank" AS "rank",
        (SELECT count(*) FROM "UnitReport" x WHERE x."emulationYearId" = y."id" AND x."kind" = 'YEAR_END' AND x."finalRank" IS NOT NULL)::int AS "rankedCount",
        reg."targetTitleCode", reg."status" IS NOT DISTINCT FROM 'SUBMITTED' AS "registrationSent", res."proposedTitleCode", res."awardedTitleCode", res."decisionNo", res."decisionDate",
        res."revokedTitleCode", res."revokeDecisionNo"
      FROM "Unit" u
      JOIN "EmulationYear" y ON y."clusterId" = u."clusterId"
      LEFT JOIN "UnitReport" r ON r."emulationYearId" = y."id" AND r."unitId" = u."id" AND r."kind" = 'YEAR_END'
      LEFT JOIN "UnitRegistration" reg ON reg."emulationYearId" = y."id" AND reg."unitId" = u."id"
      LEFT JOIN "UnitYearResult" res ON res."emulationYearId" = y."id" AND res."unitId" = u."id"
      WHERE u."id" = ${unit.id}::uuid
      ORDER BY y."year" DESC`,
    tallyOfUnit(unit.id),
    ownOrMonitor ? notableOfficers(unit.id, page) : null,
    titleCatalogue(),
    queryRows<{ id: string; year: number; form: string; level: string; decisionNo: string; decisionDate: Date; decisionSigner: string; revokedAt: Date | null }[]>`
      SELECT "id"::text AS "id", "year", "form", "level", "decisionNo", "decisionDate", "decisionSigner", "revokedAt"
      FROM "Commendation" WHERE "unitId" = ${unit.id}::uuid AND "officerId" IS NULL
      ORDER BY "year" DESC, "decisionDate" DESC LIMIT 50`,
    // Its sub-units' collective titles by year (docs/domain.md §3 "Sub-units").
    queryRows<SubUnitTitleRow[]>`
      SELECT y."year", s."name" AS "subUnitName", t."targetTitleCode", t."awardedTitleCode", t."decisionNo",
        to_char(t."decisionDate", 'YYYY-MM-DD') AS "decisionDate"
      FROM "SubUnitTitle" t JOIN "EmulationYear" y ON y."id" = t."emulationYearId" JOIN "Unit" s ON s."id" = t."subUnitId"
      WHERE t."unitId" = ${unit.id}::uuid AND (t."targetTitleCode" IS NOT NULL OR t."awardedTitleCode" IS NOT NULL)
      ORDER BY y."year" DESC, s."sortKey", s."code"`,
  ]);

  const rows: UnitYear[] = years.map(({ chair, deputy, registrationSent, ...y }) => {
    const registrationShown = ownOrMonitor || registrationSent;
    const registered: Record<string, number> = {};
    const awarded: Record<string, number> = {};
    for (const t of tally) {
      if (t.year !== y.year) continue;
      if (t.registered && registrationShown) registered[t.titleCode] = t.registered;
      if (t.awarded) awarded[t.titleCode] = t.awarded;
    }
    const targetTitleCode = registrationShown ? y.targetTitleCode : null;
    return { ...y, targetTitleCode, role: chair ? "CHAIR" : deputy ? "DEPUTY" : null, registrationShown, registered, awarded };
  });

  const allYears = yearRange([...years.map((y) => y.year), ...tally.map((t) => t.year)]);
  const series: YearPoint[] = unitYearSeries(allYears, rows.map((r) => ({ year: r.year, totalHalf: r.totalHalf, rank: r.rank })));
  const individualCodes = titles.individual.map((t) => t.code);
  const titleSeries: TitleCountRow[] = titleCountSeries(allYears, individualCodes, tally.map((t) => ({ year: t.year, titleCode: t.titleCode, count: t.awarded })));
  // Years before the cluster's first emulation year in the system can still hold officers' titles.
  const titleOnlyYears = allYears.filter((y) => !years.some((e) => e.year === y)).reverse();

  return {
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      active: unit.active,
      clusterId: unit.clusterId,
      clusterName: unit.clusterName,
      clusterCode: unit.clusterCode,
      blockName: unit.blockName,
      activeOfficers: unit.activeOfficers,
    },
    /** Whether the actor may go back to the cluster's dashboard and its other units. */
    viaCluster,
    years: rows,
    titleOnlyYears: titleOnlyYears.map((year) => {
      const awarded: Record<string, number> = {};
      for (const t of tally) if (t.year === year && t.awarded) awarded[t.titleCode] = t.awarded;
      return { year, awarded };
    }),
    chairTerms: rows.filter((r) => r.role).map((r) => ({ year: r.year, role: r.role! })),
    series,
    titleSeries,
    titles: { individual: titles.individual, collective: titles.collective },
    /** Null for a head of another unit: officer-level detail is the unit's, the secretariat's and the chair's. */
    notable: notable && { ...notable, page, pageSize: NOTABLE_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(notable.total / NOTABLE_PAGE_SIZE)) },
    commendations,
    /** Sub-units' titles by year; a registered target only where the year's registration is shown. */
    subUnitTitles: subUnitTitles
      .map((t) => ({ ...t, targetTitleCode: rows.find((r) => r.year === t.year)?.registrationShown ? t.targetTitleCode : null }))
      .filter((t) => t.targetTitleCode || t.awardedTitleCode),
  };
}

export type UnitHistory = Awaited<ReturnType<typeof unitHistory>>;

const histories = new VersionedCache<UnitHistory>(300, (hit) => observeCacheLookup("history", hit));

/** unitHistory, reused until the data changes (as cachedClusterDashboard, on the replica alike; no clock in it). */
export function cachedUnitHistory(actor: Actor, unitId: string, opts: { page?: number } = {}): Promise<UnitHistory> {
  const page = pageParam.parse(opts.page ?? 1); // ?page=1.5, -2, 1e0: one entry, not one each
  return reuseUntilWrite(histories, [...viewerScope(actor), unitId, page], () => unitDataVersion(unitId), () => onReplicaWhenFresh(() => unitHistory(actor, unitId, { page })));
}
