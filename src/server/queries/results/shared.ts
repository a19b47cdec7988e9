import { cstdcsAllowed, INDIVIDUAL_TITLES, type IndividualTitle } from "@/domain/eligibility";
import { rulesForYear } from "@/server/store/title-rules";
import { RESULTS_PHASES } from "@/domain/excel-rows";
import { parseYearSettings } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import type { YearChoice } from "./years";
import type { UnitResultRow } from "./overview";

/** The requested year, or the latest one with results (from the year-end report on, or closed). */
export function pickYear(years: YearChoice[], yearId: string | undefined): YearChoice | null {
  if (yearId) return years.find((y) => y.id === yearId) ?? null;
  const withResults = years.filter((y) => y.phase === "CLOSED" || RESULTS_PHASES.includes(y.phase));
  const newest = (list: YearChoice[]) => list.reduce<YearChoice | null>((best, y) => (!best || y.year > best.year ? y : best), null);
  return newest(withResults) ?? newest(years);
}

export type TitleCount = Record<IndividualTitle, number>;
const zeroCounts = (): TitleCount => ({ CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 });

const isIndividual = (code: string): code is IndividualTitle => (INDIVIDUAL_TITLES as readonly string[]).includes(code);

/** Per unit: registered vs awarded per title, rated and unverified, with 5 grouped queries for all units. */
export async function unitRows(
  units: { id: string; code: string; name: string }[],
  year: { id: string; year: number; settings: unknown },
): Promise<UnitResultRow[]> {
  const ids = units.map((u) => u.id);
  if (ids.length === 0) return [];
  const settings = parseYearSettings(year.settings);
  const rounding = (await rulesForYear(year.year)).CSTDCS.params.quotaRounding;
  const [members, registered, awarded, unitRegs, unitResults, titleNames] = await Promise.all([
    prisma.officer.groupBy({ by: ["unitId"], where: { unitId: { in: ids }, active: true }, _count: { _all: true } }),
    prisma.officerRegistration.groupBy({ by: ["unitId", "titleCode"], where: { emulationYearId: year.id, unitId: { in: ids } }, _count: { _all: true } }),
    prisma.$queryRaw<{ unitId: string; title: string | null; rated: number; total: number; unverified: number }[]>`
      SELECT r."unitId"::text AS "unitId", r."awardedTitleCode" AS title,
             count(r.rating)::int AS rated, count(*)::int AS total, count(*) FILTER (WHERE NOT r.verified)::int AS unverified
      FROM "OfficerYearResult" r
      WHERE r.year = ${year.year} AND r."unitId" = ANY(${ids}::uuid[])
      GROUP BY r."unitId", r."awardedTitleCode"`,
    prisma.unitRegistration.findMany({ where: { emulationYearId: year.id, unitId: { in: ids } }, select: { unitId: true, status: true, targetTitleCode: true } }),
    prisma.unitYearResult.findMany({
      where: { emulationYearId: year.id, unitId: { in: ids } },
      select: { unitId: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true },
    }),
    prisma.titleDefinition.findMany({ select: { code: true, name: true } }),
  ]);
  const nameOf = new Map(titleNames.map((t) => [t.code, t.name]));
  return units.map((u) => {
    const reg = zeroCounts();
    for (const r of registered) if (r.unitId === u.id && isIndividual(r.titleCode)) reg[r.titleCode] += r._count._all;
    const aw = zeroCounts();
    let rated = 0;
    let unverified = 0;
    for (const a of awarded) {
      if (a.unitId !== u.id) continue;
      rated += a.rated;
      unverified += a.unverified;
      if (a.title && isIndividual(a.title)) aw[a.title] += a.total;
    }
    const cst = aw.CST + aw.CSTDCS + aw.CSTD_CAND + aw.CSTD_TQ;
    const cstdcs = aw.CSTDCS + aw.CSTD_CAND + aw.CSTD_TQ;
    const ur = unitRegs.find((r) => r.unitId === u.id);
    const res = unitResults.find((r) => r.unitId === u.id);
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      members: members.find((m) => m.unitId === u.id)?._count._all ?? 0,
      registered: reg,
      registeredTotal: reg.CST + reg.CSTDCS + reg.CSTD_CAND + reg.CSTD_TQ,
      awarded: aw,
      awardedTotal: cst,
      rated,
      unverified,
      quota: { cst, cstdcs, allowed: cstdcsAllowed(cst, settings.cstdcsQuotaPercent, rounding) },
      unitTarget: ur?.targetTitleCode ? { code: ur.targetTitleCode, name: nameOf.get(ur.targetTitleCode) ?? ur.targetTitleCode } : null,
      unitRegistrationStatus: ur?.status ?? null,
      unitAwarded: res?.awardedTitleCode
        ? { code: res.awardedTitleCode, name: nameOf.get(res.awardedTitleCode) ?? res.awardedTitleCode, decisionNo: res.decisionNo, decisionDate: res.decisionDate, decisionSigner: res.decisionSigner }
        : null,
    };
  });
}
