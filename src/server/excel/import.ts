// Importing a unit's workbook (officers, registrations, results) — DOMAIN.md §4 step 2 and step 7.
//
// 1. readUploadedWorkbook: the size is checked BEFORE anything is read (≤ 5 MB), then the bytes must
//    be a zip (xlsx) whose directory is sane (no zip bomb, no giant named ranges that would stall the
//    parser), whose entries really inflate to no more than they declare (bounded-unzip.ts: a zip that
//    lies about its sizes is stopped at the first byte too many), then exceljs must read it. Anything else: "Tệp không phải định dạng Excel (.xlsx)".
// 2. parseWorkbook (src/domain/excel-rows.ts) validates every row, without the database.
// 3. applyImport runs inside the importWorkbook command's one transaction: every check that needs the
//    database (officer codes of other units, officers unknown to the unit, the CSTĐCS quota over the
//    unit's whole resulting set of registrations, the rules engine on awarded titles), then — only if
//    nothing at all is wrong — the writes. Rows equal to what is stored write nothing, so importing the
//    same file twice changes nothing the second time; the summary (and the audit) counts what changed.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import {
  computeFacts,
  explainTitle,
  checkQuota,
  individualLevel,
  REGISTRATION,
  type DisciplineRecord,
  type IndividualTitle,
  type Initiative,
  type OfficerHistory,
  type OfficerYearRecord,
  type TaskRating,
} from "@/domain/eligibility";
import {
  compareImportErrors,
  encodeImportErrors,
  MAX_ROWS_PER_SHEET,
  formatIso,
  looseKey,
  OFFICER_SHEET,
  REGISTRATION_SHEET,
  RESULT_SHEET,
  resultsWindowError,
  type ImportContext,
  type ImportError,
  type OfficerRowInput,
  type RawSheet,
  type RegistrationRowInput,
  type ResultRowInput,
} from "@/domain/excel-rows";
import { registrationWindow, vietnamToday } from "@/domain/registration-window";
import type { YearPhase } from "@/domain/year-phases";
import { parseYearSettings, type YearSettings } from "@/domain/year-settings";
import { nameSortKey, searchKey } from "@/domain/vietnamese";
import type { Tx } from "@/server/db";
import { NotFoundError, UserError } from "@/server/commands/command";
import { checkInflatedSizes, entryData, readZipDirectory, type ZipEntry } from "./bounded-unzip";
import { codeUnusableMessage } from "@/server/commands/officers";

// ---------------------------------------------------------------------------------------------
// Reading the file

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** What the xlsx may expand to: a 10,000-row sheet is a few MB of XML; more is a zip bomb. */
const MAX_UNZIPPED_BYTES = 60 * 1024 * 1024;
/** Rows and columns exceljs may read per sheet (beyond, it stops: the sheet cannot be a template sheet). */
const MAX_SHEET_ROWS = MAX_ROWS_PER_SHEET + 1_000;
const MAX_SHEET_COLUMNS = 200;
export const TOO_MANY_ROWS = `Tệp có trang tính quá lớn (hơn ${MAX_ROWS_PER_SHEET.toLocaleString("vi-VN")} dòng hoặc ${MAX_SHEET_COLUMNS} cột); hãy chia thành nhiều tệp.`;
const MAX_ZIP_ENTRIES = 2_000;
/** Named ranges above this many cells would stall the parser (it walks every cell of a name). */
const MAX_NAMED_RANGE_CELLS = 1_000_000;

export const NOT_XLSX = "Tệp không phải định dạng Excel (.xlsx).";
export const ZIP_BOMB = `Tệp không nhập được: nội dung nén của tệp giải nén ra nhiều hơn kích thước ghi trong tệp hoặc quá ${MAX_UNZIPPED_BYTES / (1024 * 1024)} MB (tệp hỏng hoặc được tạo để gây quá tải). Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.`;
export const NO_FILE = "Vui lòng chọn tệp Excel (.xlsx) để nhập.";
export const OLD_OR_ENCRYPTED =
  "Tệp không phải định dạng Excel (.xlsx): đây là tệp Excel cũ (.xls) hoặc tệp đã đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng “Excel Workbook (.xlsx)”.";

const mb = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 });
/** An upload refused while it streamed in (its size is not known: no Content-Length, or a lying one). */
export const UPLOAD_TOO_LARGE = `Tệp quá lớn; chỉ nhận tệp tối đa ${mb(MAX_IMPORT_BYTES)} MB. Chưa có dữ liệu nào được lưu.`;
export const tooLargeMessage = (bytes: number) => `Tệp quá lớn (${mb(bytes)} MB); chỉ nhận tệp tối đa ${mb(MAX_IMPORT_BYTES)} MB.`;

export type UploadRead = { ok: true; sheets: RawSheet[]; fileName: string } | { ok: false; message: string };

/** What a File (from FormData) offers; a test can pass a plain object. */
export type UploadedFile = { name?: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

/** The size check, before any byte is read. */
export function checkUploadSize(size: number): string | null {
  if (!Number.isFinite(size) || size <= 0) return NO_FILE;
  if (size > MAX_IMPORT_BYTES) return tooLargeMessage(size);
  return null;
}

export async function readUploadedWorkbook(file: UploadedFile | null | undefined): Promise<UploadRead> {
  if (!file || typeof file.arrayBuffer !== "function") return { ok: false, message: NO_FILE };
  const sizeError = checkUploadSize(file.size);
  if (sizeError) return { ok: false, message: sizeError };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return readWorkbookBytes(bytes, cleanFileName(file.name));
}

/** The file name as shown and audited: the base name, printable, at most 200 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean || "tep-nhap.xlsx";
}

/** Size, then zip structure, then exceljs. Never throws. */
export async function readWorkbookBytes(bytes: Uint8Array, fileName = "tep-nhap.xlsx"): Promise<UploadRead> {
  const sizeError = checkUploadSize(bytes.byteLength);
  if (sizeError) return { ok: false, message: sizeError };
  const zipError = inspectXlsxZip(bytes);
  if (zipError) return { ok: false, message: zipError };
  // The sizes above are what the zip says; this is what it does, stopped at the first byte too many.
  const directory = readZipDirectory(bytes, MAX_ZIP_ENTRIES);
  const inflated = directory.ok ? await checkInflatedSizes(bytes, directory.entries, MAX_UNZIPPED_BYTES) : ({ ok: false, reason: "corrupt" } as const);
  if (!inflated.ok) return { ok: false, message: inflated.reason === "bomb" ? ZIP_BOMB : NOT_XLSX };
  const workbook = new ExcelJS.Workbook();
  try {
    // Nodes that can name huge ranges (merged cells, validations, conditional formats) or carry
    // nothing the import reads are skipped: exceljs would walk every cell of such a range.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0], {
      ignoreNodes: [
        "mergeCells",
        "dataValidations",
        "conditionalFormatting",
        "hyperlinks",
        "drawing",
        "picture",
        "tableParts",
        "autoFilter",
        "extLst",
        "rowBreaks",
        "sheetProtection",
      ],
      // Honoured by exceljs 4.4's sheet reader, though missing from its typings.
      ...({ maxRows: MAX_SHEET_ROWS, maxCols: MAX_SHEET_COLUMNS } as object),
    });
  } catch (error) {
    return { ok: false, message: error instanceof Error && /^Max (row|column|c) count/i.test(error.message) ? TOO_MANY_ROWS : NOT_XLSX };
  }
  try {
    const sheets: RawSheet[] = [];
    workbook.eachSheet((worksheet) => {
      const rows: { row: number; cells: unknown[] }[] = [];
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const values = row.values;
        rows.push({ row: rowNumber, cells: Array.isArray(values) ? values.slice(1) : [] });
      });
      sheets.push({ name: worksheet.name, rows });
    });
    return { ok: true, sheets, fileName };
  } catch {
    return { ok: false, message: NOT_XLSX };
  }
}

/**
 * Checks that the bytes are a zip holding an xlsx workbook, from the zip's own directory (no
 * decompression except workbook.xml, size-capped): magic bytes, entry count, total declared unzipped
 * size, the two parts every xlsx has, and the size of the named ranges. Returns an error message or
 * null. What the entries really inflate to is checked next (checkInflatedSizes).
 */
export function inspectXlsxZip(bytes: Uint8Array): string | null {
  if (bytes.byteLength >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return OLD_OR_ENCRYPTED;
  if (bytes.byteLength < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return NOT_XLSX;
  const directory = readZipDirectory(bytes, MAX_ZIP_ENTRIES);
  if (!directory.ok) return NOT_XLSX;
  let total = 0;
  const names = new Map<string, ZipEntry>();
  for (const entry of directory.entries) {
    if (entry.flags & 0x1) return OLD_OR_ENCRYPTED; // an encrypted entry
    names.set(entry.name, entry);
    total += entry.size;
    if (total > MAX_UNZIPPED_BYTES) return ZIP_BOMB;
  }
  if (!names.has("[Content_Types].xml")) return NOT_XLSX;
  const workbookEntry = names.get("xl/workbook.xml");
  if (!workbookEntry) return NOT_XLSX;
  const workbookXml = readEntry(bytes, workbookEntry);
  if (workbookXml === null) return NOT_XLSX;
  if (namedRangeCells(workbookXml) > MAX_NAMED_RANGE_CELLS) {
    return "Tệp có vùng được đặt tên (Name Manager) quá lớn; hãy xóa các tên vùng, lưu lại rồi nhập lại.";
  }
  return null;
}

function readEntry(bytes: Uint8Array, entry: ZipEntry): string | null {
  try {
    const data = entryData(bytes, entry);
    if (!data || entry.size > 20 * 1024 * 1024) return null;
    if (entry.method === 0) return new TextDecoder().decode(data);
    if (entry.method !== 8) return null;
    return new TextDecoder().decode(inflateRawSync(data, { maxOutputLength: 20 * 1024 * 1024 }));
  } catch {
    return null;
  }
}

/** Cells covered by the workbook's defined names (print areas excepted: exceljs handles those). */
function namedRangeCells(workbookXml: string): number {
  let total = 0;
  const names = workbookXml.match(/<definedName\b[^>]*>[^<]*<\/definedName>/g) ?? [];
  for (const name of names) {
    if (/name="_xlnm\.Print_(Area|Titles)"/.test(name)) continue;
    for (const m of name.matchAll(/\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})/g)) {
      const cols = Math.abs(colNumber(m[3]!) - colNumber(m[1]!)) + 1;
      const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
      total += cols * rows;
    }
  }
  return total;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Applying the rows

export type ImportInput = {
  yearId: string;
  fileName: string;
  officers: OfficerRowInput[];
  registrations: RegistrationRowInput[];
  results: ResultRowInput[];
};

type Counts = { created: number; updated: number; unchanged: number };

export type ImportSummary = {
  fileName: string;
  year: number;
  officers: Counts;
  registrations: Counts;
  results: Counts;
  /** Rows that created or changed something. */
  changedRows: number;
  /** Registrations saved although the rules engine does not find them eligible yet (by row). */
  warnings: ImportError[];
};

/** An import refused: every problem, by sheet, row and column, also as encoded field errors. */
export class ImportRowsError extends UserError {
  constructor(readonly errors: ImportError[]) {
    const n = errors.length;
    super(`Tệp có ${n.toLocaleString("vi-VN")} lỗi; chưa có dữ liệu nào được lưu. Hãy sửa các lỗi dưới đây rồi nhập lại.`, encodeImportErrors(errors));
  }
}

type StoredOfficer = {
  id: string;
  code: string;
  unitId: string;
  fullName: string;
  rank: string;
  position: string;
  subUnitId: string | null;
  active: boolean;
};

const CHUNK = 1000;
function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const sameName = (a: string, b: string) => looseKey(a) === looseKey(b);

/**
 * Everything the import writes, in the caller's transaction: all checks first, then (only when there
 * is no error at all) the writes. `unitId`/`clusterId` come from the acting unit officer (the command's
 * target), never from the file. Throws ImportRowsError (nothing written) or returns what changed.
 */
export async function applyImport(
  tx: Tx,
  input: ImportInput,
  scope: { unitId: string; clusterId: string; now: Date; verified: boolean },
): Promise<ImportSummary> {
  const { unitId, clusterId, now } = scope;
  // The year row is read FOR SHARE (its phase cannot change, it cannot close under us); the unit row is
  // locked so that no other import or result entry of the unit interleaves.
  const years = await tx.$queryRaw<{ id: string; year: number; phase: YearPhase; clusterId: string; settings: unknown }[]>`
    SELECT id::text AS id, year, phase::text AS phase, "clusterId"::text AS "clusterId", settings
    FROM "EmulationYear" WHERE id = ${input.yearId}::uuid FOR SHARE`;
  const year = years[0] ? { ...years[0], year: Number(years[0].year) } : undefined;
  await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${unitId}::uuid FOR NO KEY UPDATE`;
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, active: true } });
  if (!year || year.clusterId !== clusterId || !unit) throw new NotFoundError();
  if (year.phase === "CLOSED") throw new UserError(resultsWindowError(year)!);
  if (!unit.active) throw new UserError("Đơn vị đã ngừng hoạt động; không thể nhập dữ liệu.");
  const settings = parseYearSettings(year.settings);
  const errors: ImportError[] = [];
  const sheetError = (sheet: string, column: string | null, message: string) => errors.push({ sheet, row: null, column, message });
  const rowError = (sheet: string, row: number, column: string, message: string) => errors.push({ sheet, row, column, message });

  // Windows of the year ------------------------------------------------------------------------
  if (input.registrations.length > 0) {
    // As every registration write does (src/server/commands/registration.ts): the unit's registration
    // row, created if missing, locked for the rest of the transaction, so the quota check below sees
    // every other write of the unit's registrations either before or after this one.
    const inserted = await tx.$executeRaw`
      INSERT INTO "UnitRegistration" (id, "emulationYearId", "unitId", status, "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), ${year.id}::uuid, ${unitId}::uuid, 'DRAFT', now(), now())
      ON CONFLICT ("emulationYearId", "unitId") DO NOTHING`;
    const locked = await tx.$queryRaw<{ status: "DRAFT" | "SUBMITTED"; reopenedUntil: Date | null }[]>`
      SELECT status::text AS status, "reopenedUntil" FROM "UnitRegistration"
      WHERE "emulationYearId" = ${year.id}::uuid AND "unitId" = ${unitId}::uuid
      FOR UPDATE`;
    const window = registrationWindow({
      phase: year.phase,
      deadline: settings.registrationDeadline,
      status: inserted === 0 ? (locked[0]?.status ?? null) : null,
      reopenedUntil: locked[0]?.reopenedUntil ?? null,
      now,
    });
    if (!window.writable) sheetError(REGISTRATION_SHEET.name, null, window.message);
  }
  if (input.results.length > 0) {
    const closed = resultsWindowError(year);
    if (closed) sheetError(RESULT_SHEET.name, null, closed);
  }

  // Officers -----------------------------------------------------------------------------------
  const codes = [...new Set([...input.officers, ...input.registrations, ...input.results].map((r) => r.code))];
  const stored = new Map<string, StoredOfficer>();
  for (const part of chunks(codes, 5000)) {
    const found = await tx.$queryRaw<StoredOfficer[]>`
      SELECT id::text AS id, code, "unitId"::text AS "unitId", "fullName", rank, position, "subUnitId"::text AS "subUnitId", active
      FROM "Officer" WHERE code = ANY(${part}::text[])`;
    for (const o of found) stored.set(o.code, o);
  }
  const subUnits = new Map(
    (await tx.unit.findMany({ where: { parentId: unitId }, select: { id: true, name: true, active: true } })).map((s) => [s.id, s]),
  );
  // Codes are unique across the Ministry, but whose a taken code is stays unsaid: another unit's code
  // "cannot be used" (officers sheet) or names no officer of the unit (other sheets), exactly as a code
  // that does not exist anywhere would.
  const UNUSABLE = (code: string) => codeUnusableMessage(code);
  const NOT_IN_UNIT = (code: string) => `Không có cán bộ mã ${code} trong đơn vị (và trang “${OFFICER_SHEET.name}” của tệp cũng không có).`;

  const fileOfficers = new Map<string, OfficerRowInput>();
  const toCreate: OfficerRowInput[] = [];
  const toUpdate: { id: string; row: OfficerRowInput }[] = [];
  let officersUnchanged = 0;
  for (const row of input.officers) {
    fileOfficers.set(row.code, row);
    const current = stored.get(row.code);
    if (current && current.unitId !== unitId) {
      rowError(OFFICER_SHEET.name, row.row, "Mã cán bộ", UNUSABLE(row.code));
      continue;
    }
    if (row.subUnitId) {
      const sub = subUnits.get(row.subUnitId);
      if (!sub) rowError(OFFICER_SHEET.name, row.row, "Phòng/Đội", "Phòng/Đội không thuộc đơn vị.");
      else if (!sub.active && current?.subUnitId !== sub.id) {
        rowError(OFFICER_SHEET.name, row.row, "Phòng/Đội", `Phòng/Đội “${sub.name}” đã ngừng hoạt động; không chuyển cán bộ vào được.`);
      }
    }
    if (!current) toCreate.push(row);
    else if (current.fullName !== row.fullName || current.rank !== row.rank || current.position !== row.position || current.subUnitId !== row.subUnitId) {
      toUpdate.push({ id: current.id, row });
    } else officersUnchanged++;
  }

  /** The officer a registration/result row names: from the file or the unit; errors otherwise. */
  const resolve = (sheet: string, row: { row: number; code: string; fullName: string | null }) => {
    const current = stored.get(row.code);
    const inFile = fileOfficers.get(row.code);
    if (current && current.unitId !== unitId) {
      rowError(sheet, row.row, "Mã cán bộ", inFile ? UNUSABLE(row.code) : NOT_IN_UNIT(row.code));
      return null;
    }
    if (!current && !inFile) {
      rowError(sheet, row.row, "Mã cán bộ", NOT_IN_UNIT(row.code));
      return null;
    }
    const name = inFile?.fullName ?? current!.fullName;
    if (row.fullName && !sameName(row.fullName, name)) {
      rowError(sheet, row.row, "Họ và tên", `Họ và tên “${row.fullName}” không khớp với cán bộ mã ${row.code} (${name}).`);
      return null;
    }
    return { current: current ?? null, name };
  };

  // Registrations ------------------------------------------------------------------------------
  const registrationRows: { row: RegistrationRowInput; current: StoredOfficer | null; name: string }[] = [];
  for (const row of input.registrations) {
    const found = resolve(REGISTRATION_SHEET.name, row);
    if (!found) continue;
    if (found.current && !found.current.active) {
      rowError(REGISTRATION_SHEET.name, row.row, "Mã cán bộ", `Cán bộ mã ${row.code} đã được đánh dấu không còn công tác; không đăng ký danh hiệu.`);
      continue;
    }
    registrationRows.push({ row, ...found });
  }
  const storedRegistrations = input.registrations.length
    ? await tx.$queryRaw<{ id: string; officerId: string; unitId: string; titleCode: string }[]>`
        SELECT id::text AS id, "officerId"::text AS "officerId", "unitId"::text AS "unitId", "titleCode"
        FROM "OfficerRegistration"
        WHERE "emulationYearId" = ${year.id}::uuid
          AND ("unitId" = ${unitId}::uuid OR "officerId" = ANY(${registrationRows.flatMap((r) => (r.current ? [r.current.id] : []))}::uuid[]))`
    : [];
  const registrationByOfficer = new Map(storedRegistrations.map((r) => [r.officerId, r]));
  // The unit's resulting set: what is stored for the unit, with the file's rows replacing it.
  const resulting = new Map<string, IndividualTitle>();
  for (const r of storedRegistrations) if (r.unitId === unitId) resulting.set(r.officerId, r.titleCode as IndividualTitle);
  for (const { row, current } of registrationRows) resulting.set(current ? current.id : `new:${row.code}`, row.titleCode);
  if (registrationRows.length > 0) {
    const quota = checkQuota([...resulting.values()].map((title) => ({ title })), settings);
    if (quota.verdict === "OVER") {
      sheetError(
        REGISTRATION_SHEET.name,
        REGISTRATION_SHEET.columns.find((c) => c.key === "title")!.header,
        `Vượt chỉ tiêu Chiến sĩ thi đua cơ sở của đơn vị (tính cả các đăng ký đã có): ${quota.message}`,
      );
    }
  }

  // Results ------------------------------------------------------------------------------------
  const resultRows: { row: ResultRowInput; current: StoredOfficer | null; name: string }[] = [];
  for (const row of input.results) {
    const found = resolve(RESULT_SHEET.name, row);
    if (found) resultRows.push({ row, ...found });
  }

  // Histories for the rules engine (registration warnings; awarded titles must be eligible).
  const historyIds = [
    ...new Set([...registrationRows, ...resultRows.filter((r) => r.row.awardedTitleCode)].flatMap((r) => (r.current ? [r.current.id] : []))),
  ];
  const histories = await loadHistories(tx, historyIds, year.year);
  const emptyHistory: OfficerHistory = { years: [], initiatives: [], disciplines: [] };

  const warnings: ImportError[] = [];
  for (const { row, current, name } of registrationRows) {
    const history = current ? (histories.get(current.id) ?? emptyHistory) : emptyHistory;
    const facts = computeFacts(history, year.year, settings, REGISTRATION);
    const result = explainTitle(facts, row.titleCode);
    if (result.status === "ELIGIBLE") continue;
    const why = result.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ");
    warnings.push({
      sheet: REGISTRATION_SHEET.name,
      row: row.row,
      column: "Danh hiệu đăng ký",
      message: `${name}: ${result.status === "BLOCKED" ? "không được xét" : "chưa đủ điều kiện"} ${titleShort(row.titleCode)}. ${why}`,
    });
  }
  for (const { row, current, name } of resultRows) {
    if (!row.awardedTitleCode) continue;
    const history = current ? (histories.get(current.id) ?? emptyHistory) : emptyHistory;
    const failure = awardedTitleFailure(history, { year: year.year, rating: row.rating, title: row.awardedTitleCode, decisionDate: row.decisionDate }, settings);
    if (failure) rowError(RESULT_SHEET.name, row.row, "Danh hiệu được công nhận", `${name}: ${failure}`);
  }

  if (errors.length > 0) throw new ImportRowsError(errors.sort(compareImportErrors));

  // Writes (nothing was wrong) -----------------------------------------------------------------
  const idByCode = new Map<string, string>();
  for (const [code, o] of stored) idByCode.set(code, o.id);
  // Bulk statements with one array per column (unnest): a few statements for thousands of rows.
  for (const part of chunks(toCreate, 5000)) {
    const cols = part.map(officerColumns);
    const created = await tx.$queryRaw<{ id: string; code: string }[]>`
      INSERT INTO "Officer" (id, "unitId", "subUnitId", code, "fullName", "searchName", "sortKey", rank, position, active, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${unitId}::uuid, v.sub_unit_id, v.code, v.full_name, v.search_name, v.sort_key, v.rank, v.position, true, now(), now()
      FROM unnest(
        ${cols.map((c) => c.subUnitId)}::uuid[], ${cols.map((c) => c.code)}::text[], ${cols.map((c) => c.fullName)}::text[],
        ${cols.map((c) => c.searchName)}::text[], ${cols.map((c) => c.sortKey)}::text[], ${cols.map((c) => c.rank)}::text[],
        ${cols.map((c) => c.position)}::text[]
      ) AS v(sub_unit_id, code, full_name, search_name, sort_key, rank, position)
      RETURNING id::text AS id, code`;
    for (const o of created) idByCode.set(o.code, o.id);
  }
  for (const part of chunks(toUpdate)) {
    const cols = part.map(({ row }) => officerColumns(row));
    await tx.$executeRaw`
      UPDATE "Officer" AS o
      SET "fullName" = v.full_name, "searchName" = v.search_name, "sortKey" = v.sort_key, rank = v.rank,
          position = v.position, "subUnitId" = v.sub_unit_id, "updatedAt" = now()
      FROM unnest(
        ${part.map((p) => p.id)}::uuid[], ${cols.map((c) => c.fullName)}::text[], ${cols.map((c) => c.searchName)}::text[],
        ${cols.map((c) => c.sortKey)}::text[], ${cols.map((c) => c.rank)}::text[], ${cols.map((c) => c.position)}::text[],
        ${cols.map((c) => c.subUnitId)}::uuid[]
      ) AS v(id, full_name, search_name, sort_key, rank, position, sub_unit_id)
      WHERE o.id = v.id`;
  }

  const regCounts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const regCreate: { officerId: string; titleCode: string }[] = [];
  const regUpdate: { id: string; titleCode: string }[] = [];
  for (const { row } of registrationRows) {
    const officerId = idByCode.get(row.code)!;
    const current = registrationByOfficer.get(officerId);
    if (!current) regCreate.push({ officerId, titleCode: row.titleCode });
    else if (current.titleCode !== row.titleCode || current.unitId !== unitId) regUpdate.push({ id: current.id, titleCode: row.titleCode });
    else regCounts.unchanged++;
  }
  for (const part of chunks(regCreate, 5000)) {
    await tx.$executeRaw`
      INSERT INTO "OfficerRegistration" (id, "emulationYearId", "unitId", "officerId", "titleCode", "updatedAt")
      SELECT gen_random_uuid(), ${year.id}::uuid, ${unitId}::uuid, v.officer_id, v.title_code, now()
      FROM unnest(${part.map((r) => r.officerId)}::uuid[], ${part.map((r) => r.titleCode)}::text[]) AS v(officer_id, title_code)`;
  }
  for (const part of chunks(regUpdate)) {
    await tx.$executeRaw`
      UPDATE "OfficerRegistration" AS r SET "titleCode" = v.title_code, "unitId" = ${unitId}::uuid, "updatedAt" = now()
      FROM unnest(${part.map((p) => p.id)}::uuid[], ${part.map((p) => p.titleCode)}::text[]) AS v(id, title_code)
      WHERE r.id = v.id`;
  }
  regCounts.created = regCreate.length;
  regCounts.updated = regUpdate.length;

  const resCounts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const resultOfficerIds = resultRows.map(({ row }) => idByCode.get(row.code)!);
  const storedResults = new Map<string, { id: string; rating: TaskRating | null; awardedTitleCode: string | null; decisionNo: string | null; decisionDate: Date | null; decisionSigner: string | null }>();
  for (const part of chunks(resultOfficerIds, 5000)) {
    const found = await tx.$queryRaw<{ id: string; officerId: string; rating: TaskRating | null; awardedTitleCode: string | null; decisionNo: string | null; decisionDate: Date | null; decisionSigner: string | null }[]>`
      SELECT id::text AS id, "officerId"::text AS "officerId", rating::text AS rating, "awardedTitleCode", "decisionNo", "decisionDate", "decisionSigner"
      FROM "OfficerYearResult" WHERE year = ${year.year} AND "officerId" = ANY(${part}::uuid[])`;
    for (const r of found) storedResults.set(r.officerId, r);
  }
  const resCreate: { officerId: string; row: ResultRowInput }[] = [];
  const resUpdate: { id: string; row: ResultRowInput }[] = [];
  resultRows.forEach(({ row }, i) => {
    const officerId = resultOfficerIds[i]!;
    const current = storedResults.get(officerId);
    if (!current) {
      resCreate.push({ officerId, row });
    } else if (
      current.rating !== row.rating ||
      current.awardedTitleCode !== row.awardedTitleCode ||
      current.decisionNo !== row.decisionNo ||
      isoOf(current.decisionDate) !== row.decisionDate ||
      current.decisionSigner !== row.decisionSigner
    ) {
      resUpdate.push({ id: current.id, row });
    } else resCounts.unchanged++;
  });
  for (const part of chunks(resCreate, 5000)) {
    const rows = part.map((p) => p.row);
    await tx.$executeRaw`
      INSERT INTO "OfficerYearResult" (id, "officerId", year, rating, "awardedTitleCode", "decisionNo", "decisionDate", "decisionSigner", verified, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), v.officer_id, ${year.year}, v.rating, v.title, v.no, v.day, v.signer, ${scope.verified}, now(), now()
      FROM unnest(
        ${part.map((p) => p.officerId)}::uuid[], ${rows.map((r) => r.rating)}::"TaskRating"[], ${rows.map((r) => r.awardedTitleCode)}::text[],
        ${rows.map((r) => r.decisionNo)}::text[], ${rows.map((r) => r.decisionDate)}::date[], ${rows.map((r) => r.decisionSigner)}::text[]
      ) AS v(officer_id, rating, title, no, day, signer)`;
  }
  for (const part of chunks(resUpdate)) {
    const rows = part.map((p) => p.row);
    await tx.$executeRaw`
      UPDATE "OfficerYearResult" AS r
      SET rating = v.rating, "awardedTitleCode" = v.title, "decisionNo" = v.no, "decisionDate" = v.day,
          "decisionSigner" = v.signer, verified = ${scope.verified}, "updatedAt" = now()
      FROM unnest(
        ${part.map((p) => p.id)}::uuid[], ${rows.map((r) => r.rating)}::"TaskRating"[], ${rows.map((r) => r.awardedTitleCode)}::text[],
        ${rows.map((r) => r.decisionNo)}::text[], ${rows.map((r) => r.decisionDate)}::date[], ${rows.map((r) => r.decisionSigner)}::text[]
      ) AS v(id, rating, title, no, day, signer)
      WHERE r.id = v.id`;
  }
  resCounts.created = resCreate.length;
  resCounts.updated = resUpdate.length;

  const officers: Counts = { created: toCreate.length, updated: toUpdate.length, unchanged: officersUnchanged };
  const changedRows = [officers, regCounts, resCounts].reduce((s, c) => s + c.created + c.updated, 0);
  return { fileName: input.fileName, year: year.year, officers, registrations: regCounts, results: resCounts, changedRows, warnings: warnings.sort(compareImportErrors) };
}

function officerColumns(r: OfficerRowInput) {
  return {
    code: r.code,
    fullName: r.fullName,
    searchName: searchKey(r.fullName).slice(0, 120),
    sortKey: nameSortKey(r.fullName),
    rank: r.rank,
    position: r.position,
    subUnitId: r.subUnitId,
  };
}

const isoOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

const TITLE_SHORT: Record<IndividualTitle, string> = { CST: "CST", CSTDCS: "CSTĐCS", CSTD_CAND: "CSTĐ CAND", CSTD_TQ: "CSTĐ toàn quốc" };
export const titleShort = (code: IndividualTitle) => TITLE_SHORT[code];

// ---------------------------------------------------------------------------------------------
// Officers' histories for the rules engine (shared with the results commands)

/** How far back the engine looks (CSTĐ toàn quốc: two 3-year cycles). */
export const HISTORY_LOOKBACK = 5;

/**
 * The histories of some officers, as the engine reads them, for evaluating `year`: their recorded
 * years Y-5…Y, initiatives of those years and every discipline record. Three queries in all.
 */
export async function loadHistories(tx: Pick<Tx, "$queryRaw">, officerIds: readonly string[], year: number): Promise<Map<string, OfficerHistory>> {
  const out = new Map<string, { years: OfficerYearRecord[]; initiatives: Initiative[]; disciplines: DisciplineRecord[] }>();
  if (officerIds.length === 0) return out;
  for (const id of officerIds) out.set(id, { years: [], initiatives: [], disciplines: [] });
  for (const part of chunks(officerIds, 5000)) {
    const from = year - HISTORY_LOOKBACK;
    const [years, initiatives, disciplines] = await Promise.all([
      tx.$queryRaw<{ officerId: string; year: number; rating: TaskRating | null; awardedTitleCode: string | null }[]>`
        SELECT "officerId"::text AS "officerId", year, rating::text AS rating, "awardedTitleCode"
        FROM "OfficerYearResult" WHERE "officerId" = ANY(${part}::uuid[]) AND year BETWEEN ${from} AND ${year}`,
      tx.$queryRaw<{ id: string; officerId: string; year: number; level: Initiative["level"]; title: string }[]>`
        SELECT id::text AS id, "officerId"::text AS "officerId", year, level::text AS level, title
        FROM "Initiative" WHERE "officerId" = ANY(${part}::uuid[]) AND year BETWEEN ${from} AND ${year}`,
      tx.$queryRaw<{ id: string; officerId: string; form: DisciplineRecord["form"]; status: DisciplineRecord["status"]; fromDate: Date; toDate: Date | null }[]>`
        SELECT id::text AS id, "officerId"::text AS "officerId", form::text AS form, status::text AS status, "fromDate", "toDate"
        FROM "Discipline" WHERE "officerId" = ANY(${part}::uuid[])`,
    ]);
    for (const y of years) {
      out.get(y.officerId)!.years.push({
        year: Number(y.year),
        ...(y.rating ? { rating: y.rating } : {}),
        ...(y.awardedTitleCode && individualLevel(y.awardedTitleCode as IndividualTitle) > 0 ? { awardedTitle: y.awardedTitleCode as IndividualTitle } : {}),
      });
    }
    for (const i of initiatives) out.get(i.officerId)!.initiatives.push({ id: i.id, year: Number(i.year), level: i.level, title: i.title });
    for (const d of disciplines) out.get(d.officerId)!.disciplines.push(disciplineRecord(d));
  }
  return out;
}

export function disciplineRecord(d: { id: string; form: DisciplineRecord["form"]; status: DisciplineRecord["status"]; fromDate: Date; toDate: Date | null }): DisciplineRecord {
  return { id: d.id, form: d.form, status: d.status, from: isoOf(d.fromDate)!, ...(d.toDate ? { to: isoOf(d.toDate)! } : {}) };
}

/** The history without its record of `year` (replaced by what is being entered). */
export function withoutYear(history: OfficerHistory, year: number): OfficerHistory {
  return history.years.some((y) => y.year === year) ? { ...history, years: history.years.filter((y) => y.year !== year) } : history;
}

/**
 * Why the engine, at the RESULTS stage, does not find `title` eligible for the officer in `year` with
 * this rating (the decision day extends the discipline check) — or null when it does.
 */
export function awardedTitleFailure(
  history: OfficerHistory,
  entry: { year: number; rating: TaskRating; title: IndividualTitle; decisionDate: string | null },
  settings: YearSettings,
): string | null {
  const base = withoutYear(history, entry.year);
  const withYear: OfficerHistory = { ...base, years: [...base.years, { year: entry.year, rating: entry.rating }] };
  const stage = entry.decisionDate ? { stage: "RESULTS" as const, asOf: entry.decisionDate } : { stage: "RESULTS" as const };
  const result = explainTitle(computeFacts(withYear, entry.year, settings, stage), entry.title);
  if (result.status === "ELIGIBLE") return null;
  const why = result.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ");
  return `không đủ điều kiện công nhận ${titleShort(entry.title)}${entry.decisionDate ? ` (xét tại ngày quyết định ${formatIso(entry.decisionDate)})` : ""}. ${why}`;
}

// ---------------------------------------------------------------------------------------------
// What row validation needs from the database (read before the command's transaction; the command
// checks everything that matters again inside it)

export async function loadImportContext(
  db: Pick<Tx, "unit" | "titleDefinition" | "emulationYear">,
  unitId: string,
  yearId: string,
  now: Date,
): Promise<{ context: ImportContext; year: { id: string; year: number } } | null> {
  const [unit, year, subUnits, titles] = await Promise.all([
    db.unit.findUnique({ where: { id: unitId }, select: { clusterId: true, parentId: true } }),
    db.emulationYear.findUnique({ where: { id: yearId }, select: { id: true, year: true, clusterId: true } }),
    db.unit.findMany({ where: { parentId: unitId }, orderBy: { sortKey: "asc" }, select: { id: true, code: true, name: true } }),
    db.titleDefinition.findMany({ select: { code: true, name: true, shortName: true, kind: true, active: true } }),
  ]);
  if (!unit || unit.parentId || !year || year.clusterId !== unit.clusterId) return null;
  return {
    context: { titles, subUnits, year: year.year, today: vietnamToday(now) },
    year: { id: year.id, year: year.year },
  };
}
