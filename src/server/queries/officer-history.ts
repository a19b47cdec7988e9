// One officer's title history (/overview/officers/[officerId]): each year's task rating, registered
// and awarded title with its decision, the consecutive-year streaks, initiatives and commendations.
// Who may open it: whoever follows the whole cluster ("cluster.monitor": the drill-down from a unit's
// notable officers) and whoever may see the unit's results ("results.view": admin, the secretariat, the
// unit's own people). Discipline records are personal: only shown to "results.view" on the unit (never
// to another unit's head because it chairs the cluster). Anything else: 404.
import { longestStreak, streaks, type Streak } from "@/domain/dashboard";
import type { DISCIPLINE_FORMS, DISCIPLINE_STATUSES } from "@/domain/eligibility";
import { can, type Actor } from "@/domain/permissions";
import { queryRows } from "@/server/db";
import { onReplicaWhenFresh } from "@/server/read-replica";
import { titleCatalogue } from "./dashboard";
import type { OfficerListed } from "./officers";
import { isUuid } from "@/domain/validation";
import { notFound } from "@/server/errors";
import { officerTransfers } from "@/server/store/officer-transfers";


export type OfficerYearRow = {
  year: number;
  rating: "EXCELLENT" | "GOOD" | "COMPLETE" | "INCOMPLETE" | null;
  registeredTitleCode: string | null;
  awardedTitleCode: string | null;
  decisionNo: string | null;
  decisionDate: Date | null;
  decisionSigner: string | null;
  verified: boolean | null;
  /** A title revoked (thu hồi): the row keeps it here, marked, and no rule counts it (docs/domain.md §9). */
  revokedTitleCode: string | null;
  revokeDecisionNo: string | null;
  /** The member unit served that year (the result's stamped unit, else the registration's; docs/domain.md §11). */
  servedUnitName: string | null;
};

type OfficerRow = OfficerListed & {
  unitId: string;
  unitName: string;
  clusterId: string;
  clusterName: string;
  subUnitName: string | null;
};

/** The officer's history, on the read replica when one is configured and has caught up (read-replica.ts). */
export function officerHistory(actor: Actor, officerId: string) {
  return onReplicaWhenFresh(() => readOfficerHistory(actor, officerId));
}

async function readOfficerHistory(actor: Actor, officerId: string) {
  if (!isUuid(officerId)) notFound();
  const [officer] = await queryRows<OfficerRow[]>`
    SELECT o."id"::text AS "id", o."code", o."fullName", o."rank", o."position", o."active", o."unitId"::text AS "unitId",
      u."name" AS "unitName", u."clusterId"::text AS "clusterId", c."name" AS "clusterName", s."name" AS "subUnitName"
    FROM "Officer" o JOIN "Unit" u ON u."id" = o."unitId" JOIN "Cluster" c ON c."id" = u."clusterId" LEFT JOIN "Unit" s ON s."id" = o."subUnitId"
    WHERE o."id" = ${officerId}::uuid`;
  const target = officer && { clusterId: officer.clusterId, unitId: officer.unitId };
  // Officer-level detail of another unit: those who follow the whole cluster ("cluster.monitor"), not
  // every unit head (dashboard/head-view.ts).
  const viaCluster = !!target && can(actor, "cluster.monitor", target);
  const viaUnit = !!target && can(actor, "results.view", target);
  if (!officer || !(viaCluster || viaUnit)) notFound();

  const [years, initiatives, disciplines, commendations, titles, transfers] = await Promise.all([
    // Results and registrations by year, side by side (registrations by officer: the (officerId) index).
    queryRows<(Omit<OfficerYearRow, "verified"> & { verified: boolean | null })[]>`
      SELECT coalesce(r."year", g."year") AS "year", r."rating"::text AS "rating", g."titleCode" AS "registeredTitleCode",
        r."awardedTitleCode", r."decisionNo", r."decisionDate", r."decisionSigner", r."verified",
        r."revokedTitleCode", r."revokeDecisionNo",
        (SELECT su."name" FROM "Unit" su WHERE su."id" = coalesce(r."unitId", g."unitId")) AS "servedUnitName"
      FROM (SELECT * FROM "OfficerYearResult" WHERE "officerId" = ${officer.id}::uuid) r
      FULL JOIN (
        SELECT y."year", x."titleCode", x."unitId" FROM "OfficerRegistration" x JOIN "EmulationYear" y ON y."id" = x."emulationYearId"
        WHERE x."officerId" = ${officer.id}::uuid
      ) g ON g."year" = r."year"
      ORDER BY 1 DESC`,
    // lateNo: a record of a closed year entered later by amendment, with its document (docs/domain.md §4 step 8).
    queryRows<{ id: string; year: number; level: "BASE" | "MINISTRY" | "NATIONAL"; title: string; decisionNo: string | null; lateNo: string | null }[]>`
      SELECT i."id"::text AS "id", i."year", i."level"::text AS "level", i."title", i."decisionNo", l."decisionNo" AS "lateNo"
      FROM "Initiative" i LEFT JOIN "LateRecord" l ON l."initiativeId" = i."id"
      WHERE i."officerId" = ${officer.id}::uuid ORDER BY i."year" DESC, i."createdAt"`,
    viaUnit
      ? queryRows<{ id: string; form: keyof typeof DISCIPLINE_FORMS; status: keyof typeof DISCIPLINE_STATUSES; fromDate: Date; toDate: Date | null; note: string | null; lateNo: string | null }[]>`
          SELECT d."id"::text AS "id", d."form"::text AS "form", d."status"::text AS "status", d."fromDate", d."toDate", d."note", l."decisionNo" AS "lateNo"
          FROM "Discipline" d LEFT JOIN "LateRecord" l ON l."disciplineId" = d."id"
          WHERE d."officerId" = ${officer.id}::uuid ORDER BY d."fromDate" DESC`
      : Promise.resolve(null),
    queryRows<{ id: string; year: number; form: string; level: string; decisionNo: string; decisionDate: Date; decisionSigner: string; revokedAt: Date | null }[]>`
      SELECT "id"::text AS "id", "year", "form", "level", "decisionNo", "decisionDate", "decisionSigner", "revokedAt" FROM "Commendation"
      WHERE "officerId" = ${officer.id}::uuid ORDER BY "year" DESC, "decisionDate" DESC`,
    titleCatalogue(),
    officerTransfers(officer.id),
  ]);

  const rows: OfficerYearRow[] = years;
  const levelOf = (code: string | null) => {
    const t = code ? titles.byCode.get(code) : undefined;
    return t && t.kind === "INDIVIDUAL" ? t.level : 0;
  };
  const levels = rows.filter((r) => r.awardedTitleCode !== null).map((r) => ({ year: r.year, level: levelOf(r.awardedTitleCode) }));
  const cstdcsLevel = titles.byCode.get("CSTDCS")?.level ?? 2;
  const cstLevel = titles.byCode.get("CST")?.level ?? 1;
  const runs: Streak[] = streaks(levels, cstdcsLevel).reverse();

  return {
    officer: {
      id: officer.id,
      code: officer.code,
      fullName: officer.fullName,
      rank: officer.rank,
      position: officer.position,
      active: officer.active,
      subUnitName: officer.subUnitName,
      unitId: officer.unitId,
      unitName: officer.unitName,
      clusterId: officer.clusterId,
      clusterName: officer.clusterName,
    },
    viaCluster,
    rows,
    streaks: {
      /** Runs at CSTĐCS or higher, newest first. */
      cstdcs: runs,
      longestCstdcs: longestStreak(levels, cstdcsLevel),
      longestCst: longestStreak(levels, cstLevel),
    },
    initiatives,
    /** null: the actor may not see discipline records of this unit. */
    disciplines,
    commendations,
    /** Transfers between member units, newest first. */
    transfers,
    titles: { individual: titles.individual, byCode: Object.fromEntries(titles.byCode) },
  };
}

export type OfficerHistory = Awaited<ReturnType<typeof officerHistory>>;
