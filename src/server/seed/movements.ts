// Demo data: movements and drives (issue 17; docs/domain.md §1, §10). The 2021 article names the
// "Vì An ninh Tổ quốc" movement and two drives every unit of Cụm thi đua số 2 took part in: the
// blood-donation programme “Giọt máu nghĩa tình, chung tay đẩy lùi COVID-19” and the movement
// “Lực lượng Công an nhân dân – Lá chắn phòng, chống dịch COVID-19”. The article gives no figure per
// unit ("hàng nghìn cán bộ, chiến sỹ" took part), so:
// - the blood drive's figure is each unit's "Số lượt cán bộ, chiến sĩ hiến máu tình nguyện" of its 2021
//   year-end report (the demo's own figures), and that key figure of the 2021 table is linked to it —
//   one figure, entered once, read by both;
// - the COVID-19 support drive's figures are demo values, fixed here per unit.
// Both drives are closed (summed up before the conference of 19/11/2021); "Vì An ninh Tổ quốc" of the
// current year is open, Ministry-wide, with two units' figures entered so far.
import type { Tx } from "@/server/db";
import type { DemoUnitCode } from "./calendar";

export type MovementsContext = { year2021Id: string; unitIds: Record<DemoUnitCode, string>; clusterId: string; today: string };

const SECRETARIAT = "Thư ký Cụm thi đua số 2";
const MINISTRY = "Quản trị hệ thống (Bộ Công an)";
const BLOOD_FIGURE = "Số lượt cán bộ, chiến sĩ hiến máu tình nguyện";
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string, hhmm = "09:00") => new Date(`${iso}T${hhmm}:00+07:00`);

/** Demo values of the COVID-19 support drive: people taking part (lượt người), money raised (triệu đồng). */
const COVID_SUPPORT: Record<DemoUnitCode, [number, number]> = {
  ANM: [1260, 415.5],
  KTNV: [980, 326],
  NT: [640, 210.8],
  QLXNC: [1105, 388],
  BTLCV: [1420, 452.3],
};
/** What two units entered so far in the current year's "Vì An ninh Tổ quốc". */
const ONGOING: Partial<Record<DemoUnitCode, number[]>> = { KTNV: [14, 6, 1850], ANM: [57, 9, 2310] };

export async function seedMovements(tx: Tx, ctx: MovementsContext): Promise<{ movements: number }> {
  const codes = Object.keys(ctx.unitIds) as DemoUnitCode[];

  // 1. The blood drive, its figure taken from the 2021 reports, and the report's key figure linked to it.
  const blood = await tx.movement.create({
    data: {
      name: "Chương trình hiến máu tình nguyện năm 2021 “Giọt máu nghĩa tình, chung tay đẩy lùi COVID-19”",
      purpose:
        "Hưởng ứng phong trào thi đua “Lực lượng Công an nhân dân – Lá chắn phòng, chống dịch COVID-19 – Thanh bảo kiếm bảo đảm an ninh, trật tự, an toàn xã hội”: " +
        "các đơn vị trong Cụm phát động và tổ chức hiến máu tình nguyện tại đơn vị, đóng góp vào nguồn máu dự trữ cứu người.",
      fromDate: day("2021-03-01"),
      toDate: day("2021-11-10"),
      scope: "CLUSTER",
      clusterId: ctx.clusterId,
      status: "CLOSED",
      launchedByName: SECRETARIAT,
      createdAt: at("2021-02-25"),
      closedAt: at("2021-11-15", "16:00"),
      closedByName: SECRETARIAT,
      figures: { create: [{ position: 1, label: BLOOD_FIGURE, unitLabel: "lượt người" }] },
    },
    select: { id: true, figures: { select: { id: true } } },
  });
  const bloodFigureId = blood.figures[0]!.id;
  const keyFigure = await tx.keyFigureDefinition.findFirstOrThrow({ where: { table: { emulationYearId: ctx.year2021Id }, label: BLOOD_FIGURE }, select: { id: true } });
  const reported = await tx.reportFigure.findMany({
    where: { figureId: keyFigure.id, report: { kind: "YEAR_END" } },
    select: { value: true, report: { select: { unitId: true, savedByName: true } } },
  });
  await tx.movementUnitFigure.createMany({
    data: reported.map((r) => ({ figureId: bloodFigureId, unitId: r.report.unitId, value: r.value, enteredAt: at("2021-11-08"), enteredByName: r.report.savedByName ?? "Cán bộ thi đua đơn vị" })),
  });
  await tx.keyFigureDefinition.update({ where: { id: keyFigure.id }, data: { movementFigureId: bloodFigureId } });

  // 2. The COVID-19 support drive.
  const covid = await tx.movement.create({
    data: {
      name: "Phong trào thi đua “Lực lượng Công an nhân dân – Lá chắn phòng, chống dịch COVID-19”",
      purpose: "Cán bộ, chiến sĩ tham gia hỗ trợ phòng, chống dịch COVID-19 tại các địa phương và ủng hộ Quỹ phòng, chống dịch COVID-19.",
      fromDate: day("2021-05-01"),
      toDate: day("2021-10-31"),
      scope: "CLUSTER",
      clusterId: ctx.clusterId,
      status: "CLOSED",
      launchedByName: SECRETARIAT,
      createdAt: at("2021-04-28"),
      closedAt: at("2021-11-15", "16:30"),
      closedByName: SECRETARIAT,
      figures: {
        create: [
          { position: 1, label: "Số lượt cán bộ, chiến sĩ tham gia hỗ trợ phòng, chống dịch", unitLabel: "lượt người" },
          { position: 2, label: "Số tiền ủng hộ Quỹ phòng, chống dịch COVID-19", unitLabel: "triệu đồng" },
        ],
      },
    },
    select: { figures: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  await tx.movementUnitFigure.createMany({
    data: codes.flatMap((code) =>
      covid.figures.map((f, i) => ({ figureId: f.id, unitId: ctx.unitIds[code], value: String(COVID_SUPPORT[code][i]), enteredAt: at("2021-11-02"), enteredByName: "Cán bộ thi đua đơn vị" })),
    ),
  });

  // 3. "Vì An ninh Tổ quốc" of the current year: Ministry-wide, open through the year.
  const year = ctx.today.slice(0, 4);
  const ongoing = await tx.movement.create({
    data: {
      name: `Phong trào thi đua “Vì An ninh Tổ quốc” năm ${year}`,
      purpose:
        "Phong trào thi đua thường xuyên của lực lượng Công an nhân dân: thi đua thực hiện thắng lợi nhiệm vụ bảo đảm an ninh quốc gia, " +
        "trật tự, an toàn xã hội; xây dựng lực lượng Công an nhân dân chính quy, tinh nhuệ, hiện đại.",
      fromDate: day(`${year}-01-01`),
      toDate: day(`${year}-12-31`),
      scope: "MINISTRY",
      launchedByName: MINISTRY,
      createdAt: at(`${year}-01-05`),
      figures: {
        create: [
          { position: 1, label: "Số vụ việc, vụ án phát hiện, đấu tranh, xử lý", unitLabel: "vụ" },
          { position: 2, label: "Số đề tài khoa học, sáng kiến được công nhận", unitLabel: "đề tài, sáng kiến" },
          { position: 3, label: "Số lượt cán bộ, chiến sĩ được đào tạo, bồi dưỡng, tập huấn", unitLabel: "lượt" },
        ],
      },
    },
    select: { figures: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  await tx.movementUnitFigure.createMany({
    data: Object.entries(ONGOING).flatMap(([code, values]) =>
      ongoing.figures.map((f, i) => ({ figureId: f.id, unitId: ctx.unitIds[code as DemoUnitCode], value: String(values![i]), enteredAt: at(ctx.today, "08:00"), enteredByName: "Cán bộ thi đua đơn vị" })),
    ),
  });
  return { movements: 3 };
}
