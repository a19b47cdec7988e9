// The demo's sub-units' collective titles (docs/domain.md §1, §3 "Sub-units"), decided through the same
// rules as the commands: for every closed year, each member unit's sub-units get the highest title the
// engine finds ELIGIBLE at the RESULTS stage over their officers' awarded titles, Đơn vị Quyết thắng
// within the unit's quota (the rest Đơn vị tiên tiến where eligible), registered in March and decided by
// the unit's head on 25/12; in the open year, the units that submitted registered a target for each
// sub-unit (the highest ELIGIBLE at REGISTRATION, within the quota), Cục Ngoại tuyến (drafting) for half
// of them, and the others none yet. The closed years do not depend on the day.
import { evaluateSubUnit, REGISTRATION, subUnitQuotaAfter, type EvaluationStage, type SubUnitTitle } from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS, eligibilitySettingsOf } from "@/domain/year-settings";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { EMPTY_SUMMARY, subUnitsOfUnit, subUnitSummaries, type SubUnitBasis } from "@/server/store/sub-units";
import { DEMO_UNIT_CODES, DEMO_UNIT_NAMES, type CurrentYearPlan, type DemoUnitCode } from "./calendar";

type Choice = { subUnitId: string; title: SubUnitTitle };

/** Each active sub-unit's highest ELIGIBLE title at the stage, Quyết thắng kept within the unit's quota. */
async function choose(tx: Tx, unitId: string, year: number, basis: SubUnitBasis, stage: EvaluationStage): Promise<Choice[]> {
  const settings = eligibilitySettingsOf(DEFAULT_YEAR_SETTINGS);
  const subUnits = (await subUnitsOfUnit(tx, unitId)).filter((s) => s.active);
  const summaries = await subUnitSummaries(tx, unitId, year, basis);
  const out: Choice[] = [];
  let determined = 0;
  for (const s of subUnits) {
    const best = evaluateSubUnit({ subUnitId: s.id, members: summaries.get(s.id) ?? EMPTY_SUMMARY }, year, settings, stage).highestEligible;
    if (!best) continue;
    const fits = subUnitQuotaAfter({ subUnitCount: subUnits.length, othersDetermined: determined, previous: null, next: best }, DEFAULT_YEAR_SETTINGS).ok;
    const title: SubUnitTitle = fits ? best : "DV_TIEN_TIEN";
    if (title === "DV_QUYET_THANG") determined++;
    // A sub-unit that meets Quyết thắng also meets Tiên tiến (the ladder is cumulative).
    out.push({ subUnitId: s.id, title });
  }
  return out;
}

export async function seedSubUnitTitles(
  tx: Tx,
  ctx: { unitIds: Record<DemoUnitCode, string>; yearIds: ReadonlyMap<number, string>; closedYears: readonly number[]; plan: CurrentYearPlan },
): Promise<number> {
  const rows: Prisma.SubUnitTitleCreateManyInput[] = [];
  for (const year of ctx.closedYears) {
    const emulationYearId = ctx.yearIds.get(year)!;
    for (const [n, unit] of DEMO_UNIT_CODES.entries()) {
      const unitId = ctx.unitIds[unit];
      const decisionDate = `${year}-12-25`;
      const choices = await choose(tx, unitId, year, { stage: "RESULTS" }, { stage: "RESULTS", asOf: decisionDate });
      for (const c of choices) {
        rows.push({
          emulationYearId,
          subUnitId: c.subUnitId,
          unitId,
          targetTitleCode: c.title,
          awardedTitleCode: c.title,
          decisionNo: `${1500 + n}/QĐ-${unit}`,
          decisionDate: new Date(`${decisionDate}T00:00:00Z`),
          decisionSigner: `Thủ trưởng ${DEMO_UNIT_NAMES[unit]}`,
          createdAt: new Date(`${year}-03-15T03:00:00Z`),
          updatedAt: new Date(`${decisionDate}T03:00:00Z`),
        });
      }
    }
  }
  const { year, units } = ctx.plan;
  const openYearId = ctx.yearIds.get(year)!;
  for (const unit of DEMO_UNIT_CODES) {
    const state = units[unit].state;
    if (state === "LATE" || (state === "DRAFT" && unit !== "NT")) continue;
    const unitId = ctx.unitIds[unit];
    const choices = await choose(tx, unitId, year, { stage: "REGISTRATION", emulationYearId: openYearId }, REGISTRATION);
    for (const c of state === "DRAFT" ? choices.slice(0, Math.ceil(choices.length / 2)) : choices) {
      rows.push({ emulationYearId: openYearId, subUnitId: c.subUnitId, unitId, targetTitleCode: c.title });
    }
  }
  await tx.subUnitTitle.createMany({ data: rows });
  return rows.length;
}
