// A member unit's officers for one year as the eligibility engine's counts (src/domain/eligibility:
// UnitMemberSummary), aggregated in SQL: recording a collective title and proposing one in a dossier
// read the same facts.
import { countQuotaTitles, type MemberDiscipline, type TaskRating, type UnitMemberSummary } from "@/domain/eligibility";
import type { Tx } from "@/server/db";
import { disciplineRecord } from "./eligibility-data";

/**
 * The unit's members for `year` as the engine's counts, aggregated in SQL: active officers, their
 * recorded ratings and awarded titles that year, and their discipline records that count against it.
 */
export async function memberSummary(tx: Tx, unitId: string, year: number): Promise<UnitMemberSummary> {
  const [members, ratings, titles, disciplines] = await Promise.all([
    tx.officer.count({ where: { unitId, active: true } }),
    tx.$queryRaw<{ rating: TaskRating; n: number }[]>`
      SELECT r.rating::text AS rating, count(*)::int AS n
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active AND r.year = ${year} AND r.rating IS NOT NULL
      GROUP BY r.rating`,
    tx.$queryRaw<{ title: string; n: number }[]>`
      SELECT r."awardedTitleCode" AS title, count(*)::int AS n
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active AND r.year = ${year} AND r."awardedTitleCode" IS NOT NULL
      GROUP BY r."awardedTitleCode"`,
    tx.discipline.findMany({
      where: {
        officer: { unitId, active: true },
        status: { not: "CLEARED" },
        fromDate: { lte: new Date(`${year}-12-31T00:00:00Z`) },
        OR: [{ toDate: null }, { toDate: { gte: new Date(`${year}-01-01T00:00:00Z`) } }],
      },
      select: { id: true, officerId: true, form: true, status: true, fromDate: true, toDate: true, officer: { select: { fullName: true } } },
    }),
  ]);
  return {
    memberCount: members,
    ...countQuotaTitles(titles.map((t) => ({ titleCode: t.title, n: t.n }))),
    ratingCounts: Object.fromEntries(ratings.map((r) => [r.rating, r.n])),
    disciplines: disciplines.map<MemberDiscipline>((d) => ({ officerId: d.officerId, officerName: d.officer.fullName, record: disciplineRecord(d) })),
  };
}
