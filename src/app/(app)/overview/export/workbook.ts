// The cluster dashboard of one year as an Excel workbook (the sheets people pass upward): the ranking,
// titles registered and awarded per unit, scores by section, votes, what is still missing, and titles
// over the years. Built only from what clusterDashboard() returned (permission already checked). Text
// cells are plain text (never formulas), points are numbers.
import ExcelJS from "exceljs";
import {
  deadlineText,
  RANKING_BASIS_LABELS,
  rankChangeLabel,
  registrationStatusLabel,
  reportStatusLabel,
  whoLabel,
} from "@/domain/dashboard";
import { ROUND_KIND_LABELS, ROUND_STATE_LABELS } from "@/domain/voting";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import type { DashboardWithYear } from "@/server/queries/dashboard";

const FONT = { name: "Times New Roman", size: 12 } as const;
const BOLD = { ...FONT, bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
const BORDER: Partial<ExcelJS.Borders> = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };

/** Plain text for a cell: control characters removed. */
const text = (s: string | null | undefined) => (s ?? "").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
const points = (half: number | null) => (half === null ? null : half / 2);
/** A figure of another unit's registration not sent yet, as a unit head's export shows it (head-view.ts). */
const WITHHELD = "—";

type Cell = string | number | null;

function sheet(wb: ExcelJS.Workbook, name: string, heading: string[], headers: string[], rows: Cell[][], widths: number[]) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: heading.length + 2 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = widths.map((width) => ({ width }));
  heading.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text(line);
    row.getCell(1).font = i === 1 ? { ...BOLD, size: 14 } : FONT;
    ws.mergeCells(i + 1, 1, i + 1, Math.max(headers.length, 1));
    row.getCell(1).alignment = { horizontal: "center" };
  });
  const headerRow = ws.getRow(heading.length + 2);
  headers.forEach((h, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = text(h);
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(heading.length + 3 + r);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = typeof v === "string" ? text(v) : v;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: typeof v === "string" };
      if (typeof v === "number" && !Number.isInteger(v)) cell.numFmt = "0.0#";
    });
  });
  return ws;
}

export async function buildDashboardWorkbook(d: DashboardWithYear, printedBy: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sổ Thi đua";
  wb.created = new Date();
  const year = d.year;
  const heading = (title: string) => [
    `${d.cluster.name.toUpperCase()} – ${d.cluster.blockName}`,
    `${title} – NĂM THI ĐUA ${year.year}`,
    `Giai đoạn: ${PHASE_LABELS[year.phase]} · Ngày xuất: ${formatDate(new Date())} · Người xuất: ${printedBy}`,
  ];
  const allTitles = [...d.titles.individual, ...d.titles.collective];
  const titleName = (code: string | null) => (code ? (allTitles.find((t) => t.code === code)?.name ?? code) : "");
  const role = (r: string | null) => (r === "CHAIR" ? "Cụm trưởng" : r === "DEPUTY" ? "Cụm phó" : "");

  sheet(
    wb,
    "Xếp hạng",
    [...heading("BẢNG XẾP HẠNG THI ĐUA"), `Căn cứ: ${RANKING_BASIS_LABELS[d.ranking.basis]}`],
    ["Hạng", "Đơn vị", "Tổng điểm", year.previousYear !== null ? `So với năm ${year.previousYear}` : "So với năm trước", "Vai trò", "Báo cáo tổng kết", "Danh hiệu đơn vị đăng ký", "Đề nghị / suy tôn", "Được công nhận"],
    d.units.map((u) => [
      u.rank === null ? null : u.tied ? `${u.rank} (đồng hạng)` : u.rank,
      u.name,
      points(u.totalHalf),
      year.previousYear === null ? "" : rankChangeLabel(u.change, year.previousYear),
      role(u.role),
      reportStatusLabel(u.yearEndReport),
      u.registrationShown ? titleName(u.targetTitleCode) : WITHHELD,
      titleName(u.proposedTitleCode),
      titleName(u.awardedTitleCode),
    ]),
    [10, 48, 12, 30, 14, 22, 28, 28, 28],
  );

  const individual = d.titles.individual;
  sheet(
    wb,
    "Danh hiệu cá nhân",
    heading("DANH HIỆU CÁ NHÂN ĐĂNG KÝ VÀ ĐƯỢC CÔNG NHẬN"),
    [
      "Đơn vị",
      "CBCS đang công tác",
      "Đã đăng ký",
      "Tỷ lệ đăng ký (%)",
      "Trạng thái đăng ký",
      ...individual.flatMap((t) => [`${t.shortName} – đăng ký`, `${t.shortName} – công nhận`]),
    ],
    [
      ...d.units.map((u) => [
        u.name,
        u.activeOfficers,
        u.registrationShown ? u.registeredTotal : WITHHELD,
        u.registrationPercent,
        u.registrationShown ? registrationStatusLabel(u.registrationStatus) : "Chưa gửi",
        ...individual.flatMap((t) => [u.registrationShown ? (u.registered[t.code] ?? 0) : WITHHELD, u.awarded[t.code] ?? 0]),
      ]),
      [
        "Tổng cộng",
        d.totals.activeOfficers,
        d.totals.registered,
        d.totals.registrationPercent,
        "",
        ...individual.flatMap((t) => [d.totals.registeredByTitle[t.code] ?? 0, d.totals.awardedByTitle[t.code] ?? 0]),
      ],
    ],
    [48, 14, 12, 12, 18, ...individual.flatMap(() => [13, 13])],
  );

  const ranked = d.units.filter((u) => u.totalHalf !== null);
  sheet(
    wb,
    "Điểm theo mục",
    heading("ĐIỂM THEO MỤC CỦA BẢNG TIÊU CHÍ"),
    ["Đơn vị", ...d.sections.map((s) => `${s.label}. ${s.title}`), "Tổng điểm"],
    ranked.map((u) => [
      u.name,
      ...d.sections.map((s) => {
        const v = d.sectionScores.find((x) => x.unitId === u.id && x.sectionId === s.id)?.countedHalf;
        return v === undefined ? null : points(s.kind === "PENALTY" ? -v : v);
      }),
      points(u.totalHalf),
    ]),
    [48, ...d.sections.map(() => 18), 12],
  );

  sheet(
    wb,
    "Bỏ phiếu",
    heading("KẾT QUẢ BỎ PHIẾU TẠI HỘI NGHỊ TỔNG KẾT"),
    ["Vòng bỏ phiếu", "Loại", "Trạng thái", "Số phiếu", "Đơn vị", "Đồng ý / được chọn", "Không đồng ý", "Kết quả"],
    d.votes.flatMap((round) =>
      round.state !== "CLOSED"
        ? [[round.title, ROUND_KIND_LABELS[round.kind], ROUND_STATE_LABELS[round.state], null, `${round.voted} đơn vị đã bỏ phiếu (kết quả công bố khi kết thúc vòng)`, null, null, ""]]
        : round.results.map((r) => [
            round.title,
            ROUND_KIND_LABELS[round.kind],
            ROUND_STATE_LABELS[round.state],
            round.ballotsCast,
            r.name,
            r.approvals,
            round.kind === "ACCLAIM" && !round.isRunoff ? r.disapprovals : null,
            r.elected ? (round.kind === "ACCLAIM" ? "Được suy tôn" : "Trúng cử") : "Không đạt",
          ]),
    ),
    [40, 18, 16, 10, 48, 14, 14, 16],
  );

  sheet(
    wb,
    "Việc còn thiếu",
    heading("HẠN CHÓT VÀ VIỆC CÒN THIẾU"),
    ["Đơn vị / người thực hiện", "Việc còn thiếu", "Hạn", "Quá hạn"],
    d.missing.map((m) => [whoLabel(m.who), m.label, m.deadline ? deadlineText({ deadline: m.deadline, overdue: false }).replace(/^Hạn /, "") : "", m.overdue ? "Quá hạn" : ""]),
    [48, 60, 14, 12],
  );

  sheet(
    wb,
    "Qua các năm",
    heading("DANH HIỆU CÁ NHÂN ĐƯỢC CÔNG NHẬN QUA CÁC NĂM"),
    ["Năm", ...individual.map((t) => t.name), "Tổng"],
    d.titleHistory.awarded.map((r) => [r.year, ...individual.map((t) => r[t.code] ?? 0), r.total]),
    [10, ...individual.map(() => 22), 12],
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
