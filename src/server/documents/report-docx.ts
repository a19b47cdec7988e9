// A unit's report as a Word document (A4, Times New Roman 13, administrative layout): the heading
// block (cluster and unit / national motto and date), the title, the narrative, the key figures, the
// self-scoring table by criterion (with the final scores once the year's scoring is finalised), the
// totals and the signature block. Reads only what getReport() returned (permission already checked).
import { AlignmentType, PageOrientation, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType, type ParagraphChild } from "docx";
import { formatPoints } from "@/domain/scoring/points";
import { formatFigure } from "@/domain/scoring/report-form";
import { criterionLabel, sectionLabel, SECTION_KIND_LABELS } from "@/domain/scoring/table";
import type { ReportPageData } from "@/server/queries/reports";
import { center, layoutRow, packDocument, para, run, signature, thin, type Align } from "./docx-parts";

const SMALL = 22; // 11 pt

/** The calendar day in Hà Nội (UTC+7) as "ngày dd tháng mm năm yyyy". */
function longDate(value: Date | null): string {
  if (!value) return "ngày …… tháng …… năm ………";
  const local = new Date(value.getTime() + 7 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `ngày ${pad(local.getUTCDate())} tháng ${pad(local.getUTCMonth() + 1)} năm ${local.getUTCFullYear()}`;
}

const cellBorders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string | ParagraphChild[], opts: { width?: number; bold?: boolean; align?: Align; span?: number; shade?: boolean } = {}) {
  const lines = typeof text === "string" ? text.split("\n") : null;
  return new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    columnSpan: opts.span,
    borders: cellBorders,
    verticalAlign: VerticalAlign.TOP,
    shading: opts.shade ? { fill: "EEEEEE" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines
      ? lines.map((line) => new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, children: [run(line, { bold: opts.bold, size: SMALL })] }))
      : [new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, children: text as ParagraphChild[] })],
  });
}

export async function buildReportDocx(data: ReportPageData): Promise<Buffer> {
  const { report, form, scores, figures, evidence } = data;
  const showFinal = data.can.seeFinal && !!data.finalTotals;
  const yearEnd = report.kind === "YEAR_END";

  const heading = layoutRow([
    {
      width: 45,
      children: [center([run(report.year.clusterName.toUpperCase(), { size: SMALL })]), center([run(report.unitName.toUpperCase(), { bold: true, size: SMALL })])],
    },
    {
      width: 55,
      children: [
        center([run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: SMALL })]),
        center([run("Độc lập – Tự do – Hạnh phúc", { bold: true })]),
        center([run(`Hà Nội, ${longDate(report.submittedAt)}`, { italics: true })], 120),
      ],
    },
  ]);

  const children: (Paragraph | Table)[] = [heading];
  children.push(
    center([run(yearEnd ? "BÁO CÁO" : "BÁO CÁO SƠ KẾT", { bold: true, size: 28 })], 0),
    center(
      [run(yearEnd ? `Tổng kết công tác thi đua, khen thưởng năm ${report.year.year}` : `Công tác thi đua, khen thưởng 6 tháng đầu năm ${report.year.year}`, { bold: true })],
      0,
    ),
    center([run(`(kèm bảng tự chấm điểm theo tiêu chí thi đua của ${report.year.clusterName})`, { italics: true })], 240),
  );

  // I. Narrative
  children.push(para([run("I. KẾT QUẢ THỰC HIỆN", { bold: true })], { before: 120 }));
  for (const line of (report.narrative || "…").split(/\n+/)) children.push(para(line, { indent: true }));

  // II. Key figures
  if (form.keyFigures.length) {
    children.push(para([run("II. SỐ LIỆU CHỦ YẾU", { bold: true })], { before: 200 }));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: [cell("TT", { width: 8, bold: true, align: AlignmentType.CENTER, shade: true }), cell("Nội dung", { width: 62, bold: true, shade: true }), cell("Số liệu", { width: 30, bold: true, align: AlignmentType.CENTER, shade: true })] }),
          ...form.keyFigures.map(
            (f, i) =>
              new TableRow({
                children: [
                  cell(String(i + 1), { align: AlignmentType.CENTER }),
                  cell(f.label),
                  cell(figures[f.id] ? `${formatFigure(figures[f.id])} ${f.unitLabel}` : "—", { align: AlignmentType.RIGHT }),
                ],
              }),
          ),
        ],
      }),
    );
  }

  // III. Scores
  children.push(para([run(`${form.keyFigures.length ? "III" : "II"}. BẢNG TỰ CHẤM ĐIỂM`, { bold: true })], { before: 200 }));
  const headers = ["TT", "Tiêu chí", "Tối đa", "Tự chấm", ...(showFinal ? ["Điểm cuối cùng"] : []), "Giải trình"];
  const widths = showFinal ? [7, 33, 8, 9, 9, 34] : [7, 36, 8, 9, 40];
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, { width: widths[i], bold: true, align: AlignmentType.CENTER, shade: true })) }),
  ];
  for (const section of form.sections) {
    const t = data.selfTotals.sections.find((x) => x.sectionId === section.id)!;
    const f = data.finalTotals?.sections.find((x) => x.sectionId === section.id);
    rows.push(
      new TableRow({
        children: [
          cell(section.kind === "SCORED" ? sectionLabel(form, section.id) : "", { bold: true, shade: true, align: AlignmentType.CENTER }),
          cell(section.kind === "SCORED" ? section.title : `${SECTION_KIND_LABELS[section.kind]} (mức trần ${formatPoints(section.maxHalf)} điểm)`, { bold: true, shade: true }),
          cell(formatPoints(section.maxHalf), { bold: true, shade: true, align: AlignmentType.RIGHT }),
          cell(formatPoints(t.countedHalf), { bold: true, shade: true, align: AlignmentType.RIGHT }),
          ...(showFinal ? [cell(formatPoints(f?.countedHalf ?? 0), { bold: true, shade: true, align: AlignmentType.RIGHT })] : []),
          cell("", { shade: true }),
        ],
      }),
    );
    for (const c of section.criteria) {
      const s = scores[c.id];
      const files = evidence.filter((e) => e.criterionId === c.id).map((e) => `Minh chứng: ${e.fileName}`);
      rows.push(
        new TableRow({
          children: [
            cell(criterionLabel(form, c.id), { align: AlignmentType.CENTER }),
            cell(c.title),
            cell(formatPoints(c.maxHalf), { align: AlignmentType.RIGHT }),
            cell(s?.selfHalf == null ? "—" : formatPoints(s.selfHalf), { align: AlignmentType.RIGHT }),
            ...(showFinal ? [cell(s?.finalHalf == null ? "—" : formatPoints(s.finalHalf), { align: AlignmentType.RIGHT })] : []),
            cell([s?.explanation ?? "", ...files].filter(Boolean).join("\n") || "—"),
          ],
        }),
      );
    }
  }
  rows.push(
    new TableRow({
      children: [
        cell("", { shade: true }),
        cell("TỔNG ĐIỂM (điểm các mục + điểm thưởng − điểm trừ)", { bold: true, shade: true }),
        cell(formatPoints(form.totalHalf), { bold: true, shade: true, align: AlignmentType.RIGHT }),
        cell(formatPoints(data.selfTotals.totalHalf), { bold: true, shade: true, align: AlignmentType.RIGHT }),
        ...(showFinal ? [cell(formatPoints(data.finalTotals!.totalHalf), { bold: true, shade: true, align: AlignmentType.RIGHT })] : []),
        cell(showFinal && report.finalRank ? `Xếp hạng ${report.finalRank} trong Cụm` : "", { bold: true, shade: true }),
      ],
    }),
  );
  children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }));

  // Signature block
  children.push(
    layoutRow([
      {
        width: 50,
        children: [
          para([run("Nơi nhận:", { bold: true, italics: true, size: 24 })], { before: 240, after: 0, align: AlignmentType.LEFT }),
          para([run(`- Thường trực ${report.year.clusterName};`, { size: 22 })], { after: 0, align: AlignmentType.LEFT }),
          para([run("- Lưu: VT, đơn vị.", { size: 22 })], { after: 0, align: AlignmentType.LEFT }),
        ],
      },
      { width: 50, children: signature("LÃNH ĐẠO ĐƠN VỊ", report.submittedByName ?? "", { gap: 1200, noteSize: 22 }) },
    ]),
  );

  return packDocument(`${yearEnd ? "Báo cáo tổng kết" : "Báo cáo sơ kết 6 tháng"} ${report.year.year} - ${report.unitName}`, children, {
    width: 11906,
    height: 16838,
    orientation: PageOrientation.PORTRAIT,
  });
}
