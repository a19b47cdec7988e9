// The year's scores as an Excel workbook (criteria × units), the sheet a secretariat passes upward:
//  - "Tổng hợp": per unit, the self total, the final total, each section, bonus and penalty, the rank;
//  - "Điểm cuối cùng", "Tự chấm", "Chấm chéo (TB)": one row per criterion (grouped by section, with the
//    section's counted total), one column per unit, the total at the bottom.
// Points are real numbers (0,5 steps; averages to two decimals). Text is stored as text, never as a
// formula. Reads only what scoresMatrix() returned (permission already checked).
import ExcelJS from "exceljs";
import { criterionLabel, sectionLabel, SECTION_KIND_LABELS, type ReportTotals } from "@/domain/scoring";
import type { scoresMatrix } from "@/server/queries/scoring";

type Matrix = Awaited<ReturnType<typeof scoresMatrix>>;

const FONT = { name: "Times New Roman", size: 12 } as const;
const BOLD = { ...FONT, bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
const SECTION_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F3F3" } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  bottom: { style: "thin" },
  left: { style: "thin" },
  right: { style: "thin" },
};
const POINTS_FORMAT = "0.0#";

/** Text for a cell: control characters removed; a leading = + - @ cannot start a formula in a text cell, but keep it visible as typed. */
const text = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
const points = (half: number | null | undefined) => (half == null ? null : Math.round((half / 2) * 100) / 100);

function titleRows(ws: ExcelJS.Worksheet, matrix: Matrix, title: string, width: number) {
  const lines = [matrix.year.clusterName.toUpperCase(), `${title} – NĂM THI ĐUA ${matrix.year.year}`];
  lines.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text(line);
    row.getCell(1).font = i === 0 ? FONT : { ...BOLD, size: 14 };
    ws.mergeCells(i + 1, 1, i + 1, width);
    row.getCell(1).alignment = { horizontal: "center" };
  });
  return lines.length + 2;
}

function styleHeader(row: ExcelJS.Row, count: number) {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  }
}

/** A section's row and the total row: bold, filled, points from the third column on. */
function styleSumRow(row: ExcelJS.Row, width: number, fill: ExcelJS.Fill) {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.font = BOLD;
    cell.fill = fill;
    cell.border = BORDER;
    if (c >= 3) cell.numFmt = POINTS_FORMAT;
  }
}

function matrixSheet(wb: ExcelJS.Workbook, matrix: Matrix, name: string, title: string, valueOf: (u: Matrix["units"][number], criterionId: string) => number | null, totalsOf: ((u: Matrix["units"][number]) => ReportTotals) | null) {
  const { table, units } = matrix;
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 3, ySplit: 5 }], pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  const width = 3 + units.length;
  const start = titleRows(ws, matrix, title, width);
  ws.columns = [{ width: 8 }, { width: 60 }, { width: 9 }, ...units.map(() => ({ width: 16 }))];
  const header = ws.getRow(start);
  ["TT", "Tiêu chí", "Tối đa", ...units.map((u) => u.unitName)].forEach((h, i) => (header.getCell(i + 1).value = text(h)));
  header.height = 48;
  styleHeader(header, width);
  let r = start + 1;
  for (const section of table.sections) {
    const row = ws.getRow(r++);
    row.getCell(1).value = section.kind === "SCORED" ? sectionLabel(table, section.id) : "";
    row.getCell(2).value = text(section.kind === "SCORED" ? section.title : `${SECTION_KIND_LABELS[section.kind]} (mức trần)`);
    row.getCell(3).value = points(section.maxHalf);
    units.forEach((u, i) => {
      row.getCell(4 + i).value = totalsOf ? points(totalsOf(u).sections.find((s) => s.sectionId === section.id)?.countedHalf) : null;
    });
    styleSumRow(row, width, SECTION_FILL);
    for (const c of section.criteria) {
      const cr = ws.getRow(r++);
      cr.getCell(1).value = criterionLabel(table, c.id);
      cr.getCell(2).value = text(c.title);
      cr.getCell(3).value = points(c.maxHalf);
      units.forEach((u, i) => (cr.getCell(4 + i).value = points(valueOf(u, c.id))));
      for (let col = 1; col <= width; col++) {
        const cell = cr.getCell(col);
        cell.font = FONT;
        cell.border = BORDER;
        cell.alignment = col === 2 ? { wrapText: true, vertical: "top" } : { vertical: "top", horizontal: col === 1 ? "center" : "right" };
        if (col >= 3) cell.numFmt = POINTS_FORMAT;
      }
    }
  }
  const total = ws.getRow(r);
  total.getCell(2).value = "TỔNG ĐIỂM";
  total.getCell(3).value = points(table.totalHalf);
  units.forEach((u, i) => (total.getCell(4 + i).value = totalsOf ? points(totalsOf(u).totalHalf) : null));
  styleSumRow(total, width, HEADER_FILL);
  return ws;
}

export async function buildScoresWorkbook(matrix: Matrix): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sổ Thi đua";
  wb.created = new Date();
  const { table, units } = matrix;
  const scored = table.sections.filter((s) => s.kind === "SCORED");

  // Summary
  const ws = wb.addWorksheet("Tổng hợp", { pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  const headers = ["Xếp hạng", "Đơn vị", "Tự chấm", "Điểm cuối cùng", ...scored.map((s) => `Mục ${sectionLabel(table, s.id)}`), "Điểm thưởng", "Điểm trừ", "Trạng thái báo cáo"];
  const start = titleRows(ws, matrix, "BẢNG TỔNG HỢP ĐIỂM THI ĐUA", headers.length);
  ws.columns = [{ width: 10 }, { width: 48 }, { width: 11 }, { width: 14 }, ...scored.map(() => ({ width: 10 })), { width: 12 }, { width: 10 }, { width: 20 }];
  const header = ws.getRow(start);
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.height = 36;
  styleHeader(header, headers.length);
  const sorted = [...units].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  sorted.forEach((u, i) => {
    const row = ws.getRow(start + 1 + i);
    const hasFinal = matrix.roundState !== null && matrix.roundState !== "OPEN";
    const values = [
      u.rank,
      text(u.unitName),
      points(u.selfTotals.totalHalf),
      hasFinal ? points(u.finalTotals.totalHalf) : null,
      ...scored.map((s) => (hasFinal ? points(u.finalTotals.sections.find((x) => x.sectionId === s.id)?.countedHalf) : null)),
      hasFinal ? points(u.finalTotals.bonusHalf) : null,
      hasFinal ? points(u.finalTotals.penaltyHalf) : null,
      u.status === "ACCEPTED" ? "Đã chấp nhận" : "Chờ xem xét",
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.font = FONT;
      cell.border = BORDER;
      if (c >= 2 && c < values.length - 1) cell.numFmt = POINTS_FORMAT;
    });
  });
  const note = ws.getRow(start + sorted.length + 2);
  note.getCell(1).value =
    matrix.roundState === "FINALISED"
      ? "Kết quả đã được Thư ký Cụm chốt."
      : "Kết quả chưa được chốt: điểm cuối cùng có thể còn thay đổi.";
  note.getCell(1).font = { ...FONT, italic: true };

  matrixSheet(wb, matrix, "Điểm cuối cùng", "BẢNG ĐIỂM CUỐI CÙNG THEO TIÊU CHÍ", (u, id) => u.final.get(id) ?? null, (u) => u.finalTotals);
  matrixSheet(wb, matrix, "Tự chấm", "BẢNG ĐIỂM TỰ CHẤM THEO TIÊU CHÍ", (u, id) => u.self.get(id) ?? null, (u) => u.selfTotals);
  if (matrix.roundState && matrix.roundState !== "OPEN") {
    matrixSheet(wb, matrix, "Chấm chéo (TB)", "ĐIỂM CHẤM CHÉO TRUNG BÌNH THEO TIÊU CHÍ", (u, id) => u.average.get(id) ?? null, null);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
