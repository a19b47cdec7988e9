// Excel import and export against the real database, with workbooks built by exceljs in the test:
// a good file lands; a file with any bad row writes nothing and lists the errors by sheet, row and
// column; importing the same file again changes nothing; other units' codes, the CSTĐCS quota,
// formulas, oversized and non-xlsx files are refused; exports open and hold the expected rows.
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { nameSortKey } from "@/domain/vietnamese";
import { importUploadedFile, type ImportOutcome } from "@/server/commands/results";
import { NOT_FOUND } from "@/server/commands/command";
import { buildResultsExport, EXPORT_COLUMNS, resolveExportRequest, SUMMARY_SHEET } from "@/server/excel/export";
import { MAX_IMPORT_BYTES, NOT_XLSX, readUploadedWorkbook, readWorkbookBytes, TOO_MANY_ROWS } from "@/server/excel/import";
import { buildTemplateWorkbook } from "@/server/excel/template";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk, expectRefused } from "../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";

const OFFICER_HEADER = ["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội"];
const REGISTRATION_HEADER = ["Mã cán bộ", "Họ và tên", "Danh hiệu đăng ký"];
const RESULT_HEADER = ["Mã cán bộ", "Họ và tên", "Xếp loại", "Danh hiệu được công nhận", "Số quyết định", "Ngày quyết định", "Người ký"];

type Sheets = Record<string, unknown[][]>;

async function xlsx(sheets: Sheets): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const file = (bytes: Uint8Array, name = "danh-sach.xlsx") => ({ name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

async function world() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster();
  const unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const subA = await makeUnit(cluster.id, "Phòng Tham mưu", unitA.id);
  const year2022 = await makeYear(cluster.id, 2022);
  const year2021 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "RESULTS", settings: {} } });
  const actors = {
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitA.id }),
    officerB: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitB.id }),
    headA: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unitA.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    admin: await makeActor("ADMIN"),
  };
  return { cluster, unitA, unitB, subA, year2022, year2021, actors };
}

type World = Awaited<ReturnType<typeof world>>;

const GOOD: Sheets = {
  "Cán bộ": [
    OFFICER_HEADER,
    ["KTNV-1001", "Nguyễn Văn An", "Đại úy", "Cán bộ", "Phòng Tham mưu"],
    ["ktnv-1002", "Trần Thị Bình", "thieu ta", "Phó Trưởng phòng", null],
    ["KTNV-1003", "Lê Văn Cường", "Trung úy", "Cán bộ", null],
  ],
  "Đăng ký danh hiệu": [REGISTRATION_HEADER, ["KTNV-1001", "Nguyễn Văn An", "CST"], ["KTNV-1002", null, "Chiến sĩ tiên tiến"], ["KTNV-1003", null, "CST"]],
};

async function importAs(actor: Actor, sheets: Sheets | Uint8Array, yearId: string): Promise<ImportOutcome> {
  const bytes = sheets instanceof Uint8Array ? sheets : await xlsx(sheets);
  return importUploadedFile(actor, file(bytes), yearId);
}

const counts = async () => ({
  officers: await prisma.officer.count(),
  registrations: await prisma.officerRegistration.count(),
  results: await prisma.officerYearResult.count(),
});

describe("Excel import", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("a good file adds the unit's officers and registrations, keyed and audited", async () => {
    const outcome = await importAs(w.actors.officerA, GOOD, w.year2022.id);
    expectOk(outcome);
    if (!outcome.ok) return;
    expect(outcome.summary).toMatchObject({
      year: 2022,
      officers: { created: 3, updated: 0, unchanged: 0 },
      registrations: { created: 3, updated: 0, unchanged: 0 },
      changedRows: 6,
    });
    expect(outcome.message).toContain("cán bộ: 3 mới");
    const officers = await prisma.officer.findMany({ orderBy: { code: "asc" } });
    expect(officers.map((o) => [o.code, o.fullName, o.rank, o.unitId, o.subUnitId])).toEqual([
      ["KTNV-1001", "Nguyễn Văn An", "Đại úy", w.unitA.id, w.subA.id],
      ["KTNV-1002", "Trần Thị Bình", "Thiếu tá", w.unitA.id, null],
      ["KTNV-1003", "Lê Văn Cường", "Trung úy", w.unitA.id, null],
    ]);
    expect(officers[0]).toMatchObject({ searchName: "nguyen van an", sortKey: nameSortKey("Nguyễn Văn An") });
    const regs = await prisma.officerRegistration.findMany({ where: { emulationYearId: w.year2022.id } });
    expect(regs).toHaveLength(3);
    expect(regs.every((r) => r.unitId === w.unitA.id && r.titleCode === "CST")).toBe(true);
    const audit = await prisma.auditLog.findMany({ where: { action: "excel.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: w.actors.officerA.userId, unitId: w.unitA.id, entityType: "ExcelImport" });
    expect(audit[0]!.after).toMatchObject({ changedRows: 6, officers: { created: 3 } });
  });

  it("re-importing the same file changes nothing (and the audit says so)", async () => {
    const bytes = await xlsx(GOOD);
    expect((await importAs(w.actors.officerA, bytes, w.year2022.id)).ok).toBe(true);
    const before = await prisma.officer.findMany({ orderBy: { code: "asc" }, select: { id: true, updatedAt: true } });
    const regsBefore = await prisma.officerRegistration.findMany({ orderBy: { officerId: "asc" }, select: { id: true, updatedAt: true } });
    const again = await importAs(w.actors.officerA, bytes, w.year2022.id);
    expect(again).toMatchObject({ ok: true, summary: { changedRows: 0, officers: { unchanged: 3 }, registrations: { unchanged: 3 } } });
    expect(again.message).toContain("không có thay đổi nào");
    expect(await prisma.officer.findMany({ orderBy: { code: "asc" }, select: { id: true, updatedAt: true } })).toEqual(before);
    expect(await prisma.officerRegistration.findMany({ orderBy: { officerId: "asc" }, select: { id: true, updatedAt: true } })).toEqual(regsBefore);
    const audits = await prisma.auditLog.findMany({ where: { action: "excel.import" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => (a.after as { changedRows: number }).changedRows)).toEqual([6, 0]);
  });

  it("a changed row updates only that officer", async () => {
    await importAs(w.actors.officerA, GOOD, w.year2022.id);
    const changed = structuredClone(GOOD);
    changed["Cán bộ"]![3] = ["KTNV-1003", "Lê Văn Cường", "Thượng úy", "Cán bộ", "Phòng Tham mưu"];
    const outcome = await importAs(w.actors.officerA, changed, w.year2022.id);
    expect(outcome).toMatchObject({ ok: true, summary: { officers: { updated: 1, unchanged: 2 }, registrations: { unchanged: 3 }, changedRows: 1 } });
    expect(await prisma.officer.findUniqueOrThrow({ where: { code: "KTNV-1003" } })).toMatchObject({ rank: "Thượng úy", subUnitId: w.subA.id });
  });

  it("one bad row: errors by sheet, row and column, and nothing at all is written", async () => {
    const bad = structuredClone(GOOD);
    bad["Cán bộ"]![2] = ["KTNV-1002", "Trần Thị Bình", "Đại sứ", "Phó Trưởng phòng", null];
    const outcome = await importAs(w.actors.officerA, bad, w.year2022.id);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain("chưa có dữ liệu nào được lưu");
    expect(outcome.errors).toEqual([
      expect.objectContaining({ sheet: "Cán bộ", row: 3, column: "Cấp bậc", cell: "C3", message: expect.stringContaining("không phải cấp bậc hàm") }),
    ]);
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
    expect(await prisma.auditLog.count({ where: { action: "excel.import" } })).toBe(0);
  });

  it("an error only the database can see (another unit's code) also writes nothing", async () => {
    await makeOfficer(w.unitB.id, "Phạm Văn Dũng", { code: "NT-0001" });
    const bad = structuredClone(GOOD);
    bad["Cán bộ"]!.push(["NT-0001", "Phạm Văn Dũng", "Đại úy", "Cán bộ", null]);
    bad["Đăng ký danh hiệu"]!.push(["NT-0001", null, "CST"]);
    const outcome = await importAs(w.actors.officerA, bad, w.year2022.id);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ["Cán bộ", 5, "Mã cán bộ"],
      ["Đăng ký danh hiệu", 5, "Mã cán bộ"],
    ]);
    // Whose the code is stays unsaid: the code "cannot be used", as any unusable code.
    expect(outcome.errors.map((e) => e.message)).toEqual([
      "Không dùng được mã cán bộ NT-0001; hãy dùng mã khác.",
      "Không dùng được mã cán bộ NT-0001; hãy dùng mã khác.",
    ]);
    // The other unit's officer is untouched, and nothing of the file was written.
    expect(await prisma.officer.findUniqueOrThrow({ where: { code: "NT-0001" } })).toMatchObject({ unitId: w.unitB.id, rank: "Đại úy" });
    expect(await counts()).toEqual({ officers: 1, registrations: 0, results: 0 });
  });

  it("a registration naming another cluster's officer reads exactly as one naming no officer at all", async () => {
    const other = await makeCluster("Cụm thi đua số 7");
    const elsewhere = await makeUnit(other.id, "Công an tỉnh Lào Cai");
    await makeOfficer(elsewhere.id, "Hoàng Văn Khác", { code: "LC-0001" });
    const probe = structuredClone(GOOD);
    probe["Đăng ký danh hiệu"]!.push(["LC-0001", null, "CST"], ["LC-0002", null, "CST"]);
    const outcome = await importAs(w.actors.officerA, probe, w.year2022.id);
    if (outcome.ok) throw new Error("expected errors");
    const [taken, free] = outcome.errors.map((e) => ({ ...e, row: 0, message: e.message.replace(/LC-000\d/, "X") }));
    expect(taken).toEqual(free);
    expect(outcome.errors.map((e) => e.message).join(" ")).not.toMatch(/Hoàng Văn Khác|Lào Cai|Cụm thi đua số 7|khác;|tồn tại/);
  });

  it("registrations naming an unknown officer, or the wrong name for a code, are errors", async () => {
    await makeOfficer(w.unitA.id, "Nguyễn Thị Hoa", { code: "KTNV-2001" });
    const outcome = await importAs(
      w.actors.officerA,
      { "Đăng ký danh hiệu": [REGISTRATION_HEADER, ["KTNV-2001", "Nguyen Thi Hoa", "CST"], ["KTNV-2001x", null, "CST"], ["KTNV-2001", "Lê Văn Tám", "CST"]] },
      w.year2022.id,
    );
    // Row 4 repeats the code of row 2: a file error found before the database.
    expect(outcome).toMatchObject({ ok: false, errors: [expect.objectContaining({ row: 4, column: "Mã cán bộ" })] });
    const second = await importAs(
      w.actors.officerA,
      { "Đăng ký danh hiệu": [REGISTRATION_HEADER, ["KTNV-2001", "Lê Văn Tám", "CST"], ["KTNV-9999", null, "CST"]] },
      w.year2022.id,
    );
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Họ và tên"],
      [3, "Mã cán bộ"],
    ]);
    expect(second.errors[0]!.message).toContain("không khớp");
    expect(second.errors[1]!.message).toContain("Không có cán bộ mã KTNV-9999");
    // A name written without diacritics matches.
    const third = await importAs(w.actors.officerA, { "Đăng ký danh hiệu": [REGISTRATION_HEADER, ["KTNV-2001", "nguyen thi hoa", "CST"]] }, w.year2022.id);
    expect(third.ok).toBe(true);
  });

  it("a CSTĐCS count over the quota of the unit's whole set of registrations is refused with the counts", async () => {
    const officers: unknown[][] = [OFFICER_HEADER];
    const regs: unknown[][] = [REGISTRATION_HEADER];
    for (let i = 1; i <= 10; i++) {
      officers.push([`Q-${i}`, `Nguyễn Văn Số ${"ABCDEFGHIJ"[i - 1]}`, "Đại úy", "Cán bộ", null]);
      regs.push([`Q-${i}`, null, i <= 3 ? "CSTĐCS" : "CST"]);
    }
    const outcome = await importAs(w.actors.officerA, { "Cán bộ": officers, "Đăng ký danh hiệu": regs }, w.year2022.id);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ sheet: "Đăng ký danh hiệu", row: null, column: "Danh hiệu đăng ký" });
    expect(outcome.errors[0]!.message).toContain("10 CST: được tối đa 1 CSTĐCS (15% số CST, làm tròn xuống); đã đăng ký 3, vượt 2.");
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
    // With one place used it passes; what the rules engine doubts comes back as a warning (saved).
    regs[1]![2] = "CSTĐ CAND";
    regs[2]![2] = "CST";
    regs[3]![2] = "CST";
    const ok = await importAs(w.actors.officerA, { "Cán bộ": officers, "Đăng ký danh hiệu": regs }, w.year2022.id);
    expect(ok).toMatchObject({ ok: true, summary: { registrations: { created: 10 } } });
    if (!ok.ok) return;
    expect(ok.summary.warnings).toEqual([
      expect.objectContaining({ sheet: "Đăng ký danh hiệu", row: 2, column: "Danh hiệu đăng ký", message: expect.stringContaining("chưa đủ điều kiện CSTĐ CAND") }),
    ]);
    expect(ok.summary.warnings[0]!.message).toContain("Chưa đủ 3 năm liên tục đạt CSTĐCS");
  });

  it("the quota counts registrations already stored for the unit", async () => {
    const officers: unknown[][] = [OFFICER_HEADER];
    const regs: unknown[][] = [REGISTRATION_HEADER];
    for (let i = 1; i <= 10; i++) {
      officers.push([`Q-${i}`, `Nguyễn Văn Số ${"ABCDEFGHIJ"[i - 1]}`, "Đại úy", "Cán bộ", null]);
      regs.push([`Q-${i}`, null, i === 1 ? "CSTĐCS" : "CST"]);
    }
    expect((await importAs(w.actors.officerA, { "Cán bộ": officers, "Đăng ký danh hiệu": regs }, w.year2022.id)).ok).toBe(true);
    const second = await importAs(w.actors.officerA, { "Đăng ký danh hiệu": [REGISTRATION_HEADER, ["Q-2", null, "CSTĐCS"]] }, w.year2022.id);
    expect(second).toMatchObject({ ok: false, errors: [expect.objectContaining({ message: expect.stringContaining("đã đăng ký 2, vượt 1") })] });
    // Moving the place from in one file is within the quota: two registrations updated.
    const swap = await importAs(w.actors.officerA, { "Đăng ký danh hiệu": [REGISTRATION_HEADER, ["Q-1", null, "CST"], ["Q-2", null, "CSTĐCS"]] }, w.year2022.id);
    expect(swap).toMatchObject({ ok: true, summary: { registrations: { updated: 2 }, changedRows: 2 } });
    if (swap.ok) expect(swap.summary.warnings).toEqual([]);
  });

  it("formulas and script-like text are refused, by cell", async () => {
    const bytes = await xlsx({
      "Cán bộ": [
        OFFICER_HEADER,
        ["KTNV-1001", "Nguyễn Văn An", "Đại úy", { formula: "CONCATENATE(\"Cán\",\" bộ\")", result: "Cán bộ" }, null],
        ["KTNV-1002", "Trần Thị Bình", "Đại úy", "=HYPERLINK(\"http://evil.example\",\"Bấm\")", null],
        ["KTNV-1003", "Lê Văn Cường", "Đại úy", "<script>alert(1)</script>", null],
        ["KTNV-1004", "Lê Văn Dũng", "Đại úy", "-2+3", null],
      ],
    });
    const outcome = await importAs(w.actors.officerA, bytes, w.year2022.id);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.cell)).toEqual(["D2", "D3", "D4", "D5"]);
    expect(outcome.errors[0]!.message).toContain("công thức Excel");
    expect(outcome.errors[1]!.message).toContain("giống công thức");
    expect(outcome.errors[2]!.message).toContain("script");
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
  });

  it("a 20 MB upload is refused on its size before a byte is read", async () => {
    let read = false;
    const huge = { name: "lon.xlsx", size: 20 * 1024 * 1024, arrayBuffer: async () => ((read = true), new ArrayBuffer(8)) };
    const outcome = await importUploadedFile(w.actors.officerA, huge, w.year2022.id);
    expectRefused(outcome, "Tệp quá lớn (20 MB); chỉ nhận tệp tối đa 5 MB.");
    expect(read).toBe(false);
    // The same for bytes already in memory: refused before parsing.
    const buffer = new Uint8Array(20 * 1024 * 1024);
    buffer.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await readWorkbookBytes(buffer)).toEqual({ ok: false, message: "Tệp quá lớn (20 MB); chỉ nhận tệp tối đa 5 MB." });
    expect((await readWorkbookBytes(new Uint8Array(MAX_IMPORT_BYTES + 1))).ok).toBe(false);
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
  });

  it("a file that is not xlsx (PDF, HTML, a plain zip, an old .xls) gets the type error", async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const pdf = enc("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF");
    const html = enc("<!doctype html><html><body><table><tr><td>Mã cán bộ</td></tr></table></body></html>");
    const zipNotXlsx = await (async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("x");
      // A real xlsx with its workbook part renamed is a zip, but not a workbook.
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const text = new TextDecoder("latin1").decode(bytes).replaceAll("xl/workbook.xml", "xl/workbooK.xml");
      return Uint8Array.from(text, (c) => c.charCodeAt(0));
    })();
    for (const bytes of [pdf, html, zipNotXlsx, enc("PK\u0003\u0004 truncated")]) {
      const outcome = await importUploadedFile(w.actors.officerA, file(bytes, "danh-sach.xlsx"), w.year2022.id);
      expectRefused(outcome, NOT_XLSX);
    }
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const old = await importUploadedFile(w.actors.officerA, file(xls, "cu.xls"), w.year2022.id);
    expectRefused(old, expect.stringContaining("không phải định dạng Excel (.xlsx)"));
    expect(old.message).toContain(".xls");
    expect((await importUploadedFile(w.actors.officerA, file(new Uint8Array(0)), w.year2022.id)).message).toContain("chọn tệp");
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
  });

  it("a workbook whose named range would stall the parser is refused quickly", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(OFFICER_HEADER);
    wb.definedNames.add("'Cán bộ'!$A$1:$B$2", "vung");
    let bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    // Rewrite the stored name to cover the whole sheet (what a hostile file would do).
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file("xl/workbook.xml")!.async("string")).replace(/\$A\$1:\$B\$2/, "$A$1:$XFD$1048576");
    zip.file("xl/workbook.xml", xml);
    bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    const start = Date.now();
    const outcome = await importUploadedFile(w.actors.officerA, file(bytes), w.year2022.id);
    expect(Date.now() - start).toBeLessThan(2000);
    expectRefused(outcome, expect.stringContaining("vùng được đặt tên"));
  });

  it("a sheet far over the row limit is refused while reading; one just over it by the row check", async () => {
    const rows = (n: number) => [OFFICER_HEADER, ...Array.from({ length: n }, (_, i) => [`R-${i}`, "Nguyễn Văn An", "Đại úy", "Cán bộ", null])];
    const far = await importAs(w.actors.officerA, { "Cán bộ": rows(11_500) }, w.year2022.id);
    expectRefused(far, TOO_MANY_ROWS);
    const over = await importAs(w.actors.officerA, { "Cán bộ": rows(10_001) }, w.year2022.id);
    expect(over).toMatchObject({ ok: false, errors: [expect.objectContaining({ sheet: "Cán bộ", row: null, message: expect.stringContaining("tối đa 10.000 dòng") })] });
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
  });

  it("only the unit's own unit officer imports; others get 'not found'", async () => {
    for (const actor of [w.actors.headA, w.actors.secretariat, w.actors.admin]) {
      expectRefused(await importAs(actor, GOOD, w.year2022.id), NOT_FOUND);
    }
    // A year of another cluster is not found either.
    const other = await makeCluster("Cụm thi đua số 5");
    const otherYear = await makeYear(other.id, 2022);
    expectRefused(await importAs(w.actors.officerA, GOOD, otherYear.id), NOT_FOUND);
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
  });

  it("registrations follow the registration window: a year past its deadline refuses them", async () => {
    await prisma.emulationYear.update({ where: { id: w.year2022.id }, data: { settings: { registrationDeadline: "2022-03-31" } } });
    const outcome = await importAs(w.actors.officerA, GOOD, w.year2022.id);
    expect(outcome).toMatchObject({ ok: false, errors: [expect.objectContaining({ sheet: "Đăng ký danh hiệu", row: null, message: expect.stringContaining("hết hạn đăng ký") })] });
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
    // Officers alone are still accepted.
    expect((await importAs(w.actors.officerA, { "Cán bộ": GOOD["Cán bộ"]! }, w.year2022.id)).ok).toBe(true);
  });

  it("a closed year refuses everything", async () => {
    await prisma.emulationYear.update({ where: { id: w.year2021.id }, data: { phase: "CLOSED" } });
    const outcome = await importAs(w.actors.officerA, { "Cán bộ": GOOD["Cán bộ"]! }, w.year2021.id);
    expectRefused(outcome, "Năm thi đua đã khóa sổ, không thể chỉnh sửa.");
    expect(await counts()).toEqual({ officers: 0, registrations: 0, results: 0 });
  });

  it("results: stored unverified; an awarded title the engine refuses is an error with its reason; re-import is a no-op", async () => {
    const sheets: Sheets = {
      "Cán bộ": GOOD["Cán bộ"]!,
      "Kết quả": [
        RESULT_HEADER,
        ["KTNV-1001", null, "HTXSNV", "CST", "1201/QĐ-KTNV", new Date(Date.UTC(2021, 11, 20)), "Cục trưởng"],
        ["KTNV-1002", null, "Hoàn thành tốt nhiệm vụ", "Chiến sĩ tiên tiến", "1201/QĐ-KTNV", "20/12/2021", "Cục trưởng"],
        ["KTNV-1003", null, "Hoàn thành nhiệm vụ", null, null, null, null],
      ],
    };
    const ok = await importAs(w.actors.officerA, sheets, w.year2021.id);
    expect(ok).toMatchObject({ ok: true, summary: { results: { created: 3 } } });
    const stored = await prisma.officerYearResult.findMany({ where: { year: 2021 }, include: { officer: { select: { code: true } } }, orderBy: { officer: { code: "asc" } } });
    expect(stored.map((r) => [r.officer.code, r.rating, r.awardedTitleCode, r.decisionDate?.toISOString().slice(0, 10), r.verified])).toEqual([
      ["KTNV-1001", "EXCELLENT", "CST", "2021-12-20", false],
      ["KTNV-1002", "GOOD", "CST", "2021-12-20", false],
      ["KTNV-1003", "COMPLETE", null, undefined, false],
    ]);
    expect(await importAs(w.actors.officerA, sheets, w.year2021.id)).toMatchObject({ ok: true, summary: { changedRows: 0, results: { unchanged: 3 } } });

    const refused = structuredClone(sheets);
    refused["Kết quả"]![3] = ["KTNV-1003", null, "Hoàn thành nhiệm vụ", "CSTĐCS", "1201/QĐ-KTNV", "20/12/2021", "Cục trưởng"];
    const outcome = await importAs(w.actors.officerA, refused, w.year2021.id);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    // The CSTĐCS quota on awarded titles (3 CST allow none at 15%) and the engine's refusal of the row.
    expect(outcome.errors).toEqual([
      expect.objectContaining({ sheet: "Kết quả", row: null, column: "Danh hiệu được công nhận", message: expect.stringContaining("Vượt chỉ tiêu Chiến sĩ thi đua cơ sở") }),
      expect.objectContaining({ sheet: "Kết quả", row: 4, column: "Danh hiệu được công nhận" }),
    ]);
    expect(outcome.errors[1]!.message).toContain("Lê Văn Cường: không đủ điều kiện công nhận CSTĐCS");
    expect(outcome.errors[1]!.message).toContain("Hoàn thành nhiệm vụ");
    expect(await prisma.officerYearResult.findFirstOrThrow({ where: { officer: { code: "KTNV-1003" } } })).toMatchObject({ awardedTitleCode: null });
  });

  it("results are refused while the year is still at registration", async () => {
    const outcome = await importAs(w.actors.officerA, { "Kết quả": [RESULT_HEADER, ["X-1", null, "HTTNV"]] }, w.year2022.id);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.find((e) => e.sheet === "Kết quả" && e.row === null)?.message).toContain("kết quả chỉ được ghi nhận");
  });

  it("the downloaded template itself imports as an empty file (and says so)", async () => {
    const template = await buildTemplateWorkbook({ unitName: "Cục Kỹ thuật nghiệp vụ", subUnits: [w.subA], titles: await prisma.titleDefinition.findMany() });
    const read = await readWorkbookBytes(new Uint8Array(template));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.sheets.map((s) => s.name)).toEqual(["Hướng dẫn", "Cán bộ", "Đăng ký danh hiệu", "Kết quả", "Danh mục"]);
    const outcome = await importUploadedFile(w.actors.officerA, file(new Uint8Array(template)), w.year2022.id);
    expect(outcome).toMatchObject({ ok: false, errors: [expect.objectContaining({ message: expect.stringContaining("không có dòng dữ liệu") })] });
    // Filled in, it imports.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as Parameters<typeof wb.xlsx.load>[0]);
    wb.getWorksheet("Cán bộ")!.addRow(["KTNV-3001", "Đỗ Thu Trang", "Thượng úy", "Cán bộ", "Phòng Tham mưu"]);
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await importUploadedFile(w.actors.officerA, file(filled), w.year2022.id)).toMatchObject({ ok: true, summary: { officers: { created: 1 } } });
  });

  it("readUploadedWorkbook without a file asks for one", async () => {
    expectRefused(await readUploadedWorkbook(null), expect.stringContaining("chọn tệp"));
  });
});

describe("Excel export", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
    await importAs(w.actors.officerA, GOOD, w.year2022.id);
    await makeOfficer(w.unitB.id, "Phạm Văn Dũng", { code: "NT-0001" });
  });

  async function open(buffer: Buffer) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as Parameters<typeof wb.xlsx.load>[0]);
    return wb;
  }
  const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

  it("a unit's export: the summary and the unit's sheet with its officers, in the upward layout", async () => {
    const req = await resolveExportRequest(w.actors.officerA, { year: w.year2022.id, unit: w.unitA.id });
    expect(req).toEqual({ yearId: w.year2022.id, unitIds: [w.unitA.id], scope: "unit" });
    const { buffer, fileName } = await buildResultsExport(req!);
    expect(fileName).toBe(`dang-ky-ket-qua-2022-${w.unitA.code}.xlsx`);
    const wb = await open(buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([SUMMARY_SHEET, w.unitA.code]);
    const sheet = wb.getWorksheet(w.unitA.code)!;
    expect(values(sheet, 2)[0]).toBe("DANH SÁCH ĐĂNG KÝ VÀ KẾT QUẢ DANH HIỆU THI ĐUA NĂM 2022");
    expect(values(sheet, 5)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const rows = [6, 7, 8].map((r) => values(sheet, r));
    // Vietnamese order of given names: An, Bình, Cường (sub-unit first: none for Bình and Cường).
    expect(rows.map((r) => r[1]).sort()).toEqual(["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"]);
    expect(rows.every((r) => r[5] === "Chiến sĩ tiên tiến")).toBe(true);
    expect(rows.find((r) => r[1] === "Nguyễn Văn An")![4]).toBe("Phòng Tham mưu");
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(values(summary, 7).slice(0, 4)).toEqual([1, w.unitA.name, 3, 3]);
  });

  it("the cluster's export holds every unit; only the secretariat (and admins) may ask for it", async () => {
    expect(await resolveExportRequest(w.actors.officerA, { year: w.year2022.id })).toBeNull();
    expect(await resolveExportRequest(w.actors.headA, { year: w.year2022.id, unit: w.unitB.id })).toBeNull();
    expect(await resolveExportRequest(w.actors.officerB, { year: w.year2022.id, unit: w.unitA.id })).toBeNull();
    expect(await resolveExportRequest(w.actors.secretariat, { year: "not-a-uuid" })).toBeNull();
    const req = await resolveExportRequest(w.actors.secretariat, { year: w.year2022.id });
    expect(req?.scope).toBe("cluster");
    const { buffer } = await buildResultsExport(req!);
    const wb = await open(buffer);
    expect(wb.worksheets.map((s) => s.name).sort()).toEqual([SUMMARY_SHEET, w.unitA.code, w.unitB.code].sort());
    expect(values(wb.getWorksheet(w.unitB.code)!, 6)[1]).toBe("Phạm Văn Dũng");
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const total = values(summary, 9);
    expect(total.slice(1, 4)).toEqual(["Tổng cộng", 4, 3]);
    expect(await resolveExportRequest(w.actors.admin, { year: w.year2022.id })).not.toBeNull();
  });

  it("text that looks like a formula is exported inert", async () => {
    await prisma.officer.update({ where: { code: "KTNV-1001" }, data: { position: "=1+1" } });
    const { buffer } = await buildResultsExport({ yearId: w.year2022.id, unitIds: [w.unitA.id], scope: "unit" });
    const wb = await open(buffer);
    const cells = [6, 7, 8].map((r) => wb.getWorksheet(w.unitA.code)!.getRow(r).getCell(4).value);
    expect(cells).toContain("'=1+1");
  });
});
