// The import template (exceljs): an instructions sheet in Vietnamese, the three data sheets of
// src/domain/excel-rows.ts with styled headers, frozen header rows and drop-down lists (rank, sub-unit,
// title, rating) fed from a hidden "Danh mục" sheet, text-formatted code columns and date-formatted
// date columns. The import reads the data sheets by name and ignores the others.
import ExcelJS from "exceljs";
import { INDIVIDUAL_TITLES } from "@/domain/eligibility";
import {
  HEADER_ROW,
  MAX_ROWS_PER_SHEET,
  safeCellText,
  SHEET_DEFS,
  type ColumnKey,
  type SheetDef,
  type SubUnitInfo,
  type TitleInfo,
} from "@/domain/excel-rows";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { RANKS } from "@/domain/ranks";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { prisma } from "@/server/db";
import { MAX_IMPORT_BYTES } from "./import";

const LISTS_SHEET = "Danh mục";
/** Rows of the data sheets that carry drop-downs and formats. */
const FORMATTED_ROWS = 5000;

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1E3A8A" } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" }, name: "Times New Roman", size: 12 };
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF94A3B8" } },
  left: { style: "thin", color: { argb: "FF94A3B8" } },
  bottom: { style: "thin", color: { argb: "FF94A3B8" } },
  right: { style: "thin", color: { argb: "FF94A3B8" } },
};

export type TemplateOptions = {
  /** The unit the template is for (shown in the instructions); its sub-units feed the drop-down. */
  unitName: string | null;
  subUnits: readonly SubUnitInfo[];
  titles: readonly TitleInfo[];
};

export function setupWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sổ Thi đua";
  wb.created = new Date();
  return wb;
}

function instructions(wb: ExcelJS.Workbook, opts: TemplateOptions) {
  const ws = wb.addWorksheet("Hướng dẫn", { properties: { tabColor: { argb: "FF1E3A8A" } } });
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 110;
  const title = ws.addRow(["HƯỚNG DẪN NHẬP DỮ LIỆU THI ĐUA TỪ TỆP EXCEL"]);
  title.font = { bold: true, size: 14, name: "Times New Roman" };
  ws.mergeCells(1, 1, 1, 2);
  if (opts.unitName) ws.addRow(["Đơn vị", safeCellText(opts.unitName)]);
  ws.addRow([]);
  const lines: [string, string][] = [
    ["Cách dùng", "Điền dữ liệu vào các trang “Cán bộ”, “Đăng ký danh hiệu”, “Kết quả” (không cần dùng cả ba). Giữ nguyên dòng tiêu đề ở dòng 1; dữ liệu bắt đầu từ dòng 2, mỗi cán bộ một dòng."],
    ["Năm thi đua", "Chọn năm thi đua trên trang Nhập từ Excel khi tải tệp lên; trang “Đăng ký danh hiệu” và “Kết quả” được ghi cho năm đó."],
    ["Nhận diện cán bộ", "Cán bộ được nhận diện theo Mã cán bộ. Mã đã có trong đơn vị: cập nhật; mã chưa có: thêm mới. Mã của cán bộ đơn vị khác: báo lỗi."],
    ["Tất cả hoặc không gì cả", "Nếu tệp có bất kỳ lỗi nào, hệ thống không lưu dòng nào và liệt kê lỗi theo trang, dòng, cột. Sửa hết lỗi rồi tải tệp lên lại."],
    ["Nhập lại", "Nhập lại cùng một tệp không làm thay đổi gì: các dòng trùng với dữ liệu đã lưu được bỏ qua."],
    ["Chỉ nhập giá trị", "Không dùng công thức Excel; không nhập nội dung bắt đầu bằng =, +, -, @ như công thức. Ô có công thức sẽ bị báo lỗi."],
    ["Ngày tháng", "Nhập dạng dd/mm/yyyy (ví dụ 15/12/2021) hoặc ô kiểu ngày của Excel."],
    ["Danh hiệu", "Ghi mã, tên viết tắt hoặc tên đầy đủ (có dấu hoặc không dấu): CST, CSTĐCS, CSTĐ CAND, CSTĐ toàn quốc. Chỉ tiêu CSTĐCS được kiểm tra trên toàn bộ đăng ký của đơn vị."],
    ["Giới hạn", `Tệp .xlsx, tối đa ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, tối đa ${MAX_ROWS_PER_SHEET.toLocaleString("vi-VN")} dòng mỗi trang. Tệp .xls (Excel cũ) hoặc có mật khẩu không đọc được.`],
  ];
  for (const [k, v] of lines) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    row.getCell(1).alignment = { vertical: "top" };
  }
  for (const def of SHEET_DEFS) {
    ws.addRow([]);
    const head = ws.addRow([`Trang “${def.name}”`, def.description]);
    head.font = { bold: true, color: { argb: "FF1E3A8A" } };
    head.getCell(2).alignment = { wrapText: true };
    for (const col of def.columns) {
      const row = ws.addRow([col.header, col.hint]);
      row.getCell(2).alignment = { wrapText: true, vertical: "top" };
    }
  }
  ws.addRow([]);
  const ex = ws.addRow(["Ví dụ (trang Kết quả)", "KTNV-00012 | Nguyễn Văn An | Hoàn thành xuất sắc nhiệm vụ | Chiến sĩ thi đua cơ sở | 912/QĐ-BCA | 15/12/2021 | Bộ trưởng Bộ Công an"]);
  ex.getCell(1).font = { italic: true };
}

type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

export type Lists = { columns: [string, string[]][]; ranges: Record<string, string | null> };

/** The drop-down lists and the ranges they will occupy in the hidden sheet. */
function listData(opts: TemplateOptions): Lists {
  const individual = opts.titles.filter((t) => t.kind === "INDIVIDUAL" && t.active && (INDIVIDUAL_TITLES as readonly string[]).includes(t.code));
  return listsOf([
    ["Cấp bậc", [...RANKS]],
    ["Danh hiệu cá nhân", individual.map((t) => t.name)],
    ["Xếp loại", Object.values(TASK_RATINGS)],
    ["Phòng/Đội", opts.subUnits.map((s) => s.name)],
  ]);
}

/** Named lists (header, values) and the ranges they will occupy in the hidden sheet. */
export function listsOf(columns: [string, string[]][]): Lists {
  const ranges: Record<string, string | null> = {};
  columns.forEach(([header, values], i) => {
    const letter = String.fromCharCode(65 + i);
    ranges[header] = values.length ? `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}` : null;
  });
  return { columns, ranges };
}

export function listSheet(wb: ExcelJS.Workbook, lists: Lists) {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  lists.columns.forEach(([header, values], i) => {
    ws.getCell(1, i + 1).value = header;
    values.forEach((v, j) => (ws.getCell(j + 2, i + 1).value = safeCellText(v)));
  });
}

export function dataSheet(wb: ExcelJS.Workbook, def: SheetDef<string>, listRanges: Record<string, string | null>) {
  const ws = wb.addWorksheet(def.name, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  ws.columns = def.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(HEADER_ROW);
  header.height = 22;
  header.eachCell((cell, n) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    const col = def.columns[n - 1];
    if (col) cell.note = `${col.required ? "Bắt buộc. " : ""}${col.hint.replace(/^Bắt buộc\. /, "")}`;
  });
  const lastRow = HEADER_ROW + FORMATTED_ROWS;
  const listFor: Partial<Record<ColumnKey, string>> = {
    rank: "Cấp bậc",
    title: "Danh hiệu cá nhân",
    awardedTitle: "Danh hiệu cá nhân",
    rating: "Xếp loại",
    subUnit: "Phòng/Đội",
    // The commendation register's sheet (commendation-template.ts).
    subjectKind: "Đối tượng",
    form: "Hình thức khen thưởng",
    unitCode: "Mã đơn vị",
  };
  def.columns.forEach((col, i) => {
    const letter = String.fromCharCode(65 + i);
    const column = ws.getColumn(i + 1);
    if (col.key === "code" || col.key === "decisionNo" || col.key === "unitCode" || col.key === "year") column.numFmt = "@";
    if (col.key === "decisionDate") column.numFmt = "dd/mm/yyyy";
    const list = listFor[col.key];
    const range = list ? listRanges[list] : null;
    if (range) {
      // exceljs 4.4 has ranges of validations (dataValidations.add) but its typings omit them.
      (ws as unknown as RangeValidations).dataValidations.add(`${letter}${HEADER_ROW + 1}:${letter}${lastRow}`, {
        type: "list",
        allowBlank: !col.required,
        formulae: [range],
        showErrorMessage: col.key !== "subUnit" && col.key !== "title" && col.key !== "awardedTitle" && col.key !== "unitCode",
        errorStyle: "warning",
        errorTitle: col.header,
        error: `Giá trị không có trong danh mục ${list?.toLowerCase()}.`,
      });
    }
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: def.columns.length } };
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
}

/** The template workbook as xlsx bytes. */
export async function buildTemplateWorkbook(opts: TemplateOptions): Promise<Buffer> {
  const wb = setupWorkbook();
  const lists = listData(opts);
  instructions(wb, opts);
  for (const def of SHEET_DEFS) dataSheet(wb, def, lists.ranges);
  listSheet(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * What the template offers the actor: the title catalogue and, for a unit's own users, the unit's
 * sub-units (their names feed the drop-down). Null when the actor may not use the import at all.
 */
export async function templateOptionsFor(actor: Actor): Promise<TemplateOptions | null> {
  if (!roleMay(actor, "registration.view")) return null;
  const titles = await prisma.titleDefinition.findMany({ orderBy: [{ kind: "asc" }, { level: "asc" }], select: { code: true, name: true, shortName: true, kind: true, active: true } });
  if (!actor.unitId) return { unitName: null, subUnits: [], titles };
  const unit = await prisma.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, name: true, clusterId: true, parentId: true } });
  if (!unit || unit.parentId || !can(actor, "registration.view", { unitId: unit.id, clusterId: unit.clusterId })) return { unitName: null, subUnits: [], titles };
  const subUnits = await prisma.unit.findMany({ where: { parentId: unit.id, active: true }, orderBy: { sortKey: "asc" }, select: { id: true, code: true, name: true } });
  return { unitName: unit.name, subUnits, titles };
}
