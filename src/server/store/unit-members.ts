// A member unit's officers for one year as the eligibility engine's counts (src/domain/eligibility:
// UnitMemberSummary), aggregated in SQL: recording a collective title and proposing one in a dossier
// read the same facts.
import { countQuotaTitles, type DisciplineForm, type DisciplineStatus, type MemberDiscipline, type TaskRating, type UnitMemberSummary } from "@/domain/eligibility";
import type { Tx } from "@/server/db";
import { disciplineRecord } from "./eligibility-data";
import { servedInYear } from "./officer-transfers";

/**
 * The unit's members for `year` as the engine's counts, aggregated in SQL: the active officers who
 * served the unit that year (a transfer: docs/domain.md §11), the ratings and awarded titles recorded
 * in the unit that year, and the members' discipline records that count against it.
 */
export async function memberSummary(tx: Tx, unitId: string, year: number): Promise<UnitMemberSummary> {
  const served = servedInYear(unitId, year);
  const [[members], ratings, titles, disciplines] = await Promise.all([
    tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Officer" o WHERE ${served}`,
    tx.$queryRaw<{ rating: TaskRating; n: number }[]>`
      SELECT r.rating::text AS rating, count(*)::int AS n
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE r."unitId" = ${unitId}::uuid AND o.active AND r.year = ${year} AND r.rating IS NOT NULL
      GROUP BY r.rating`,
    tx.$queryRaw<{ title: string; n: number }[]>`
      SELECT r."awardedTitleCode" AS title, count(*)::int AS n
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE r."unitId" = ${unitId}::uuid AND o.active AND r.year = ${year} AND r."awardedTitleCode" IS NOT NULL
      GROUP BY r."awardedTitleCode"`,
    tx.$queryRaw<{ id: string; officerId: string; form: DisciplineForm; status: DisciplineStatus; fromDate: Date; toDate: Date | null; fullName: string }[]>`
      SELECT d.id::text AS id, d."officerId"::text AS "officerId", d.form::text AS form, d.status::text AS status, d."fromDate", d."toDate", o."fullName"
      FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId"
      WHERE ${served} AND d.status <> 'CLEARED' AND d."fromDate" <= ${`${year}-12-31`}::date
        AND (d."toDate" IS NULL OR d."toDate" >= ${`${year}-01-01`}::date)`,
  ]);
  return {
    memberCount: members?.n ?? 0,
    ...countQuotaTitles(titles.map((t) => ({ titleCode: t.title, n: t.n }))),
    ratingCounts: Object.fromEntries(ratings.map((r) => [r.rating, r.n])),
    disciplines: disciplines.map<MemberDiscipline>((d) => ({ officerId: d.officerId, officerName: d.fullName, record: disciplineRecord(d) })),
  };
}
