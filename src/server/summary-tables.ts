// Summary tables read by the overview pages instead of counting millions of rows:
//
//  "UnitTitleTally" (unitId, year, titleCode) → registered, awarded: officers' titles per member unit,
//    year and title — registered (OfficerRegistration: the registration's unit and year) and awarded
//    (OfficerYearResult: the unit the officer served that year, stamped on the row; docs/domain.md §11).
//  "OfficerTitleStreak" (officerId) → for notable officers only (unit-history.ts: a run of at least
//    two consecutive years at Chiến sĩ thi đua cơ sở or higher, or a title of CSTĐ CAND level): unit,
//    name sort key, the longest run, the highest level ever, years at that level, best title — a unit's
//    page reads its first 20 straight from the (unitId, length, …, sortKey) index.
//  "UnitOfficerCount" (unitId) → active officers of each member unit.
//
// Kept exact by statement-level triggers (one aggregated statement per statement, whatever its size):
//  - OfficerRegistration insert/update/delete → registered counts;
//  - OfficerYearResult insert/update/delete → awarded counts, and the streaks of the officers touched;
//  - Officer insert/update/delete → active officers per unit; an officer transferred to another unit
//    takes their streak along (the awarded counts stay with the units served); a rename updates the
//    streak's sort key (migration officer_transfers).
// Tally rows are upserted in key order, so concurrent writers cannot deadlock on them. The app never
// writes these tables. The tables, trigger functions and triggers are defined by the migration
// prisma/migrations/20261128041250_overview_summaries; this module only rebuilds them from the rows.
import { NOTABLE_MIN_LEVEL, NOTABLE_MIN_STREAK } from "@/domain/dashboard";

/** The streak rows of the officers `filter` selects (a condition on r."officerId"), from their results. */
const streakRows = (filter: string) => `
  WITH t AS (
    SELECT r."officerId", r."year", d."level", r."awardedTitleCode",
      r."year" - row_number() OVER (PARTITION BY r."officerId" ORDER BY r."year") AS grp
    FROM "OfficerYearResult" r JOIN "TitleDefinition" d ON d."code" = r."awardedTitleCode" AND d."kind" = 'INDIVIDUAL'
    WHERE ${filter} AND d."level" >= (SELECT x."level" FROM "TitleDefinition" x WHERE x."code" = 'CSTDCS')
  ), runs AS (
    SELECT "officerId", min("year") AS "fromYear", max("year") AS "toYear", count(*)::int AS "length", max("level")::int AS "topLevel"
    FROM t GROUP BY "officerId", grp
  ), best AS (
    SELECT DISTINCT ON ("officerId") * FROM runs ORDER BY "officerId", "length" DESC, "toYear" DESC
  ), per AS (
    SELECT "officerId", max("level")::int AS "maxLevel", count(*)::int AS "yearsAtLevel",
      (array_agg("awardedTitleCode" ORDER BY "level" DESC, "year" DESC))[1] AS "bestTitleCode"
    FROM t GROUP BY "officerId"
  )
  SELECT b."officerId", o."unitId", o."sortKey", b."fromYear", b."toYear", b."length", b."topLevel", p."maxLevel", p."yearsAtLevel", p."bestTitleCode"
  FROM best b JOIN per p ON p."officerId" = b."officerId" JOIN "Officer" o ON o."id" = b."officerId"
  WHERE b."length" >= ${NOTABLE_MIN_STREAK} OR p."maxLevel" >= ${NOTABLE_MIN_LEVEL}`;

const STREAK_COLUMNS = `("officerId", "unitId", "sortKey", "fromYear", "toYear", "length", "topLevel", "maxLevel", "yearsAtLevel", "bestTitleCode")`;

/**
 * Rebuilds the three summaries from the rows: the migration's backfill, for a bulk load with the triggers
 * off (the benchmark's data generator) and for checking that the triggers kept them exact (the tests).
 */
export const SUMMARY_REBUILD_SQL: readonly string[] = [
  `DELETE FROM "UnitTitleTally"`,
  `INSERT INTO "UnitTitleTally" ("unitId", "year", "titleCode", "registered", "awarded")
   SELECT "unitId", "year", "titleCode", sum(reg)::int, sum(aw)::int FROM (
     SELECT r."unitId", y."year", r."titleCode", count(*) AS reg, 0 AS aw
     FROM "OfficerRegistration" r JOIN "EmulationYear" y ON y."id" = r."emulationYearId" GROUP BY 1, 2, 3
     UNION ALL
     SELECT x."unitId", x."year", x."awardedTitleCode", 0, count(*)
     FROM "OfficerYearResult" x WHERE x."awardedTitleCode" IS NOT NULL GROUP BY 1, 2, 3
   ) s GROUP BY 1, 2, 3`,
  `DELETE FROM "OfficerTitleStreak"`,
  `INSERT INTO "OfficerTitleStreak" ${STREAK_COLUMNS} ${streakRows("true")}`,
  `DELETE FROM "UnitOfficerCount"`,
  `INSERT INTO "UnitOfficerCount" ("unitId", "active") SELECT "unitId", count(*)::int FROM "Officer" WHERE "active" GROUP BY 1`,
];
