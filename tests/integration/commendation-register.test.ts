// The commendation register on Postgres (issue 14 item 4): one-by-one entry by the secretariat (officer
// by code), the register's scope and filters, the officer's history, revocation (kept and marked), and
// the Excel import — a good file written whole, a file with bad rows writing nothing.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { addCommendation, importCommendationFile, revokeAward } from "@/server/commands/commendations";
import { commendationRegister } from "@/server/queries/commendations";
import { officerHistory } from "@/server/queries/results";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk, expectRefused } from "../support/action-result";
import { fingerprint } from "./command-cases/world";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
let officer: { id: string; code: string };
let secretariat: Actor;
let ministry: Actor;
let officerB: Actor;
let otherSecretariat: Actor;

const HEADER = ["Năm", "Đối tượng", "Mã đơn vị", "Mã cán bộ", "Họ và tên", "Hình thức khen thưởng", "Số quyết định", "Ngày quyết định", "Người ký"];
async function upload(actor: Actor, rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Khen thưởng");
  for (const row of [HEADER, ...rows]) ws.addRow(row);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return importCommendationFile(actor, { name: "so-khen-thuong.xlsx", size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });
}

beforeAll(async () => {
  await resetDatabase();
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster();
  unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  officer = await makeOfficer(unitA.id, "Nguyễn Văn An", { code: "KTNV-0001" });
  await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2020, phase: "CLOSED", settings: DEFAULT_YEAR_SETTINGS } });
  await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "RESULTS", settings: DEFAULT_YEAR_SETTINGS } });
  secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  ministry = await makeActor("MINISTRY");
  officerB = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitB.id });
  const other = await makeCluster("Cụm thi đua số 5");
  otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });
}, 60_000);

describe("one-by-one entry, the register, the history, revocation", () => {
  const entry = { subjectKind: "OFFICER", officerCode: "ktnv-0001", year: "2022", formCode: "BANG_KHEN_BO", decisionNo: "912/QĐ-BCA", decisionDate: "15/12/2022", decisionSigner: "Bộ trưởng Bộ Công an" };
  let id: string;

  it("the secretariat enters a commendation for an officer named by code; another cluster's secretariat cannot", async () => {
    expect(await executeCommand(addCommendation, otherSecretariat, entry)).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(addCommendation, secretariat, { ...entry, officerCode: "" })).toMatchObject({ ok: false, fieldErrors: { officerCode: ["Vui lòng nhập mã cán bộ."] } });
    id = expectOk(await executeCommand(addCommendation, secretariat, entry))!.id;
    expect(await prisma.commendation.findUniqueOrThrow({ where: { id } })).toMatchObject({ officerId: officer.id, unitId: null, level: "Bộ trưởng Bộ Công an", source: "MANUAL" });
    const before = await fingerprint();
    expectRefused(await executeCommand(addCommendation, secretariat, entry), "Khen thưởng này (cùng hình thức, cùng số quyết định) đã có trong sổ.");
    expect(await fingerprint()).toEqual(before);
  });

  it("the register: the secretariat's cluster, a unit only its own (read-only), filters; the officer's history shows it", async () => {
    const own = await commendationRegister(secretariat, {});
    expect(own).toMatchObject({ total: 1, canEnter: true, canRevoke: false });
    expect(own.rows[0]).toMatchObject({ subjectName: "Nguyễn Văn An", officerCode: "KTNV-0001", unitName: "Cục Kỹ thuật nghiệp vụ", form: "Bằng khen của Bộ trưởng Bộ Công an" });
    expect((await commendationRegister(secretariat, { year: "2021" })).total).toBe(0);
    expect((await commendationRegister(secretariat, { q: "nguyen van an", form: "BANG_KHEN_BO" })).total).toBe(1);
    expect((await commendationRegister(officerB, {})).total).toBe(0);
    expect(await commendationRegister(officerB, {})).toMatchObject({ canEnter: false, canRevoke: false });
    expect((await commendationRegister(otherSecretariat, {})).total).toBe(0);
    expect((await officerHistory(secretariat, officer.id)).commendations).toEqual([expect.objectContaining({ id, form: "Bằng khen của Bộ trưởng Bộ Công an", revokedAt: null })]);
  });

  it("the Ministry office revokes it with a reason and a decision number: kept and marked", async () => {
    expectRefused(await executeCommand(revokeAward, ministry, { kind: "COMMENDATION", id, reason: "", decisionNo: "12/QĐ-BCA" }));
    expect(await executeCommand(revokeAward, secretariat, { kind: "COMMENDATION", id, reason: "Kê khai không đúng", decisionNo: "12/QĐ-BCA" })).toEqual({ ok: false, message: NOT_FOUND });
    expectOk(await executeCommand(revokeAward, ministry, { kind: "COMMENDATION", id, reason: "Thành tích kê khai không đúng sự thật.", decisionNo: "12/QĐ-BCA" }));
    const register = await commendationRegister(ministry, {});
    expect(register).toMatchObject({ total: 1, canRevoke: true, canEnter: false });
    expect(register.rows[0]).toMatchObject({ revokeDecisionNo: "12/QĐ-BCA", revokeReason: "Thành tích kê khai không đúng sự thật.", revokedAt: expect.any(Date) });
    expect((await officerHistory(secretariat, officer.id)).commendations[0]!.revokedAt).not.toBeNull();
  });
});

describe("the Excel import of the register", () => {
  it("a file with bad rows writes nothing and names every row and column", async () => {
    const before = await fingerprint();
    const outcome = await upload(secretariat, [
      [2022, "Tập thể", unitB.code, null, null, "Giấy khen", "5/QĐ-NT", "20/12/2022", "Cục trưởng"],
      [2022, "Cá nhân", null, "KHONG-CO", null, "Bằng khen của Bộ trưởng Bộ Công an", "6/QĐ-BCA", "20/12/2022", "Bộ trưởng"],
      [2022, "Cá nhân", null, officer.code, "Trần Văn Bình", "Giấy khen", "7/QĐ-KTNV", "20/12/2022", "Cục trưởng"],
      [2020, "Tập thể", unitA.code, null, null, "Giấy khen", "8/QĐ-KTNV", "20/12/2020", "Cục trưởng"],
      [2022, "Tập thể", unitA.code, null, null, "Huy hiệu", "9/QĐ-KTNV", "20/12/2022", "Cục trưởng"],
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    // The sheet's own errors come first (the form); the database's after, all or nothing.
    expect(outcome.errors).toEqual([expect.objectContaining({ row: 6, column: "Hình thức khen thưởng" })]);
    const second = await upload(secretariat, [
      [2022, "Tập thể", unitB.code, null, null, "Giấy khen", "5/QĐ-NT", "20/12/2022", "Cục trưởng"],
      [2022, "Cá nhân", null, "KHONG-CO", null, "Bằng khen của Bộ trưởng Bộ Công an", "6/QĐ-BCA", "20/12/2022", "Bộ trưởng"],
      [2022, "Cá nhân", null, officer.code, "Trần Văn Bình", "Giấy khen", "7/QĐ-KTNV", "20/12/2022", "Cục trưởng"],
      [2020, "Tập thể", unitA.code, null, null, "Giấy khen", "8/QĐ-KTNV", "20/12/2020", "Cục trưởng"],
    ]);
    expect(second.ok).toBe(false);
    // A closed year refuses the whole file.
    expect(second.message).toContain("Năm thi đua đã khóa sổ");
    const third = await upload(secretariat, [
      [2022, "Tập thể", unitB.code, null, null, "Giấy khen", "5/QĐ-NT", "20/12/2022", "Cục trưởng"],
      [2022, "Cá nhân", null, "KHONG-CO", null, "Bằng khen của Bộ trưởng Bộ Công an", "6/QĐ-BCA", "20/12/2022", "Bộ trưởng"],
      [2022, "Cá nhân", null, officer.code, "Trần Văn Bình", "Giấy khen", "7/QĐ-KTNV", "20/12/2022", "Cục trưởng"],
    ]);
    expect(third.ok).toBe(false);
    if (third.ok) return;
    expect(third.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "Mã cán bộ"],
      [4, "Họ và tên"],
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it("a good file is written whole, marked as imported; the same file again is refused as already in the register", async () => {
    const rows = [
      [2022, "Tập thể", unitB.code, null, null, "Giấy khen", "5/QĐ-NT", "20/12/2022", "Cục trưởng"],
      [2022, "Cá nhân", null, officer.code, "Nguyễn Văn An", "Kỷ niệm chương", "10/QĐ-BCA", new Date(Date.UTC(2022, 11, 21)), "Bộ trưởng Bộ Công an"],
    ];
    expect(await upload(otherSecretariat, rows)).toMatchObject({ ok: false });
    expect(await upload(officerB, rows)).toEqual({ ok: false, message: NOT_FOUND, errors: [] });
    const outcome = await upload(secretariat, rows);
    expect(outcome).toMatchObject({ ok: true, created: 2 });
    const imported = await prisma.commendation.findMany({ where: { source: "IMPORT" }, orderBy: { decisionNo: "asc" } });
    expect(imported.map((c) => [c.unitId, c.officerId, c.formCode, c.level])).toEqual([
      [null, officer.id, "KY_NIEM_CHUONG", "Bộ trưởng Bộ Công an"],
      [unitB.id, null, "GIAY_KHEN", "Thủ trưởng đơn vị"],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "commendation.import" } })).toBe(1);
    const again = await upload(secretariat, rows);
    expect(again.ok).toBe(false);
    expect(await prisma.commendation.count({ where: { source: "IMPORT" } })).toBe(2);
  });
});
