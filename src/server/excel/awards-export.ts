// The year's award workbooks (issue 14; docs/domain.md §9): the decision register (sổ quyết định
// khen thưởng) and the statistics in the shape of the statutory tables — titles by level of decision,
// forms of commendation by level, each for collectives and individuals, overall and per cluster.
// Built only from what the queries returned (permission already checked); text through safeCellText.
import ExcelJS from "exceljs";
import { COMMENDATION_FORMS, DECISION_LEVELS, isCommendationForm, ITEM_KINDS, statisticsRows, type DecisionLevel, type ItemKind, type StatisticsRow } from "@/domain/awards";
import { safeCellText } from "@/domain/excel-rows";
import { formatDate } from "@/lib/format";
import type { awardStatistics, DecisionRegister } from "@/server/queries/dossiers/documents";
import { bordered, styleHeader, titleBlock } from "./export";

const text = (v: string | null | undefined) => (v ? safeCellText(v) : "");
/** A count that does not apply (an individual count of a collective title). */
const NOT_APPLICABLE = "x";

function table(ws: ExcelJS.Worksheet, headers: string[], widths: number[], rows: (string | number | null)[][]) {
  ws.columns = widths.map((width) => ({ width }));
  styleHeader(ws.addRow(headers));
  for (const r of rows) bordered(ws.addRow(r.map((v) => (typeof v === "string" ? text(v) : v))), headers.length);
}

const sheet = (wb: ExcelJS.Workbook, name: string) =>
  wb.addWorksheet(name, { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });

function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sổ Thi đua";
  wb.created = new Date();
  return wb;
}

/** The register: one row per decision, a sheet of what each approved, and the decisions entered outside the dossiers. */
export async function buildDecisionRegister(r: DecisionRegister): Promise<Buffer> {
  const wb = workbook();
  const ws = sheet(wb, "Sổ quyết định");
  titleBlock(ws, ["BỘ CÔNG AN", `SỔ QUYẾT ĐỊNH KHEN THƯỞNG NĂM ${r.year}`, r.clusters.join("; ")], 9);
  ws.addRow([]);
  table(
    ws,
    ["STT", "Số quyết định", "Ngày", "Cấp quyết định", "Người ký", "Cụm thi đua", "Số tập thể", "Số cá nhân", "Ghi bởi"],
    [6, 20, 12, 26, 24, 26, 11, 11, 24],
    r.decisions.map((d, i) => {
      const officers = d.items.filter((it) => it.kind === "OFFICER_TITLE" || it.kind === "OFFICER_COMMENDATION").length;
      return [i + 1, d.number, formatDate(d.date), DECISION_LEVELS[d.level as DecisionLevel], d.signer, d.clusterName, d.items.length - officers, officers, `${d.recordedByName}, ${formatDate(d.recordedAt)}`];
    }),
  );
  if (!r.decisions.length) ws.addRow(["Chưa có quyết định nào được ghi trên hồ sơ đề nghị."]);

  const detail = sheet(wb, "Chi tiết khen thưởng");
  titleBlock(detail, [`DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG THEO QUYẾT ĐỊNH NĂM ${r.year}`], 7);
  detail.addRow([]);
  const rows: (string | number)[][] = [];
  for (const d of r.decisions)
    for (const it of d.items)
      rows.push([
        rows.length + 1,
        d.number,
        formatDate(d.date),
        ITEM_KINDS[it.kind as ItemKind],
        it.officer ? `${it.officer.rank} ${it.officer.fullName}` : it.unit.name,
        it.unit.name,
        it.title?.name ?? (it.commendationForm && isCommendationForm(it.commendationForm) ? COMMENDATION_FORMS[it.commendationForm].label : ""),
      ]);
  table(detail, ["STT", "Số quyết định", "Ngày", "Loại", "Tập thể, cá nhân", "Đơn vị", "Danh hiệu, hình thức"], [6, 20, 12, 28, 30, 30, 34], rows);

  const outside = sheet(wb, "Quyết định ngoài hồ sơ");
  titleBlock(outside, [`QUYẾT ĐỊNH GHI NGOÀI HỒ SƠ ĐỀ NGHỊ NĂM ${r.year}`], 5);
  outside.addRow([]);
  table(outside, ["STT", "Số quyết định", "Ngày", "Người ký", "Nội dung"], [6, 22, 12, 26, 40], r.outside.map((o, i) => [i + 1, o.number, formatDate(o.date), o.signer, o.what]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function statisticsSheet(ws: ExcelJS.Worksheet, rows: StatisticsRow[], heading: string[]) {
  titleBlock(ws, heading, 6);
  ws.addRow([]);
  const totalC = rows.reduce((s, r) => s + (r.collective ?? 0), 0);
  const totalI = rows.reduce((s, r) => s + (r.individual ?? 0), 0);
  table(
    ws,
    ["STT", "Danh hiệu, hình thức", "Cấp quyết định", "Tập thể", "Cá nhân", "Tổng số"],
    [6, 40, 26, 12, 12, 12],
    [...rows.map((r, i) => [i + 1, r.label, r.level, r.collective ?? NOT_APPLICABLE, r.individual ?? NOT_APPLICABLE, r.total]), ["", "Cộng", "", totalC, totalI, totalC + totalI]],
  );
  ws.lastRow!.font = { name: "Times New Roman", size: 12, bold: true };
}

/** The statistics workbook: Biểu 1 (titles), Biểu 2 (commendations), and per cluster. */
export async function buildAwardStatistics(s: Awaited<ReturnType<typeof awardStatistics>>): Promise<Buffer> {
  const wb = workbook();
  const { titles, commendations } = statisticsRows(s.total);
  const scope = s.perCluster.length === 1 ? s.perCluster[0]!.clusterName : `${s.perCluster.length} cụm thi đua`;
  statisticsSheet(sheet(wb, "Biểu 1 - Danh hiệu thi đua"), titles, ["BIỂU 1", `SỐ DANH HIỆU THI ĐUA ĐƯỢC TẶNG NĂM ${s.year}`, scope]);
  statisticsSheet(sheet(wb, "Biểu 2 - Khen thưởng"), commendations, ["BIỂU 2", `SỐ HÌNH THỨC KHEN THƯỞNG NĂM ${s.year}`, scope]);
  const notes = wb.getWorksheet("Biểu 2 - Khen thưởng")!;
  notes.addRow([]);
  notes.addRow([text(`Không tính ${s.total.revoked} danh hiệu, hình thức khen thưởng đã bị thu hồi.`)]);

  const by = sheet(wb, "Theo cụm");
  const all = [...titles, ...commendations];
  titleBlock(by, [`SỐ DANH HIỆU, HÌNH THỨC KHEN THƯỞNG THEO CỤM NĂM ${s.year}`], all.length + 1);
  by.addRow([]);
  table(
    by,
    ["Cụm thi đua", ...all.map((r) => r.label)],
    [28, ...all.map(() => 14)],
    s.perCluster.map((c) => {
      const own = statisticsRows(c.counts);
      const totals = new Map([...own.titles, ...own.commendations].map((r) => [`${r.group}|${r.label}`, r.total]));
      return [c.clusterName, ...all.map((r) => totals.get(`${r.group}|${r.label}`) ?? 0)];
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
