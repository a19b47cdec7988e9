// The commendation register's sheet (issue 14 item 4, docs/domain.md §9): one commendation a row —
// year, collective or individual, the unit's or the officer's code, the form, the decision. Read with
// the workbook's own cell, header and row machinery; every problem is an error by row and column.
import { COMMENDATION_FORMS, type CommendationForm } from "../awards/catalogue";
import type { ImportError } from "./errors";
import { dateValue, decisionDateError } from "./dates";
import { CODE, HEADER_ROW, MAX_ROWS_PER_SHEET, NAME_CHECK, RESULT_SHEET, type ColumnKey, type SheetDef } from "./layout";
import { isBlankRow, rowReader, type RowReader } from "./rows";
import { codeValue, fullNameValue, looseKey, textValue, type Checked } from "./values";
import { readHeader, type RawSheet } from "./workbook";

const decisionColumn = (key: ColumnKey, hint: string) => ({ ...RESULT_SHEET.columns.find((c) => c.key === key)!, required: true, hint });

export const SUBJECT_KINDS = { UNIT: "Tập thể", OFFICER: "Cá nhân" } as const;
export type SubjectKind = keyof typeof SUBJECT_KINDS;

export const COMMENDATION_SHEET: SheetDef<"commendations"> = {
  key: "commendations",
  name: "Khen thưởng",
  aliases: ["Sổ khen thưởng", "Hình thức khen thưởng"],
  description: "Mỗi dòng một hình thức khen thưởng đã có quyết định (tập thể hoặc cá nhân của các đơn vị trong Cụm).",
  columns: [
    { key: "year", header: "Năm", aliases: ["Năm thành tích"], required: true, width: 8, hint: "Bắt buộc. Năm của thành tích được khen (4 chữ số, ví dụ 2021)." },
    { key: "subjectKind", header: "Đối tượng", aliases: ["Tập thể/Cá nhân"], required: true, width: 12, hint: "Bắt buộc. “Tập thể” hoặc “Cá nhân”." },
    { key: "unitCode", header: "Mã đơn vị", aliases: ["Đơn vị"], required: false, width: 14, hint: "Tập thể: bắt buộc, mã đơn vị thành viên của Cụm. Cá nhân: để trống." },
    { ...CODE, required: false, hint: "Cá nhân: bắt buộc, mã cán bộ của một đơn vị trong Cụm. Tập thể: để trống." },
    NAME_CHECK,
    {
      key: "form",
      header: "Hình thức khen thưởng",
      aliases: ["Hình thức"],
      required: true,
      width: 36,
      hint: `Bắt buộc. Một trong: ${Object.values(COMMENDATION_FORMS).map((f) => f.label).join("; ")}.`,
    },
    decisionColumn("decisionNo", "Bắt buộc (tối đa 60 ký tự)."),
    decisionColumn("decisionDate", "Bắt buộc. Dạng dd/mm/yyyy hoặc ô kiểu ngày của Excel; từ ngày 01/01 của năm thành tích đến hôm nay."),
    decisionColumn("decisionSigner", "Bắt buộc (tối đa 120 ký tự)."),
  ],
};

export type CommendationRowInput = {
  row: number;
  year: number;
  subjectKind: SubjectKind;
  unitCode: string | null;
  officerCode: string | null;
  fullName: string | null;
  formCode: CommendationForm;
  decisionNo: string;
  decisionDate: string;
  decisionSigner: string;
};

const FORM_INDEX = new Map<string, CommendationForm>(
  (Object.entries(COMMENDATION_FORMS) as [CommendationForm, { label: string }][]).flatMap(([code, f]) => [
    [looseKey(code), code],
    [looseKey(f.label), code],
  ]),
);
const KIND_INDEX = new Map<string, SubjectKind>([
  [looseKey("Tập thể"), "UNIT"],
  [looseKey("Đơn vị"), "UNIT"],
  [looseKey("Cá nhân"), "OFFICER"],
]);

function take<T>(r: RowReader, key: ColumnKey, checked: Checked<T>): T | undefined {
  if (checked.ok) return checked.value;
  r.fail(key, checked.message);
  return undefined;
}

function parseRow(r: RowReader, today: string): CommendationRowInput | null {
  const yearText = take(r, "year", textValue(r.get("year"), "Năm", 10));
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : null;
  if (yearText === null) r.fail("year", "Năm là bắt buộc.");
  else if (yearText !== undefined && (year === null || year < 2000 || year > 2100)) r.fail("year", `Năm “${yearText}” không hợp lệ (4 chữ số, từ 2000 đến 2100).`);
  const kindText = take(r, "subjectKind", textValue(r.get("subjectKind"), "Đối tượng", 20));
  const subjectKind = kindText ? (KIND_INDEX.get(looseKey(kindText)) ?? null) : null;
  if (kindText === null) r.fail("subjectKind", "Đối tượng là bắt buộc (“Tập thể” hoặc “Cá nhân”).");
  else if (kindText !== undefined && !subjectKind) r.fail("subjectKind", `Đối tượng “${kindText}” không hợp lệ; ghi “Tập thể” hoặc “Cá nhân”.`);
  const unitCode = take(r, "unitCode", codeValue(r.get("unitCode"), "Mã đơn vị"));
  const officerCode = take(r, "code", codeValue(r.get("code")));
  const fullName = take(r, "fullName", fullNameValue(r.get("fullName")));
  if (subjectKind === "UNIT" && unitCode === null) r.fail("unitCode", "Khen thưởng tập thể: Mã đơn vị là bắt buộc.");
  if (subjectKind === "UNIT" && officerCode) r.fail("code", "Khen thưởng tập thể: để trống Mã cán bộ.");
  if (subjectKind === "OFFICER" && officerCode === null) r.fail("code", "Khen thưởng cá nhân: Mã cán bộ là bắt buộc.");
  const formText = take(r, "form", textValue(r.get("form"), "Hình thức khen thưởng", 200));
  const formCode = formText ? (FORM_INDEX.get(looseKey(formText)) ?? null) : null;
  if (formText === null) r.fail("form", "Hình thức khen thưởng là bắt buộc.");
  else if (formText !== undefined && !formCode) r.fail("form", `Hình thức “${formText}” không có trong danh mục.`);
  const decisionNo = take(r, "decisionNo", textValue(r.get("decisionNo"), "Số quyết định", 60));
  if (decisionNo === null) r.fail("decisionNo", "Số quyết định là bắt buộc.");
  const decisionDate = take(r, "decisionDate", dateValue(r.get("decisionDate"), "Ngày quyết định"));
  if (decisionDate === null) r.fail("decisionDate", "Ngày quyết định là bắt buộc.");
  else if (decisionDate && year) {
    const wrong = decisionDateError(decisionDate, year, today);
    if (wrong) r.fail("decisionDate", wrong);
  }
  const decisionSigner = take(r, "decisionSigner", textValue(r.get("decisionSigner"), "Người ký", 120));
  if (decisionSigner === null) r.fail("decisionSigner", "Người ký là bắt buộc.");
  if (r.failed || !year || !subjectKind || !formCode || !decisionNo || !decisionDate || !decisionSigner) return null;
  return {
    row: r.row,
    year,
    subjectKind,
    unitCode: subjectKind === "UNIT" ? unitCode! : null,
    officerCode: subjectKind === "OFFICER" ? officerCode! : null,
    fullName: fullName ?? null,
    formCode,
    decisionNo,
    decisionDate,
    decisionSigner,
  };
}

/**
 * The commendation rows of a workbook (the sheet found by name; other sheets ignored). The same row
 * twice (subject, form, decision number) is an error naming the first. Never throws.
 */
export function parseCommendationSheet(sheets: readonly RawSheet[], today: string): { rows: CommendationRowInput[]; errors: ImportError[] } {
  const def = COMMENDATION_SHEET;
  const errors: ImportError[] = [];
  const names = [def.name, ...def.aliases].map(looseKey);
  const sheet = sheets.find((s) => names.includes(looseKey(String(s.name ?? ""))));
  if (!sheet) return { rows: [], errors: [{ sheet: def.name, row: null, column: null, message: `Tệp không có trang tính “${def.name}”. Hãy dùng tệp mẫu.` }] };
  const dataRows = sheet.rows.filter((r) => r.row > HEADER_ROW && !isBlankRow(r.cells));
  if (dataRows.length === 0) return { rows: [], errors: [{ sheet: def.name, row: null, column: null, message: `Trang “${def.name}” không có dòng dữ liệu nào.` }] };
  if (dataRows.length > MAX_ROWS_PER_SHEET) {
    return { rows: [], errors: [{ sheet: def.name, row: null, column: null, message: `Trang “${def.name}” có ${dataRows.length.toLocaleString("vi-VN")} dòng; tối đa ${MAX_ROWS_PER_SHEET.toLocaleString("vi-VN")} dòng mỗi lần nhập.` }] };
  }
  const header = readHeader(sheet, def, errors);
  if (!header) return { rows: [], errors };
  const rows: CommendationRowInput[] = [];
  const first = new Map<string, number>();
  for (const { row, cells } of dataRows) {
    const r = rowReader(def, header, row, cells, errors);
    const parsed = parseRow(r, today);
    if (!parsed) continue;
    const key = `${parsed.subjectKind}:${parsed.unitCode ?? parsed.officerCode}:${parsed.formCode}:${looseKey(parsed.decisionNo)}`;
    const seen = first.get(key);
    if (seen !== undefined) {
      r.fail("decisionNo", `Trùng dòng ${seen}: cùng đối tượng, cùng hình thức, cùng số quyết định.`);
      continue;
    }
    first.set(key, row);
    rows.push(parsed);
  }
  return { rows, errors };
}
