// A movement's summary as a workbook (docs/domain.md §10): the heading, then one row per participating
// unit with each figure's value and rank, and the totals. Built only from what movementDetail returned
// (permission already checked); text through safeCellText; figures as numbers.
import ExcelJS from "exceljs";
import { MOVEMENT_SCOPE_LABELS } from "@/domain/movements";
import { safeCellText } from "@/domain/excel-rows";
import { formatDate } from "@/lib/format";
import type { MovementDetail } from "@/server/queries/movements";
import { bordered, styleHeader, titleBlock } from "./export";

export const MOVEMENT_SHEET = "Tổng hợp";

export async function buildMovementSummaryWorkbook(detail: MovementDetail): Promise<Buffer> {
  const { movement: m, summary, units } = detail;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sổ Thi đua";
  wb.created = new Date();
  const ws = wb.addWorksheet(MOVEMENT_SHEET, { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = 2 + summary.figures.length * 2;
  const reach = m.reach ? `${MOVEMENT_SCOPE_LABELS[m.scope]}: ${m.reach}` : MOVEMENT_SCOPE_LABELS[m.scope];
  titleBlock(ws, ["BỘ CÔNG AN", `TỔNG HỢP KẾT QUẢ ${m.name.toUpperCase()}`, `${reach}; từ ${formatDate(m.fromDate)} đến ${formatDate(m.toDate)}`], width);
  ws.addRow([]);
  ws.columns = [{ width: 6 }, { width: 44 }, ...summary.figures.flatMap(() => [{ width: 18 }, { width: 8 }])];
  styleHeader(ws.addRow(["STT", "Đơn vị", ...summary.figures.flatMap((f) => [safeCellText(`${f.label} (${f.unitLabel})`), "Hạng"])]));
  const byFigure = summary.figures.map((f) => new Map(f.ranking.map((r) => [r.unitId, r])));
  units.forEach((u, i) => {
    const cells = byFigure.flatMap((ranks) => {
      const r = ranks.get(u.id);
      return r?.value != null ? [Number(r.value), r.rank] : [null, null];
    });
    bordered(ws.addRow([i + 1, safeCellText(u.name), ...cells]), width);
  });
  const total = ws.addRow(["", "Tổng cộng", ...summary.figures.flatMap((f) => [Number(f.total), null])]);
  bordered(total, width);
  total.font = { bold: true };
  for (let c = 3; c <= width; c += 2) ws.getColumn(c).numFmt = "#,##0.##";
  ws.addRow([]);
  ws.addRow([safeCellText(m.status === "CLOSED" ? `Tổng kết ngày ${formatDate(m.closedAt)} (${m.closedByName ?? ""}).` : "Số liệu đến nay; phong trào chưa tổng kết.")]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
