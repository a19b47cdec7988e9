// Late records of a closed year (issue 17 item 4; docs/domain.md §4 step 8): a discipline or an
// initiative dated in a closed year goes through the audited amendment of the secretariat, with the
// same checks as a direct record; the direct record into the closed year stays refused.
import { beforeEach, describe, expect, it } from "vitest";
import { LATE_RECORD_ONLY_CLOSED } from "@/domain/late-records";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { recordLateDiscipline, recordLateInitiative } from "@/server/commands/late-records";
import { addDiscipline, addInitiative } from "@/server/commands/results";
import { officerHistory as overviewOfficerHistory } from "@/server/queries/officer-history";
import { officerHistory } from "@/server/queries/results/officer-history";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk, expectRefused } from "../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

async function setup() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster("Cụm thi đua số 2");
  const other = await makeCluster("Cụm thi đua số 5");
  const unit = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const otherUnit = await makeUnit(other.id, "Cục Cảnh sát giao thông");
  const officer = await makeOfficer(unit.id, "Lường Thị Ngọc Ánh", { code: "KTNV-101" });
  const stranger = await makeOfficer(otherUnit.id, "Phạm Văn Bình", { code: "CSGT-101" });
  const closed = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "CLOSED", closedAt: new Date("2022-01-10T00:00:00Z"), settings: {} } });
  const open = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings: {} } });
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  const otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });
  const unitOfficer = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id });
  return { cluster, unit, officer, stranger, closed, open, secretariat, otherSecretariat, unitOfficer };
}

const AMENDING = { amendNo: "12/QĐ-BCA", amendDate: "15/03/2022", amendSigner: "Thứ trưởng Lê Văn Hà", reason: "Quyết định kỷ luật ban hành sau khi năm 2021 đã khóa sổ" };
const DISCIPLINE = { form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: "10/12/2021", toDate: "10/06/2022", note: "Vi phạm quy trình bảo mật" };
const written = async () => ({
  disciplines: await prisma.discipline.count(),
  initiatives: await prisma.initiative.count(),
  late: await prisma.lateRecord.count(),
  audit: await prisma.auditLog.count({ where: { action: { startsWith: "year.amendLate" } } }),
});

describe("late records of a closed year", () => {
  beforeEach(resetDatabase);

  it("a late discipline in a closed year goes through the amendment, is audited and is marked late in the history; the direct record stays refused", async () => {
    const s = await setup();
    // The direct record into the closed year: refused, by the unit officer and the secretariat alike.
    for (const actor of [s.unitOfficer, s.secretariat]) {
      const direct = await executeCommand(addDiscipline, actor, { officerId: s.officer.id, ...DISCIPLINE });
      expect(expectRefused(direct)).toMatch(new RegExp(`^${YEAR_CLOSED_MESSAGE}`));
    }
    expect(await written()).toEqual({ disciplines: 0, initiatives: 0, late: 0, audit: 0 });

    const result = await executeCommand(recordLateDiscipline, s.secretariat, { officerId: s.officer.id, yearId: s.closed.id, ...DISCIPLINE, ...AMENDING });
    const { id } = expectOk(result);
    expect(result.message).toBe("Đã ghi bổ sung khiển trách (đã có quyết định kỷ luật) năm 2021 (đã khóa sổ) đối với Lường Thị Ngọc Ánh.");
    const stored = await prisma.discipline.findUniqueOrThrow({ where: { id }, include: { lateRecord: true } });
    expect(stored).toMatchObject({ form: "KHIEN_TRACH", status: "IN_FORCE", note: "Vi phạm quy trình bảo mật" });
    expect(stored.fromDate.toISOString().slice(0, 10)).toBe("2021-12-10");
    expect(stored.lateRecord).toMatchObject({ emulationYearId: s.closed.id, decisionNo: "12/QĐ-BCA", decisionSigner: "Thứ trưởng Lê Văn Hà", reason: AMENDING.reason });

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "year.amendLateDiscipline" } });
    expect(audit).toMatchObject({ entityType: "Discipline", entityId: id, actorId: s.secretariat.userId });
    expect(audit.after).toMatchObject({
      form: "KHIEN_TRACH",
      amendment: { reason: AMENDING.reason, decision: { number: "12/QĐ-BCA", date: "2022-03-15", signer: "Thứ trưởng Lê Văn Hà" }, lateRecordId: stored.lateRecord!.id },
    });

    // The officer's history shows it, marked as recorded late with its decision.
    const history = await officerHistory(s.secretariat, s.officer.id);
    expect(history.disciplines.map((d) => d.lateRecord?.decisionNo)).toEqual(["12/QĐ-BCA"]);
    // The overview's officer history marks it too.
    expect((await overviewOfficerHistory(s.secretariat, s.officer.id)).disciplines?.map((d) => d.lateNo)).toEqual(["12/QĐ-BCA"]);
    // The closed year itself is left as it was.
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: s.closed.id } })).toMatchObject({ phase: "CLOSED" });
  });

  it("a late initiative takes the closed year as its year and is audited", async () => {
    const s = await setup();
    expectRefused(await executeCommand(addInitiative, s.secretariat, { officerId: s.officer.id, year: "2021", level: "BASE", title: "Phần mềm tra cứu", decisionNo: "" }));
    const { id } = expectOk(
      await executeCommand(recordLateInitiative, s.secretariat, { officerId: s.officer.id, yearId: s.closed.id, level: "MINISTRY", title: "Phần mềm tra cứu hồ sơ", decisionNo: "88/QĐ-BCA", ...AMENDING }),
    );
    expect(await prisma.initiative.findUniqueOrThrow({ where: { id }, include: { lateRecord: true } })).toMatchObject({ year: 2021, level: "MINISTRY", decisionNo: "88/QĐ-BCA", lateRecord: { decisionNo: "12/QĐ-BCA" } });
    expect(await prisma.auditLog.count({ where: { action: "year.amendLateInitiative", entityId: id } })).toBe(1);
  });

  it("refuses bad input, an open year, another cluster's officer, a unit officer, and dates outside the year, writing nothing", async () => {
    const s = await setup();
    const base = { officerId: s.officer.id, yearId: s.closed.id, ...DISCIPLINE, ...AMENDING };
    const cases: [string, Record<string, unknown>, string | RegExp][] = [
      ["no reason", { ...base, reason: "" }, /lý do/i],
      ["a short reason", { ...base, reason: "sai" }, /ít nhất 10 ký tự/],
      ["no decision", { ...base, amendNo: "" }, /Số văn bản làm căn cứ là bắt buộc/],
      ["a date that is no date", { ...base, fromDate: "31/02/2021" }, /dd\/mm\/yyyy/],
      ["an end before the start", { ...base, toDate: "01/12/2021" }, /không được trước ngày bắt đầu/],
      ["an unknown form", { ...base, form: "XOA_SO" }, /hình thức kỷ luật/],
      ["a start outside the closed year", { ...base, fromDate: "05/01/2022", toDate: "" }, /phải trong năm 2021/],
      ["a decision before the year", { ...base, amendDate: "01/12/2020" }, /không được trước năm 2021/],
      ["a decision in the future", { ...base, amendDate: "01/01/2099" }, /không được sau hôm nay/],
    ];
    for (const [what, input, message] of cases) {
      const result = await executeCommand(recordLateDiscipline, s.secretariat, input);
      expect(result.ok, what).toBe(false);
      expect(JSON.stringify([result.message, result.ok ? null : result.fieldErrors]), what).toMatch(message);
    }
    // An open year is entered directly, not amended.
    expectRefused(await executeCommand(recordLateDiscipline, s.secretariat, { ...base, yearId: s.open.id, fromDate: "10/02/2022", toDate: "" }), LATE_RECORD_ONLY_CLOSED);
    // Scope from the database: another cluster's officer (or its year) is not found; a unit officer may not amend.
    expectRefused(await executeCommand(recordLateDiscipline, s.secretariat, { ...base, officerId: s.stranger.id }), NOT_FOUND);
    expectRefused(await executeCommand(recordLateDiscipline, s.otherSecretariat, base), NOT_FOUND);
    expectRefused(await executeCommand(recordLateDiscipline, s.unitOfficer, base));
    expect(await written()).toEqual({ disciplines: 0, initiatives: 0, late: 0, audit: 0 });
  });
});
