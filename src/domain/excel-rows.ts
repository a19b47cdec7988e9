// The Excel workbook a unit officer fills in (officers, title registrations, results), read row by row.
// Pure: cells come in as the values a spreadsheet library produced (string, number, Date, rich text,
// formula objects…), rows go out validated, with every problem as { sheet, row, column, message } in
// Vietnamese. Nothing here throws on any input: a hostile or broken file gives errors, never a crash.
//
// What a cell may hold: plain values only. A formula (the cell's value is a formula object) is refused,
// and so is text that would become a formula when someone copies it into a spreadsheet: text starting
// with = or @, or with + or - followed by something formula-like (a function call, a cell reference,
// arithmetic, a DDE "cmd|…"). Text containing <script or "javascript:" is refused too. Dates are
// dd/mm/yyyy or real Excel dates. Titles are found by code, short name or full name, ignoring case and
// diacritics; ranks by src/domain/ranks.ts; ratings by their labels or the usual abbreviations.
import { parseVietnameseDate } from "../lib/format";
import { INDIVIDUAL_TITLES, type IndividualTitle, type TaskRating } from "./eligibility/types";
import { parseRank, RANKS, type Rank } from "./ranks";
import { TASK_RATINGS } from "./title-catalogue";
import { searchKey } from "./vietnamese";
import { PHASE_LABELS, type YearPhase } from "./year-phases";
import { YEAR_CLOSED_MESSAGE } from "./year-rules";

// ---------------------------------------------------------------------------------------------
// Layout

export type SheetKey = "officers" | "registrations" | "results";
export type ColumnKey =
  | "code"
  | "fullName"
  | "rank"
  | "position"
  | "subUnit"
  | "title"
  | "rating"
  | "awardedTitle"
  | "decisionNo"
  | "decisionDate"
  | "decisionSigner";

export type ColumnDef = {
  key: ColumnKey;
  header: string;
  /** Other headers accepted for the column (diacritics and case ignored). */
  aliases?: readonly string[];
  required: boolean;
  /** Width in characters, for the template. */
  width: number;
  /** What to type, for the template's instructions sheet. */
  hint: string;
};

export type SheetDef = { key: SheetKey; name: string; aliases: readonly string[]; description: string; columns: readonly ColumnDef[] };

const CODE: ColumnDef = {
  key: "code",
  header: "Mã cán bộ",
  aliases: ["Mã CB", "Mã số cán bộ"],
  required: true,
  width: 16,
  hint: "Bắt buộc. Chữ không dấu, số và các ký tự . _ - (tối đa 32 ký tự); cán bộ được nhận diện theo mã này.",
};
const NAME_REQUIRED: ColumnDef = {
  key: "fullName",
  header: "Họ và tên",
  aliases: ["Họ tên"],
  required: true,
  width: 28,
  hint: "Bắt buộc. Họ và tên đầy đủ, có dấu (tối đa 120 ký tự).",
};
const NAME_CHECK: ColumnDef = {
  ...NAME_REQUIRED,
  required: false,
  hint: "Không bắt buộc; nếu có, phải khớp họ tên của cán bộ có mã ở cột Mã cán bộ (để tránh nhập nhầm người).",
};

export const OFFICER_SHEET: SheetDef = {
  key: "officers",
  name: "Cán bộ",
  aliases: ["Danh sách cán bộ", "Cán bộ, chiến sĩ", "CBCS"],
  description: "Danh sách cán bộ, chiến sĩ của đơn vị: thêm mới hoặc cập nhật theo Mã cán bộ.",
  columns: [
    CODE,
    NAME_REQUIRED,
    { key: "rank", header: "Cấp bậc", aliases: ["Cấp bậc hàm"], required: true, width: 14, hint: `Bắt buộc. Một trong: ${RANKS.join(", ")}.` },
    { key: "position", header: "Chức vụ", required: true, width: 24, hint: "Bắt buộc (tối đa 120 ký tự)." },
    {
      key: "subUnit",
      header: "Phòng/Đội",
      aliases: ["Phòng", "Đội", "Phòng, Đội", "Đơn vị trực thuộc"],
      required: false,
      width: 32,
      hint: "Không bắt buộc. Tên hoặc mã phòng/đội của đơn vị (như trong danh mục).",
    },
  ],
};

export const REGISTRATION_SHEET: SheetDef = {
  key: "registrations",
  name: "Đăng ký danh hiệu",
  aliases: ["Đăng ký", "Đăng ký thi đua", "Đăng ký danh hiệu thi đua"],
  description: "Danh hiệu thi đua cá nhân mỗi cán bộ đăng ký cho năm thi đua đã chọn khi nhập tệp (mỗi cán bộ một dòng).",
  columns: [
    CODE,
    NAME_CHECK,
    {
      key: "title",
      header: "Danh hiệu đăng ký",
      aliases: ["Danh hiệu", "Danh hiệu thi đua"],
      required: true,
      width: 34,
      hint: "Bắt buộc. Mã, tên viết tắt hoặc tên đầy đủ của danh hiệu cá nhân: CST, CSTĐCS, CSTĐ CAND, CSTĐ toàn quốc.",
    },
  ],
};

export const RESULT_SHEET: SheetDef = {
  key: "results",
  name: "Kết quả",
  aliases: ["Kết quả thi đua", "Kết quả khen thưởng"],
  description: "Kết quả của năm thi đua đã chọn: xếp loại, danh hiệu được công nhận và quyết định (mỗi cán bộ một dòng).",
  columns: [
    CODE,
    NAME_CHECK,
    {
      key: "rating",
      header: "Xếp loại",
      aliases: ["Xếp loại nhiệm vụ", "Xếp loại hoàn thành nhiệm vụ"],
      required: true,
      width: 30,
      hint: `Bắt buộc. Một trong: ${Object.values(TASK_RATINGS).join("; ")} (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV).`,
    },
    {
      key: "awardedTitle",
      header: "Danh hiệu được công nhận",
      aliases: ["Danh hiệu công nhận", "Danh hiệu"],
      required: false,
      width: 34,
      hint: "Không bắt buộc. Danh hiệu cá nhân được công nhận theo quyết định; để trống nếu không được công nhận danh hiệu.",
    },
    { key: "decisionNo", header: "Số quyết định", aliases: ["Số QĐ", "Quyết định số"], required: false, width: 20, hint: "Bắt buộc khi có danh hiệu được công nhận (tối đa 60 ký tự)." },
    {
      key: "decisionDate",
      header: "Ngày quyết định",
      aliases: ["Ngày", "Ngày QĐ", "Ngày ký"],
      required: false,
      width: 16,
      hint: "Bắt buộc khi có danh hiệu được công nhận. Dạng dd/mm/yyyy (ví dụ 15/12/2021) hoặc ô kiểu ngày của Excel.",
    },
    { key: "decisionSigner", header: "Người ký", aliases: ["Cấp ký", "Người ký quyết định"], required: false, width: 28, hint: "Bắt buộc khi có danh hiệu được công nhận (tối đa 120 ký tự)." },
  ],
};

export const SHEET_DEFS: readonly SheetDef[] = [OFFICER_SHEET, REGISTRATION_SHEET, RESULT_SHEET];

/** At most this many data rows per sheet (a unit has at most a few thousand officers). */
export const MAX_ROWS_PER_SHEET = 10_000;
/** Rows start under the header row. */
export const HEADER_ROW = 1;

// ---------------------------------------------------------------------------------------------
// Errors

export type ImportError = {
  sheet: string;
  /** Excel row number; null for a problem of the whole sheet or file. */
  row: number | null;
  /** The column's header; null for a problem of the whole row or sheet. */
  column: string | null;
  /** "C5", when one cell is at fault. */
  cell?: string;
  message: string;
};

/** Orders errors by sheet (template order), row, then column position. */
export function compareImportErrors(a: ImportError, b: ImportError): number {
  const sheetIndex = (name: string) => {
    // Problems of the whole file (not of a template sheet) come first.
    return SHEET_DEFS.findIndex((s) => s.name === name);
  };
  return (
    sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    columnOrder(a.cell) - columnOrder(b.cell)
  );
}

function columnOrder(cell: string | undefined): number {
  const letters = cell ? /^[A-Z]+/.exec(cell)?.[0] : undefined;
  if (!letters) return 0;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Cells

export type CellRead =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; iso: string }
  | { kind: "bool"; value: boolean }
  | { kind: "formula" }
  | { kind: "error"; code: string }
  | { kind: "invalid" };

const pad2 = (n: number) => String(n).padStart(2, "0");

function isoFromUtcDate(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 9999) return null;
  return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * A cell's value as a spreadsheet library gives it (exceljs: string, number, boolean, Date, null,
 * { richText }, { text, hyperlink }, { formula | sharedFormula, result }, { error }), classified.
 * Never throws.
 */
export function readCell(value: unknown): CellRead {
  try {
    if (value === null || value === undefined) return { kind: "empty" };
    if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "text", text: value };
    if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
    if (typeof value === "boolean") return { kind: "bool", value };
    if (value instanceof Date) {
      const iso = isoFromUtcDate(value);
      return iso ? { kind: "date", iso } : { kind: "invalid" };
    }
    if (typeof value !== "object" || Array.isArray(value)) return { kind: "invalid" };
    const o = value as Record<string, unknown>;
    if (Object.hasOwn(o, "formula") || Object.hasOwn(o, "sharedFormula")) return { kind: "formula" };
    if (Object.hasOwn(o, "error")) return { kind: "error", code: typeof o.error === "string" ? o.error.slice(0, 20) : "#ERROR" };
    if (Array.isArray(o.richText)) {
      let text = "";
      for (const run of o.richText as unknown[]) {
        const t = run && typeof run === "object" ? (run as Record<string, unknown>).text : undefined;
        if (typeof t !== "string") return { kind: "invalid" };
        text += t;
      }
      return text.trim() === "" ? { kind: "empty" } : { kind: "text", text };
    }
    if (Object.hasOwn(o, "hyperlink") || Object.hasOwn(o, "text")) {
      const t = o.text;
      if (typeof t === "string") return t.trim() === "" ? { kind: "empty" } : { kind: "text", text: t };
      // A hyperlink whose text is itself rich text.
      if (t && typeof t === "object") return readCell(t);
      return { kind: "invalid" };
    }
    return { kind: "invalid" };
  } catch {
    return { kind: "invalid" };
  }
}

// ---------------------------------------------------------------------------------------------
// Formula-like and script-like text

const FUNCTION_CALL = /[A-Za-z_][A-Za-z0-9_.]*\s*\(/;
const CELL_REFERENCE = /\$?[A-Za-z]{1,3}\$?\d+/;
const DDE_OR_SHEET = /[|!]/;
const ARITHMETIC = /^[\s\d.,+\-*/^%()&<>=]*\d[\s\d.,+\-*/^%()&<>=]*$/;
const FORMULA_LEADS = new Set(["=", "+", "-", "@"]);
/** Leading characters some spreadsheets skip before reading a formula. */
const INVISIBLE_LEAD = /^[\s\u0000-\u001f\u007f\u00a0\u200b-\u200f\u2028\u2029\u2060\ufeff]+/;

/**
 * Whether text could be read as a formula by a spreadsheet (CSV/formula injection): it starts —
 * after blanks and invisible characters — with "=" or "@" followed by anything, or with "+" or "-"
 * followed by a function call, a cell reference, arithmetic, quotes or a DDE/sheet reference.
 */
export function looksLikeFormula(text: string): boolean {
  const t = text.replace(INVISIBLE_LEAD, "");
  const lead = t[0];
  if (lead === undefined || !FORMULA_LEADS.has(lead)) return false;
  const rest = t.slice(1).trim();
  if (rest === "") return false;
  if (lead === "=" || lead === "@") return true;
  return (
    FORMULA_LEADS.has(rest[0]!) ||
    FUNCTION_CALL.test(rest) ||
    CELL_REFERENCE.test(rest) ||
    DDE_OR_SHEET.test(rest) ||
    ARITHMETIC.test(rest) ||
    /["']/.test(rest)
  );
}

const SCRIPT = /<\s*\/?\s*script|javascript\s*:|vbscript\s*:|<\s*iframe|\bon[a-z]+\s*=/i;

/** Text that carries markup or script (never legitimate in a name, position or decision number). */
export function looksLikeScript(text: string): boolean {
  return SCRIPT.test(text);
}

/**
 * A value to write into an exported cell: unchanged unless a spreadsheet could take it for a
 * formula, in which case it gets a leading apostrophe (shown as text, never evaluated).
 */
export function safeCellText(text: string): string {
  const lead = text.replace(INVISIBLE_LEAD, "")[0];
  if (lead !== undefined && FORMULA_LEADS.has(lead)) return `'${text}`;
  if (/^[\t\r]/.test(text)) return `'${text}`;
  return text;
}

// ---------------------------------------------------------------------------------------------
// Values

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const okValue = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Shown in messages: the first 40 characters of what was typed. */
export function quoteValue(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `“${t.length > 40 ? `${t.slice(0, 40)}…` : t}”`;
}

function cellKindMessage(read: CellRead, label: string): string {
  switch (read.kind) {
    case "formula":
      return `${label}: ô chứa công thức Excel; chỉ được nhập giá trị, không dùng công thức.`;
    case "error":
      return `${label}: ô đang báo lỗi ${read.code}.`;
    case "date":
      return `${label}: ô chứa ngày tháng, cần nhập chữ.`;
    case "bool":
      return `${label}: giá trị ${read.value ? "TRUE" : "FALSE"} không hợp lệ.`;
    default:
      return `${label}: giá trị không đọc được.`;
  }
}

/**
 * A text cell, cleaned: NFC, non-breaking spaces as spaces, runs of whitespace collapsed, trimmed.
 * null when empty. Refuses formulas, formula-like or script-like text, control characters and text
 * over `max` characters. Numbers are taken as their decimal text (a code typed as 12345).
 */
export function textValue(value: unknown, label: string, max: number): Checked<string | null> {
  const read = readCell(value);
  let raw: string;
  if (read.kind === "empty") return okValue(null);
  if (read.kind === "text") raw = read.text;
  else if (read.kind === "number") raw = String(read.value);
  else return fail(cellKindMessage(read, label));
  if (CONTROL.test(raw.replace(/[\t\r\n]/g, " "))) return fail(`${label}: chứa ký tự điều khiển không hợp lệ.`);
  // Tabs and line breaks inside a cell become spaces; other control characters were refused above.
  const text = raw.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
  if (text === "") return okValue(null);
  if (looksLikeFormula(raw) || looksLikeFormula(text)) {
    return fail(`${label}: giá trị ${quoteValue(text)} bắt đầu bằng “${text[0]}” giống công thức Excel; không được nhập công thức.`);
  }
  if (looksLikeScript(text)) return fail(`${label}: giá trị chứa mã script hoặc thẻ HTML; không được phép.`);
  if ([...text].length > max) return fail(`${label}: tối đa ${max} ký tự (đang có ${[...text].length}).`);
  return okValue(text);
}

const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;

export function codeValue(value: unknown, label = "Mã cán bộ"): Checked<string | null> {
  const t = textValue(value, label, 32);
  if (!t.ok || t.value === null) return t;
  if (!CODE_PATTERN.test(t.value)) return fail(`${label}: ${quoteValue(t.value)} chỉ được gồm chữ không dấu, số và các ký tự . _ -`);
  return okValue(t.value.toUpperCase());
}

/** The same rule as the officer form: Latin letters (with diacritics), spaces and ' . - ( ). */
const NAME_PATTERN = /^[\p{Script=Latin}\p{M} '’.()-]*$/u;

export function fullNameValue(value: unknown, label = "Họ và tên"): Checked<string | null> {
  const t = textValue(value, label, 120);
  if (!t.ok || t.value === null) return t;
  if (!NAME_PATTERN.test(t.value)) return fail(`${label}: ${quoteValue(t.value)} chỉ được gồm chữ cái, dấu cách và các ký tự ' . - ( )`);
  if (!/\p{L}/u.test(t.value)) return fail(`${label}: phải có chữ cái.`);
  return okValue(t.value);
}

export function rankValue(value: unknown, label = "Cấp bậc"): Checked<Rank | null> {
  const t = textValue(value, label, 60);
  if (!t.ok) return t;
  if (t.value === null) return okValue(null);
  const rank = parseRank(t.value);
  if (!rank) return fail(`${label}: ${quoteValue(t.value)} không phải cấp bậc hàm CAND (ví dụ: Thượng úy, Đại úy, Thiếu tá).`);
  return okValue(rank);
}

/** Key for loose matching: diacritics, case and every non-alphanumeric character ignored. */
export function looseKey(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]/g, "");
}

const RATING_ALIASES: Record<TaskRating, readonly string[]> = {
  EXCELLENT: [TASK_RATINGS.EXCELLENT, "Hoàn thành xuất sắc", "HTXSNV", "HTXS", "Xuất sắc", "EXCELLENT"],
  GOOD: [TASK_RATINGS.GOOD, "Hoàn thành tốt", "HTTNV", "HTT", "Tốt", "GOOD"],
  COMPLETE: [TASK_RATINGS.COMPLETE, "Hoàn thành", "HTNV", "HT", "COMPLETE"],
  INCOMPLETE: [TASK_RATINGS.INCOMPLETE, "Không hoàn thành", "KHTNV", "KHT", "INCOMPLETE"],
};
const RATING_BY_KEY = new Map<string, TaskRating>();
for (const [rating, names] of Object.entries(RATING_ALIASES) as [TaskRating, readonly string[]][]) {
  for (const name of names) {
    const key = looseKey(name);
    const other = RATING_BY_KEY.get(key);
    if (other && other !== rating) throw new Error(`excel-rows: rating alias "${name}" is ambiguous`);
    RATING_BY_KEY.set(key, rating);
  }
}

export function parseRating(text: string): TaskRating | null {
  return RATING_BY_KEY.get(looseKey(text)) ?? null;
}

export function ratingValue(value: unknown, label = "Xếp loại"): Checked<TaskRating | null> {
  const t = textValue(value, label, 60);
  if (!t.ok) return t;
  if (t.value === null) return okValue(null);
  const rating = parseRating(t.value);
  if (!rating) return fail(`${label}: ${quoteValue(t.value)} không phải mức xếp loại (${Object.values(TASK_RATINGS).join("; ")}).`);
  return okValue(rating);
}

// Titles ----------------------------------------------------------------------------------------

export type TitleInfo = { code: string; name: string; shortName: string; kind: "INDIVIDUAL" | "COLLECTIVE"; active: boolean };
/** Lookup by loose key; null when two titles share the key (then it cannot be used). */
export type TitleIndex = Map<string, TitleInfo | null>;

export function buildTitleIndex(titles: readonly TitleInfo[]): TitleIndex {
  const index: TitleIndex = new Map();
  for (const title of titles) {
    for (const name of new Set([title.code, title.shortName, title.name].map(looseKey))) {
      if (name === "") continue;
      const other = index.get(name);
      index.set(name, other === undefined || other?.code === title.code ? title : null);
    }
  }
  return index;
}

const ENGINE_TITLES = new Set<string>(INDIVIDUAL_TITLES);

/** An individual title the rules engine knows, from its code, short name or full name. */
export function individualTitleValue(value: unknown, index: TitleIndex, label: string): Checked<IndividualTitle | null> {
  const t = textValue(value, label, 200);
  if (!t.ok) return t;
  if (t.value === null) return okValue(null);
  const found = index.get(looseKey(t.value));
  if (found === null) return fail(`${label}: ${quoteValue(t.value)} trùng tên với nhiều danh hiệu; hãy ghi mã danh hiệu.`);
  if (!found) return fail(`${label}: không có danh hiệu ${quoteValue(t.value)} trong danh mục (ví dụ: CST, CSTĐCS, CSTĐ CAND, CSTĐ toàn quốc).`);
  if (found.kind !== "INDIVIDUAL") return fail(`${label}: “${found.name}” là danh hiệu tập thể; ở đây chỉ ghi danh hiệu cá nhân.`);
  if (!found.active) return fail(`${label}: danh hiệu “${found.name}” đã ngừng sử dụng.`);
  if (!ENGINE_TITLES.has(found.code)) return fail(`${label}: danh hiệu “${found.name}” chưa được hệ thống xét điều kiện; không nhập được từ tệp.`);
  return okValue(found.code as IndividualTitle);
}

// Dates -----------------------------------------------------------------------------------------

/** Excel's serial day 25569 is 01/01/1970. */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * A date cell → "yyyy-mm-dd": a real Excel date (a Date, or a date serial number between 1990 and
 * 2100), or text dd/mm/yyyy (d/m/yyyy accepted). Anything else is refused with the expected format.
 */
export function dateValue(value: unknown, label: string): Checked<string | null> {
  const read = readCell(value);
  const example = "(ví dụ 15/12/2021)";
  switch (read.kind) {
    case "empty":
      return okValue(null);
    case "date":
      return okValue(read.iso);
    case "number": {
      const serial = read.value;
      const iso = Number.isInteger(serial) ? isoFromUtcDate(new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000)) : null;
      const year = iso ? Number(iso.slice(0, 4)) : 0;
      if (iso && year >= 1990 && year <= 2100) return okValue(iso);
      return fail(`${label}: ${quoteValue(String(serial))} không phải ngày; cần dạng dd/mm/yyyy ${example}.`);
    }
    case "text": {
      const t = textValue(value, label, 40);
      if (!t.ok || t.value === null) return t;
      const iso = parseVietnameseDate(t.value);
      if (iso) return okValue(iso);
      const shape = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(t.value);
      return fail(
        shape
          ? `${label}: ${quoteValue(t.value)} không phải ngày có thật.`
          : `${label}: ${quoteValue(t.value)} không đúng dạng dd/mm/yyyy ${example}.`,
      );
    }
    default:
      return fail(cellKindMessage(read, label));
  }
}

export const formatIso = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------
// Sheets and rows

/** One worksheet as read: its name and its non-empty rows, cells[0] being column A. */
export type RawSheet = { name: string; rows: readonly { row: number; cells: readonly unknown[] }[] };

export type SubUnitInfo = { id: string; code: string; name: string };

export type ImportContext = {
  /** The title catalogue (all kinds; only active individual titles the engine knows are accepted). */
  titles: readonly TitleInfo[];
  /** The unit's sub-units (active or not: the import decides). */
  subUnits: readonly SubUnitInfo[];
  /** The calendar year of the emulation year being imported into. */
  year: number;
  /** Today, yyyy-mm-dd (Vietnam): decision dates may not be later. */
  today: string;
};

export type OfficerRowInput = { row: number; code: string; fullName: string; rank: Rank; position: string; subUnitId: string | null };
export type RegistrationRowInput = { row: number; code: string; fullName: string | null; titleCode: IndividualTitle };
export type ResultRowInput = {
  row: number;
  code: string;
  fullName: string | null;
  rating: TaskRating;
  awardedTitleCode: IndividualTitle | null;
  decisionNo: string | null;
  /** yyyy-mm-dd */
  decisionDate: string | null;
  decisionSigner: string | null;
};

export type ParsedWorkbook = {
  officers: OfficerRowInput[];
  registrations: RegistrationRowInput[];
  results: ResultRowInput[];
  errors: ImportError[];
  /** The template sheets found in the file, by key. */
  sheetsFound: SheetKey[];
  /** Data rows read, per sheet. */
  rowCounts: Record<SheetKey, number>;
};

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function matchSheet(name: string): SheetDef | undefined {
  const key = looseKey(name);
  return SHEET_DEFS.find((s) => [s.name, ...s.aliases].some((n) => looseKey(n) === key));
}

type HeaderMap = Map<ColumnKey, number>;

function readHeader(sheet: RawSheet, def: SheetDef, errors: ImportError[]): HeaderMap | null {
  const header = sheet.rows.find((r) => r.row === HEADER_ROW);
  const map: HeaderMap = new Map();
  const seen = new Map<string, number>();
  const byKey = new Map<string, ColumnDef>();
  for (const col of def.columns) for (const name of [col.header, ...(col.aliases ?? [])]) byKey.set(looseKey(name), col);
  const cells = header?.cells ?? [];
  for (let i = 0; i < cells.length && i < 200; i++) {
    const read = readCell(cells[i]);
    if (read.kind !== "text") continue;
    const col = byKey.get(looseKey(read.text));
    if (!col) continue;
    if (map.has(col.key)) {
      errors.push({
        sheet: def.name,
        row: HEADER_ROW,
        column: col.header,
        cell: `${columnLetter(i)}${HEADER_ROW}`,
        message: `Cột “${col.header}” xuất hiện hai lần (cột ${columnLetter(seen.get(col.key)!)} và cột ${columnLetter(i)}).`,
      });
      continue;
    }
    map.set(col.key, i);
    seen.set(col.key, i);
  }
  const missing = def.columns.filter((c) => c.required && !map.has(c.key));
  for (const col of missing) {
    errors.push({
      sheet: def.name,
      row: HEADER_ROW,
      column: col.header,
      message: `Thiếu cột “${col.header}” ở dòng tiêu đề (dòng ${HEADER_ROW}). Hãy dùng tệp mẫu.`,
    });
  }
  return missing.length > 0 || errors.some((e) => e.sheet === def.name && e.row === HEADER_ROW) ? null : map;
}

type RowReader = {
  row: number;
  get(key: ColumnKey): unknown;
  fail(key: ColumnKey | null, message: string): void;
  failed: boolean;
};

function rowReader(sheet: SheetDef, header: HeaderMap, row: number, cells: readonly unknown[], errors: ImportError[]): RowReader {
  const reader: RowReader = {
    row,
    failed: false,
    get(key) {
      const i = header.get(key);
      return i === undefined ? undefined : cells[i];
    },
    fail(key, message) {
      reader.failed = true;
      const col = key ? sheet.columns.find((c) => c.key === key) : undefined;
      const i = key ? header.get(key) : undefined;
      errors.push({
        sheet: sheet.name,
        row,
        column: col?.header ?? null,
        ...(i !== undefined ? { cell: `${columnLetter(i)}${row}` } : {}),
        message,
      });
    },
  };
  return reader;
}

function take<T>(r: RowReader, key: ColumnKey, checked: Checked<T>): T | undefined {
  if (!checked.ok) {
    r.fail(key, checked.message);
    return undefined;
  }
  return checked.value;
}

function required<T>(r: RowReader, key: ColumnKey, label: string, value: T | null | undefined): T | undefined {
  if (value === null) {
    r.fail(key, `${label} là bắt buộc.`);
    return undefined;
  }
  return value;
}

function isBlankRow(cells: readonly unknown[]): boolean {
  for (const cell of cells) if (readCell(cell).kind !== "empty") return false;
  return true;
}

function subUnitIndex(subUnits: readonly SubUnitInfo[]) {
  const byKey = new Map<string, SubUnitInfo | null>();
  const add = (key: string, s: SubUnitInfo) => {
    if (key === "") return;
    const other = byKey.get(key);
    byKey.set(key, other === undefined || other?.id === s.id ? s : null);
  };
  for (const s of subUnits) {
    add(looseKey(s.name), s);
    add(`#${s.code.toUpperCase()}`, s);
  }
  return (text: string): SubUnitInfo | null | undefined => byKey.get(`#${text.toUpperCase()}`) ?? byKey.get(looseKey(text));
}

/** Tracks codes per sheet: the second row with a code is an error naming the first. */
function duplicateTracker() {
  const firstRow = new Map<string, number>();
  return (r: RowReader, code: string) => {
    const first = firstRow.get(code);
    if (first !== undefined) {
      r.fail("code", `Mã cán bộ ${code} đã có ở dòng ${first}; mỗi cán bộ chỉ một dòng.`);
      return false;
    }
    firstRow.set(code, r.row);
    return true;
  };
}

function parseOfficerRow(r: RowReader, ctx: ImportContext, findSubUnit: ReturnType<typeof subUnitIndex>, seen: ReturnType<typeof duplicateTracker>): OfficerRowInput | null {
  const code = required(r, "code", "Mã cán bộ", take(r, "code", codeValue(r.get("code"))));
  const fullName = required(r, "fullName", "Họ và tên", take(r, "fullName", fullNameValue(r.get("fullName"))));
  const rank = required(r, "rank", "Cấp bậc", take(r, "rank", rankValue(r.get("rank"))));
  const position = required(r, "position", "Chức vụ", take(r, "position", textValue(r.get("position"), "Chức vụ", 120)));
  const subUnitText = take(r, "subUnit", textValue(r.get("subUnit"), "Phòng/Đội", 200));
  let subUnitId: string | null = null;
  if (subUnitText) {
    const found = findSubUnit(subUnitText);
    if (found === null) r.fail("subUnit", `Phòng/Đội: ${quoteValue(subUnitText)} trùng tên với nhiều phòng/đội; hãy ghi mã phòng/đội.`);
    else if (!found) {
      const names = ctx.subUnits.slice(0, 12).map((s) => s.name);
      r.fail(
        "subUnit",
        `Phòng/Đội: không có ${quoteValue(subUnitText)} trong đơn vị${names.length ? ` (các phòng/đội: ${names.join("; ")}${ctx.subUnits.length > 12 ? "; …" : ""})` : " (đơn vị chưa có phòng/đội nào)"}.`,
      );
    } else subUnitId = found.id;
  }
  if (code !== undefined && !seen(r, code)) return null;
  if (r.failed || code === undefined || fullName === undefined || rank === undefined || position === undefined) return null;
  return { row: r.row, code, fullName, rank, position, subUnitId };
}

function parseRegistrationRow(r: RowReader, titles: TitleIndex, seen: ReturnType<typeof duplicateTracker>): RegistrationRowInput | null {
  const code = required(r, "code", "Mã cán bộ", take(r, "code", codeValue(r.get("code"))));
  const fullName = take(r, "fullName", fullNameValue(r.get("fullName")));
  const titleCode = required(r, "title", "Danh hiệu đăng ký", take(r, "title", individualTitleValue(r.get("title"), titles, "Danh hiệu đăng ký")));
  if (code !== undefined && !seen(r, code)) return null;
  if (r.failed || code === undefined || titleCode === undefined) return null;
  return { row: r.row, code, fullName: fullName ?? null, titleCode };
}

function parseResultRow(r: RowReader, ctx: ImportContext, titles: TitleIndex, seen: ReturnType<typeof duplicateTracker>): ResultRowInput | null {
  const code = required(r, "code", "Mã cán bộ", take(r, "code", codeValue(r.get("code"))));
  const fullName = take(r, "fullName", fullNameValue(r.get("fullName")));
  const rating = required(r, "rating", "Xếp loại", take(r, "rating", ratingValue(r.get("rating"))));
  const awardedTitleCode = take(r, "awardedTitle", individualTitleValue(r.get("awardedTitle"), titles, "Danh hiệu được công nhận"));
  const decisionNo = take(r, "decisionNo", textValue(r.get("decisionNo"), "Số quyết định", 60));
  const decisionDate = take(r, "decisionDate", dateValue(r.get("decisionDate"), "Ngày quyết định"));
  const decisionSigner = take(r, "decisionSigner", textValue(r.get("decisionSigner"), "Người ký", 120));
  if (awardedTitleCode) {
    if (decisionNo === null) r.fail("decisionNo", "Số quyết định là bắt buộc khi có danh hiệu được công nhận.");
    if (decisionDate === null) r.fail("decisionDate", "Ngày quyết định là bắt buộc khi có danh hiệu được công nhận.");
    if (decisionSigner === null) r.fail("decisionSigner", "Người ký là bắt buộc khi có danh hiệu được công nhận.");
  } else if (awardedTitleCode === null && (decisionNo || decisionDate || decisionSigner)) {
    r.fail("awardedTitle", "Có quyết định nhưng chưa ghi danh hiệu được công nhận; hãy ghi danh hiệu hoặc xóa thông tin quyết định.");
  }
  if (decisionDate) {
    const from = `${ctx.year}-01-01`;
    if (decisionDate < from || decisionDate > ctx.today) {
      r.fail("decisionDate", `Ngày quyết định ${formatIso(decisionDate)} phải từ ${formatIso(from)} đến hôm nay (${formatIso(ctx.today)}).`);
    }
  }
  if (code !== undefined && !seen(r, code)) return null;
  if (r.failed || code === undefined || rating === undefined || awardedTitleCode === undefined) return null;
  if (decisionNo === undefined || decisionDate === undefined || decisionSigner === undefined) return null;
  return {
    row: r.row,
    code,
    fullName: fullName ?? null,
    rating,
    awardedTitleCode,
    decisionNo: awardedTitleCode ? decisionNo : null,
    decisionDate: awardedTitleCode ? decisionDate : null,
    decisionSigner: awardedTitleCode ? decisionSigner : null,
  };
}

/**
 * Reads the template's sheets out of a workbook and validates every row. Sheets are found by name
 * (diacritics and case ignored; other sheets are ignored), columns by their header in row 1 (order
 * free, unknown columns ignored), blank rows skipped. Every problem is reported, none stops the
 * reading; rows with a problem are left out of the result. Never throws.
 */
export function parseWorkbook(sheets: readonly RawSheet[], ctx: ImportContext): ParsedWorkbook {
  const out: ParsedWorkbook = {
    officers: [],
    registrations: [],
    results: [],
    errors: [],
    sheetsFound: [],
    rowCounts: { officers: 0, registrations: 0, results: 0 },
  };
  try {
    const titles = buildTitleIndex(ctx.titles);
    const findSubUnit = subUnitIndex(ctx.subUnits);
    const used = new Set<SheetKey>();
    for (const sheet of sheets) {
      const def = matchSheet(String(sheet.name ?? ""));
      if (!def) continue;
      if (used.has(def.key)) {
        out.errors.push({ sheet: def.name, row: null, column: null, message: `Tệp có hai trang tính “${def.name}”; chỉ được có một.` });
        continue;
      }
      used.add(def.key);
      out.sheetsFound.push(def.key);
      const dataRows = sheet.rows.filter((r) => r.row > HEADER_ROW && !isBlankRow(r.cells));
      if (dataRows.length === 0) continue;
      out.rowCounts[def.key] = dataRows.length;
      if (dataRows.length > MAX_ROWS_PER_SHEET) {
        out.errors.push({
          sheet: def.name,
          row: null,
          column: null,
          message: `Trang “${def.name}” có ${dataRows.length.toLocaleString("vi-VN")} dòng; tối đa ${MAX_ROWS_PER_SHEET.toLocaleString("vi-VN")} dòng mỗi lần nhập.`,
        });
        continue;
      }
      const header = readHeader(sheet, def, out.errors);
      if (!header) continue;
      const seen = duplicateTracker();
      for (const { row, cells } of dataRows) {
        const r = rowReader(def, header, row, cells, out.errors);
        if (def.key === "officers") {
          const parsed = parseOfficerRow(r, ctx, findSubUnit, seen);
          if (parsed) out.officers.push(parsed);
        } else if (def.key === "registrations") {
          const parsed = parseRegistrationRow(r, titles, seen);
          if (parsed) out.registrations.push(parsed);
        } else {
          const parsed = parseResultRow(r, ctx, titles, seen);
          if (parsed) out.results.push(parsed);
        }
      }
    }
    if (out.sheetsFound.length === 0) {
      out.errors.push({
        sheet: "Tệp",
        row: null,
        column: null,
        message: `Tệp không có trang tính nào theo mẫu (${SHEET_DEFS.map((s) => `“${s.name}”`).join(", ")}). Hãy tải tệp mẫu và nhập dữ liệu vào đó.`,
      });
    } else if (out.errors.length === 0 && out.officers.length + out.registrations.length + out.results.length === 0) {
      out.errors.push({ sheet: "Tệp", row: null, column: null, message: "Tệp không có dòng dữ liệu nào (dữ liệu bắt đầu từ dòng 2, dưới dòng tiêu đề)." });
    }
  } catch {
    out.errors.push({ sheet: "Tệp", row: null, column: null, message: "Không đọc được nội dung tệp; hãy dùng tệp mẫu." });
  }
  out.errors.sort(compareImportErrors);
  return out;
}

// ---------------------------------------------------------------------------------------------
// When an emulation year accepts results (shared by the import and the results commands; a CLOSED year
// accepts nothing). Registrations follow src/domain/registration-window.ts.

/** Results (ratings, awarded titles) are recorded from the year-end report until the year closes. */
export const RESULTS_PHASES: readonly YearPhase[] = ["REPORTING", "SCORING", "CONFERENCE", "RESULTS"];

export function resultsWindowError(year: { year: number; phase: YearPhase }): string | null {
  if (year.phase === "CLOSED") return YEAR_CLOSED_MESSAGE;
  if (RESULTS_PHASES.includes(year.phase)) return null;
  return `Năm thi đua ${year.year} đang ở giai đoạn “${PHASE_LABELS[year.phase]}”; kết quả chỉ được ghi nhận từ giai đoạn “${PHASE_LABELS.REPORTING}” đến khi khóa sổ.`;
}
