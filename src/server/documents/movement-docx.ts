// A movement's summary as a Word document (docs/domain.md §10): the heading of an administrative
// report, what the movement was, then per figure the total and every unit's value and rank. Built only
// from what movementDetail returned (permission already checked).
import { AlignmentType } from "docx";
import { MOVEMENT_SCOPE_LABELS } from "@/domain/movements";
import { formatFigure } from "@/domain/scoring/report-form";
import { formatDate } from "@/lib/format";
import type { MovementDetail } from "@/server/queries/movements";
import { center, grid, LANDSCAPE, packDocument, para, run } from "./docx-parts";

export async function buildMovementSummaryDocx(detail: MovementDetail): Promise<Buffer> {
  const { movement: m, summary, units } = detail;
  const reach = m.reach ? `${MOVEMENT_SCOPE_LABELS[m.scope]}: ${m.reach}` : MOVEMENT_SCOPE_LABELS[m.scope];
  const names = new Map(units.map((u) => [u.id, u.name]));
  const body = [
    center([run("BỘ CÔNG AN", { bold: true })]),
    center([run(reach.toUpperCase(), { bold: true })], 240),
    center([run("BÁO CÁO TỔNG HỢP KẾT QUẢ", { bold: true, size: 28 })]),
    center([run(m.name, { bold: true, size: 28 })], 240),
    para([run("Thời gian: ", { bold: true }), run(`từ ${formatDate(m.fromDate)} đến ${formatDate(m.toDate)}.`)]),
    para([run("Mục đích, nội dung: ", { bold: true }), run(m.purpose)]),
    para([run("Đơn vị tham gia: ", { bold: true }), run(`${detail.allUnits} đơn vị.`)]),
    para(
      [run(m.status === "CLOSED" ? `Tổng kết ngày ${formatDate(m.closedAt)}, ${m.closedByName ?? ""}.` : "Số liệu đến nay; phong trào chưa tổng kết.", { italics: true })],
      { after: 200 },
    ),
    ...summary.figures.flatMap((f, i) => [
      para([run(`${i + 1}. ${f.label} (${f.unitLabel}): tổng cộng ${formatFigure(f.total)} ${f.unitLabel}, ${f.reported} đơn vị báo cáo.`, { bold: true })], { before: 200 }),
      grid(
        ["Hạng", "Đơn vị", `Số liệu (${f.unitLabel})`],
        [12, 63, 25],
        f.ranking.map((r) => [r.rank == null ? "—" : String(r.rank), names.get(r.unitId) ?? "", r.value == null ? "Chưa báo cáo" : formatFigure(r.value)]),
      ),
    ]),
    para([run(`Lập bằng Sổ Thi đua ngày ${formatDate(new Date())}.`, { italics: true, size: 22 })], { before: 240, align: AlignmentType.RIGHT }),
  ];
  return packDocument(`Tổng hợp kết quả ${m.name}`, body, summary.figures.length > 0 ? LANDSCAPE : undefined);
}
