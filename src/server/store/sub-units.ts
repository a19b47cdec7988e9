// A member unit's sub-units and what the eligibility engine reads of their officers (docs/domain.md §3
// "Sub-units"): per sub-unit, the engine's counts (UnitMemberSummary) in four grouped statements for
// all of a unit's sub-units together — at REGISTRATION the officers' registered titles, at RESULTS their
// awarded ones — plus the sub-units' stored titles of a year. Shared by the registration page, the
// results page and the commands. No permission check here: callers check the actor first.
import {
  countQuotaTitles,
  evaluateSubUnit,
  SUB_UNIT_QUOTA_TITLE,
  type DisciplineForm,
  type DisciplineStatus,
  type EligibilitySettings,
  type EvaluationStage,
  type MemberDiscipline,
  type SubUnitTitle,
  type TaskRating,
  type TitleResult,
  type UnitMemberSummary,
} from "@/domain/eligibility";
import type { RawQueryable } from "./eligibility-data";
import { rulesForYear } from "./title-rules";

export type SubUnitRow = { id: string; code: string; name: string; active: boolean };

/** The member unit's sub-units in display order (inactive ones too: their past titles stay shown). */
export function subUnitsOfUnit(db: RawQueryable, unitId: string): Promise<SubUnitRow[]> {
  return db.$queryRaw<SubUnitRow[]>`
    SELECT id::text AS id, code, name, active FROM "Unit"
    WHERE "parentId" = ${unitId}::uuid ORDER BY "sortKey", code`;
}

export type SubUnitBasis = { stage: "REGISTRATION"; emulationYearId: string } | { stage: "RESULTS" };

type CountRow = { subUnitId: string; key: string; n: number };
type DisciplineRow = { id: string; subUnitId: string; officerId: string; fullName: string; form: DisciplineForm; status: DisciplineStatus; from: string; to: string | null };

/**
 * Every sub-unit of the member unit that has active officers, as the engine's counts for `year`:
 * members (active officers placed in the sub-unit), CST/CSTĐCS (registered for the emulation year, or
 * awarded for the year), ratings of the year, and discipline records counting against it (not cleared,
 * overlapping the year; the engine keeps those of "Cảnh cáo" or above). A sub-unit without officers is
 * absent (an empty summary).
 */
export async function subUnitSummaries(db: RawQueryable, unitId: string, year: number, basis: SubUnitBasis): Promise<Map<string, UnitMemberSummary>> {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const titles =
    basis.stage === "REGISTRATION"
      ? db.$queryRaw<CountRow[]>`
          SELECT o."subUnitId"::text AS "subUnitId", r."titleCode" AS key, count(*)::int AS n
          FROM "OfficerRegistration" r JOIN "Officer" o ON o.id = r."officerId"
          WHERE r."emulationYearId" = ${basis.emulationYearId}::uuid AND r."unitId" = ${unitId}::uuid
            AND o."unitId" = ${unitId}::uuid AND o.active AND o."subUnitId" IS NOT NULL
          GROUP BY 1, 2`
      : db.$queryRaw<CountRow[]>`
          SELECT o."subUnitId"::text AS "subUnitId", r."awardedTitleCode" AS key, count(*)::int AS n
          FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
          WHERE r.year = ${year} AND r."awardedTitleCode" IS NOT NULL
            AND o."unitId" = ${unitId}::uuid AND o.active AND o."subUnitId" IS NOT NULL
          GROUP BY 1, 2`;
  // One after another: inside a transaction they share one connection.
  const members = await db.$queryRaw<CountRow[]>`
    SELECT o."subUnitId"::text AS "subUnitId", '' AS key, count(*)::int AS n
    FROM "Officer" o WHERE o."unitId" = ${unitId}::uuid AND o.active AND o."subUnitId" IS NOT NULL
    GROUP BY 1`;
  const titleRows = await titles;
  const ratings = await db.$queryRaw<CountRow[]>`
    SELECT o."subUnitId"::text AS "subUnitId", r.rating::text AS key, count(*)::int AS n
    FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
    WHERE r.year = ${year} AND r.rating IS NOT NULL AND o."unitId" = ${unitId}::uuid AND o.active AND o."subUnitId" IS NOT NULL
    GROUP BY 1, 2`;
  const disciplines = await db.$queryRaw<DisciplineRow[]>`
    SELECT d.id::text AS id, o."subUnitId"::text AS "subUnitId", d."officerId"::text AS "officerId", o."fullName", d.form::text AS form,
           d.status::text AS status, to_char(d."fromDate", 'YYYY-MM-DD') AS "from", to_char(d."toDate", 'YYYY-MM-DD') AS "to"
    FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId"
    WHERE o."unitId" = ${unitId}::uuid AND o.active AND o."subUnitId" IS NOT NULL AND d.status <> 'CLEARED'
      AND d."fromDate" <= ${yearEnd}::date AND (d."toDate" IS NULL OR d."toDate" >= ${yearStart}::date)
    ORDER BY d.id`;

  type Summary = UnitMemberSummary & { disciplines: MemberDiscipline[] };
  const out = new Map<string, Summary>();
  for (const m of members) out.set(m.subUnitId, { memberCount: m.n, cstCount: 0, cstdcsCount: 0, ratingCounts: {}, disciplines: [] });
  const bySub = new Map<string, { titleCode: string; n: number }[]>();
  for (const t of titleRows) bySub.set(t.subUnitId, [...(bySub.get(t.subUnitId) ?? []), { titleCode: t.key, n: t.n }]);
  for (const [subUnitId, groups] of bySub) {
    const s = out.get(subUnitId);
    if (s) Object.assign(s, countQuotaTitles(groups));
  }
  for (const r of ratings) {
    const s = out.get(r.subUnitId);
    if (s) s.ratingCounts[r.key as TaskRating] = r.n;
  }
  for (const d of disciplines) {
    const s = out.get(d.subUnitId);
    const record: MemberDiscipline = {
      officerId: d.officerId,
      officerName: d.fullName,
      record: { id: d.id, form: d.form, status: d.status, from: d.from, ...(d.to ? { to: d.to } : {}) },
    };
    if (s) s.disciplines.push(record);
  }
  return out;
}

export const EMPTY_SUMMARY: UnitMemberSummary = { memberCount: 0, cstCount: 0, cstdcsCount: 0, ratingCounts: {}, disciplines: [] };

export type StoredSubUnitTitle = {
  id: string;
  subUnitId: string;
  targetTitleCode: string | null;
  awardedTitleCode: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  decisionSigner: string | null;
};

/** The sub-units' stored titles of one emulation year, for the member unit. */
export function subUnitTitlesOfYear(db: RawQueryable, unitId: string, emulationYearId: string): Promise<StoredSubUnitTitle[]> {
  return db.$queryRaw<StoredSubUnitTitle[]>`
    SELECT id::text AS id, "subUnitId"::text AS "subUnitId", "targetTitleCode", "awardedTitleCode", "decisionNo",
           to_char("decisionDate", 'YYYY-MM-DD') AS "decisionDate", "decisionSigner"
    FROM "SubUnitTitle" WHERE "unitId" = ${unitId}::uuid AND "emulationYearId" = ${emulationYearId}::uuid`;
}

/** The member unit's active sub-units, and those of them holding the quota's title (targets or awards), but `except`. */
export async function subUnitQuotaCounts(db: RawQueryable, unitId: string, emulationYearId: string, column: "target" | "awarded", except: string) {
  const [row] = await db.$queryRaw<{ subUnits: number; determined: number }[]>`
    SELECT (SELECT count(*)::int FROM "Unit" WHERE "parentId" = ${unitId}::uuid AND active) AS "subUnits",
           (SELECT count(*)::int FROM "SubUnitTitle" t
             WHERE t."unitId" = ${unitId}::uuid AND t."emulationYearId" = ${emulationYearId}::uuid AND t."subUnitId" <> ${except}::uuid
               AND (CASE WHEN ${column} = 'target' THEN t."targetTitleCode" ELSE t."awardedTitleCode" END) = ${SUB_UNIT_QUOTA_TITLE}) AS determined`;
  return { subUnitCount: row!.subUnits, othersDetermined: row!.determined };
}

export type SubUnitYearRow = SubUnitRow & { officers: number; stored: StoredSubUnitTitle | null; results: TitleResult<SubUnitTitle>[] };

/**
 * A member unit's sub-units for one emulation year, for a page: the active ones and those with a title
 * stored that year, each with its officers, its stored row and the engine's answer at `stage` (the
 * counts per `basis`); and how many sub-units are active (the quota's base).
 */
export async function subUnitYear(
  db: RawQueryable,
  unitId: string,
  year: { id: string; year: number },
  settings: EligibilitySettings,
  stage: EvaluationStage,
): Promise<{ rows: SubUnitYearRow[]; activeCount: number; stored: StoredSubUnitTitle[] }> {
  const basis: SubUnitBasis = stage.stage === "REGISTRATION" ? { stage: "REGISTRATION", emulationYearId: year.id } : { stage: "RESULTS" };
  const [subUnits, stored, summaries, rules] = await Promise.all([
    subUnitsOfUnit(db, unitId),
    subUnitTitlesOfYear(db, unitId, year.id),
    subUnitSummaries(db, unitId, year.year, basis),
    rulesForYear(year.year),
  ]);
  const byId = new Map(stored.map((t) => [t.subUnitId, t]));
  const rows = subUnits
    .filter((s) => s.active || byId.has(s.id))
    .map((s) => {
      const members = summaries.get(s.id) ?? EMPTY_SUMMARY;
      return { ...s, officers: members.memberCount, stored: byId.get(s.id) ?? null, results: evaluateSubUnit({ subUnitId: s.id, members }, year.year, settings, stage, rules).results };
    });
  return { rows, activeCount: subUnits.filter((s) => s.active).length, stored };
}
