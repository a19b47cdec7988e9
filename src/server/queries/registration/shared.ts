import { countQuotaTitles, INDIVIDUAL_TITLES, COLLECTIVE_TITLES, type IndividualTitle } from "@/domain/eligibility";
import type { YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { queryRows } from "@/server/db";

export const INDIVIDUAL = new Set<string>(INDIVIDUAL_TITLES);
export const COLLECTIVE = new Set<string>(COLLECTIVE_TITLES);

/** The cluster's current emulation year: its latest (one prepared statement: every registration page asks). */
export async function currentYearOf(clusterId: string) {
  const [year] = await queryRows<{ id: string; year: number; phase: string; settings: unknown; clusterId: string }[]>`
    SELECT id::text AS id, year, phase::text AS phase, settings, "clusterId"::text AS "clusterId"
    FROM "EmulationYear" WHERE "clusterId" = ${clusterId}::uuid ORDER BY year DESC LIMIT 1`;
  return year ? { ...year, phase: year.phase as YearPhase, settings: parseYearSettings(year.settings) } : null;
}

export type YearInfo = NonNullable<Awaited<ReturnType<typeof currentYearOf>>>;

export type TitleCounts = { registered: number; cstdcs: number; byTitle: Partial<Record<IndividualTitle, number>> };

export function countsFrom(groups: { titleCode: string; n: number }[]): TitleCounts {
  const out: TitleCounts = { registered: 0, cstdcs: 0, byTitle: {} };
  for (const { titleCode, n } of groups) {
    if (!INDIVIDUAL.has(titleCode)) continue;
    const title = titleCode as IndividualTitle;
    out.byTitle[title] = (out.byTitle[title] ?? 0) + n;
  }
  const { cstCount, cstdcsCount } = countQuotaTitles(groups);
  return { ...out, registered: cstCount, cstdcs: cstdcsCount };
}

export const registrationSelect = {
  id: true,
  status: true,
  submittedAt: true,
  reopenedUntil: true,
  reopenReason: true,
  targetTitleCode: true,
  agreementSignedOn: true,
  agreementSigner: true,
  agreementFileName: true,
  agreementFileType: true,
  updatedAt: true,
} as const;
