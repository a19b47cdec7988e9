// Officer transfers on the real database (docs/domain.md §11): who may transfer, the refusals (nothing
// written), the records that stay with the unit served, the figures of each unit, and the streak that
// travels with the officer.
import { beforeEach, describe, expect, it } from "vitest";
import { evaluateOfficer, REGISTRATION } from "@/domain/eligibility";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { TRANSFER_MESSAGES } from "@/domain/transfers";
import { eligibilitySettingsOf, DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand, INVALID_INPUT } from "@/server/commands/command";
import { transferOfficer } from "@/server/commands/transfers";
import { getOfficer } from "@/server/queries/officers";
import { transferDestinations } from "@/server/queries/transfers";
import { loadUnitEligibilityData } from "@/server/store/eligibility-data";
import { memberSummary } from "@/server/store/unit-members";
import { awardedTitles } from "@/server/store/awarded-quota";
import { SUMMARY_REBUILD_SQL } from "@/server/summary-tables";
import { expectNotFound, expectOk, expectRefused } from "../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";

async function makeWorld() {
  await prisma.titleDefinition.createMany({ data: TITLE_CATALOGUE.map((t) => ({ ...t })) });
  const cluster = await makeCluster("Cụm thi đua số 2");
  const other = await makeCluster("Cụm thi đua số 5");
  const from = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const to = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const sub = await makeUnit(cluster.id, "Phòng 1", from.id);
  const far = await makeUnit(other.id, "Công an tỉnh Cao Bằng");
  await makeYear(cluster.id, 2021, { phase: "CLOSED" });
  const year = await makeYear(cluster.id, 2022);
  // A CSTĐCS streak 2020–2021 recorded in the old unit, and a discipline there in 2021.
  const officer = await makeOfficer(from.id, "Trần Văn Chuyển");
  const stays = await makeOfficer(from.id, "Lê Văn Ở");
  for (const o of [officer, stays]) {
    for (const y of [2020, 2021]) {
      await prisma.officerYearResult.create({ data: { officerId: o.id, year: y, rating: "EXCELLENT", awardedTitleCode: "CSTDCS", verified: true } });
    }
  }
  await prisma.initiative.create({ data: { officerId: officer.id, year: 2021, level: "BASE", title: "Cải tiến quy trình" } });
  await prisma.discipline.create({ data: { officerId: officer.id, form: "KHIEN_TRACH", status: "CLEARED", fromDate: new Date("2021-04-01T00:00:00Z") } });
  await prisma.officerRegistration.create({ data: { emulationYearId: year.id, unitId: from.id, officerId: officer.id, titleCode: "CSTD_CAND" } });
  const actors = {
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    otherSecretariat: await makeActor("SECRETARIAT", { clusterId: other.id }),
    admin: await makeActor("ADMIN"),
    fromOfficer: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: from.id }),
    toOfficer: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: to.id }),
  };
  return { cluster, other, from, to, sub, far, year, officer, stays, actors };
}

type World = Awaited<ReturnType<typeof makeWorld>>;

const input = (w: World, extra: Record<string, string> = {}) => ({
  officerId: w.officer.id,
  toUnitId: w.to.id,
  effectiveDate: "01/03/2022",
  decisionNo: "125/QĐ-X01",
  decisionDate: "25/02/2022",
  decisionSigner: "Đại tá Phạm Văn Ký",
  ...extra,
});

/** What a refused transfer must leave untouched. */
const written = async (w: World) => ({
  transfers: await prisma.officerTransfer.count(),
  audit: await prisma.auditLog.count({ where: { action: "officer.transfer" } }),
  unitId: (await prisma.officer.findUniqueOrThrow({ where: { id: w.officer.id } })).unitId,
  registrationUnit: (await prisma.officerRegistration.findFirstOrThrow({ where: { officerId: w.officer.id } })).unitId,
});

describe("officer transfers", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await makeWorld();
  });

  it("moves the officer's future records only: past years stay with the old unit in counts and visibility", async () => {
    expectOk(await executeCommand(transferOfficer, w.actors.secretariat, input(w)));

    const officer = await prisma.officer.findUniqueOrThrow({ where: { id: w.officer.id } });
    expect(officer.unitId).toBe(w.to.id);
    const transfer = await prisma.officerTransfer.findFirstOrThrow();
    expect(transfer).toMatchObject({ fromUnitId: w.from.id, toUnitId: w.to.id, decisionNo: "125/QĐ-X01", recordedById: w.actors.secretariat.userId });
    expect(transfer.effectiveDate.toISOString().slice(0, 10)).toBe("2022-03-01");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "officer.transfer" } });
    expect(audit).toMatchObject({ entityId: w.officer.id, unitId: w.from.id, clusterId: w.cluster.id });
    // The registration of the transfer's year follows the officer within the cluster.
    expect((await prisma.officerRegistration.findFirstOrThrow({ where: { officerId: w.officer.id } })).unitId).toBe(w.to.id);

    // Past records keep the unit served; a new one is stamped with the new unit.
    const results = await prisma.officerYearResult.findMany({ where: { officerId: w.officer.id }, orderBy: { year: "asc" } });
    expect(results.map((r) => r.unitId)).toEqual([w.from.id, w.from.id]);
    expect((await prisma.initiative.findFirstOrThrow({ where: { officerId: w.officer.id } })).unitId).toBe(w.from.id);
    expect((await prisma.discipline.findFirstOrThrow({ where: { officerId: w.officer.id } })).unitId).toBe(w.from.id);
    const next = await prisma.officerYearResult.create({ data: { officerId: w.officer.id, year: 2022, rating: "EXCELLENT", awardedTitleCode: "CST" } });
    expect(next.unitId).toBe(w.to.id);
    // A record dated before the transfer (entered late) still goes to the unit served on its date.
    const late = await prisma.discipline.create({ data: { officerId: w.officer.id, form: "KHIEN_TRACH", status: "CLEARED", fromDate: new Date("2022-01-10T00:00:00Z") } });
    expect(late.unitId).toBe(w.from.id);

    // Each unit's figures count the officer where they served that year.
    await prisma.$transaction(async (tx) => {
      expect((await memberSummary(tx, w.from.id, 2021)).memberCount).toBe(2);
      expect((await memberSummary(tx, w.to.id, 2021)).memberCount).toBe(0);
      expect((await memberSummary(tx, w.from.id, 2022)).memberCount).toBe(1);
      expect((await memberSummary(tx, w.to.id, 2022)).memberCount).toBe(1);
      expect((await awardedTitles(tx, w.from.id, 2021)).map((r) => r.officerId).sort()).toEqual([w.officer.id, w.stays.id].sort());
      expect(await awardedTitles(tx, w.to.id, 2021)).toEqual([]);
      expect((await awardedTitles(tx, w.to.id, 2022)).map((r) => r.officerId)).toEqual([w.officer.id]);
    });
    const tally = await prisma.unitTitleTally.findMany({ where: { year: 2021, titleCode: "CSTDCS" }, orderBy: { unitId: "asc" } });
    expect(tally.filter((t) => t.awarded > 0).map((t) => [t.unitId, t.awarded])).toEqual([[w.from.id, 2]]);
    // The triggers kept the summaries equal to a rebuild from the rows.
    const before = await prisma.unitTitleTally.findMany({ where: { OR: [{ awarded: { not: 0 } }, { registered: { not: 0 } }] }, orderBy: [{ unitId: "asc" }, { year: "asc" }, { titleCode: "asc" }] });
    for (const sql of SUMMARY_REBUILD_SQL) await prisma.$executeRawUnsafe(sql);
    const rebuilt = await prisma.unitTitleTally.findMany({ where: { OR: [{ awarded: { not: 0 } }, { registered: { not: 0 } }] }, orderBy: [{ unitId: "asc" }, { year: "asc" }, { titleCode: "asc" }] });
    expect(rebuilt).toEqual(before);

    // The old unit no longer finds the officer; the new unit does.
    await expectNotFound(getOfficer(w.actors.fromOfficer, w.officer.id));
    expect((await getOfficer(w.actors.toOfficer, w.officer.id)).officer.id).toBe(w.officer.id);
  });

  it("the CSTĐCS streak travels: the new unit's registration sees the whole history", async () => {
    expectOk(await executeCommand(transferOfficer, w.actors.secretariat, input(w)));
    const streak = await prisma.officerTitleStreak.findUniqueOrThrow({ where: { officerId: w.officer.id } });
    expect(streak).toMatchObject({ unitId: w.to.id, fromYear: 2020, toYear: 2021, length: 2 });

    const data = await loadUnitEligibilityData(prisma, { unitId: w.to.id, year: 2022, emulationYearId: w.year.id });
    const loaded = data.officers.find((o) => o.officerId === w.officer.id)!;
    expect(loaded, "the officer is the new unit's").toBeDefined();
    expect(loaded.history.years.map((y) => [y.year, y.awardedTitle]).sort()).toEqual([[2020, "CSTDCS"], [2021, "CSTDCS"]]);
    const cand = evaluateOfficer(loaded.history, 2022, eligibilitySettingsOf(DEFAULT_YEAR_SETTINGS), REGISTRATION).results.find((r) => r.title === "CSTD_CAND")!;
    expect(cand.reasons.find((r) => r.rule === "CSTDCS_STREAK")?.ok).toBe(true);
    // And the old unit's list no longer has them.
    const old = await loadUnitEligibilityData(prisma, { unitId: w.from.id, year: 2022 });
    expect(old.officers.map((o) => o.officerId)).toEqual([w.stays.id]);
  });

  it("offers the destinations the actor may reach: the secretariat its cluster's member units, the admin every cluster's", async () => {
    const subject = { id: w.officer.id, unitId: w.from.id, active: true, clusterId: w.cluster.id };
    expect(await transferDestinations(w.actors.secretariat, subject)).toEqual([{ id: w.to.id, label: "Cục Ngoại tuyến" }]);
    expect(await transferDestinations(w.actors.admin, subject)).toEqual([
      { id: w.to.id, label: "Cục Ngoại tuyến" },
      { id: w.far.id, label: "Công an tỉnh Cao Bằng (Cụm thi đua số 5)" },
    ]);
    expect(await transferDestinations(w.actors.fromOfficer, subject)).toBeNull();
    expect(await transferDestinations(w.actors.otherSecretariat, subject)).toBeNull();
    expect(await transferDestinations(w.actors.secretariat, { ...subject, active: false })).toBeNull();
  });

  it("refuses bad transfers with their reason and writes nothing", async () => {
    const start = await written(w);
    const field = (extra: Record<string, string>, name: string, message: string | RegExp, actor = w.actors.secretariat) =>
      executeCommand(transferOfficer, actor, input(w, extra)).then((r) => {
        expectRefused(r, INVALID_INPUT);
        expect(r.ok ? [] : r.fieldErrors?.[name]?.[0]).toMatch(message);
      });
    await field({ toUnitId: w.from.id }, "toUnitId", TRANSFER_MESSAGES.sameUnit);
    await field({ toUnitId: w.sub.id }, "toUnitId", TRANSFER_MESSAGES.notMember);
    await field({ toUnitId: w.far.id }, "toUnitId", TRANSFER_MESSAGES.otherCluster);
    // Before the officer's last record: the 2022 registration opens 2022; without it, the 2021 result concludes 2021.
    await field({ effectiveDate: "31/12/2021" }, "effectiveDate", "Ngày hiệu lực không được trước ngày 01/01/2022 (đăng ký thi đua năm 2022 của cán bộ).");
    await prisma.officerRegistration.deleteMany({ where: { officerId: w.officer.id } });
    await field({ effectiveDate: "30/06/2021" }, "effectiveDate", "Ngày hiệu lực không được trước ngày 31/12/2021 (kết quả thi đua năm 2021 của cán bộ).");
    await prisma.officerRegistration.create({ data: { emulationYearId: w.year.id, unitId: w.from.id, officerId: w.officer.id, titleCode: "CSTD_CAND" } });
    await field({ effectiveDate: "01/01/2099" }, "effectiveDate", TRANSFER_MESSAGES.future);
    await field({ effectiveDate: "31/02/2022" }, "effectiveDate", /dd\/mm\/yyyy/);
    await field({ decisionNo: "  " }, "decisionNo", /bắt buộc/);
    await prisma.officer.update({ where: { id: w.officer.id }, data: { active: false } });
    expectRefused(await executeCommand(transferOfficer, w.actors.secretariat, input(w)), TRANSFER_MESSAGES.inactive);
    await prisma.officer.update({ where: { id: w.officer.id }, data: { active: true } });
    // Out of scope: another cluster's secretariat, a unit officer.
    expectRefused(await executeCommand(transferOfficer, w.actors.otherSecretariat, input(w)));
    expectRefused(await executeCommand(transferOfficer, w.actors.fromOfficer, input(w)));
    expect(await written(w)).toEqual(start);
  });

  it("the admin transfers to another cluster: the registration of that year is withdrawn, the new cluster's figures renewed", async () => {
    expectOk(await executeCommand(transferOfficer, w.actors.admin, input(w, { toUnitId: w.far.id })));
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: w.officer.id } })).unitId).toBe(w.far.id);
    expect(await prisma.officerRegistration.count({ where: { officerId: w.officer.id } })).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "officer.transfer" } });
    expect((audit.after as { registrations: { outcome: string }[] }).registrations).toEqual([expect.objectContaining({ outcome: "withdrawn" })]);
    const versions = await prisma.dataVersion.findMany({ where: { scope: { in: [w.cluster.id, w.other.id] } } });
    expect(versions.map((v) => v.seq).sort()).toEqual([audit.seq, audit.seq]);
    // A second transfer cannot be dated before the first.
    const r = await executeCommand(transferOfficer, w.actors.admin, input(w, { toUnitId: w.to.id, effectiveDate: "28/02/2022" }));
    expectRefused(r, INVALID_INPUT);
    expect(r.ok ? null : r.fieldErrors?.effectiveDate?.[0]).toBe("Ngày hiệu lực không được trước ngày 01/03/2022 (lần điều động ngày 01/03/2022 của cán bộ).");
  });
});
