// The sub-units' titles of one member unit for a year on its results page (docs/domain.md §3
// "Sub-units", §4 step 7): each sub-unit with the title its unit registered for it, the title awarded
// and its decision, the engine's answer at the RESULTS stage over its officers, and the unit's quota of
// Đơn vị Quyết thắng on the awarded titles. Who may read: "results.view" on the member unit (its own
// people, the cluster's secretariat, admins); the secretariat records (canRecord). Else 404.
import { checkSubUnitQuota, RESULTS, SUB_UNIT_QUOTA_TITLE, type SubUnitQuotaCheck } from "@/domain/eligibility";
import { resultsWindowError } from "@/domain/excel-rows";
import { can, type Actor } from "@/domain/permissions";
import { isUuid } from "@/domain/validation";
import type { YearPhase } from "@/domain/year-phases";
import { eligibilitySettingsOf, parseYearSettings } from "@/domain/year-settings";
import { queryRows } from "@/server/db";
import { notFound } from "@/server/errors";
import { pooledRows } from "@/server/store/eligibility-data";
import { subUnitYear, type SubUnitYearRow } from "@/server/store/sub-units";
import { assertCan } from "../guard";

export type SubUnitResultRow = SubUnitYearRow;

export type SubUnitResults = { rows: SubUnitResultRow[]; quota: SubUnitQuotaCheck; canRecord: boolean };

export async function subUnitResults(actor: Actor, unitId: string, yearId: string): Promise<SubUnitResults> {
  if (!isUuid(unitId) || !isUuid(yearId)) notFound();
  const [[unit], [year]] = await Promise.all([
    queryRows<{ id: string; clusterId: string; parentId: string | null }[]>`
      SELECT id::text AS id, "clusterId"::text AS "clusterId", "parentId"::text AS "parentId" FROM "Unit" WHERE id = ${unitId}::uuid`,
    queryRows<{ id: string; year: number; phase: YearPhase; settings: unknown; clusterId: string }[]>`
      SELECT id::text AS id, year, phase::text AS phase, settings, "clusterId"::text AS "clusterId" FROM "EmulationYear" WHERE id = ${yearId}::uuid`,
  ]);
  const target = unit && !unit.parentId && year && year.clusterId === unit.clusterId ? { unitId: unit.id, clusterId: unit.clusterId } : null;
  assertCan(actor, "results.view", target);
  const y = year!;
  const settings = parseYearSettings(y.settings);
  const { rows, activeCount, stored } = await subUnitYear(pooledRows, unitId, y, eligibilitySettingsOf(settings), RESULTS);
  const quota = checkSubUnitQuota(
    { subUnitCount: activeCount, determinedCount: stored.filter((s) => s.awardedTitleCode === SUB_UNIT_QUOTA_TITLE).length },
    settings,
    "đã công nhận",
  );
  const canRecord = !resultsWindowError(y) && can(actor, "results.verify", target!);
  return { rows, quota, canRecord };
}
