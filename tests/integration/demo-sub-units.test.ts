// The demo's sub-units' titles (src/server/seed/sub-units.ts): in every closed year, each awarded title
// is one the engine finds ELIGIBLE over the sub-unit's officers on its decision day and each unit keeps
// its quota of Đơn vị Quyết thắng; the open year holds the registrations of the units that submitted
// (and half of Cục Ngoại tuyến's), none of the late or other drafting unit.
import { beforeAll, describe, expect, it } from "vitest";
import { checkSubUnitQuota, evaluateSubUnit, subUnitResultFor, type SubUnitTitle } from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { DEMO_CLUSTER, seedDemoData } from "@/server/seed/demo";
import { EMPTY_SUMMARY, subUnitSummaries } from "@/server/store/sub-units";
import { prisma, resetDatabase } from "./fixtures";

const TODAY = "2024-05-20";

beforeAll(async () => {
  await resetDatabase();
  await seedDemoData(prisma, { today: TODAY });
}, 240_000);

describe("the demo's sub-units' titles", () => {
  it("every closed year's award is ELIGIBLE on its decision day, within each unit's quota", async () => {
    const cluster = await prisma.cluster.findUniqueOrThrow({ where: { code: DEMO_CLUSTER.code } });
    const years = await prisma.emulationYear.findMany({ where: { clusterId: cluster.id, phase: "CLOSED" }, orderBy: { year: "asc" } });
    expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    const units = await prisma.unit.findMany({ where: { clusterId: cluster.id, parentId: null }, include: { subUnits: { where: { active: true } } } });
    let awarded = 0;
    for (const y of years) {
      for (const unit of units) {
        const rows = await prisma.subUnitTitle.findMany({ where: { emulationYearId: y.id, unitId: unit.id } });
        const summaries = await subUnitSummaries(prisma, unit.id, y.year, { stage: "RESULTS" });
        for (const r of rows) {
          const evaluation = evaluateSubUnit({ subUnitId: r.subUnitId, members: summaries.get(r.subUnitId) ?? EMPTY_SUMMARY }, y.year, DEFAULT_YEAR_SETTINGS, { stage: "RESULTS", asOf: r.decisionDate!.toISOString().slice(0, 10) });
          expect(subUnitResultFor(evaluation, r.awardedTitleCode as SubUnitTitle).status, `${y.year} ${unit.code}`).toBe("ELIGIBLE");
          expect(r.decisionNo).toMatch(/^15\d\d\/QĐ-/);
        }
        const determined = rows.filter((r) => r.awardedTitleCode === "DV_QUYET_THANG").length;
        expect(checkSubUnitQuota({ subUnitCount: unit.subUnits.length, determinedCount: determined }, DEFAULT_YEAR_SETTINGS).verdict).not.toBe("OVER");
        awarded += rows.length;
      }
    }
    // The demo's sub-units do earn titles (not an empty table that passes every check).
    expect(awarded).toBeGreaterThan(20);
    expect(await prisma.subUnitTitle.count({ where: { awardedTitleCode: "DV_QUYET_THANG" } })).toBeGreaterThan(0);
  });

  it("the open year holds the submitted units' registrations and half of Cục Ngoại tuyến's", async () => {
    const open = await prisma.emulationYear.findFirstOrThrow({ where: { year: 2024 } });
    const rows = await prisma.subUnitTitle.findMany({ where: { emulationYearId: open.id }, include: { unit: { select: { code: true } } } });
    const byUnit = new Map<string, number>();
    for (const r of rows) byUnit.set(r.unit.code, (byUnit.get(r.unit.code) ?? 0) + 1);
    expect(rows.every((r) => r.awardedTitleCode === null && r.targetTitleCode !== null)).toBe(true);
    expect(byUnit.get("ANM")).toBeGreaterThan(0);
    expect(byUnit.get("QLXNC")).toBeGreaterThan(0);
    expect(byUnit.get("NT")).toBeGreaterThan(0);
    expect(byUnit.has("KTNV")).toBe(false);
    expect(byUnit.has("BTLCV")).toBe(false);
  });
});
