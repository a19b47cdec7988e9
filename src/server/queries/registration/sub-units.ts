// The sub-units' section of a unit's registration page (docs/domain.md §3 "Sub-units"): each sub-unit
// with its officers, the title its unit registered for it, the engine's answer at the REGISTRATION stage
// over its officers, and the unit's quota of Đơn vị Quyết thắng. No permission check of its own: it is
// read by unitRegistrationPage after that page's scope check, for the unit it checked.
import { checkSubUnitQuota, evaluateSubUnit, REGISTRATION, SUB_UNIT_QUOTA_TITLE, type SubUnitQuotaCheck, type SubUnitTitle, type TitleResult } from "@/domain/eligibility";
import { eligibilitySettingsOf, type YearSettings } from "@/domain/year-settings";
import { pooledRows } from "@/server/store/eligibility-data";
import { EMPTY_SUMMARY, subUnitsOfUnit, subUnitSummaries, subUnitTitlesOfYear } from "@/server/store/sub-units";

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
  const [subUnits, stored, summaries] = await Promise.all([
    subUnitsOfUnit(pooledRows, unitId),
    subUnitTitlesOfYear(pooledRows, unitId, year.id),
    subUnitSummaries(pooledRows, unitId, year.year, { stage: "REGISTRATION", emulationYearId: year.id }),
  ]);
  const settings = eligibilitySettingsOf(year.settings);
  const targets = new Map(stored.map((s) => [s.subUnitId, s.targetTitleCode]));
  const rows = subUnits
    .filter((s) => s.active || targets.get(s.id))
    .map((s) => {
      const members = summaries.get(s.id) ?? EMPTY_SUMMARY;
      return {
        ...s,
        officers: members.memberCount,
        targetTitleCode: targets.get(s.id) ?? null,
        results: evaluateSubUnit({ subUnitId: s.id, members }, year.year, settings, REGISTRATION).results,
      };
    });
  const quota = checkSubUnitQuota(
    { subUnitCount: subUnits.filter((s) => s.active).length, determinedCount: stored.filter((s) => s.targetTitleCode === SUB_UNIT_QUOTA_TITLE).length },
    year.settings,
  );
  return { rows, quota };
}
