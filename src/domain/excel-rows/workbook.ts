// A workbook's template sheets found, their headers read and every row validated.
import type { IndividualTitle, TaskRating } from "../eligibility/types";
import type { Rank } from "../ranks";
import { readCell } from "./cells";
import { compareImportErrors, type ImportError } from "./errors";
import { columnLetter, HEADER_ROW, MAX_ROWS_PER_SHEET, SHEET_DEFS, type ColumnDef, type SheetDef, type SheetKey } from "./layout";
import { duplicateTracker, isBlankRow, parseOfficerRow, parseRegistrationRow, parseResultRow, rowReader, subUnitIndex, type HeaderMap } from "./rows";
import { buildTitleIndex, type TitleInfo } from "./titles";
import { looseKey } from "./values";

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

function matchSheet(name: string): SheetDef | undefined {
  const key = looseKey(name);
  return SHEET_DEFS.find((s) => [s.name, ...s.aliases].some((n) => looseKey(n) === key));
}

export function readHeader(sheet: RawSheet, def: SheetDef<string>, errors: ImportError[]): HeaderMap | null {
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
