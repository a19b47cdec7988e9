import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { DEFAULT_YEAR_SETTINGS, parseYearSettings } from "@/domain/year-settings";
import { loadActor } from "@/server/auth/actor";
import { executeCommand, NOT_FOUND, NOT_SIGNED_IN } from "@/server/commands/command";
import {
  advanceYearPhase,
  closeYear,
  openYear,
  revertYearPhase,
  updateYearLeadership,
  updateYearSettings,
} from "@/server/commands/years";
import { clusterWorkspace, clusterYearDetail } from "@/server/queries/cluster";
import { clusterDashboard } from "@/server/queries/dashboard";
import { expectNotFound, expectOk } from "../support/action-result";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

const UNIT_NAMES = [
  "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
  "Cục Kỹ thuật nghiệp vụ",
  "Cục Ngoại tuyến",
  "Cục Quản lý xuất nhập cảnh",
  "Bộ Tư lệnh Cảnh vệ",
] as const;

/** Cluster No. 2 with its five units and the 2021 year (chaired by the cybersecurity department). */
async function setupCluster2() {
  const cluster = await makeCluster("Cụm thi đua số 2");
  const [a05, ktnv, ngoaiTuyen, xnc, canhVe] = await Promise.all(UNIT_NAMES.map((n) => makeUnit(cluster.id, n)));
  const y2021 = await prisma.emulationYear.create({
    data: {
      clusterId: cluster.id,
      year: 2021,
      phase: "RESULTS",
      chairUnitId: a05!.id,
      deputyUnitId: ktnv!.id,
      settings: { ...DEFAULT_YEAR_SETTINGS, cstdcsQuotaPercent: 12, registrationDeadline: "2021-03-15", conferenceDate: "2021-11-19" },
    },
  });
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  return { cluster, a05: a05!, ktnv: ktnv!, ngoaiTuyen: ngoaiTuyen!, xnc: xnc!, canhVe: canhVe!, y2021, secretariat };
}

/** Another cluster with a year in progress, for tampering tests. */
async function setupOtherCluster() {
  const cluster = await makeCluster("Cụm thi đua số 5");
  const unitA = await makeUnit(cluster.id, "Công an tỉnh Bắc Ninh");
  const unitB = await makeUnit(cluster.id, "Công an tỉnh Hà Nam");
  const year = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: 2022, phase: "RESULTS", chairUnitId: unitA.id, settings: DEFAULT_YEAR_SETTINGS },
  });
  return { cluster, unitA, unitB, year };
}

const settingsForm = (yearId: string, change: Record<string, string | boolean | undefined> = {}) =>
  form({
    yearId,
    cstdcsQuotaPercent: "15",
    cstdcsBasis: "INITIATIVE",
    advancedUnitMinCstPercent: "50",
    determinedUnitMinGoodPercent: "70",
    ministryFlagsPerCluster: "1",
    extraMinistryFlags: "0",
    passThreshold: "MORE_THAN_HALF",
    quorumUnits: "",
    rankingTieBreak: "FIRST_SECTION",
    crossScorersPerReport: "2",
    scoreDifferencePercent: "20",
    registrationDeadline: "",
    midyearReportDeadline: "",
    reportDeadline: "",
    conferenceDate: "",
    ...change,
  });

const auditCount = () => prisma.auditLog.count();

describe("opening a year", () => {
  beforeEach(resetDatabase);

  it("the secretariat opens the next year in its own cluster, with copied settings and an audit row", async () => {
    const { cluster, ktnv, ngoaiTuyen, secretariat } = await setupCluster2();
    const other = await setupOtherCluster();
    // A cluster id slipped into the form is ignored: the cluster is the secretariat's own.
    const result = await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: ktnv.id, deputyUnitId: ngoaiTuyen.id, clusterId: other.cluster.id }));
    expect(result).toMatchObject({ ok: true, message: "Đã mở năm thi đua 2022." });
    const created = await prisma.emulationYear.findFirstOrThrow({ where: { year: 2022, chairUnitId: ktnv.id } });
    expect(created).toMatchObject({ clusterId: cluster.id, phase: "SETUP", movement: "Vì An ninh Tổ quốc", deputyUnitId: ngoaiTuyen.id });
    expect(parseYearSettings(created.settings)).toMatchObject({
      cstdcsQuotaPercent: 12,
      registrationDeadline: "2022-03-15",
      reportDeadline: null,
      conferenceDate: "2022-11-19",
    });
    const audit = await prisma.auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "year.open", entityType: "EmulationYear", entityId: created.id, clusterId: cluster.id, actorId: secretariat.userId });
    expect(audit[0]!.after).toMatchObject({ year: 2022, chairUnitId: ktnv.id, settingsCopiedFrom: 2021 });
  });

  it("refuses a year that is not right after the latest, and a duplicate", async () => {
    const { ktnv, secretariat } = await setupCluster2();
    for (const year of [2020, 2021, 2023, 2030]) {
      const result = await executeCommand(openYear, secretariat, form({ year, chairUnitId: ktnv.id }));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.year?.[0]).toContain("2022");
    }
    expect(await prisma.emulationYear.count()).toBe(1);
    expect(await auditCount()).toBe(0);
  });

  it("refuses the previous year's chair by default, and allows it when the previous year's setting says so", async () => {
    const { a05, ktnv, y2021, secretariat } = await setupCluster2();
    const refused = await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: a05.id, deputyUnitId: ktnv.id }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.fieldErrors?.chairUnitId?.[0]).toBe(
        `${UNIT_NAMES[0]} là Cụm trưởng năm 2021; theo quy chế của cụm, Cụm trưởng năm trước không được bầu lại cho năm 2022.`,
      );
    }
    expect(await prisma.emulationYear.count()).toBe(1);
    // Every problem is reported at once.
    const both = await executeCommand(openYear, secretariat, form({ year: 2023, chairUnitId: a05.id }));
    expect(both.ok).toBe(false);
    if (!both.ok) expect(Object.keys(both.fieldErrors ?? {}).sort()).toEqual(["chairUnitId", "year"]);

    await prisma.emulationYear.update({ where: { id: y2021.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, outgoingChairMayBeReelected: true } } });
    const allowed = await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: a05.id, deputyUnitId: ktnv.id }));
    expect(allowed.ok).toBe(true);
  });

  it("refuses a chair equal to the deputy, a unit of another cluster, a sub-unit and an inactive unit", async () => {
    const { cluster, ktnv, xnc, secretariat } = await setupCluster2();
    const other = await setupOtherCluster();
    const subUnit = await makeUnit(cluster.id, "Phòng Tham mưu", ktnv.id);
    const closedUnit = await makeUnit(cluster.id, "Đơn vị đã giải thể");
    await prisma.unit.update({ where: { id: closedUnit.id }, data: { active: false } });
    const cases: [Record<string, string>, string, string][] = [
      [{ chairUnitId: ktnv.id, deputyUnitId: ktnv.id }, "deputyUnitId", "Cụm phó phải là đơn vị khác với Cụm trưởng."],
      [{ chairUnitId: other.unitB.id }, "chairUnitId", "Cụm trưởng phải là một đơn vị thành viên của cụm."],
      [{ chairUnitId: subUnit.id }, "chairUnitId", "Cụm trưởng phải là một đơn vị thành viên của cụm."],
      [{ chairUnitId: xnc.id, deputyUnitId: closedUnit.id }, "deputyUnitId", "Đơn vị đã giải thể đã ngừng hoạt động, không thể làm Cụm phó."],
      [{ chairUnitId: "" }, "chairUnitId", "Vui lòng chọn đơn vị Cụm trưởng."],
    ];
    for (const [values, field, message] of cases) {
      const result = await executeCommand(openYear, secretariat, form({ year: 2022, ...values }));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.[field]).toEqual([message]);
    }
    expect(await prisma.emulationYear.count({ where: { clusterId: cluster.id } })).toBe(1);
    expect(await auditCount()).toBe(0);
  });

  it("a new cluster starts from the defaults", async () => {
    const cluster = await makeCluster("Cụm thi đua số 9");
    const unit = await makeUnit(cluster.id, "Công an tỉnh Lào Cai");
    const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    const result = await executeCommand(openYear, secretariat, form({ year: 2025, chairUnitId: unit.id, movement: "Vì An ninh Tổ quốc" }));
    expect(result.ok).toBe(true);
    const year = await prisma.emulationYear.findFirstOrThrow({ where: { clusterId: cluster.id } });
    expect(year.settings).toEqual(DEFAULT_YEAR_SETTINGS);
  });
});

describe("who may manage years", () => {
  beforeEach(resetDatabase);

  it("refuses unit officers, unit heads (even the chair's), admins and anonymous callers", async () => {
    const { cluster, ktnv, a05, y2021 } = await setupCluster2();
    const officer = await makeActor("UNIT_OFFICER", { unitId: ktnv.id, clusterId: cluster.id });
    const headUser = await makeActor("UNIT_HEAD", { unitId: a05.id, clusterId: cluster.id });
    const chairHead = (await loadActor(headUser.userId))!;
    expect(chairHead.chairOfClusterIds).toEqual([cluster.id]);
    const admin = await makeActor("ADMIN");
    const attempts: [Parameters<typeof executeCommand>[0], Record<string, string>][] = [
      [openYear as Parameters<typeof executeCommand>[0], form({ year: 2022, chairUnitId: ktnv.id })],
      [updateYearLeadership, form({ yearId: y2021.id, chairUnitId: ktnv.id })],
      [updateYearSettings, settingsForm(y2021.id)],
      [advanceYearPhase, form({ yearId: y2021.id, fromPhase: "RESULTS" })],
      [revertYearPhase, form({ yearId: y2021.id, fromPhase: "RESULTS" })],
      [closeYear, form({ yearId: y2021.id, fromPhase: "RESULTS" })],
    ];
    for (const [command, values] of attempts) {
      for (const actor of [officer, chairHead, admin] as Actor[]) {
        expect(await executeCommand(command, actor, values)).toEqual({ ok: false, message: NOT_FOUND });
      }
      expect(await executeCommand(command, null, values)).toEqual({ ok: false, message: NOT_SIGNED_IN });
    }
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } })).toEqual(y2021);
    expect(await prisma.emulationYear.count()).toBe(1);
    expect(await auditCount()).toBe(0);
  });

  it("refuses the secretariat on another cluster's year (tampered id): nothing changes, nothing is audited", async () => {
    const { secretariat } = await setupCluster2();
    const other = await setupOtherCluster();
    const before = await prisma.emulationYear.findUniqueOrThrow({ where: { id: other.year.id } });
    const attempts: [Parameters<typeof executeCommand>[0], Record<string, string>][] = [
      [updateYearLeadership, form({ yearId: other.year.id, chairUnitId: other.unitB.id })],
      [updateYearSettings, settingsForm(other.year.id, { cstdcsQuotaPercent: "20" })],
      [advanceYearPhase, form({ yearId: other.year.id, fromPhase: "RESULTS" })],
      [revertYearPhase, form({ yearId: other.year.id, fromPhase: "RESULTS" })],
      [closeYear, form({ yearId: other.year.id, fromPhase: "RESULTS" })],
    ];
    for (const [command, values] of attempts) {
      expect(await executeCommand(command, secretariat, values)).toEqual({ ok: false, message: NOT_FOUND });
    }
    // A year id that does not exist answers the same.
    expect(await executeCommand(closeYear, secretariat, form({ yearId: "00000000-0000-4000-8000-000000000000", fromPhase: "RESULTS" }))).toEqual({
      ok: false,
      message: NOT_FOUND,
    });
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: other.year.id } })).toEqual(before);
    expect(await auditCount()).toBe(0);
    await expectNotFound(clusterYearDetail(secretariat, other.year.id));
  });
});

describe("a closed year", () => {
  beforeEach(resetDatabase);

  it("refuses every command with the closed-year message and stays unchanged", async () => {
    const { y2021, ktnv, xnc, secretariat } = await setupCluster2();
    expectOk(await executeCommand(closeYear, secretariat, form({ yearId: y2021.id, fromPhase: "RESULTS" })));
    const closed = await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } });
    expect(closed.phase).toBe("CLOSED");
    expect(closed.closedAt).toBeInstanceOf(Date);
    const audits = await auditCount();

    const attempts: [Parameters<typeof executeCommand>[0], Record<string, string>][] = [
      [updateYearLeadership, form({ yearId: y2021.id, chairUnitId: xnc.id, deputyUnitId: ktnv.id })],
      [updateYearSettings, settingsForm(y2021.id, { cstdcsQuotaPercent: "10" })],
      [advanceYearPhase, form({ yearId: y2021.id, fromPhase: "CLOSED" })],
      [revertYearPhase, form({ yearId: y2021.id, fromPhase: "CLOSED" })],
      [closeYear, form({ yearId: y2021.id, fromPhase: "CLOSED" })],
      // Even with a stale phase in the form.
      [revertYearPhase, form({ yearId: y2021.id, fromPhase: "RESULTS" })],
    ];
    for (const [command, values] of attempts) {
      expect(await executeCommand(command, secretariat, values)).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    }
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } })).toEqual(closed);
    expect(await auditCount()).toBe(audits);
    // The next year can still be opened after it.
    expect((await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: ktnv.id }))).ok).toBe(true);
  });
});

describe("leadership of an open year", () => {
  beforeEach(resetDatabase);

  it("changes chair and deputy with the rules, audited before and after", async () => {
    const { a05, ktnv, ngoaiTuyen, xnc, secretariat } = await setupCluster2();
    const opened = await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: ktnv.id }));
    const { id: yearId } = expectOk(opened);

    const again = await executeCommand(updateYearLeadership, secretariat, form({ yearId, chairUnitId: a05.id, deputyUnitId: ngoaiTuyen.id }));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.fieldErrors?.chairUnitId?.[0]).toContain("Cụm trưởng năm 2021");

    const ok = await executeCommand(updateYearLeadership, secretariat, form({ yearId, chairUnitId: xnc.id, deputyUnitId: ngoaiTuyen.id, movement: "Vì An ninh Tổ quốc năm 2022" }));
    expectOk(ok);
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: yearId } })).toMatchObject({
      chairUnitId: xnc.id,
      deputyUnitId: ngoaiTuyen.id,
      movement: "Vì An ninh Tổ quốc năm 2022",
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "year.leadership" } });
    expect(audit.before).toMatchObject({ chairUnitId: ktnv.id, deputyUnitId: null });
    expect(audit.after).toMatchObject({ chairUnitId: xnc.id, deputyUnitId: ngoaiTuyen.id });
  });
});

describe("concurrent requests (several app instances)", () => {
  beforeEach(resetDatabase);

  it("two secretaries opening the same year at once: exactly one year, one audit row", async () => {
    const { cluster, ktnv, xnc, secretariat } = await setupCluster2();
    const colleague = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    const results = await Promise.all([
      executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: ktnv.id })),
      executeCommand(openYear, colleague, form({ year: 2022, chairUnitId: xnc.id })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await prisma.emulationYear.count({ where: { clusterId: cluster.id, year: 2022 } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "year.open" } })).toBe(1);
  });

  it("saving settings while the year is closed: the settings either land before the close or are refused", async () => {
    const { y2021, secretariat } = await setupCluster2();
    const [saved, closed] = await Promise.all([
      executeCommand(updateYearSettings, secretariat, settingsForm(y2021.id, { cstdcsQuotaPercent: "10" })),
      executeCommand(closeYear, secretariat, form({ yearId: y2021.id, fromPhase: "RESULTS" })),
    ]);
    expect(closed.ok).toBe(true);
    const year = await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } });
    expect(year.phase).toBe("CLOSED");
    if (!saved.ok) expect(saved.message).toBe(YEAR_CLOSED_MESSAGE);
    expect(parseYearSettings(year.settings).cstdcsQuotaPercent).toBe(saved.ok ? 10 : 12);
  });
});

describe("year settings from the form", () => {
  beforeEach(resetDatabase);

  it("saves every field: percents with a decimal comma, selects, checkboxes and dd/mm/yyyy dates", async () => {
    const { y2021, secretariat } = await setupCluster2();
    const result = await executeCommand(
      updateYearSettings,
      secretariat,
      settingsForm(y2021.id, {
        cstdcsQuotaPercent: "12,5",
        cstdcsBasis: "INITIATIVE_OR_EXCELLENT",
        advancedUnitMinCstPercent: "55",
        determinedUnitMinGoodPercent: "75",
        ministryFlagsPerCluster: "1",
        extraMinistryFlags: "2",
        subUnitDeterminedQuotaPercent: "40",
        passThreshold: "AT_LEAST_TWO_THIRDS",
        quorumUnits: "4",
        allowSelfVote: true,
        outgoingChairMayBeReelected: true,
        rankingTieBreak: "SECTIONS_IN_ORDER",
        crossScorersPerReport: "3",
        scoreDifferencePercent: "25",
        registrationDeadline: "15/03/2021",
        midyearReportDeadline: "15/06/2021",
        reportDeadline: "31/10/2021",
        conferenceDate: "19/11/2021",
      }),
    );
    expect(result).toMatchObject({ ok: true, message: "Đã lưu các thiết lập của năm thi đua 2021." });
    const saved = await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } });
    expect(saved.settings).toEqual({
      cstdcsQuotaPercent: 12.5,
      cstdcsBasis: "INITIATIVE_OR_EXCELLENT",
      advancedUnitMinCstPercent: 55,
      determinedUnitMinGoodPercent: 75,
      ministryFlagsPerCluster: 1,
      extraMinistryFlags: 2,
      subUnitDeterminedQuotaPercent: 40,
      passThreshold: "AT_LEAST_TWO_THIRDS",
      quorumUnits: 4,
      allowSelfVote: true,
      outgoingChairMayBeReelected: true,
      rankingTieBreak: "SECTIONS_IN_ORDER",
      crossScorersPerReport: 3,
      scoreDifferencePercent: 25,
      registrationDeadline: "2021-03-15",
      midyearReportDeadline: "2021-06-15",
      reportDeadline: "2021-10-31",
      conferenceDate: "2021-11-19",
      reminderOffsets: [5, 1], // kept: the reminder offsets have their own form
      disclosureWorkingDays: 5, // kept (the default): this form does not send it
    });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "year.settings" } });
    expect(audit.before).toMatchObject({ cstdcsQuotaPercent: 12, allowSelfVote: false });
    expect(audit.after).toMatchObject({ cstdcsQuotaPercent: 12.5, allowSelfVote: true });

    // Unchecked boxes and emptied fields go back to false / null.
    expect((await executeCommand(updateYearSettings, secretariat, settingsForm(y2021.id))).ok).toBe(true);
    // The sub-units' quota (issue 17), like the disclosure days, is kept by a form that does not send it.
    expect(parseYearSettings((await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } })).settings)).toEqual({ ...DEFAULT_YEAR_SETTINGS, subUnitDeterminedQuotaPercent: 40 });
  });

  it("answers with Vietnamese field errors and saves nothing", async () => {
    const { y2021, secretariat } = await setupCluster2();
    const before = await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } });
    const result = await executeCommand(
      updateYearSettings,
      secretariat,
      settingsForm(y2021.id, {
        cstdcsQuotaPercent: "150",
        advancedUnitMinCstPercent: "năm mươi",
        ministryFlagsPerCluster: "1,5",
        extraMinistryFlags: "",
        passThreshold: "ALL",
        registrationDeadline: "31/02/2022",
        conferenceDate: "2021-11-19",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      cstdcsQuotaPercent: ["Tỷ lệ tối đa Chiến sĩ thi đua cơ sở (% số Chiến sĩ tiên tiến của đơn vị) không được lớn hơn 100%."],
      advancedUnitMinCstPercent: ["Đơn vị tiên tiến: tỷ lệ Chiến sĩ tiên tiến phải trên (%) phải là một số."],
      ministryFlagsPerCluster: ["Số Cờ thi đua của Bộ Công an mỗi cụm mỗi năm phải là số nguyên."],
      extraMinistryFlags: ["Số Cờ thi đua của Bộ Công an được Bộ phân bổ thêm là bắt buộc."],
      passThreshold: ["Tỷ lệ phiếu để được bầu, suy tôn: lựa chọn không hợp lệ."],
      registrationDeadline: ['Hạn đăng ký thi đua: "31/02/2022" không phải là ngày hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 19/11/2021).'],
      conferenceDate: ['Ngày hội nghị tổng kết: "2021-11-19" không phải là ngày hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 19/11/2021).'],
    });
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2021.id } })).toEqual(before);
    expect(await auditCount()).toBe(0);
  });

  it("checks the settings against the year: quorum, deadline years and order", async () => {
    const { y2021, secretariat } = await setupCluster2();
    const result = await executeCommand(
      updateYearSettings,
      secretariat,
      settingsForm(y2021.id, { quorumUnits: "6", registrationDeadline: "15/03/2021", reportDeadline: "01/03/2021", conferenceDate: "19/11/2012" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      quorumUnits: ["Số đơn vị tối thiểu (6) không được vượt quá số đơn vị thành viên đang hoạt động (5)."],
      reportDeadline: ["Hạn nộp báo cáo tổng kết (01/03/2021) không được trước hạn đăng ký thi đua (15/03/2021)."],
      // Opened after the fact (today), the 2021 year takes deadlines from 1 January 2021.
      conferenceDate: ["Ngày hội nghị tổng kết (19/11/2012) không được trước khi năm thi đua 2021 bắt đầu (01/01/2021)."],
    });
    expect(await auditCount()).toBe(0);
  });
});

describe("phases", () => {
  beforeEach(resetDatabase);

  it("moves one step at a time, refuses a stale page, and closes only from the results phase", async () => {
    const { ktnv, secretariat } = await setupCluster2();
    const opened = await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: ktnv.id }));
    const { id: yearId } = expectOk(opened);
    const phase = async () => (await prisma.emulationYear.findUniqueOrThrow({ where: { id: yearId } })).phase;

    expect(await executeCommand(revertYearPhase, secretariat, form({ yearId, fromPhase: "SETUP" }))).toEqual({
      ok: false,
      message: 'Năm thi đua đang ở giai đoạn đầu tiên ("Thiết lập"), không thể lùi lại.',
    });
    expect(await executeCommand(closeYear, secretariat, form({ yearId, fromPhase: "SETUP" }))).toMatchObject({ ok: false });
    expect(await executeCommand(advanceYearPhase, secretariat, form({ yearId, fromPhase: "SETUP" }))).toEqual({
      ok: true,
      message: 'Năm thi đua 2022 đã chuyển sang giai đoạn "Đăng ký thi đua".',
    });
    // The same click again (stale page) does not move a second step.
    expect(await executeCommand(advanceYearPhase, secretariat, form({ yearId, fromPhase: "SETUP" }))).toMatchObject({ ok: false });
    expect(await phase()).toBe("REGISTRATION");
    expect((await executeCommand(revertYearPhase, secretariat, form({ yearId, fromPhase: "REGISTRATION" }))).ok).toBe(true);
    expect(await phase()).toBe("SETUP");

    for (const from of ["SETUP", "REGISTRATION", "MIDYEAR", "REPORTING", "SCORING", "CONFERENCE"]) {
      expect((await executeCommand(advanceYearPhase, secretariat, form({ yearId, fromPhase: from }))).ok).toBe(true);
    }
    expect(await phase()).toBe("RESULTS");
    expect(await executeCommand(advanceYearPhase, secretariat, form({ yearId, fromPhase: "RESULTS" }))).toMatchObject({ ok: false });
    expectOk(await executeCommand(closeYear, secretariat, form({ yearId, fromPhase: "RESULTS" })));
    expect(await phase()).toBe("CLOSED");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "year.close" } });
    expect(audit.before).toEqual({ phase: "RESULTS" });
    expect(audit.after).toMatchObject({ phase: "CLOSED" });
  });
});

describe("cluster pages' queries", () => {
  beforeEach(resetDatabase);

  it("the secretariat's workspace: members in Vietnamese order with counts, years newest first, chair candidates", async () => {
    const { cluster, ktnv, a05, secretariat } = await setupCluster2();
    const phong = await makeUnit(cluster.id, "Phòng Tham mưu", ktnv.id);
    await makeUnit(cluster.id, "Phòng Hậu cần", ktnv.id);
    await makeOfficer(ktnv.id, "Nguyễn Văn An", { subUnitId: phong.id });
    await makeOfficer(ktnv.id, "Trần Thị Bình");
    const left = await makeOfficer(ktnv.id, "Lê Văn Cường");
    await prisma.officer.update({ where: { id: left.id }, data: { active: false } });
    await makeOfficer(a05.id, "Phạm Thị Dung");

    const ws = await clusterWorkspace(secretariat, new Date("2022-01-05T00:00:00Z"));
    expect(ws.members.map((m) => m.name)).toEqual([
      "Bộ Tư lệnh Cảnh vệ",
      "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
      "Cục Kỹ thuật nghiệp vụ",
      "Cục Ngoại tuyến",
      "Cục Quản lý xuất nhập cảnh",
    ]);
    expect(ws.members.find((m) => m.id === ktnv.id)).toMatchObject({ activeOfficers: 2, subUnits: 2 });
    expect(ws.members.find((m) => m.id === a05.id)).toMatchObject({ activeOfficers: 1, subUnits: 0 });
    expect(ws.openForm).toMatchObject({ nextYear: 2022, latestYear: 2021, outgoingChairExcluded: true });
    expect(ws.openForm.chairCandidates.map((c) => c.id)).not.toContain(a05.id);
    expect(ws.openForm.chairCandidates).toHaveLength(4);

    await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: ktnv.id }));
    const after = await clusterWorkspace(secretariat);
    expect(after.years.map((y) => y.year)).toEqual([2022, 2021]);
    expect(after.openForm.nextYear).toBe(2023);
    expect(after.openForm.chairCandidates.map((c) => c.id)).not.toContain(ktnv.id);
  });

  it("the workspace and year detail are the secretariat's only", async () => {
    const { cluster, ktnv, y2021 } = await setupCluster2();
    const officer = await makeActor("UNIT_OFFICER", { unitId: ktnv.id, clusterId: cluster.id });
    const admin = await makeActor("ADMIN");
    for (const actor of [officer, admin]) {
      await expectNotFound(clusterWorkspace(actor));
      await expectNotFound(clusterYearDetail(actor, y2021.id));
    }
  });
});

describe("the cluster overview", () => {
  beforeEach(resetDatabase);

  it("is visible to the chair unit's head, the secretariat and admins, to other heads of the cluster in the head's view; refused to unit officers", async () => {
    const { cluster, a05, ktnv, ngoaiTuyen, secretariat } = await setupCluster2();
    const other = await setupOtherCluster();
    await executeCommand(openYear, secretariat, form({ year: 2022, chairUnitId: ktnv.id, deputyUnitId: ngoaiTuyen.id }));
    await makeOfficer(ktnv.id, "Nguyễn Văn An");

    const chairHead = (await loadActor((await makeActor("UNIT_HEAD", { unitId: ktnv.id })).userId))!;
    const outgoingChairHead = (await loadActor((await makeActor("UNIT_HEAD", { unitId: a05.id })).userId))!;
    const officer = (await loadActor((await makeActor("UNIT_OFFICER", { unitId: ktnv.id })).userId))!;
    const admin = await makeActor("ADMIN");

    const overview = (a: typeof admin, clusterId?: string) => clusterDashboard(a, { clusterId });
    const seen = await overview(chairHead);
    expect(seen.cluster).toMatchObject({ id: cluster.id, name: "Cụm thi đua số 2" });
    expect(seen.year).toMatchObject({ year: 2022, phase: "SETUP", chairName: "Cục Kỹ thuật nghiệp vụ", deputyName: "Cục Ngoại tuyến" });
    expect(seen.year && "totals" in seen ? seen.totals : null).toMatchObject({ units: 5, activeOfficers: 1 });

    // Every unit head sees their own cluster's dashboard, with what a head may see (issue 13, item 6).
    expect(await overview(outgoingChairHead)).toMatchObject({ cluster: { id: cluster.id }, access: { view: "HEAD" } });
    await expectNotFound(overview(officer));
    // The chair of one cluster cannot look at another by changing the address.
    await expectNotFound(overview(chairHead, other.cluster.id));
    await expectNotFound(overview(secretariat, other.cluster.id));
    expect((await overview(secretariat)).cluster?.id).toBe(cluster.id);

    // Admin: the first cluster by name by default, any cluster on request; a bad id is not found.
    const adminDefault = await overview(admin);
    expect(adminDefault.cluster?.name).toBe("Cụm thi đua số 2");
    expect(adminDefault.clusters.map((c) => c.name)).toEqual(["Cụm thi đua số 2", "Cụm thi đua số 5"]);
    expect((await overview(admin, other.cluster.id)).cluster?.id).toBe(other.cluster.id);
    await expectNotFound(overview(admin, "không-phải-mã"));
    await expectNotFound(overview(admin, "00000000-0000-4000-8000-000000000000"));
  });
});
