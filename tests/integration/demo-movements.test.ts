// The demo's movements and drives (src/server/seed/movements.ts; issue 17): the two 2021 drives of the
// article, closed, with the blood drive's figure the one the 2021 reports show (their key figure is
// linked to it: entered once, read by both), and this year's "Vì An ninh Tổ quốc", open, Ministry-wide.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { buildMovementSummaryWorkbook } from "@/server/excel/movement-summary";
import { movementDetail, movementList } from "@/server/queries/movements";
import { getReport } from "@/server/queries/reports";
import { seedDemoData } from "@/server/seed/demo";
import ExcelJS from "exceljs";
import { prisma, resetDatabase } from "./fixtures";

let secretariat: Actor;

beforeAll(async () => {
  await resetDatabase();
  await seedDemoData(prisma);
  const user = await prisma.user.findFirstOrThrow({ where: { role: "SECRETARIAT" } });
  secretariat = { userId: user.id, username: user.username, displayName: user.displayName, role: "SECRETARIAT", clusterId: user.clusterId, unitId: null, chairOfClusterIds: [] };
}, 240_000);

describe("the demo's movements", () => {
  it("lists the ongoing Vì An ninh Tổ quốc first, then the two closed 2021 drives", async () => {
    const list = await movementList(secretariat, 1);
    expect(list.rows.map((r) => [r.name, r.status])).toEqual([
      [expect.stringContaining("Vì An ninh Tổ quốc"), "OPEN"],
      [expect.stringContaining("Lá chắn phòng, chống dịch COVID-19"), "CLOSED"],
      [expect.stringContaining("Chương trình hiến máu tình nguyện năm 2021"), "CLOSED"],
    ]);
  });

  it("the blood drive's figures are the 2021 reports' figure, which the reports now read from the drive", async () => {
    const blood = await prisma.movement.findFirstOrThrow({ where: { name: { contains: "hiến máu" } }, select: { id: true } });
    const detail = await movementDetail(secretariat, blood.id);
    const figure = detail.summary.figures[0]!;
    expect(figure.reported).toBe(5);
    const report = await prisma.unitReport.findFirstOrThrow({ where: { kind: "YEAR_END", emulationYear: { year: 2021 } }, select: { id: true, unitId: true } });
    const page = await getReport(secretariat, report.id);
    const linked = Object.entries(page.linkedFigures);
    expect(linked).toHaveLength(1);
    const [keyFigureId, source] = linked[0]!;
    expect(source.movementId).toBe(blood.id);
    expect(page.figures[keyFigureId]).toBe(figure.ranking.find((r) => r.unitId === report.unitId)!.value);
    // The summary workbook holds the same figures and the total.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildMovementSummaryWorkbook(detail)) as unknown as ArrayBuffer);
    const rows = wb.getWorksheet("Tổng hợp")!.getSheetValues().filter(Boolean) as unknown[][];
    const total = rows.find((r) => r.includes("Tổng cộng"))!;
    expect(total[3]).toBe(Number(figure.total));
  });
});
