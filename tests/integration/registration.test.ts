// Title registration against the real database: who may write what, the refusals that leave nothing
// written (another unit's officer, unknown title, duplicate rows, over the CSTĐCS quota), the window
// (submitted, deadline, reopen, closed year), the board's figures, the agreement file and its route's
// permission check, the page query and the history loader.
import { beforeEach, describe, expect, it } from "vitest";
import { checkQuota } from "@/domain/eligibility";
import type { Actor } from "@/domain/permissions";
import { AGREEMENT_FILE_SIZE_ERROR, AGREEMENT_FILE_TYPE_ERROR, AGREEMENT_MAX_BYTES, vietnamDayAfter, vietnamToday } from "@/domain/registration-window";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand, INVALID_INPUT, NOT_FOUND } from "@/server/commands/command";
import {
  bulkSetOfficerRegistrations,
  NO_TARGET_TITLE,
  OFFICER_NOT_IN_UNIT,
  recordAgreement,
  recordAgreementForUnit,
  reopenUnitRegistration,
  saveOfficerRegistrations,
  setUnitTarget,
  submitUnitRegistration,
} from "@/server/commands/registration";
import { loadUnitEligibilityData } from "@/server/store/eligibility-data";
import { agreementFileFor, registrationBoard, TARGET_NONE, unitRegistrationPage } from "@/server/queries/registration";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { seedRegistrations2022 } from "@/server/seed/registrations-2022";
import { expectNotFound, expectOk, expectRefused } from "../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";

const FAR_DEADLINE = "2099-12-31";
const A_SIZE = 40; // quota: floor(15% × 40) = 6 CSTĐCS when all 40 are CST

type World = Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster("Cụm thi đua số 2");
  const otherCluster = await makeCluster("Cụm thi đua số 5");
  const unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const unitX = await makeUnit(otherCluster.id, "Công an tỉnh Cao Bằng");
  const subA1 = await makeUnit(cluster.id, "Phòng 1", unitA.id);
  const subA2 = await makeUnit(cluster.id, "Phòng 2", unitA.id);
  const officersA = [];
  for (let i = 0; i < A_SIZE; i++) {
    const name = i === 0 ? "Lường Thị Ngọc Ánh" : `Nguyễn Văn Cán Bộ ${String(i).padStart(2, "0")}`;
    officersA.push(await makeOfficer(unitA.id, name, { code: `KTNV-${String(i).padStart(3, "0")}`, subUnitId: i < 10 ? subA1.id : subA2.id }));
  }
  const officerB = await makeOfficer(unitB.id, "Lê Thị Bình", { code: "NT-001" });
  const officerB2 = await makeOfficer(unitB.id, "Trần Văn Cường", { code: "NT-002" });
  const year = await makeYear(cluster.id, 2022, { chairUnitId: unitA.id });
  await prisma.emulationYear.update({ where: { id: year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: FAR_DEADLINE } } });
  const otherYear = await makeYear(otherCluster.id, 2022);
  const actors = {
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitA.id }),
    officerB: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitB.id }),
    headA: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unitA.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    otherSecretariat: await makeActor("SECRETARIAT", { clusterId: otherCluster.id }),
    admin: await makeActor("ADMIN"),
  };
  return { cluster, otherCluster, unitA, unitB, unitX, subA1, subA2, officersA, officerB, officerB2, year, otherYear, actors };
}

const rows = (list: [string, string][]) => list.map(([officerId, titleCode]) => ({ officerId, titleCode }));

async function save(actor: Actor, w: World, list: [string, string][], yearId = w.year.id) {
  return executeCommand(saveOfficerRegistrations, actor, { emulationYearId: yearId, rows: JSON.stringify(rows(list)) });
}

const registrationsOf = async (unitId: string) =>
  Object.fromEntries((await prisma.officerRegistration.findMany({ where: { unitId } })).map((r) => [r.officerId, r.titleCode]));
const audits = () => prisma.auditLog.findMany({ where: { entityType: "UnitRegistration" }, orderBy: { id: "asc" } });

/** Everything about registrations, to show a refusal changed nothing. */
async function snapshot() {
  return {
    officers: await prisma.officerRegistration.findMany({ orderBy: { officerId: "asc" }, select: { officerId: true, titleCode: true, unitId: true } }),
    units: await prisma.unitRegistration.findMany({ orderBy: { unitId: "asc" }, select: { unitId: true, status: true, targetTitleCode: true, reopenedUntil: true } }),
    audits: await prisma.auditLog.count(),
  };
}

/** The unit page of a cluster that has a year. */
async function pageOf(actor: Actor, params: Parameters<typeof unitRegistrationPage>[1]) {
  const page = await unitRegistrationPage(actor, params);
  if (!page.year) throw new Error("The cluster has no year.");
  return page;
}

/** All of unit A as CST except the first `cstdcs` officers as CSTĐCS. */
const unitAList = (w: World, cstdcs: number): [string, string][] => w.officersA.map((o, i) => [o.id, i < cstdcs ? "CSTDCS" : "CST"]);

describe("saving officers' registrations", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await makeWorld();
  });

  it("a unit officer saves targets in the own unit, removes one with \"\", all audited", async () => {
    // A generous quota for three officers: floor(50% × 3) = 1 CSTĐCS.
    await prisma.emulationYear.update({
      where: { id: w.year.id },
      data: { settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: FAR_DEADLINE, cstdcsQuotaPercent: 50 } },
    });
    const [a, b, c] = w.officersA;
    const first = await save(w.actors.officerA, w, [[a!.id, "CST"], [b!.id, "CSTDCS"], [c!.id, "CST"]]);
    expect(first).toMatchObject({ ok: true, data: { added: 3, changed: 0, removed: 0 } });
    expect(first.ok && first.message).toContain("Đã lưu đăng ký của 3 cán bộ (thêm 3)");
    expect(await registrationsOf(w.unitA.id)).toEqual({ [a!.id]: "CST", [b!.id]: "CSTDCS", [c!.id]: "CST" });

    const second = await save(w.actors.officerA, w, [[a!.id, "CSTDCS"], [b!.id, "CST"], [c!.id, ""]]);
    expect(second).toMatchObject({ ok: true, data: { added: 0, changed: 2, removed: 1 } });
    expect(await registrationsOf(w.unitA.id)).toEqual({ [a!.id]: "CSTDCS", [b!.id]: "CST" });

    const unchanged = await save(w.actors.officerA, w, [[a!.id, "CSTDCS"]]);
    expect(unchanged).toMatchObject({ ok: true, message: "Không có thay đổi nào." });

    const log = await audits();
    expect(log.map((l) => l.action)).toEqual(["registration.officers.save", "registration.officers.save", "registration.officers.save"]);
    expect(log[1]).toMatchObject({
      actorId: w.actors.officerA.userId,
      unitId: w.unitA.id,
      clusterId: w.cluster.id,
      before: { year: 2022, registrations: { [a!.id]: "CST", [b!.id]: "CSTDCS", [c!.id]: "CST" } },
      after: { year: 2022, registrations: { [a!.id]: "CSTDCS", [b!.id]: "CST", [c!.id]: null } },
    });
    const unitReg = await prisma.unitRegistration.findUniqueOrThrow({ where: { emulationYearId_unitId: { emulationYearId: w.year.id, unitId: w.unitA.id } } });
    expect(unitReg).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(log[0]!.entityId).toBe(unitReg.id);
  });

  it("refuses the whole batch when one officer belongs to another unit (or does not exist): nothing written, nothing revealed", async () => {
    const before = await snapshot();
    for (const intruder of [w.officerB.id, "00000000-0000-4000-8000-000000000000"]) {
      const result = await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"], [intruder, "CST"]]);
      expect(result).toEqual({ ok: false, message: OFFICER_NOT_IN_UNIT, fieldErrors: { rows: [OFFICER_NOT_IN_UNIT] } });
      expect(result.ok || result.message).not.toContain("Lê Thị Bình");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("ignores a tampered unit: the unit is the actor's own, read from the database", async () => {
    const result = await executeCommand(saveOfficerRegistrations, w.actors.officerB, {
      emulationYearId: w.year.id,
      unitId: w.unitA.id,
      rows: rows([[w.officersA[0]!.id, "CST"]]),
    });
    expectRefused(result, OFFICER_NOT_IN_UNIT);
    expect(await registrationsOf(w.unitA.id)).toEqual({});
  });

  it("refuses unknown titles, collective titles and inactive titles", async () => {
    const before = await snapshot();
    const o = w.officersA[0]!.id;
    for (const code of ["XYZ", "DV_TIEN_TIEN", "cst"]) {
      const result = await save(w.actors.officerA, w, [[o, code]]);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toContain(`"${code}"`);
      expect(!result.ok && result.message).toContain("không có thay đổi nào được lưu");
    }
    await prisma.titleDefinition.update({ where: { code: "CSTD_TQ" }, data: { active: false } });
    expect(await save(w.actors.officerA, w, [[o, "CSTD_TQ"]])).toMatchObject({ ok: false });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses duplicate officer rows with the reason (two titles, the same title twice, a title and a removal)", async () => {
    const [a, b, c] = w.officersA;
    const before = await snapshot();
    const twoTitles = await save(w.actors.officerA, w, [[a!.id, "CST"], [a!.id, "CSTDCS"], [b!.id, "CST"]]);
    expect(twoTitles.ok).toBe(false);
    expect(!twoTitles.ok && twoTitles.message).toContain(
      "Cán bộ Lường Thị Ngọc Ánh (KTNV-000) năm 2022 được đề nghị 2 danh hiệu (CST, CSTĐCS); mỗi thành tích chỉ được đề nghị một danh hiệu.",
    );
    const sameTwice = await save(w.actors.officerA, w, [[b!.id, "CST"], [b!.id, "CST"]]);
    expect(!sameTwice.ok && sameTwice.message).toContain("được đề nghị danh hiệu CST 2 lần");
    const withRemoval = await save(w.actors.officerA, w, [[c!.id, "CST"], [c!.id, ""]]);
    expect(!withRemoval.ok && withRemoval.message).toContain("vừa đăng ký CST, vừa bỏ đăng ký");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a batch that would exceed the CSTĐCS quota, with the engine's reason; nothing written", async () => {
    const ok = await save(w.actors.officerA, w, unitAList(w, 6));
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.message).toContain("40 CST: được tối đa 6 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 6, vừa đủ chỉ tiêu.");
    const before = await snapshot();
    const over = await save(w.actors.officerA, w, [[w.officersA[6]!.id, "CSTDCS"]]);
    const reason = checkQuota({ cstCount: 40, cstdcsCount: 7 }, DEFAULT_YEAR_SETTINGS).message;
    expect(reason).toBe("40 CST: được tối đa 6 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 7, vượt 1.");
    expect(over).toMatchObject({ ok: false, message: `Vượt chỉ tiêu Chiến sĩ thi đua cơ sở: ${reason} Không có thay đổi nào được lưu.` });
    // Removing CST officers shrinks the base: 39 CST allow only 5.
    const shrink = await save(w.actors.officerA, w, [[w.officersA[39]!.id, ""]]);
    expect(!shrink.ok && shrink.message).toContain("39 CST: được tối đa 5 CSTĐCS");
    expect(await snapshot()).toEqual(before);
    // A CSTĐ CAND registration uses a CSTĐCS place as well.
    const cand = await save(w.actors.officerA, w, [[w.officersA[7]!.id, "CSTD_CAND"]]);
    expect(!cand.ok && cand.message).toContain("vượt 1");
  });

  it("a unit already over its quota (officers left) may fix it step by step, but not make it worse", async () => {
    await save(w.actors.officerA, w, unitAList(w, 6));
    // Seven CST officers leave: 33 CST allow 4 CSTĐCS; 6 are registered.
    await prisma.officer.updateMany({ where: { id: { in: w.officersA.slice(33).map((o) => o.id) } }, data: { active: false } });
    expect(await save(w.actors.officerA, w, [[w.officersA[10]!.id, "CSTDCS"]])).toMatchObject({ ok: false });
    const better = await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]]);
    expect(better.ok).toBe(true);
    // Inactive officers cannot be registered.
    const gone = await save(w.actors.officerA, w, [[w.officersA[39]!.id, "CST"]]);
    expect(!gone.ok && gone.message).toContain("không còn công tác");
  });

  it("two saves at once cannot both take the last CSTĐCS places", async () => {
    await save(w.actors.officerA, w, unitAList(w, 2)); // 2 of 6 places used
    const [r1, r2] = await Promise.all([
      save(w.actors.officerA, w, w.officersA.slice(10, 13).map((o) => [o.id, "CSTDCS"] as [string, string])),
      save(w.actors.officerA, w, w.officersA.slice(20, 23).map((o) => [o.id, "CSTDCS"] as [string, string])),
    ]);
    expect([r1.ok, r2.ok].sort()).toEqual([false, true]);
    const counts = await prisma.officerRegistration.count({ where: { unitId: w.unitA.id, titleCode: "CSTDCS" } });
    expect(counts).toBe(5);
  });

  it("only the unit officer writes: the unit head, the secretariat, the admin and another cluster's year are refused", async () => {
    const list: [string, string][] = [[w.officersA[0]!.id, "CST"]];
    for (const actor of [w.actors.headA, w.actors.secretariat, w.actors.admin]) {
      expect(await save(actor, w, list)).toEqual({ ok: false, message: NOT_FOUND });
    }
    expect(await save(w.actors.officerA, w, list, w.otherYear.id)).toEqual({ ok: false, message: NOT_FOUND });
    expectRefused(await save(w.actors.officerA, w, []), INVALID_INPUT);
    expect(await executeCommand(saveOfficerRegistrations, w.actors.officerA, { emulationYearId: w.year.id, rows: "not json" })).toMatchObject({
      ok: false,
      message: INVALID_INPUT,
    });
    expect(await prisma.officerRegistration.count()).toBe(0);
  });

  it("bulk-sets every officer matching the filter, across pages, and refuses over quota or a changed list", async () => {
    const bulk = (values: Record<string, string | number>) =>
      executeCommand(bulkSetOfficerRegistrations, w.actors.officerA, { emulationYearId: w.year.id, ...values });
    // Sub-unit "Phòng 1": officers 0–9.
    const sub = await bulk({ titleCode: "CST", sub: w.subA1.id, expectedCount: 10 });
    expect(sub).toMatchObject({ ok: true, data: { matched: 10, added: 10 } });
    expect(sub.ok && sub.message).toContain("Đã đăng ký CST cho 10 cán bộ phù hợp bộ lọc (thêm 10)");
    // Everyone not yet registered.
    const rest = await bulk({ titleCode: "CST", target: TARGET_NONE, expectedCount: 30 });
    expect(rest).toMatchObject({ ok: true, data: { matched: 30, added: 30 } });
    expect(Object.keys(await registrationsOf(w.unitA.id))).toHaveLength(40);
    // Stale count: refused.
    expect(await bulk({ titleCode: "CSTDCS", q: "ngoc anh", expectedCount: 2 })).toMatchObject({ ok: false });
    // Name without diacritics: one officer.
    expect(await bulk({ titleCode: "CSTDCS", q: "LUONG thi ngoc", expectedCount: 1 })).toMatchObject({ ok: true, data: { matched: 1, changed: 1 } });
    // Everyone CSTĐCS: far over the quota, refused whole.
    const before = await snapshot();
    const over = await bulk({ titleCode: "CSTDCS", expectedCount: 40 });
    expect(!over.ok && over.message).toContain("vượt 34");
    expect(await snapshot()).toEqual(before);
    // Remove registrations of a filtered set.
    expect(await bulk({ titleCode: "", sub: w.subA1.id, expectedCount: 10 })).toMatchObject({ ok: true, data: { removed: 10 } });
    expect(Object.keys(await registrationsOf(w.unitA.id))).toHaveLength(30);
  });
});

describe("the unit's target, submitting, the deadline, reopening, a closed year", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await makeWorld();
  });

  const target = (actor: Actor, w: World, titleCode: string) => executeCommand(setUnitTarget, actor, { emulationYearId: w.year.id, titleCode });
  const submit = (actor: Actor, w: World) => executeCommand(submitUnitRegistration, actor, { emulationYearId: w.year.id });
  const reopen = (actor: Actor, w: World, values: Record<string, string> = {}) =>
    executeCommand(reopenUnitRegistration, actor, {
      unitId: w.unitA.id,
      emulationYearId: w.year.id,
      until: vietnamDayAfter(new Date(), 7).split("-").reverse().join("/"),
      reason: "Đơn vị bổ sung cán bộ mới chuyển đến",
      ...values,
    });
  const setDeadline = (w: World, deadline: string | null) =>
    prisma.emulationYear.update({ where: { id: w.year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: deadline } } });

  it("sets the unit's collective target; refuses individual and unknown titles", async () => {
    expect(await target(w.actors.officerA, w, "DV_QUYET_THANG")).toMatchObject({ ok: true, message: "Đã lưu danh hiệu đăng ký của đơn vị: Đơn vị Quyết thắng." });
    expect(await target(w.actors.officerA, w, "CST")).toMatchObject({ ok: false, fieldErrors: { titleCode: [expect.stringContaining("danh hiệu tập thể")] } });
    expect(await target(w.actors.officerA, w, "NOPE")).toMatchObject({ ok: false });
    expect(await target(w.actors.headA, w, "DV_TIEN_TIEN")).toEqual({ ok: false, message: NOT_FOUND });
    const reg = await prisma.unitRegistration.findFirstOrThrow({ where: { unitId: w.unitA.id } });
    expect(reg.targetTitleCode).toBe("DV_QUYET_THANG");
    const [audit] = await audits();
    expect(audit).toMatchObject({ action: "registration.unit.target", before: { targetTitleCode: null }, after: { targetTitleCode: "DV_QUYET_THANG" } });
  });

  it("submits (target set, quota kept); afterwards the unit cannot write until the secretariat reopens, which is audited", async () => {
    await save(w.actors.officerA, w, unitAList(w, 3));
    expect(await submit(w.actors.officerA, w)).toEqual({ ok: false, message: NO_TARGET_TITLE, fieldErrors: { titleCode: [NO_TARGET_TITLE] } });
    await target(w.actors.officerA, w, "DV_QUYET_THANG");
    expect(await submit(w.actors.headA, w)).toEqual({ ok: false, message: NOT_FOUND });
    const done = await submit(w.actors.officerA, w);
    expectOk(done);
    expect(done.ok && done.message).toContain("Đã gửi đăng ký thi đua năm 2022 của đơn vị: 40/40 cán bộ đăng ký danh hiệu.");
    const reg = await prisma.unitRegistration.findFirstOrThrow({ where: { unitId: w.unitA.id } });
    expect(reg.status).toBe("SUBMITTED");
    expect(Math.abs(reg.submittedAt!.getTime() - Date.now())).toBeLessThan(60_000);

    // Read-only for the unit now.
    const before = await snapshot();
    for (const result of [
      await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]]),
      await target(w.actors.officerA, w, "DV_TIEN_TIEN"),
      await submit(w.actors.officerA, w),
      await executeCommand(recordAgreement, w.actors.officerA, { emulationYearId: w.year.id, signedOn: "18/01/2022", signer: "Cục trưởng" }),
    ]) {
      expectRefused(result, expect.stringContaining("Đơn vị đã gửi đăng ký thi đua, không thể chỉnh sửa"));
    }
    expect(await snapshot()).toEqual(before);

    // Only the cluster's secretariat reopens.
    for (const actor of [w.actors.officerA, w.actors.headA, w.actors.otherSecretariat, w.actors.admin]) {
      expect(await reopen(actor, w)).toEqual({ ok: false, message: NOT_FOUND });
    }
    const reopened = await reopen(w.actors.secretariat, w);
    expect(reopened).toMatchObject({ ok: true, message: expect.stringContaining("Đã mở lại đăng ký thi đua năm 2022 cho Cục Kỹ thuật nghiệp vụ đến hết ngày") });
    const after = await prisma.unitRegistration.findFirstOrThrow({ where: { unitId: w.unitA.id } });
    expect(after).toMatchObject({ status: "DRAFT", submittedAt: null, reopenReason: "Đơn vị bổ sung cán bộ mới chuyển đến" });
    expect(vietnamToday(after.reopenedUntil!)).toBe(vietnamDayAfter(new Date(), 7));
    const audit = (await audits()).at(-1)!;
    expect(audit).toMatchObject({
      action: "registration.reopen",
      actorId: w.actors.secretariat.userId,
      unitId: w.unitA.id,
      before: { status: "SUBMITTED" },
      after: { status: "DRAFT", reopenReason: "Đơn vị bổ sung cán bộ mới chuyển đến" },
    });
    // Writable again; submitting again ends the reopen.
    expectOk(await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]]));
    expectOk(await submit(w.actors.officerA, w));
    expect((await prisma.unitRegistration.findFirstOrThrow({ where: { unitId: w.unitA.id } })).reopenedUntil).toBeNull();
  });

  it("refuses to submit while over the quota", async () => {
    await save(w.actors.officerA, w, unitAList(w, 6));
    await target(w.actors.officerA, w, "DV_TIEN_TIEN");
    await prisma.officer.updateMany({ where: { id: { in: w.officersA.slice(30).map((o) => o.id) } }, data: { active: false } });
    const result = await submit(w.actors.officerA, w);
    expectRefused(result, expect.stringContaining("vượt chỉ tiêu Chiến sĩ thi đua cơ sở. 30 CST: được tối đa 4 CSTĐCS"));
  });

  it("after the deadline every write is refused until the secretariat reopens; a reopen date in the past is refused", async () => {
    await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]]);
    await setDeadline(w, "2022-03-31");
    const before = await snapshot();
    const late = await save(w.actors.officerA, w, [[w.officersA[1]!.id, "CST"]]);
    expect(late).toEqual({
      ok: false,
      message: "Đã hết hạn đăng ký thi đua (hạn cuối: 31/03/2022); muốn sửa, đề nghị Thư ký cụm mở lại đăng ký cho đơn vị.",
    });
    expectRefused(await target(w.actors.officerA, w, "DV_TIEN_TIEN"), late.ok ? "" : late.message);
    expect(await snapshot()).toEqual(before);

    expect(await reopen(w.actors.secretariat, w, { until: "01/01/2020" })).toMatchObject({ ok: false, fieldErrors: { until: [expect.stringContaining("không được trước hôm nay")] } });
    expectRefused(await reopen(w.actors.secretariat, w, { until: "31/02/2030" }), INVALID_INPUT);
    expect(await reopen(w.actors.secretariat, w, { reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: ["Lý do mở lại là bắt buộc."] } });
    expectOk(await reopen(w.actors.secretariat, w));
    expectOk(await save(w.actors.officerA, w, [[w.officersA[1]!.id, "CST"]]));
    // A reopen that has ended closes the unit again.
    await prisma.unitRegistration.updateMany({ where: { unitId: w.unitA.id }, data: { reopenedUntil: new Date(Date.now() - 1000) } });
    expectRefused(await save(w.actors.officerA, w, [[w.officersA[2]!.id, "CST"]]), expect.stringContaining("Đã hết hạn"));
  });

  it("outside the registration phase writes are refused unless reopened", async () => {
    await prisma.emulationYear.update({ where: { id: w.year.id }, data: { phase: "REPORTING" } });
    expect(await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]])).toMatchObject({
      ok: false,
      message: expect.stringContaining("đang ở giai đoạn “Báo cáo tổng kết”; “Đăng ký thi đua của đơn vị” chỉ làm trong giai đoạn “Đăng ký thi đua”"),
    });
    // The refusal says who can change it.
    expect((await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]])).message).toContain("Thư ký cụm có thể chuyển giai đoạn hoặc mở lại đăng ký cho đơn vị.");
    await reopen(w.actors.secretariat, w);
    expectOk(await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]]));
  });

  it("a closed year refuses every write, reopen included, even with a reopen still running", async () => {
    await reopen(w.actors.secretariat, w);
    await prisma.emulationYear.update({ where: { id: w.year.id }, data: { phase: "CLOSED", closedAt: new Date() } });
    const before = await snapshot();
    expect(await save(w.actors.officerA, w, [[w.officersA[0]!.id, "CST"]])).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await target(w.actors.officerA, w, "DV_TIEN_TIEN")).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await submit(w.actors.officerA, w)).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await reopen(w.actors.secretariat, w)).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(
      await executeCommand(recordAgreementForUnit, w.actors.secretariat, { unitId: w.unitA.id, emulationYearId: w.year.id, signedOn: "18/01/2022", signer: "Cục trưởng" }),
    ).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the agreement and its file", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await makeWorld();
  });

  const pdfBytes = () => new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n"), ...new Uint8Array(2000).fill(32)]);
  const record = (actor: Actor, extra: Record<string, unknown> = {}) =>
    executeCommand(recordAgreement, actor, { emulationYearId: w.year.id, signedOn: "18/01/2022", signer: "Thiếu tướng Hoàng Văn Khải", ...extra });

  it("stores a PDF checked by its bytes, with a safe name; refuses other types and files over 5 MB", async () => {
    const html = new File([new TextEncoder().encode("<html><script>alert(1)</script></html>")], "giao-uoc.pdf", { type: "application/pdf" });
    expect(await record(w.actors.officerA, { file: html })).toEqual({ ok: false, message: AGREEMENT_FILE_TYPE_ERROR, fieldErrors: { file: [AGREEMENT_FILE_TYPE_ERROR] } });
    const big = new File([new Uint8Array(AGREEMENT_MAX_BYTES + 1)], "lon.pdf");
    expect(await record(w.actors.officerA, { file: big })).toMatchObject({ ok: false, fieldErrors: { file: [AGREEMENT_FILE_SIZE_ERROR] } });
    expect(await prisma.unitRegistration.count()).toBe(0);

    const pdf = new File([pdfBytes()], "Giao ước thi đua 2022.exe", { type: "text/html" });
    const ok = await record(w.actors.officerA, { file: pdf });
    expect(ok).toMatchObject({ ok: true, message: "Đã lưu giao ước thi đua ký ngày 18/01/2022 kèm tệp Giao ước thi đua 2022.exe.pdf." });
    const reg = await prisma.unitRegistration.findFirstOrThrow({ where: { unitId: w.unitA.id } });
    expect(reg).toMatchObject({
      agreementSigner: "Thiếu tướng Hoàng Văn Khải",
      agreementFileName: "Giao ước thi đua 2022.exe.pdf",
      agreementFileType: "application/pdf",
    });
    expect(reg.agreementSignedOn!.toISOString().slice(0, 10)).toBe("2022-01-18");
    expect(Buffer.from(reg.agreementFile!).equals(Buffer.from(pdfBytes()))).toBe(true);
    const [audit] = await audits();
    expect(audit).toMatchObject({ action: "registration.agreement", after: { signedOn: "2022-01-18", file: { type: "application/pdf", size: pdfBytes().length } } });

    // Saving again without a file keeps the stored file; an empty file input is "no file".
    const again = await record(w.actors.officerA, { signer: "Cục trưởng Hoàng Văn Khải", file: new File([], "") });
    expect(again.ok).toBe(true);
    expect(await prisma.unitRegistration.findFirstOrThrow({ where: { unitId: w.unitA.id } })).toMatchObject({
      agreementSigner: "Cục trưởng Hoàng Văn Khải",
      agreementFileName: "Giao ước thi đua 2022.exe.pdf",
    });
    expect(await record(w.actors.officerA, { signedOn: "18/01/2019" })).toMatchObject({ ok: false, fieldErrors: { signedOn: [expect.any(String)] } });
    expect(await record(w.actors.headA)).toEqual({ ok: false, message: NOT_FOUND });
  });

  it("the secretariat records any unit's agreement of its own cluster only", async () => {
    const forUnit = (actor: Actor, unitId: string) =>
      executeCommand(recordAgreementForUnit, actor, { unitId, emulationYearId: w.year.id, signedOn: "18/01/2022", signer: "Cục trưởng" });
    expectOk(await forUnit(w.actors.secretariat, w.unitB.id));
    expect(await forUnit(w.actors.otherSecretariat, w.unitB.id)).toEqual({ ok: false, message: NOT_FOUND });
    expect(await forUnit(w.actors.officerB, w.unitB.id)).toEqual({ ok: false, message: NOT_FOUND });
    expect(await forUnit(w.actors.secretariat, w.subA1.id)).toEqual({ ok: false, message: NOT_FOUND });
  });

  it("the file is served only to those who may view the unit's registration", async () => {
    await record(w.actors.officerA, { file: new File([pdfBytes()], "giao-uoc.pdf") });
    const reg = await prisma.unitRegistration.findFirstOrThrow({ where: { unitId: w.unitA.id } });
    for (const actor of [w.actors.officerA, w.actors.headA, w.actors.secretariat, w.actors.admin]) {
      expect(await agreementFileFor(actor, reg.id)).toMatchObject({ fileName: "giao-uoc.pdf", contentType: "application/pdf" });
    }
    for (const actor of [w.actors.officerB, w.actors.otherSecretariat, null]) {
      expect(await agreementFileFor(actor, reg.id)).toBeNull();
    }
    expect(await agreementFileFor(w.actors.admin, "not-a-uuid")).toBeNull();
    expect(await agreementFileFor(w.actors.admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("reading registrations", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await makeWorld();
  });

  it("the board's figures match counts by hand: registered/active officers, CSTĐCS against the quota, status", async () => {
    // 30 CST allow at most 4 CSTĐCS: 6 are refused; 36 with 5 CSTĐCS are fine.
    expect(await save(w.actors.officerA, w, unitAList(w, 6).slice(0, 30))).toMatchObject({ ok: false });
    expect(await prisma.officerRegistration.count()).toBe(0);
    expectOk(await save(w.actors.officerA, w, unitAList(w, 5).slice(0, 36)));
    await executeCommand(setUnitTarget, w.actors.officerA, { emulationYearId: w.year.id, titleCode: "DV_TIEN_TIEN" });
    await executeCommand(submitUnitRegistration, w.actors.officerA, { emulationYearId: w.year.id });
    await save(w.actors.officerB, w, [[w.officerB.id, "CST"], [w.officerB2.id, "CST"]]);
    // An officer who left no longer counts, neither in the total nor as registered.
    await prisma.officer.update({ where: { id: w.officersA[0]!.id }, data: { active: false } });

    const board = await registrationBoard(w.actors.secretariat);
    expect(board.cluster?.id).toBe(w.cluster.id);
    expect(board.year).toMatchObject({ id: w.year.id, year: 2022 });
    const byCode = Object.fromEntries(board.rows.map((r) => [r.unitName, r]));
    expect(byCode["Cục Kỹ thuật nghiệp vụ"]).toMatchObject({
      officers: 39,
      registered: 35,
      cstdcs: 4,
      percent: 89, // 35/39 = 89.7 → 89 (never rounded up)
      status: "SUBMITTED",
      targetTitle: { code: "DV_TIEN_TIEN" },
      quota: { verdict: "UNDER", allowed: 5 },
    });
    expect(byCode["Cục Ngoại tuyến"]).toMatchObject({ officers: 2, registered: 2, cstdcs: 0, percent: 100, status: "DRAFT", targetTitle: null });
    expect(board.totals).toMatchObject({ units: 2, officers: 41, registered: 37, percent: 90, submitted: 1, overQuota: 0 });
    expect(board.rows.map((r) => r.unitName)).toEqual(["Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến"]);

    // Admin picks any cluster; another cluster's secretariat and unit users have no board.
    expect((await registrationBoard(w.actors.admin, { cluster: w.cluster.id })).totals.registered).toBe(37);
    expect((await registrationBoard(w.actors.otherSecretariat)).cluster?.id).toBe(w.otherCluster.id);
    await expectNotFound(registrationBoard(w.actors.otherSecretariat, { cluster: w.cluster.id }));
    await expectNotFound(registrationBoard(w.actors.officerA));
    await expectNotFound(registrationBoard(w.actors.headA));
  });

  it("the unit's page: scope, 50 per page, filters (sub-unit, name without diacritics, target), counts and eligibility", async () => {
    // One officer under a "Cảnh cáo" in 2022: blocked for every title, and the unit for every collective title.
    await prisma.discipline.create({ data: { officerId: w.officersA[1]!.id, form: "CANH_CAO", status: "IN_FORCE", fromDate: new Date("2022-02-01T00:00:00Z"), toDate: new Date("2022-08-01T00:00:00Z") } });
    // Officers 0–29 registered: 30 CST, two of them for CSTĐCS places (0: CSTĐCS, 2: CSTĐ CAND).
    const list = w.officersA.slice(0, 30).map((o, i): [string, string] => [o.id, i === 0 ? "CSTDCS" : i === 2 ? "CSTD_CAND" : "CST"]);
    expectOk(await save(w.actors.officerA, w, list));

    const own = await pageOf(w.actors.officerA, {});
    expect(own.unit.id).toBe(w.unitA.id);
    if (!own.year) throw new Error("year expected");
    expect(own).toMatchObject({ canEdit: true, mayEdit: true, canReopen: false, counts: { officers: 40, registered: 30, cstdcs: 2, percent: 75 }, matching: { total: 40 } });
    expect(own.quota.message).toBe("30 CST: được tối đa 4 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 2, còn 2.");
    expect(own.rows).toHaveLength(40);
    const row = (id: string) => own.rows.find((r) => r.id === id)!;
    expect(row(w.officersA[1]!.id).evaluation).toMatchObject({ highestEligible: null, target: { title: "CST", status: "BLOCKED" } });
    expect(row(w.officersA[1]!.id).history.disciplines).toHaveLength(1);
    // No CSTĐCS in the two years before: CSTĐ CAND is not yet possible; CSTĐCS is (targets assumed).
    expect(row(w.officersA[2]!.id).evaluation).toMatchObject({ highestEligible: "CSTDCS", target: { title: "CSTD_CAND", status: "NOT_YET" } });
    expect(row(w.officersA[35]!.id).evaluation).toMatchObject({ target: null, statuses: { CST: "ELIGIBLE" }, highestEligible: "CSTDCS" });
    expect(own.unitEvaluation.results.map((r) => [r.title, r.status])).toEqual([
      ["DV_TIEN_TIEN", "BLOCKED"],
      ["DV_QUYET_THANG", "BLOCKED"],
      ["CO_BCA", "BLOCKED"],
      ["CO_CP", "BLOCKED"],
    ]);
    expect(own.unitEvaluation.results[0]!.reasons.map((r) => r.message)).toEqual([
      "30/40 cán bộ, chiến sĩ (75%) đăng ký CST trở lên, trên 50%.",
      expect.stringContaining("Có 1 cán bộ, chiến sĩ bị kỷ luật hoặc đang xem xét kỷ luật từ cảnh cáo trở lên trong năm 2022 (Nguyễn Văn Cán Bộ 01: kỷ luật Cảnh cáo"),
    ]);

    expect((await pageOf(w.actors.officerA, { sub: w.subA1.id })).matching.total).toBe(10);
    const named = await pageOf(w.actors.officerA, { q: "luong NGOC anh" });
    expect(named.rows.map((r) => r.fullName)).toEqual(["Lường Thị Ngọc Ánh"]);
    const none = await pageOf(w.actors.officerA, { target: TARGET_NONE });
    expect(none.matching).toMatchObject({ total: 10, registered: 0 });
    const cstdcs = await pageOf(w.actors.officerA, { target: "CSTDCS" });
    expect(cstdcs.rows.map((r) => r.id)).toEqual([w.officersA[0]!.id]);
    expect((await pageOf(w.actors.officerA, { target: "any" })).matching).toMatchObject({ total: 30, registered: 30, cstdcs: 2 });
    // Unknown filters are dropped, not errors.
    expect((await pageOf(w.actors.officerA, { sub: w.unitB.id, target: "BOGUS" })).filters).toEqual({ q: "", subUnitId: null, target: "" });

    // Paging: 60 officers → 2 pages of 50.
    for (let i = 0; i < 20; i++) await makeOfficer(w.unitA.id, `Phạm Thị Hoa ${i}`, { code: `KTNV-X${String(i).padStart(2, "0")}` });
    const p2 = await pageOf(w.actors.officerA, { page: 2 });
    expect(p2).toMatchObject({ page: 2, pageCount: 2, pageSize: 50 });
    expect(p2.rows).toHaveLength(10);
    expect((await pageOf(w.actors.officerA, { page: 99 })).page).toBe(2);

    // Scope: the head reads only; the secretariat reads any unit of its cluster; others get 404.
    expect(await pageOf(w.actors.headA, {})).toMatchObject({ canEdit: false, mayEdit: false });
    expect(await pageOf(w.actors.secretariat, { unitId: w.unitA.id })).toMatchObject({ canEdit: false, canReopen: true, canRecordAgreementForUnit: true });
    expect((await pageOf(w.actors.admin, { unitId: w.unitA.id })).canReopen).toBe(false);
    await expectNotFound(unitRegistrationPage(w.actors.officerB, { unitId: w.unitA.id }));
    await expectNotFound(unitRegistrationPage(w.actors.otherSecretariat, { unitId: w.unitA.id }));
    await expectNotFound(unitRegistrationPage(w.actors.secretariat, { unitId: w.subA1.id }));
    await expectNotFound(unitRegistrationPage(w.actors.secretariat, { unitId: "nope" }));
  });

  it("the page says when the unit may not write, and why", async () => {
    await prisma.emulationYear.update({ where: { id: w.year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-03-31" } } });
    const page = await unitRegistrationPage(w.actors.officerA, {});
    expect(page).toMatchObject({ mayEdit: true, canEdit: false, window: { writable: false, reason: "DEADLINE_PASSED" } });
  });
});

describe("the history loader", () => {
  beforeEach(resetDatabase);

  it("maps year records, initiatives and open discipline of the unit's active officers, in a fixed number of queries", async () => {
    await seedTitleCatalogue(prisma);
    const cluster = await makeCluster();
    const unit = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
    const other = await makeUnit(cluster.id, "Cục Ngoại tuyến");
    const a = await makeOfficer(unit.id, "Nguyễn Văn An", { code: "A-1" });
    const b = await makeOfficer(unit.id, "Trần Thị Bích", { code: "A-2" });
    const gone = await makeOfficer(unit.id, "Lê Văn Cũ", { code: "A-3" });
    await prisma.officer.update({ where: { id: gone.id }, data: { active: false } });
    const elsewhere = await makeOfficer(other.id, "Phạm Văn Dũng", { code: "B-1" });
    await prisma.officerYearResult.createMany({
      data: [
        { officerId: a.id, year: 2020, rating: "EXCELLENT", awardedTitleCode: "CSTDCS" },
        { officerId: a.id, year: 2021, rating: "GOOD", awardedTitleCode: "CSTDCS" },
        { officerId: a.id, year: 2016, rating: "GOOD", awardedTitleCode: "CST" }, // before the rules' window (2017–2022)
        { officerId: a.id, year: 2023, rating: "GOOD" }, // after the year evaluated
        { officerId: b.id, year: 2021, rating: "COMPLETE" },
        { officerId: gone.id, year: 2021, rating: "GOOD", awardedTitleCode: "CST" },
        { officerId: elsewhere.id, year: 2021, rating: "GOOD", awardedTitleCode: "CST" },
      ],
    });
    await prisma.initiative.createMany({
      data: [
        { officerId: a.id, year: 2021, level: "MINISTRY", title: "Phần mềm quản lý hồ sơ" },
        { officerId: elsewhere.id, year: 2021, level: "BASE", title: "Không thuộc đơn vị" },
      ],
    });
    await prisma.discipline.createMany({
      data: [
        { officerId: b.id, form: "CANH_CAO", status: "IN_FORCE", fromDate: new Date("2021-06-01T00:00:00Z"), toDate: new Date("2022-05-31T00:00:00Z") },
        { officerId: b.id, form: "KHIEN_TRACH", status: "CLEARED", fromDate: new Date("2022-01-01T00:00:00Z") },
        { officerId: b.id, form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: new Date("2020-01-01T00:00:00Z"), toDate: new Date("2021-12-31T00:00:00Z") },
        { officerId: a.id, form: "KHIEN_TRACH", status: "PENDING", fromDate: new Date("2023-01-10T00:00:00Z") },
      ],
    });
    const year = await makeYear(cluster.id, 2022);
    await prisma.officerRegistration.create({ data: { emulationYearId: year.id, unitId: unit.id, officerId: a.id, titleCode: "CSTD_CAND" } });

    const data = await loadUnitEligibilityData(prisma, { unitId: unit.id, year: 2022, emulationYearId: year.id });
    expect(data.officers.map((o) => [o.code, o.name])).toEqual([
      ["A-1", "Nguyễn Văn An"],
      ["A-2", "Trần Thị Bích"],
    ]);
    const [ha, hb] = data.officers.map((o) => o.history);
    expect([...ha!.years].sort((x, y) => x.year - y.year)).toEqual([
      { year: 2020, rating: "EXCELLENT", awardedTitle: "CSTDCS" },
      { year: 2021, rating: "GOOD", awardedTitle: "CSTDCS" },
    ]);
    expect(ha!.initiatives).toEqual([{ id: expect.any(String), year: 2021, level: "MINISTRY", title: "Phần mềm quản lý hồ sơ" }]);
    expect(ha!.disciplines).toEqual([{ id: expect.any(String), form: "KHIEN_TRACH", status: "PENDING", from: "2023-01-10" }]);
    expect(hb!.years).toEqual([{ year: 2021, rating: "COMPLETE" }]);
    expect(hb!.disciplines).toEqual([{ id: expect.any(String), form: "CANH_CAO", status: "IN_FORCE", from: "2021-06-01", to: "2022-05-31" }]);
    expect(data.registrations).toEqual([{ officerId: a.id, title: "CSTD_CAND" }]);

    // A longer window on request (an officer's history page, say).
    const longer = await loadUnitEligibilityData(prisma, { unitId: unit.id, year: 2022, historyFrom: 2013 });
    expect(longer.officers[0]!.history.years.map((y) => y.year).sort()).toEqual([2016, 2020, 2021]);
    expect(longer.registrations).toEqual([]);
    // Inside a transaction the queries run one after another on its connection.
    const inTx = await prisma.$transaction((tx) => loadUnitEligibilityData(tx, { unitId: unit.id, year: 2022, emulationYearId: year.id }));
    expect(inTx).toEqual(data);

    const subset = await loadUnitEligibilityData(prisma, { unitId: unit.id, year: 2022, emulationYearId: year.id, officerIds: [b.id, elsewhere.id, gone.id] });
    expect(subset.officers.map((o) => o.code)).toEqual(["A-2"]);
    expect(subset.registrations).toEqual([]);
    expect(await loadUnitEligibilityData(prisma, { unitId: unit.id, year: 2022, officerIds: [] })).toEqual({ officers: [], registrations: [] });
  });
});

describe("the 2022 demo registrations", () => {
  beforeEach(resetDatabase);

  it("follow the engine on the history found: no disciplined officer registered, quota kept, eligible targets", async () => {
    await seedTitleCatalogue(prisma);
    const cluster = await makeCluster();
    const codes = ["ANM", "KTNV", "NT", "QLXNC", "BTLCV"];
    const unitIds: Record<string, string> = {};
    const officers: Record<string, string[]> = {};
    for (const code of codes) {
      const unit = await makeUnit(cluster.id, `Đơn vị ${code}`);
      unitIds[code] = unit.id;
      officers[code] = [];
      for (let i = 0; i < 30; i++) {
        const o = await makeOfficer(unit.id, `Nguyễn Văn ${code} ${i}`, { code: `${code}-${String(i).padStart(3, "0")}` });
        officers[code]!.push(o.id);
      }
    }
    // History: ANM's first five officers were CSTĐCS in 2020 and 2021 (a CSTĐ CAND path); one ANM
    // officer is under discipline in 2022.
    await prisma.officerYearResult.createMany({
      data: officers.ANM!.slice(0, 5).flatMap((officerId) => [
        { officerId, year: 2020, rating: "EXCELLENT" as const, awardedTitleCode: "CSTDCS" },
        { officerId, year: 2021, rating: "EXCELLENT" as const, awardedTitleCode: "CSTDCS" },
      ]),
    });
    await prisma.discipline.create({ data: { officerId: officers.ANM![29]!, form: "KHIEN_TRACH", status: "PENDING", fromDate: new Date("2022-01-05T00:00:00Z") } });
    const year = await makeYear(cluster.id, 2022);

    const out = await prisma.$transaction((tx) => seedRegistrations2022(tx, { yearId: year.id, unitIds }));
    const byCode = Object.fromEntries(out.units.map((u) => [u.code, u]));
    // ANM: 29 registered (the disciplined one is not), 29 CST → 4 CSTĐCS places, all on the CAND path.
    expect(byCode.ANM).toMatchObject({ status: "SUBMITTED", officers: 30, registered: 29, cstdcs: 4 });
    const anm = await registrationsOf(unitIds.ANM!);
    expect(anm[officers.ANM![29]!]).toBeUndefined();
    expect(officers.ANM!.slice(0, 4).map((id) => anm[id])).toEqual(["CSTD_CAND", "CSTD_CAND", "CSTD_CAND", "CSTD_CAND"]);
    expect(byCode.QLXNC).toMatchObject({ status: "SUBMITTED", registered: 30, cstdcs: 3 }); // one place spared
    expect(byCode.NT).toMatchObject({ status: "DRAFT", registered: 18 });
    expect(byCode.KTNV).toMatchObject({ status: "NOT_STARTED", registered: 0, target: null });
    expect(out.summary).toContain("Đăng ký thi đua năm 2022:");

    // What the secretariat sees: three submitted, KTNV not started, nobody over the quota.
    const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    const board = await registrationBoard(secretariat);
    expect(board.totals).toMatchObject({ units: 5, submitted: 3, overQuota: 0 });
    const regs = await prisma.unitRegistration.findMany({ select: { unitId: true, targetTitleCode: true, agreementSignedOn: true, status: true } });
    expect(regs).toHaveLength(5);
    for (const r of regs) expect(r.agreementSignedOn?.toISOString().slice(0, 10)).toBe("2022-01-18");
    expect(regs.find((r) => r.unitId === unitIds.ANM)?.targetTitleCode).toBe("CO_BCA");
  });
});
