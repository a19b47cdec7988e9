// Reading a unit's uploaded workbook (officers, registrations, results) — docs/domain.md §4 step 2 and step 7.
// This folder reads and writes files only; the import's checks and writes against the database are the
// importWorkbook command's (src/server/commands/results/import/).
//
// 1. readUploadedWorkbook: the size is checked BEFORE anything is read (≤ 5 MB), then the bytes must
//    be a zip (xlsx) whose directory is sane (no zip bomb, no giant named ranges that would stall the
//    parser), whose entries really inflate to no more than they declare (bounded-unzip.ts: a zip that
//    lies about its sizes is stopped at the first byte too many), then exceljs must read it. Anything else: "Tệp không phải định dạng Excel (.xlsx)".
// 2. parseWorkbook (src/domain/excel-rows.ts) validates every row, without the database.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { MAX_ROWS_PER_SHEET, type RawSheet } from "@/domain/excel-rows";
import { checkInflatedSizes, entryData, readZipDirectory, type ZipEntry } from "./bounded-unzip";

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
