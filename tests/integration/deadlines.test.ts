// Deadlines the secretariat manages, on the real database: the bounds of a year's deadlines (any date
// from the year's start to the end of the next year, in an order that makes sense, each refusal saying
// why), and reopening registration for several units or all of them at once with one new last day and
// one reason, audited as one act. Dates are computed from today (the clock keeps running).
import { beforeEach, describe, expect, it } from "vitest";
import { displayIsoDate, vietnamDayAfter, vietnamToday } from "@/domain/registration-window";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { DEFAULT_YEAR_SETTINGS, type YearSettings } from "@/domain/year-settings";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { NO_UNIT_CHOSEN, reopenRegistrations, saveOfficerRegistrations, submitUnitRegistration, setUnitTarget } from "@/server/commands/registration";
import { updateYearSettings } from "@/server/commands/years";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk } from "../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

const today = () => vietnamToday(new Date());
const THIS_YEAR = Number(today().slice(0, 4));
const dmy = (iso: string) => displayIsoDate(iso);

async function world(opts: { phase?: "REGISTRATION" | "MIDYEAR"; settings?: Partial<YearSettings> } = {}) {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster("Cụm thi đua số 2");
  const other = await makeCluster("Cụm thi đua số 5");
  const units = [await makeUnit(cluster.id, "Cục An ninh mạng"), await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ"), await makeUnit(cluster.id, "Cục Ngoại tuyến")];
  const inactive = await makeUnit(cluster.id, "Cục đã giải thể");
  await prisma.unit.update({ where: { id: inactive.id }, data: { active: false } });
  const foreign = await makeUnit(other.id, "Công an tỉnh Cao Bằng");
  const officers = await Promise.all(units.map((u, i) => makeOfficer(u.id, `Nguyễn Văn ${i + 1}`, { code: `CB-${i + 1}` })));
  // The current year, in registration, its deadline passed yesterday.
  const year = await prisma.emulationYear.create({
    data: {
      clusterId: cluster.id,
      year: THIS_YEAR,
      phase: opts.phase ?? "REGISTRATION",
      chairUnitId: units[0]!.id,
      settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: vietnamDayAfter(new Date(), -1), reportDeadline: `${THIS_YEAR + 1}-01-31`, ...opts.settings },
    },
  });
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  const otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });
  const officerActors = await Promise.all(units.map((u) => makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: u.id })));
  return { cluster, units, inactive, foreign, officers, year, secretariat, otherSecretariat, officerActors };
}

function settingsForm(yearId: string, settings: YearSettings, change: Record<string, string> = {}) {
  const out: Record<string, string> = { yearId };
  for (const [key, value] of Object.entries(settings)) {
    if (key === "reminderOffsets") continue;
    if (typeof value === "boolean") {
      if (value) out[key] = "on";
    } else if (key.endsWith("Deadline") || key === "conferenceDate") out[key] = value ? dmy(String(value)) : "";
    else out[key] = value === null ? "" : String(value);
  }
  return { ...out, ...change };
}

describe("deadline bounds", () => {
  beforeEach(resetDatabase);

  const save = async (w: Awaited<ReturnType<typeof world>>, change: Record<string, string>) => {
    const year = await prisma.emulationYear.findUniqueOrThrow({ where: { id: w.year.id } });
    return executeCommand(updateYearSettings, w.secretariat, settingsForm(w.year.id, year.settings as YearSettings, change));
  };

  it("accepts any date from the year's start to the end of the next year, January of the next year included", async () => {
    const w = await world();
    expectOk(await save(w, { registrationDeadline: dmy(`${THIS_YEAR + 1}-01-15`) }));
    expectOk(await save(w, { registrationDeadline: dmy(vietnamDayAfter(new Date(), 30)), reportDeadline: dmy(`${THIS_YEAR + 1}-02-28`), conferenceDate: dmy(`${THIS_YEAR + 1}-03-10`) }));
    expectOk(await save(w, { registrationDeadline: dmy(`${THIS_YEAR}-01-01`) }));
    const stored = await prisma.emulationYear.findUniqueOrThrow({ where: { id: w.year.id } });
    expect(stored.settings).toMatchObject({ registrationDeadline: `${THIS_YEAR}-01-01`, conferenceDate: `${THIS_YEAR + 1}-03-10` });
  });

  it("refuses what makes no sense, saying why, and saves nothing", async () => {
    const w = await world();
    const before = await prisma.emulationYear.findUniqueOrThrow({ where: { id: w.year.id } });
    const audits = await prisma.auditLog.count();
    expect(await save(w, { registrationDeadline: dmy(`${THIS_YEAR - 1}-12-31`) })).toMatchObject({
      ok: false,
      fieldErrors: { registrationDeadline: [`Hạn đăng ký thi đua (31/12/${THIS_YEAR - 1}) không được trước khi năm thi đua ${THIS_YEAR} bắt đầu (01/01/${THIS_YEAR}).`] },
    });
    expect(await save(w, { conferenceDate: dmy(`${THIS_YEAR + 2}-01-05`) })).toMatchObject({
      ok: false,
      fieldErrors: { conferenceDate: [`Ngày hội nghị tổng kết (05/01/${THIS_YEAR + 2}) không được sau ngày 31/12/${THIS_YEAR + 1}: năm thi đua ${THIS_YEAR} phải được tổng kết và khóa sổ trước ngày đó.`] },
    });
    expect(await save(w, { registrationDeadline: dmy(`${THIS_YEAR + 1}-02-15`), reportDeadline: dmy(`${THIS_YEAR + 1}-01-31`) })).toMatchObject({
      ok: false,
      fieldErrors: { reportDeadline: [`Hạn nộp báo cáo tổng kết (31/01/${THIS_YEAR + 1}) không được trước hạn đăng ký thi đua (15/02/${THIS_YEAR + 1}).`] },
    });
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: w.year.id } })).toMatchObject({ settings: before.settings });
    expect(await prisma.auditLog.count()).toBe(audits);
  });

  it("a year opened before it starts takes deadlines from its opening day; a deadline left as stored is not checked again", async () => {
    const w = await world();
    const next = await prisma.emulationYear.create({ data: { clusterId: w.cluster.id, year: THIS_YEAR + 1, phase: "SETUP", settings: DEFAULT_YEAR_SETTINGS, chairUnitId: w.units[1]!.id } });
    const saveNext = (change: Record<string, string>) => executeCommand(updateYearSettings, w.secretariat, settingsForm(next.id, DEFAULT_YEAR_SETTINGS, change));
    // Opened today: registration may close before 1 January of its year (units register in December).
    if (today() < `${THIS_YEAR}-12-31`) expectOk(await saveNext({ registrationDeadline: dmy(`${THIS_YEAR}-12-31`) }));
    expect(await saveNext({ registrationDeadline: dmy(vietnamDayAfter(new Date(), -1)) })).toMatchObject({
      ok: false,
      fieldErrors: { registrationDeadline: [expect.stringContaining(`không được trước khi năm thi đua ${THIS_YEAR + 1} bắt đầu (${dmy(today())})`)] },
    });
    // A stored deadline outside today's bounds (an old year's copy) does not block saving another setting.
    await prisma.emulationYear.update({ where: { id: next.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, midyearReportDeadline: `${THIS_YEAR - 1}-06-30` } } });
    expectOk(await executeCommand(updateYearSettings, w.secretariat, settingsForm(next.id, { ...DEFAULT_YEAR_SETTINGS, midyearReportDeadline: `${THIS_YEAR - 1}-06-30` }, { cstdcsQuotaPercent: "14" })));
  });
});

describe("reopening registration for several units or all at once", () => {
  beforeEach(resetDatabase);

  const until = () => dmy(vietnamDayAfter(new Date(), 10));
  const reopen = (w: Awaited<ReturnType<typeof world>>, fields: Record<string, string>, actor = w.secretariat) =>
    executeCommand(reopenRegistrations, actor, { emulationYearId: w.year.id, until: until(), reason: "Gia hạn theo chỉ đạo của Cụm trưởng", ...fields });
  const register = (w: Awaited<ReturnType<typeof world>>, i: number) =>
    executeCommand(saveOfficerRegistrations, w.officerActors[i]!, { emulationYearId: w.year.id, rows: JSON.stringify([{ officerId: w.officers[i]!.id, titleCode: "CST" }]) });

  it("all units at once: each may register again until the new day; one audit entry lists them", async () => {
    const w = await world();
    // The deadline passed yesterday: nobody may register.
    expect(await register(w, 0)).toMatchObject({ ok: false, message: expect.stringContaining("Đã hết hạn đăng ký thi đua") });
    await prisma.unitRegistration.create({ data: { emulationYearId: w.year.id, unitId: w.units[1]!.id, status: "SUBMITTED", submittedAt: new Date() } });

    const result = await reopen(w, { all: "on" });
    expect(result).toMatchObject({ ok: true, message: `Đã mở lại đăng ký thi đua năm ${THIS_YEAR} cho tất cả 3 đơn vị đến hết ngày ${until()}.` });
    const regs = await prisma.unitRegistration.findMany({ where: { emulationYearId: w.year.id } });
    expect(regs.map((r) => r.unitId).sort()).toEqual(w.units.map((u) => u.id).sort()); // not the inactive unit
    expect(regs.every((r) => r.status === "DRAFT" && r.reopenReason === "Gia hạn theo chỉ đạo của Cụm trưởng" && r.reopenedUntil! > new Date())).toBe(true);

    const entries = await prisma.auditLog.findMany({ where: { action: "registration.reopen.bulk" } });
    expect(entries).toHaveLength(1);
    const after = entries[0]!.after as { all: boolean; units: { unitName: string }[]; reopenReason: string };
    expect(after.all).toBe(true);
    expect(after.units.map((u) => u.unitName)).toEqual(["Cục An ninh mạng", "Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến"]);
    expect((entries[0]!.before as { units: { unitName: string; status: string | null }[] }).units.find((u) => u.unitName === "Cục Kỹ thuật nghiệp vụ")).toMatchObject({ status: "SUBMITTED" });

    // A unit registers, sets its own target and submits within the new window.
    expectOk(await register(w, 0));
    expectOk(await executeCommand(setUnitTarget, w.officerActors[0]!, { emulationYearId: w.year.id, titleCode: "DV_TIEN_TIEN" }));
    expectOk(await executeCommand(submitUnitRegistration, w.officerActors[0]!, { emulationYearId: w.year.id }));
  });

  it("only the units ticked; works past the registration phase", async () => {
    const w = await world({ phase: "MIDYEAR" });
    expect(await reopen(w, { [`unit_${w.units[0]!.id}`]: "on", [`unit_${w.units[2]!.id}`]: "on" })).toMatchObject({ ok: true, message: expect.stringContaining("cho 2 đơn vị") });
    expectOk(await register(w, 0));
    expect(await register(w, 1)).toMatchObject({ ok: false, message: expect.stringContaining("Thư ký cụm có thể chuyển giai đoạn hoặc mở lại đăng ký cho đơn vị") });
    expectOk(await register(w, 2));
  });

  it("refuses no unit, a unit of another cluster or an inactive one, a day before today or over a year ahead, a closed year, and another cluster's secretariat", async () => {
    const w = await world();
    const audits = await prisma.auditLog.count();
    expect(await reopen(w, {})).toMatchObject({ ok: false, message: NO_UNIT_CHOSEN });
    expect(await reopen(w, { [`unit_${w.foreign.id}`]: "on" })).toMatchObject({ ok: false, fieldErrors: { units: ["Đơn vị không hợp lệ."] } });
    expect(await reopen(w, { [`unit_${w.inactive.id}`]: "on" })).toMatchObject({ ok: false, fieldErrors: { units: ["Đơn vị không hợp lệ."] } });
    expect(await reopen(w, { all: "on", until: dmy(vietnamDayAfter(new Date(), -1)) })).toMatchObject({ ok: false, fieldErrors: { until: [expect.stringContaining("không được trước hôm nay")] } });
    expect(await reopen(w, { all: "on", until: dmy(vietnamDayAfter(new Date(), 400)) })).toMatchObject({ ok: false, fieldErrors: { until: [expect.stringContaining("tối đa 366 ngày")] } });
    expect(await reopen(w, { all: "on" }, w.otherSecretariat)).toEqual({ ok: false, message: NOT_FOUND });
    expect(await reopen(w, { all: "on" }, w.officerActors[0]!)).toEqual({ ok: false, message: NOT_FOUND });
    await prisma.emulationYear.update({ where: { id: w.year.id }, data: { phase: "CLOSED", closedAt: new Date() } });
    expect(await reopen(w, { all: "on" })).toMatchObject({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await prisma.unitRegistration.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(audits);
  });
});
