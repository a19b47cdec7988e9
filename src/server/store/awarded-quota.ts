// The CSTĐCS quota on awarded titles (docs/domain.md §3, §4 step 7): counted as on registrations
// (countQuotaTitles through quotaWithProposals), over the titles awarded for the year to the unit's
// active officers, with the titles being recorded in place of what those officers hold.
import { rulesForYear } from "./title-rules";
import { quotaWithProposals } from "@/domain/awards";
import type { EligibilitySettings, QuotaCheck } from "@/domain/eligibility";
import type { Tx } from "@/server/db";

/** The titles awarded for `year` in the unit to its active officers of that year (the quota's base; a transfer: docs/domain.md §11). */
export async function awardedTitles(tx: Tx, unitId: string, year: number) {
  return tx.$queryRaw<{ officerId: string; titleCode: string | null }[]>`
    SELECT r."officerId"::text AS "officerId", r."awardedTitleCode" AS "titleCode"
    FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
    WHERE r."unitId" = ${unitId}::uuid AND o.active AND r.year = ${year} AND r."awardedTitleCode" IS NOT NULL`;
}

/**
 * The quota after recording `changes` (an officer's awarded title, or null for none), or null when it
 * holds. A unit already over (officers left, an older entry) may record what does not make it worse.
 */
export async function awardedQuotaExcess(
  tx: Tx,
  unitId: string,
  year: number,
  settings: Pick<EligibilitySettings, "cstdcsQuotaPercent">,
  changes: readonly { officerId: string; titleCode: string | null }[],
): Promise<QuotaCheck | null> {
  const awarded = await awardedTitles(tx, unitId, year);
  const rules = await rulesForYear(year, tx);
  const before = quotaWithProposals(awarded, [], settings, rules);
  const after = quotaWithProposals(awarded, changes.map((c) => ({ officerId: c.officerId, titleCode: c.titleCode ?? "" })), settings, rules);
  if (after.verdict !== "OVER" || (before.verdict === "OVER" && after.remaining >= before.remaining)) return null;
  return after;
}
