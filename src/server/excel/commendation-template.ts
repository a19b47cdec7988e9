// The commendation register's import template (issue 14 item 4): instructions, the "Khen thưởng" sheet
// (src/domain/excel-rows/commendations.ts) with the unit template's styling, drop-downs for the subject,
// the form and the cluster's unit codes.
import { COMMENDATION_FORMS } from "@/domain/awards";
import { COMMENDATION_SHEET, MAX_ROWS_PER_SHEET, safeCellText, SUBJECT_KINDS } from "@/domain/excel-rows";
import { MAX_IMPORT_BYTES } from "./import";
import { dataSheet, listSheet, listsOf, setupWorkbook } from "./template";

export async function buildCommendationTemplate(opts: { clusterName: string; units: readonly { code: string; name: string }[] }): Promise<Buffer> {
  const wb = setupWorkbook();
  const ws = wb.addWorksheet("Hướng dẫn", { properties: { tabColor: { argb: "FF1E3A8A" } } });
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 110;
  ws.addRow(["HƯỚNG DẪN NHẬP SỔ KHEN THƯỞNG TỪ TỆP EXCEL"]).font = { bold: true, size: 14, name: "Times New Roman" };
  ws.addRow(["Cụm thi đua", safeCellText(opts.clusterName)]);
  ws.addRow([]);
  const lines: [string, string][] = [
    ["Cách dùng", `Điền trang “${COMMENDATION_SHEET.name}”, mỗi dòng một hình thức khen thưởng đã có quyết định. Giữ nguyên dòng tiêu đề ở dòng 1.`],
    ["Tất cả hoặc không gì cả", "Nếu tệp có bất kỳ lỗi nào, không dòng nào được lưu; các lỗi được liệt kê theo dòng và cột. Sửa hết lỗi rồi tải tệp lên lại."],
    ["Trùng", "Một khen thưởng đã có trong sổ (cùng đối tượng, hình thức, số quyết định) bị báo lỗi, không ghi hai lần."],
    ["Năm đã khóa sổ", "Không nhập được khen thưởng của năm thi đua đã khóa sổ."],
    ["Giới hạn", `Tệp .xlsx, tối đa ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, tối đa ${MAX_ROWS_PER_SHEET.toLocaleString("vi-VN")} dòng.`],
    ...COMMENDATION_SHEET.columns.map((c): [string, string] => [c.header, c.hint]),
    ["Mã đơn vị trong Cụm", opts.units.map((u) => `${u.code}: ${u.name}`).join("; ")],
  ];
  for (const [k, v] of lines) {
    const row = ws.addRow([safeCellText(k), safeCellText(v)]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  const lists = listsOf([
    ["Đối tượng", Object.values(SUBJECT_KINDS)],
    ["Hình thức khen thưởng", Object.values(COMMENDATION_FORMS).map((f) => f.label)],
    ["Mã đơn vị", opts.units.map((u) => u.code)],
  ]);
  dataSheet(wb, COMMENDATION_SHEET, lists.ranges);
  listSheet(wb, lists);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
