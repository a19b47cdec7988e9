// Export of registrations and results for an emulation year, in the layout a secretariat sends upward:
// a summary sheet ("Tổng hợp": per unit, registered vs awarded per title, the unit's collective title
// and decision) and one sheet per unit (STT, Họ và tên, Cấp bậc, Chức vụ, Đơn vị, Danh hiệu đăng ký,
// Xếp loại, Danh hiệu được công nhận, Số quyết định, Ngày, Người ký). Dates are real Excel dates shown
// dd/mm/yyyy; every text goes through safeCellText (nothing exported can run as a formula).
// The caller has checked the permission for each unit; this module only reads what it is given.
import ExcelJS from "exceljs";
import { INDIVIDUAL_TITLES, type IndividualTitle } from "@/domain/eligibility";
import { safeCellText } from "@/domain/excel-rows";
import { can, type Actor } from "@/domain/permissions";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { prisma } from "@/server/db";
import { HEADER_FILL, HEADER_FONT, THIN_BORDER } from "./template";
import { isUuid } from "@/domain/validation";

export const EXPORT_COLUMNS = [
  { header: "STT", width: 6 },
  { header: "Họ và tên", width: 28 },
  { header: "Cấp bậc", width: 13 },
  { header: "Chức vụ", width: 22 },
  { header: "Đơn vị", width: 30 },
  { header: "Danh hiệu đăng ký", width: 24 },
  { header: "Xếp loại", width: 28 },
  { header: "Danh hiệu được công nhận", width: 24 },
  { header: "Số quyết định", width: 18 },
  { header: "Ngày", width: 12 },
  { header: "Người ký", width: 24 },
] as const;

export const SUMMARY_SHEET = "Tổng hợp";
const TITLE_LABEL: Record<IndividualTitle, string> = { CST: "CST", CSTDCS: "CSTĐCS", CSTD_CAND: "CSTĐ CAND", CSTD_TQ: "CSTĐ toàn quốc" };
const FONT = "Times New Roman";

export type ExportRequest = { yearId: string; unitIds: string[]; scope: "unit" | "cluster" };

const text = (v: string | null | undefined) => (v ? safeCellText(v) : "");

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique within the workbook. */
function sheetName(code: string, used: Set<string>): string {
  const base = code.replace(/[:\\/?*[\]']/g, "-").slice(0, 28) || "Don vi";
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()) || name.toLowerCase() === SUMMARY_SHEET.toLowerCase(); i++) name = `${base.slice(0, 26)}-${i}`;
  used.add(name.toLowerCase());
  return name;
}

export function titleBlock(ws: ExcelJS.Worksheet, lines: string[], width: number) {
  lines.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = safeCellText(line);
    row.font = { name: FONT, bold: true, size: i === 1 ? 14 : 12 };
    row.alignment = { horizontal: "center" };
    ws.mergeCells(i + 1, 1, i + 1, width);
  });
}

export function styleHeader(row: ExcelJS.Row) {
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.font = HEADER_FONT;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
}

export function bordered(row: ExcelJS.Row, width: number) {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.border = THIN_BORDER;
    cell.font = { name: FONT, size: 12 };
    cell.alignment = { vertical: "top", wrapText: c === 2 || c === 4 || c === 5 };
  }
}

/**
 * The export workbook for one year: the summary sheet and one sheet per unit, in the units' order.
 * Officers listed: those serving, plus anyone (serving or not) with a registration or result that year.
 */
export async function buildResultsExport(req: ExportRequest): Promise<{ buffer: Buffer; fileName: string }> {
  const year = await prisma.emulationYear.findUniqueOrThrow({
    where: { id: req.yearId },
    select: { id: true, year: true, clusterId: true, cluster: { select: { code: true, name: true } } },
  });
  const units = await prisma.unit.findMany({
    where: { id: { in: req.unitIds }, clusterId: year.clusterId, parentId: null },
    orderBy: { sortKey: "asc" },
    select: { id: true, code: true, name: true },
  });
  const [titles, unitRegs, unitResults] = await Promise.all([
    prisma.titleDefinition.findMany({ select: { code: true, name: true } }),
    prisma.unitRegistration.findMany({ where: { emulationYearId: year.id, unitId: { in: units.map((u) => u.id) } }, select: { unitId: true, targetTitleCode: true } }),
    prisma.unitYearResult.findMany({
      where: { emulationYearId: year.id, unitId: { in: units.map((u) => u.id) } },
      select: { unitId: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true },
    }),
  ]);
  const titleName = new Map(titles.map((t) => [t.code, t.name]));

  const wb = new ExcelJS.Workbook();
  wb.creator = "Sổ Thi đua";
  wb.created = new Date();
  const summary = wb.addWorksheet(SUMMARY_SHEET, { pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const used = new Set<string>();
  type Totals = { members: number; registered: Record<IndividualTitle, number>; awarded: Record<IndividualTitle, number> };
  const perUnit: { unit: (typeof units)[number]; totals: Totals }[] = [];

  for (const unit of units) {
    const officers = await prisma.officer.findMany({
      where: {
        unitId: unit.id,
        OR: [{ active: true }, { registrations: { some: { emulationYearId: year.id } } }, { yearResults: { some: { year: year.year } } }],
      },
      orderBy: [{ subUnit: { sortKey: "asc" } }, { sortKey: "asc" }, { code: "asc" }],
      select: {
        fullName: true,
        rank: true,
        position: true,
        active: true,
        subUnit: { select: { name: true } },
        registrations: { where: { emulationYearId: year.id }, select: { titleCode: true } },
        yearResults: { where: { year: year.year }, select: { rating: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true } },
      },
    });
    const totals: Totals = {
      members: officers.filter((o) => o.active).length,
      registered: { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 },
      awarded: { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 },
    };
    const ws = wb.addWorksheet(sheetName(unit.code, used), {
      pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:5" },
    });
    ws.columns = EXPORT_COLUMNS.map((c) => ({ width: c.width }));
    titleBlock(
      ws,
      [
        year.cluster.name.toUpperCase(),
        `DANH SÁCH ĐĂNG KÝ VÀ KẾT QUẢ DANH HIỆU THI ĐUA NĂM ${year.year}`,
        `Đơn vị: ${unit.name}`,
      ],
      EXPORT_COLUMNS.length,
    );
    const header = ws.getRow(5);
    header.values = EXPORT_COLUMNS.map((c) => c.header);
    styleHeader(header);
    ws.views = [{ state: "frozen", ySplit: 5 }];
    officers.forEach((o, i) => {
      const reg = o.registrations[0]?.titleCode ?? null;
      const res = o.yearResults[0];
      if (reg && (INDIVIDUAL_TITLES as readonly string[]).includes(reg)) totals.registered[reg as IndividualTitle]++;
      const awarded = res?.awardedTitleCode ?? null;
      if (awarded && (INDIVIDUAL_TITLES as readonly string[]).includes(awarded)) totals.awarded[awarded as IndividualTitle]++;
      const row = ws.addRow([
        i + 1,
        text(o.fullName),
        text(o.rank),
        text(o.position),
        text(o.subUnit?.name ?? unit.name),
        reg ? text(titleName.get(reg) ?? reg) : "",
        res?.rating ? TASK_RATINGS[res.rating] : "",
        awarded ? text(titleName.get(awarded) ?? awarded) : "",
        text(res?.decisionNo),
        res?.decisionDate ?? "",
        text(res?.decisionSigner),
      ]);
      bordered(row, EXPORT_COLUMNS.length);
      row.getCell(10).numFmt = "dd/mm/yyyy";
      row.getCell(1).alignment = { horizontal: "center", vertical: "top" };
    });
    ws.addRow([]);
    const regTotal = Object.values(totals.registered).reduce((a, b) => a + b, 0);
    const awTotal = Object.values(totals.awarded).reduce((a, b) => a + b, 0);
    const foot = ws.addRow([
      "",
      `Tổng số: ${officers.length} cán bộ, chiến sĩ; đăng ký ${regTotal} (${INDIVIDUAL_TITLES.map((t) => `${TITLE_LABEL[t]} ${totals.registered[t]}`).join(", ")}); được công nhận ${awTotal} (${INDIVIDUAL_TITLES.map((t) => `${TITLE_LABEL[t]} ${totals.awarded[t]}`).join(", ")}).`,
    ]);
    foot.font = { name: FONT, italic: true };
    ws.mergeCells(foot.number, 2, foot.number, EXPORT_COLUMNS.length);
    perUnit.push({ unit, totals });
  }

  // Summary ----------------------------------------------------------------------------------
  const width = 3 + 2 * INDIVIDUAL_TITLES.length + 5;
  titleBlock(
    summary,
    [year.cluster.name.toUpperCase(), `TỔNG HỢP ĐĂNG KÝ VÀ KẾT QUẢ DANH HIỆU THI ĐUA NĂM ${year.year}`, req.scope === "unit" && units[0] ? `Đơn vị: ${units[0].name}` : `${units.length} đơn vị thành viên`],
    width,
  );
  const h1 = summary.getRow(5);
  const h2 = summary.getRow(6);
  const cols = [
    { header: "STT", width: 6 },
    { header: "Đơn vị", width: 40 },
    { header: "Số CBCS", width: 10 },
    ...INDIVIDUAL_TITLES.map((t) => ({ header: TITLE_LABEL[t], width: 11 })),
    ...INDIVIDUAL_TITLES.map((t) => ({ header: TITLE_LABEL[t], width: 11 })),
    { header: "Danh hiệu tập thể đăng ký", width: 26 },
    { header: "Danh hiệu tập thể được công nhận", width: 28 },
    { header: "Số quyết định", width: 18 },
    { header: "Ngày", width: 12 },
    { header: "Người ký", width: 24 },
  ];
  summary.columns = cols.map((c) => ({ width: c.width }));
  h2.values = cols.map((c) => c.header);
  h1.values = ["STT", "Đơn vị", "Số CBCS", "Cá nhân đăng ký", "", "", "", "Cá nhân được công nhận", "", "", "", ...cols.slice(11).map((c) => c.header)];
  for (const c of [1, 2, 3, 12, 13, 14, 15, 16]) summary.mergeCells(5, c, 6, c);
  summary.mergeCells(5, 4, 5, 7);
  summary.mergeCells(5, 8, 5, 11);
  styleHeader(h1);
  styleHeader(h2);
  summary.views = [{ state: "frozen", ySplit: 6 }];
  const sum = { members: 0, registered: { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 }, awarded: { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 } };
  perUnit.forEach(({ unit, totals }, i) => {
    const ur = unitRegs.find((r) => r.unitId === unit.id);
    const res = unitResults.find((r) => r.unitId === unit.id);
    sum.members += totals.members;
    for (const t of INDIVIDUAL_TITLES) {
      sum.registered[t] += totals.registered[t];
      sum.awarded[t] += totals.awarded[t];
    }
    const row = summary.addRow([
      i + 1,
      text(unit.name),
      totals.members,
      ...INDIVIDUAL_TITLES.map((t) => totals.registered[t]),
      ...INDIVIDUAL_TITLES.map((t) => totals.awarded[t]),
      ur?.targetTitleCode ? text(titleName.get(ur.targetTitleCode) ?? ur.targetTitleCode) : "",
      res?.awardedTitleCode ? text(titleName.get(res.awardedTitleCode) ?? res.awardedTitleCode) : "",
      text(res?.decisionNo),
      res?.decisionDate ?? "",
      text(res?.decisionSigner),
    ]);
    bordered(row, width);
    row.getCell(14).numFmt = "dd/mm/yyyy";
  });
  const total = summary.addRow(["", "Tổng cộng", sum.members, ...INDIVIDUAL_TITLES.map((t) => sum.registered[t]), ...INDIVIDUAL_TITLES.map((t) => sum.awarded[t])]);
  bordered(total, 3 + 2 * INDIVIDUAL_TITLES.length);
  total.font = { name: FONT, bold: true };

  const who = req.scope === "unit" && units[0] ? units[0].code : year.cluster.code;
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: `dang-ky-ket-qua-${year.year}-${who}.xlsx` };
}

/**
 * What an export request (?year=…&unit=…) may cover for the actor, from the permission table: one
 * unit (registration.view on that unit) or, without a unit, the whole cluster (registration.board:
 * the secretariat and admins). Null: nothing the actor may see (the route answers 404).
 */
export async function resolveExportRequest(actor: Actor, params: { year?: string | null; unit?: string | null }): Promise<ExportRequest | null> {
    if (!params.year || !isUuid(params.year)) return null;
  const year = await prisma.emulationYear.findUnique({ where: { id: params.year }, select: { id: true, clusterId: true } });
  if (!year) return null;
  if (params.unit) {
    if (!isUuid(params.unit)) return null;
    const unit = await prisma.unit.findUnique({ where: { id: params.unit }, select: { id: true, clusterId: true, parentId: true } });
    if (!unit || unit.parentId || unit.clusterId !== year.clusterId) return null;
    if (!can(actor, "registration.view", { unitId: unit.id, clusterId: unit.clusterId })) return null;
    return { yearId: year.id, unitIds: [unit.id], scope: "unit" };
  }
  if (!can(actor, "registration.board", { clusterId: year.clusterId })) return null;
  const units = await prisma.unit.findMany({ where: { clusterId: year.clusterId, parentId: null }, select: { id: true } });
  return { yearId: year.id, unitIds: units.map((u) => u.id), scope: "cluster" };
}
