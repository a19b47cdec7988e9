// Sub-units' collective titles on the real database (docs/domain.md §3 "Sub-units"): the unit officer
// registers them within the unit's registration, the secretariat records them as results; a sub-unit's
// Đơn vị Quyết thắng counts in its member unit's quota; bad input is refused with its reason and
// nothing is written; the titles stay out of the member units' own counts and show on the pages.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { NOT_OUR_SUB_UNIT, setSubUnitTarget } from "@/server/commands/registration";
import { MEMBER_UNIT_NOT_SUB_UNIT, recordSubUnitResult } from "@/server/commands/results";
import { unitRegistrationPage } from "@/server/queries/registration";
import { unitHistory } from "@/server/queries/unit-history";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk, expectRefused } from "../support/action-result";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

async function world() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster();
  const unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const subs = [];
  for (const name of ["Phòng Tham mưu", "Phòng Kỹ thuật 1", "Phòng Kỹ thuật 2", "Đội Bảo đảm"]) subs.push(await makeUnit(cluster.id, name, unitA.id));
  const [p1, p2, p3] = subs as [(typeof subs)[number], (typeof subs)[number], (typeof subs)[number]];
  const subB = await makeUnit(cluster.id, "Phòng Ngoại tuyến 1", unitB.id);
  // Three officers in each of P1, P2, P3; none in the fourth.
  const officers: Record<string, string[]> = {};
  for (const [i, sub] of [p1, p2, p3].entries()) {
    officers[sub.id] = [];
    for (let k = 0; k < 3; k++) officers[sub.id]!.push((await makeOfficer(unitA.id, `Nguyễn Văn ${"ABC"[i]}${k}`, { subUnitId: sub.id })).id);
  }
  const settings = { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2099-12-31" };
  const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings } });
  const actors = {
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitA.id }),
    officerB: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitB.id }),
    headA: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unitA.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    otherSecretariat: await makeActor("SECRETARIAT", { clusterId: (await makeCluster("Cụm thi đua số 5")).id }),
  };
  return { cluster, unitA, unitB, subs, p1, p2, p3, subB, officers, year, actors };
}
type World = Awaited<ReturnType<typeof world>>;

const decision = { decisionNo: "1501/QĐ-KTNV", decisionDate: "20/12/2022", decisionSigner: "Cục trưởng Cục Kỹ thuật nghiệp vụ" };

/** The year's results for a sub-unit's officers: all rated "tốt", all CST, the first a CSTĐCS. */
async function goodYear(w: World, subUnitId: string) {
  for (const [i, officerId] of w.officers[subUnitId]!.entries()) {
    await prisma.officerYearResult.create({ data: { officerId, year: 2022, rating: "GOOD", awardedTitleCode: i === 0 ? "CSTDCS" : "CST", verified: true } });
  }
}

describe("sub-units' titles", () => {
  let w: World;
  const register = (actor: Actor, subUnitId: string, titleCode: string) =>
    executeCommand(setSubUnitTarget, actor, form({ emulationYearId: w.year.id, subUnitId, titleCode }));
  const record = (actor: Actor, subUnitId: string, awardedTitleCode: string, extra: Record<string, string> = decision) =>
    executeCommand(recordSubUnitResult, actor, form({ yearId: w.year.id, subUnitId, awardedTitleCode, ...extra }));
  const stored = () => prisma.subUnitTitle.findMany({ orderBy: { createdAt: "asc" }, select: { subUnitId: true, unitId: true, targetTitleCode: true, awardedTitleCode: true } });

  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("a sub-unit's Đơn vị Quyết thắng counts in its unit's quota (half of 4 sub-units: 2)", async () => {
    expectOk(await register(w.actors.officerA, w.p1.id, "DV_QUYET_THANG"));
    expectOk(await register(w.actors.officerA, w.p2.id, "DV_QUYET_THANG"));
    const before = await stored();
    expectRefused(
      await register(w.actors.officerA, w.p3.id, "DV_QUYET_THANG"),
      "Vượt chỉ tiêu của đơn vị: 4 đơn vị trực thuộc: được tối đa 2 Đơn vị Quyết thắng (50% số đơn vị trực thuộc, làm tròn xuống); đã đăng ký 3, vượt 1.",
    );
    expect(await stored()).toEqual(before);
    // Đơn vị tiên tiến uses no place; lowering one Quyết thắng frees it.
    expectOk(await register(w.actors.officerA, w.p3.id, "DV_TIEN_TIEN"));
    expectOk(await register(w.actors.officerA, w.p1.id, "DV_TIEN_TIEN"));
    expectOk(await register(w.actors.officerA, w.p3.id, "DV_QUYET_THANG"));
    expect(await stored()).toEqual([
      { subUnitId: w.p1.id, unitId: w.unitA.id, targetTitleCode: "DV_TIEN_TIEN", awardedTitleCode: null },
      { subUnitId: w.p2.id, unitId: w.unitA.id, targetTitleCode: "DV_QUYET_THANG", awardedTitleCode: null },
      { subUnitId: w.p3.id, unitId: w.unitA.id, targetTitleCode: "DV_QUYET_THANG", awardedTitleCode: null },
    ]);
    // The unit's page shows them, with the quota; the unit's own registration counts are untouched.
    const page = await unitRegistrationPage(w.actors.headA, {});
    if (!("subUnitTitles" in page)) throw new Error("no year");
    expect(page.subUnitTitles.quota).toMatchObject({ subUnitCount: 4, allowed: 2, determinedCount: 2, verdict: "AT" });
    expect(page.subUnitTitles.rows.map((r) => [r.name, r.officers, r.targetTitleCode])).toEqual([
      ["Đội Bảo đảm", 0, null],
      ["Phòng Kỹ thuật 1", 3, "DV_QUYET_THANG"],
      ["Phòng Kỹ thuật 2", 3, "DV_QUYET_THANG"],
      ["Phòng Tham mưu", 3, "DV_TIEN_TIEN"],
    ]);
    expect(page.counts.registered).toBe(0);
    expect(page.registration?.targetTitleCode ?? null).toBeNull();
    expect(await prisma.unitRegistration.count()).toBe(1);
    expect(await prisma.unitYearResult.count()).toBe(0);
    // Audited with the sub-unit named.
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "registration.subUnit.target" }, orderBy: { seq: "desc" } });
    expect(audit.after).toMatchObject({ year: 2022, subUnit: "Phòng Kỹ thuật 2", targetTitleCode: "DV_QUYET_THANG" });
  });

  it("bad input is refused with its reason and nothing is written", async () => {
    // Another unit's sub-unit, a member unit (another's, or the actor's own), an unknown id: one reason.
    for (const subUnitId of [w.subB.id, w.unitB.id, w.unitA.id, "00000000-0000-4000-8000-000000000000"]) {
      const result = await register(w.actors.officerA, subUnitId, "DV_TIEN_TIEN");
      expectRefused(result, NOT_OUR_SUB_UNIT);
      expect(!result.ok && result.fieldErrors).toEqual({ subUnitId: [NOT_OUR_SUB_UNIT] });
    }
    // A flag is not a sub-unit's title; an individual title is not a collective one.
    expectRefused(await register(w.actors.officerA, w.p1.id, "CO_BCA"), expect.stringContaining("cờ thi đua do Cụm suy tôn cho đơn vị thành viên"));
    expectRefused(await register(w.actors.officerA, w.p1.id, "CSTDCS"), expect.stringContaining("Đơn vị trực thuộc chỉ được đăng ký"));
    // A member's warning in force this year already decides it.
    await prisma.discipline.create({ data: { officerId: w.officers[w.p1.id]![0]!, form: "CANH_CAO", status: "IN_FORCE", fromDate: new Date("2022-02-01T00:00:00Z") } });
    expectRefused(await register(w.actors.officerA, w.p1.id, "DV_TIEN_TIEN"), expect.stringContaining("bị kỷ luật hoặc đang xem xét kỷ luật từ cảnh cáo trở lên"));
    // An inactive sub-unit.
    await prisma.unit.update({ where: { id: w.p2.id }, data: { active: false } });
    expectRefused(await register(w.actors.officerA, w.p2.id, "DV_TIEN_TIEN"), "Phòng Kỹ thuật 1 đã ngừng hoạt động; không thể đăng ký danh hiệu.");
    // The head reads only; a unit of another cluster is not found.
    expect(await register(w.actors.headA, w.p1.id, "DV_TIEN_TIEN")).toEqual({ ok: false, message: NOT_FOUND });
    expectRefused(await register(w.actors.officerB, w.p3.id, "DV_TIEN_TIEN"), NOT_OUR_SUB_UNIT);
    expect(await prisma.subUnitTitle.count()).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "registration.subUnit.target" } })).toBe(0);
  });

  it("outside the unit's registration window, or once the unit has submitted, nothing is registered", async () => {
    await prisma.unitRegistration.create({ data: { emulationYearId: w.year.id, unitId: w.unitA.id, status: "SUBMITTED", submittedAt: new Date() } });
    expectRefused(await register(w.actors.officerA, w.p1.id, "DV_TIEN_TIEN"), expect.stringContaining("đã gửi"));
    await prisma.emulationYear.update({ where: { id: w.year.id }, data: { phase: "REPORTING" } });
    expectRefused(await register(w.actors.officerA, w.p1.id, "DV_TIEN_TIEN"));
    expect(await prisma.subUnitTitle.count()).toBe(0);
  });

  describe("results", () => {
    beforeEach(async () => {
      await prisma.emulationYear.update({ where: { id: w.year.id }, data: { phase: "RESULTS" } });
    });

    it("the secretariat records a title its rules find eligible over the sub-unit's officers; it shows in the unit's history", async () => {
      await goodYear(w, w.p1.id);
      expectOk(await record(w.actors.secretariat, w.p1.id, "DV_QUYET_THANG"));
      // P2 has no results: not eligible, with the reasons.
      expectRefused(await record(w.actors.secretariat, w.p2.id, "DV_TIEN_TIEN"), expect.stringMatching(/^Phòng Kỹ thuật 1 chưa đủ điều kiện công nhận danh hiệu này\. 0\/3 cán bộ, chiến sĩ \(0%\) đạt CST trở lên/));
      // The unit officer does not record collective titles; another cluster's secretariat finds nothing.
      expect(await record(w.actors.officerA, w.p1.id, "", {})).toEqual({ ok: false, message: NOT_FOUND });
      expect(await record(w.actors.otherSecretariat, w.p1.id, "", {})).toEqual({ ok: false, message: NOT_FOUND });
      // A member unit is not a sub-unit; a flag is not a sub-unit's title.
      expectRefused(await record(w.actors.secretariat, w.unitA.id, "DV_TIEN_TIEN"), MEMBER_UNIT_NOT_SUB_UNIT);
      expectRefused(await record(w.actors.secretariat, w.p1.id, "CO_BCA"), expect.stringContaining("cờ thi đua do Cụm suy tôn"));
      // A title needs its decision.
      expectRefused(await record(w.actors.secretariat, w.p1.id, "DV_TIEN_TIEN", {}));
      expect(await stored()).toEqual([{ subUnitId: w.p1.id, unitId: w.unitA.id, targetTitleCode: null, awardedTitleCode: "DV_QUYET_THANG" }]);
      expect(await prisma.unitYearResult.count()).toBe(0);

      await prisma.emulationYear.update({ where: { id: w.year.id }, data: { phase: "CLOSED", closedAt: new Date() } });
      const history = await unitHistory(w.actors.headA, w.unitA.id);
      expect(history.subUnitTitles).toEqual([{ year: 2022, subUnitName: "Phòng Tham mưu", targetTitleCode: null, awardedTitleCode: "DV_QUYET_THANG", decisionNo: "1501/QĐ-KTNV", decisionDate: "2022-12-20" }]);
      // A closed year refuses.
      expectRefused(await record(w.actors.secretariat, w.p1.id, "", {}), expect.stringContaining("khóa sổ"));
    });

    it("the unit's quota holds on awarded titles", async () => {
      await prisma.emulationYear.update({ where: { id: w.year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, subUnitDeterminedQuotaPercent: 25 } } });
      await goodYear(w, w.p1.id);
      await goodYear(w, w.p2.id);
      expectOk(await record(w.actors.secretariat, w.p1.id, "DV_QUYET_THANG"));
      expectRefused(
        await record(w.actors.secretariat, w.p2.id, "DV_QUYET_THANG"),
        "Vượt chỉ tiêu của đơn vị: 4 đơn vị trực thuộc: được tối đa 1 Đơn vị Quyết thắng (25% số đơn vị trực thuộc, làm tròn xuống); đã công nhận 2, vượt 1.",
      );
      expectOk(await record(w.actors.secretariat, w.p2.id, "DV_TIEN_TIEN"));
      expect((await stored()).map((s) => s.awardedTitleCode)).toEqual(["DV_QUYET_THANG", "DV_TIEN_TIEN"]);
    });
  });

  it("the database keeps a member unit out of the sub-unit column", async () => {
    await expect(prisma.subUnitTitle.create({ data: { emulationYearId: w.year.id, subUnitId: w.unitB.id, unitId: w.unitA.id } })).rejects.toThrow();
    await expect(prisma.subUnitTitle.create({ data: { emulationYearId: w.year.id, subUnitId: w.subB.id, unitId: w.unitA.id } })).rejects.toThrow();
  });
});
