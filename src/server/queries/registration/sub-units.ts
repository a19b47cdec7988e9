// The sub-units' section of a unit's registration page (docs/domain.md §3 "Sub-units"): each sub-unit
// with its officers, the title its unit registered for it, the engine's answer at the REGISTRATION stage
// over its officers, and the unit's quota of Đơn vị Quyết thắng. No permission check of its own: it is
// read by unitRegistrationPage after that page's scope check, for the unit it checked.
import { checkSubUnitQuota, REGISTRATION, SUB_UNIT_QUOTA_TITLE, type SubUnitQuotaCheck, type SubUnitTitle, type TitleResult } from "@/domain/eligibility";
import { eligibilitySettingsOf, type YearSettings } from "@/domain/year-settings";
import { pooledRows } from "@/server/store/eligibility-data";
import { subUnitYear } from "@/server/store/sub-units";

export type SubUnitRegistrationRow = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  officers: number;
  targetTitleCode: string | null;
  results: TitleResult<SubUnitTitle>[];
};

export type SubUnitRegistrations = { rows: SubUnitRegistrationRow[]; quota: SubUnitQuotaCheck };

/** The unit's active sub-units (and inactive ones with a title stored this year), in display order. */
export async function subUnitRegistrations(unitId: string, year: { id: string; year: number; settings: YearSettings }): Promise<SubUnitRegistrations> {
  const { rows, activeCount, stored } = await subUnitYear(pooledRows, unitId, year, eligibilitySettingsOf(year.settings), REGISTRATION);
  const quota = checkSubUnitQuota({ subUnitCount: activeCount, determinedCount: stored.filter((s) => s.targetTitleCode === SUB_UNIT_QUOTA_TITLE).length }, year.settings);
  return { rows: rows.map(({ stored: s, ...r }) => ({ ...r, targetTitleCode: s?.targetTitleCode ?? null })), quota };
}
