// Amendments after closing: the closed year refuses the ordinary result commands, and the explicit
// amendment (secretariat or admin) corrects an officer's or a unit's title of that year with a decision
// and a reason, both kept in the audit entry with the values before and after.
import { beforeEach, describe, expect, it } from "vitest";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { AMENDMENT_ONLY_CLOSED, amendClosedYear } from "@/server/commands/amendments";
import { z } from "zod";
import { defineCommand, executeCommand, INVALID_INPUT, NOT_FOUND } from "@/server/commands/command";
import { recordOfficerResult } from "@/server/commands/results";
import { closeYear } from "@/server/commands/years";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk, expectRefused } from "../../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "../fixtures";

async function setup() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster("Cụm thi đua số 2");
  const other = await makeCluster("Cụm thi đua số 5");
  const unit = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const officer = await makeOfficer(unit.id, "Lường Thị Ngọc Ánh", { code: "KTNV-001" });
  const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "RESULTS", settings: {} } });
  await prisma.officerYearResult.create({
    data: { officerId: officer.id, year: 2021, rating: "GOOD", awardedTitleCode: "CST", decisionNo: "1201/QĐ-KTNV", decisionDate: new Date("2021-12-20T00:00:00Z"), decisionSigner: "Cục trưởng", verified: true },
  });
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  const otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });
  const admin = await makeActor("ADMIN");
  // Closed the ordinary way, by the close command.
  expectOk(await executeCommand(closeYear, secretariat, { yearId: year.id, fromPhase: "RESULTS" }));
  return { cluster, unit, officer, year, secretariat, otherSecretariat, admin };
}

const decision = { decisionNo: "07/QĐ-BCA", decisionDate: "20/01/2022", decisionSigner: "Thứ trưởng Lê Văn Hà" };
const REASON = "Thu hồi danh hiệu do phát hiện vi phạm kỷ luật trong năm 2021";

describe("amendments after closing", () => {
  beforeEach(resetDatabase);

  it("a closed year refuses the ordinary entry; the amendment withdraws the title, audited with the reason and the decision", async () => {
    const s = await setup();
    const ordinary = await executeCommand(recordOfficerResult, s.secretariat, { yearId: s.year.id, officerId: s.officer.id, rating: "GOOD" });
    expectRefused(ordinary, expect.stringContaining(YEAR_CLOSED_MESSAGE));

    // The reason is required, and must say something.
    const short = await executeCommand(amendClosedYear, s.secretariat, { yearId: s.year.id, officerId: s.officer.id, awardedTitleCode: "", ...decision, reason: "Sai sót" });
    expect(short).toMatchObject({ ok: false, message: INVALID_INPUT, fieldErrors: { reason: ["Lý do sửa đổi cần nêu rõ (ít nhất 10 ký tự)."] } });
    const noDecision = await executeCommand(amendClosedYear, s.secretariat, { yearId: s.year.id, officerId: s.officer.id, awardedTitleCode: "", reason: REASON, decisionNo: "", decisionDate: "", decisionSigner: "" });
    expect(noDecision).toMatchObject({ ok: false, fieldErrors: { decisionNo: expect.any(Array), decisionDate: expect.any(Array), decisionSigner: expect.any(Array) } });
    // Another cluster's secretariat: not found, nothing written.
    expect(
      await executeCommand(amendClosedYear, s.otherSecretariat, { yearId: s.year.id, officerId: s.officer.id, awardedTitleCode: "", ...decision, reason: REASON }),
    ).toEqual({ ok: false, message: NOT_FOUND });
    expect(await prisma.auditLog.count({ where: { action: "year.amendClosed" } })).toBe(0);

    const amended = await executeCommand(amendClosedYear, s.secretariat, { yearId: s.year.id, officerId: s.officer.id, awardedTitleCode: "", ...decision, reason: REASON });
    expect(amended).toMatchObject({ ok: true, message: "Đã sửa đổi kết quả năm 2021 (đã khóa sổ) của Lường Thị Ngọc Ánh theo quyết định 07/QĐ-BCA ngày 20/01/2022." });
    const row = await prisma.officerYearResult.findUniqueOrThrow({ where: { officerId_year: { officerId: s.officer.id, year: 2021 } } });
    expect(row).toMatchObject({ rating: "GOOD", awardedTitleCode: null, decisionNo: null });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "year.amendClosed" } });
    expect(audit).toMatchObject({ actorId: s.secretariat.userId, entityType: "OfficerYearResult", entityId: row.id, clusterId: s.cluster.id, unitId: s.unit.id });
    expect(audit.before).toMatchObject({ awardedTitleCode: "CST", decisionNo: "1201/QĐ-KTNV" });
    expect(audit.after).toMatchObject({
      awardedTitleCode: null,
      amendment: { reason: REASON, decision: { number: "07/QĐ-BCA", date: "2022-01-20", signer: "Thứ trưởng Lê Văn Hà" } },
    });
    // The year stays closed.
    expect((await prisma.emulationYear.findUniqueOrThrow({ where: { id: s.year.id } })).phase).toBe("CLOSED");
  });

  it("corrects a unit's collective title (admin too), checks the title's kind, and refuses an open year", async () => {
    const s = await setup();
    const wrongKind = await executeCommand(amendClosedYear, s.admin, { yearId: s.year.id, unitId: s.unit.id, awardedTitleCode: "CST", ...decision, reason: REASON });
    expect(wrongKind).toMatchObject({ ok: false, fieldErrors: { awardedTitleCode: ["Danh hiệu không hợp lệ."] } });
    const amended = await executeCommand(amendClosedYear, s.admin, { yearId: s.year.id, unitId: s.unit.id, awardedTitleCode: "DV_TIEN_TIEN", ...decision, reason: REASON });
    expectOk(amended);
    expect(await prisma.unitYearResult.findFirstOrThrow({ where: { unitId: s.unit.id } })).toMatchObject({ awardedTitleCode: "DV_TIEN_TIEN", decisionNo: "07/QĐ-BCA" });

    const open = await prisma.emulationYear.create({ data: { clusterId: s.cluster.id, year: 2022, phase: "REGISTRATION", settings: {} } });
    const refused = await executeCommand(amendClosedYear, s.secretariat, { yearId: open.id, unitId: s.unit.id, awardedTitleCode: "", ...decision, reason: REASON });
    expect(refused).toEqual({ ok: false, message: AMENDMENT_ONLY_CLOSED });
  });
});

describe("the database's own closed-year guard", () => {
  beforeEach(resetDatabase);

  it("refuses changing or deleting a closed year's rows, and reopening the year, unless the transaction is an amendment", async () => {
    const s = await setup();
    // Rows of a closed year may still be inserted by the seed and fixtures; once there, they are frozen.
    const registration = await prisma.unitRegistration.create({ data: { emulationYearId: s.year.id, unitId: s.unit.id, status: "SUBMITTED" } });
    const guard = { message: expect.stringContaining("Năm thi đua đã khóa sổ") };

    await expect(prisma.$executeRaw`UPDATE "UnitRegistration" SET status = 'DRAFT' WHERE id = ${registration.id}::uuid`).rejects.toMatchObject(guard);
    await expect(prisma.$executeRaw`DELETE FROM "UnitRegistration" WHERE id = ${registration.id}::uuid`).rejects.toMatchObject(guard);
    await expect(prisma.$executeRaw`UPDATE "OfficerYearResult" SET "awardedTitleCode" = NULL WHERE "officerId" = ${s.officer.id}::uuid`).rejects.toMatchObject(guard);
    await expect(prisma.$executeRaw`UPDATE "EmulationYear" SET phase = 'RESULTS' WHERE id = ${s.year.id}::uuid`).rejects.toMatchObject(guard);
    await expect(prisma.$executeRaw`DELETE FROM "EmulationYear" WHERE id = ${s.year.id}::uuid`).rejects.toMatchObject(guard);
    expect(await prisma.unitRegistration.findUniqueOrThrow({ where: { id: registration.id } })).toMatchObject({ status: "SUBMITTED" });
    expect((await prisma.emulationYear.findUniqueOrThrow({ where: { id: s.year.id } })).phase).toBe("CLOSED");

    // An amendment's transaction may; the flag is local to it and gone afterwards.
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT set_config('sothidua.amendment', 'on', true)`;
      await tx.$executeRaw`UPDATE "UnitRegistration" SET "targetTitleCode" = 'DV_TIEN_TIEN' WHERE id = ${registration.id}::uuid`;
    });
    expect(await prisma.unitRegistration.findUniqueOrThrow({ where: { id: registration.id } })).toMatchObject({ targetTitleCode: "DV_TIEN_TIEN" });
    await expect(prisma.$executeRaw`UPDATE "UnitRegistration" SET "targetTitleCode" = NULL WHERE id = ${registration.id}::uuid`).rejects.toMatchObject(guard);

    // An open year's rows are not affected.
    const open = await prisma.emulationYear.create({ data: { clusterId: s.cluster.id, year: 2022, phase: "REGISTRATION", settings: {} } });
    const openRegistration = await prisma.unitRegistration.create({ data: { emulationYearId: open.id, unitId: s.unit.id, status: "DRAFT" } });
    expect(await prisma.$executeRaw`UPDATE "UnitRegistration" SET status = 'SUBMITTED' WHERE id = ${openRegistration.id}::uuid`).toBe(1);
  });

  it("a write that slips past a command's own checks is refused by the database with the closed-year answer, and audits nothing", async () => {
    const s = await setup();
    await prisma.unitRegistration.create({ data: { emulationYearId: s.year.id, unitId: s.unit.id, status: "SUBMITTED" } });
    // A command that forgot the closed-year check (the guard is what catches it).
    const careless = defineCommand({
      name: "test.careless",
      label: "Thử: lệnh thiếu kiểm tra năm đã khóa sổ",
      permission: "year.manage",
      input: z.object({ yearId: z.uuid() }),
      target: async () => ({ clusterId: s.cluster.id }),
      run: async (tx, input) => {
        await tx.unitRegistration.updateMany({ where: { emulationYearId: input.yearId }, data: { status: "DRAFT" } });
        return { audit: { entityType: "UnitRegistration", entityId: null } };
      },
    });
    const audits = await prisma.auditLog.count();
    expect(await executeCommand(careless, s.secretariat, { yearId: s.year.id })).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await prisma.unitRegistration.count({ where: { emulationYearId: s.year.id, status: "SUBMITTED" } })).toBe(1);
    expect(await prisma.auditLog.count()).toBe(audits);
  });
});
