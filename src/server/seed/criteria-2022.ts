// Demo criteria tables and 2021 results of Cụm thi đua số 2 (docs/domain.md §1, §4).
//  - 2021: the table (100 points + bonus capped at 5, penalties capped at 10), frozen at the first
//    report; five accepted year-end reports with self-scores, a finalised cross-scoring round (each
//    report scored by two other units) and final scores that rank Cục An ninh mạng… first (it was
//    acclaimed for the Ministry flag in 2021) and Cục Kỹ thuật nghiệp vụ second. One report was
//    returned once (for missing evidence) and resubmitted, so the history shows a return.
//  - 2022 on: the table copied from 2021 with the year's themed drive (criteriaSpecFor); the generated
//    years (later-years.ts, open-year.ts) write them, with their reports.
// Deterministic: the same rows on every run (ids and creation times aside).
// Called from src/server/seed/demo.ts inside its transaction:
//   await seedCriteria(tx, { year2021Id, year2022Id, unitIds: { ANM, KTNV, NT, QLXNC, BTLCV } })
import { createHash } from "node:crypto";
import {
  allCriteria,
  computeTotals,
  generateAssignment,
  half,
  rankUnits,
  seededRandom,
  type CriteriaTableDef,
  type SectionKind,
} from "@/domain/scoring";
import { compareVi } from "@/domain/vietnamese";
import type { Tx } from "@/server/db";

export type CriterionSpec = { title: string; max: number; guidance?: string; evidence?: boolean; midyear?: boolean };
export type SectionSpec = { kind: SectionKind; title: string; max: number; criteria: CriterionSpec[] };
export type KeyFigureSpec = { label: string; unitLabel: string; required?: boolean; midyear?: boolean };
export type TableSpec = { sections: SectionSpec[]; keyFigures: KeyFigureSpec[] };

function tableSpec(themedDrive: string, technology: string): TableSpec {
  return {
    sections: [
      {
        kind: "SCORED",
        title: "Công tác xây dựng lực lượng Công an nhân dân",
        max: 20,
        criteria: [
          { title: "Quán triệt, triển khai nghị quyết, chỉ thị của Đảng ủy Công an Trung ương, lãnh đạo Bộ; công tác chính trị, tư tưởng", max: 4 },
          { title: "Kiện toàn tổ chức bộ máy, bố trí cán bộ theo chức năng, nhiệm vụ; thực hiện chế độ, chính sách đối với cán bộ, chiến sĩ", max: 4 },
          { title: "Đào tạo, bồi dưỡng, huấn luyện nghiệp vụ, quân sự, võ thuật, bắn súng; kết quả kiểm tra", max: 4, guidance: "Tỷ lệ cán bộ, chiến sĩ đạt yêu cầu kiểm tra từ 95% trở lên: 4 điểm; dưới 95%: trừ 0,5 điểm cho mỗi 1%." },
          { title: "Chấp hành điều lệnh, quy định về lễ tiết, tác phong; công tác thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo", max: 4 },
          { title: "Công tác hậu cần, tài chính; quản lý, sử dụng trang thiết bị, phương tiện đúng quy định", max: 4 },
        ],
      },
      {
        kind: "SCORED",
        title: "Kết quả thực hiện nhiệm vụ chuyên môn, nghiệp vụ",
        max: 45,
        criteria: [
          {
            title: "Hoàn thành các chỉ tiêu, nhiệm vụ trọng tâm theo Kế hoạch công tác năm được Bộ giao",
            max: 15,
            evidence: true,
            midyear: true,
            guidance: "Đính kèm báo cáo kết quả thực hiện Kế hoạch công tác năm đã được lãnh đạo đơn vị ký.",
          },
          { title: "Công tác tham mưu cho Đảng ủy Công an Trung ương, lãnh đạo Bộ; xây dựng văn bản quy phạm pháp luật, đề án", max: 8 },
          { title: "Bảo đảm an ninh, an toàn các sự kiện chính trị, văn hóa, xã hội quan trọng của đất nước", max: 8 },
          { title: "Phối hợp với các đơn vị trong và ngoài lực lượng Công an nhân dân; hợp tác quốc tế", max: 6 },
          { title: technology, max: 8, midyear: true },
        ],
      },
      {
        kind: "SCORED",
        title: "Phong trào thi đua “Vì an ninh Tổ quốc” và các phong trào, cuộc vận động",
        max: 20,
        criteria: [
          { title: "Phát động, ký kết giao ước thi đua; xây dựng kế hoạch, sơ kết, tổng kết phong trào", max: 4, midyear: true },
          { title: themedDrive, max: 4, midyear: true },
          { title: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; thực hiện Sáu điều Bác Hồ dạy Công an nhân dân", max: 4 },
          { title: "Công tác dân vận, an sinh xã hội; phong trào hiến máu tình nguyện “Giọt máu nghĩa tình”, đền ơn đáp nghĩa", max: 4, midyear: true },
          { title: "Phát hiện, bồi dưỡng, biểu dương và nhân rộng điển hình tiên tiến; công tác khen thưởng", max: 4 },
        ],
      },
      {
        kind: "SCORED",
        title: "Công tác xây dựng Đảng và các đoàn thể",
        max: 15,
        criteria: [
          { title: "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh; kết quả đánh giá, xếp loại tổ chức đảng, đảng viên", max: 5 },
          { title: "Công tác kiểm tra, giám sát; phòng, chống tham nhũng, tiêu cực, lãng phí", max: 5 },
          { title: "Hoạt động của Công đoàn, Đoàn Thanh niên Cộng sản Hồ Chí Minh, Hội Phụ nữ", max: 5 },
        ],
      },
      {
        kind: "BONUS",
        title: "Điểm thưởng",
        max: 5,
        criteria: [
          { title: "Có đề tài khoa học, sáng kiến được công nhận và áp dụng từ cấp Bộ trở lên", max: 2, evidence: true, guidance: "Đính kèm quyết định công nhận." },
          { title: "Tập thể được tặng Cờ thi đua, Bằng khen của Chính phủ, Bộ Công an trong năm", max: 2, evidence: true, guidance: "Đính kèm quyết định khen thưởng." },
          { title: "Lập chiến công xuất sắc, được Bộ trưởng khen thưởng đột xuất", max: 2, evidence: true },
          { title: "Thực hiện tốt vai trò Cụm trưởng, Cụm phó; tổ chức tốt các hoạt động của Cụm", max: 1 },
        ],
      },
      {
        kind: "PENALTY",
        title: "Điểm trừ",
        max: 10,
        criteria: [
          { title: "Cán bộ, chiến sĩ vi phạm kỷ luật bị xử lý từ hình thức cảnh cáo trở lên (mỗi trường hợp trừ 1 điểm)", max: 3 },
          { title: "Để xảy ra vụ việc nghiêm trọng, gây ảnh hưởng xấu đến uy tín của lực lượng Công an nhân dân", max: 5 },
          { title: "Chậm gửi hoặc không gửi báo cáo, số liệu theo yêu cầu của Cụm", max: 2 },
        ],
      },
    ],
    keyFigures: [
      { label: "Số vụ việc, vụ án phát hiện, đấu tranh, xử lý", unitLabel: "vụ", midyear: true },
      { label: "Số đề tài khoa học, sáng kiến được công nhận", unitLabel: "đề tài, sáng kiến" },
      { label: "Số lượt cán bộ, chiến sĩ hiến máu tình nguyện", unitLabel: "lượt người", midyear: true },
      { label: "Số lượt cán bộ, chiến sĩ được đào tạo, bồi dưỡng, tập huấn", unitLabel: "lượt" },
      { label: "Số tiền ủng hộ các quỹ an sinh xã hội, đền ơn đáp nghĩa", unitLabel: "triệu đồng", required: false },
    ],
  };
}

export const CRITERIA_2021: TableSpec = tableSpec(
  "Phong trào thi đua “Lực lượng Công an nhân dân – Lá chắn phòng, chống dịch COVID-19” và các đợt thi đua cao điểm",
  "Ứng dụng khoa học, công nghệ, chuyển đổi số; triển khai Đề án 06 và các cơ sở dữ liệu quốc gia",
);

/**
 * The table of a year from 2022 on: the 2021 table with the year's themed drive (the anniversary of
 * the People's Public Security, founded on 19/8/1945) and Đề án 06 in the technology criterion.
 */
export function criteriaSpecFor(year: number): TableSpec {
  if (year <= 2021) return CRITERIA_2021;
  return tableSpec(
    `Đợt thi đua cao điểm “Thi đua lập chiến công chào mừng kỷ niệm ${year - 1945} năm Ngày truyền thống Công an nhân dân” và các phong trào chuyên đề`,
    "Ứng dụng khoa học, công nghệ, chuyển đổi số; triển khai Đề án 06 về phát triển ứng dụng dữ liệu dân cư, định danh và xác thực điện tử",
  );
}

export const CRITERIA_2022: TableSpec = criteriaSpecFor(2022);

export type InsertedTable = CriteriaTableDef & { id: string };

/** Writes a table from a spec (points as people write them; stored in half-points). */
export async function insertCriteriaTable(
  tx: Tx,
  emulationYearId: string,
  spec: TableSpec,
  opts: { publishedAt?: Date | null; frozenAt?: Date | null; copiedFromYear?: number | null } = {},
): Promise<InsertedTable> {
  const table = await tx.criteriaTable.create({
    data: { emulationYearId, totalHalf: 200, publishedAt: opts.publishedAt ?? null, frozenAt: opts.frozenAt ?? null, copiedFromYear: opts.copiedFromYear ?? null },
  });
  const sections: CriteriaTableDef["sections"] = [];
  for (const [i, s] of spec.sections.entries()) {
    const section = await tx.criteriaSection.create({ data: { tableId: table.id, kind: s.kind, position: i + 1, title: s.title, maxHalf: half(s.max) } });
    const criteria = await tx.criterion.createManyAndReturn({
      data: s.criteria.map((c, j) => ({
        tableId: table.id,
        sectionId: section.id,
        position: j + 1,
        title: c.title,
        guidance: c.guidance ?? null,
        maxHalf: half(c.max),
        evidenceRequired: c.evidence ?? false,
        inMidyear: c.midyear ?? false,
      })),
      select: { id: true, title: true, guidance: true, maxHalf: true, evidenceRequired: true, inMidyear: true, position: true },
    });
    criteria.sort((a, b) => a.position - b.position);
    sections.push({ id: section.id, kind: s.kind, title: s.title, maxHalf: half(s.max), criteria: criteria.map(({ position: _p, ...c }) => c) });
  }
  const figures = await tx.keyFigureDefinition.createManyAndReturn({
    data: spec.keyFigures.map((f, i) => ({ tableId: table.id, position: i + 1, label: f.label, unitLabel: f.unitLabel, required: f.required ?? true, inMidyear: f.midyear ?? false })),
    select: { id: true, label: true, unitLabel: true, required: true, inMidyear: true, position: true },
  });
  figures.sort((a, b) => a.position - b.position);
  return { id: table.id, totalHalf: 200, sections, keyFigures: figures.map(({ position: _p, ...f }) => f) };
}

// ---------------------------------------------------------------------------------------------
// 2021 reports and results

export const UNIT_CODES = ["ANM", "KTNV", "NT", "QLXNC", "BTLCV"] as const;
type UnitCode = (typeof UNIT_CODES)[number];

/** How well each unit did in 2021 (share of each criterion's max in the final score) and its extras. */
const RESULTS_2021: Record<UnitCode, { level: number; claim: number; bonus: number[]; penalty: number[]; blood: number; cases: number; research: number; trained: number; donations: string }> = {
  ANM: { level: 0.97, claim: 0.015, bonus: [2, 2, 1, 1], penalty: [0, 0, 0], blood: 1250, cases: 1846, research: 14, trained: 2310, donations: "1850" },
  KTNV: { level: 0.955, claim: 0.03, bonus: [2, 1, 0, 0], penalty: [0, 0, 0], blood: 980, cases: 312, research: 21, trained: 1875, donations: "1320.5" },
  QLXNC: { level: 0.93, claim: 0.04, bonus: [1, 1, 0, 0], penalty: [0, 0, 0], blood: 1105, cases: 624, research: 6, trained: 2040, donations: "1415" },
  BTLCV: { level: 0.925, claim: 0.05, bonus: [0, 1, 1, 0], penalty: [1, 0, 0], blood: 1460, cases: 95, research: 4, trained: 3120, donations: "1960" },
  NT: { level: 0.91, claim: 0.04, bonus: [1, 0, 0, 0], penalty: [0, 0, 0.5], blood: 640, cases: 203, research: 5, trained: 1190, donations: "760" },
};

const NARRATIVES: Record<UnitCode, string> = {
  ANM:
    "Năm 2021, trong bối cảnh dịch COVID-19 diễn biến phức tạp, Cục đã chủ động tham mưu lãnh đạo Bộ nhiều chủ trương, biện pháp bảo đảm an ninh mạng, " +
    "phục vụ thành công Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và cuộc bầu cử đại biểu Quốc hội khóa XV, đại biểu Hội đồng nhân dân các cấp. " +
    "Phong trào thi đua “Vì an ninh Tổ quốc” được triển khai sâu rộng; 100% cán bộ, chiến sĩ ký cam kết thi đua; tham gia tích cực phong trào hiến máu “Giọt máu nghĩa tình”.",
  KTNV:
    "Cục đã hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ trọng tâm; nghiên cứu, làm chủ nhiều giải pháp kỹ thuật nghiệp vụ mới, " +
    "trong đó 21 đề tài, sáng kiến được công nhận. Tổ chức tốt các đợt thi đua cao điểm, hỗ trợ kỹ thuật cho các địa phương trong phòng, chống dịch COVID-19.",
  NT:
    "Cục đã triển khai đồng bộ các mặt công tác, bảo đảm an toàn tuyệt đối các mục tiêu được giao; phong trào thi đua được duy trì thường xuyên. " +
    "Còn để chậm một báo cáo số liệu theo yêu cầu của Cụm trong quý III.",
  QLXNC:
    "Cục đã thực hiện tốt công tác quản lý xuất nhập cảnh trong điều kiện phòng, chống dịch COVID-19; triển khai cấp hộ chiếu, thị thực điện tử; " +
    "phục vụ đưa công dân Việt Nam ở nước ngoài về nước an toàn. Phong trào hiến máu tình nguyện thu hút đông đảo cán bộ, chiến sĩ tham gia.",
  BTLCV:
    "Bộ Tư lệnh đã bảo vệ tuyệt đối an toàn các đồng chí lãnh đạo Đảng, Nhà nước, các đoàn khách quốc tế và các sự kiện chính trị quan trọng; " +
    "phong trào thi đua “Vì an ninh Tổ quốc” gắn với cuộc vận động xây dựng lực lượng chính quy, tinh nhuệ. Có 01 trường hợp vi phạm kỷ luật bị xử lý cảnh cáo.",
};

/** A minimal, valid one-page PDF (the demo's evidence files). */
export function demoPdf(title: string): Uint8Array<ArrayBuffer> {
  const text = title.replace(/[^\x20-\x7e]/g, "?").replace(/[()\\]/g, "");
  const stream = `BT /F1 12 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(new TextEncoder().encode(body));
}

const at = (iso: string) => new Date(`${iso}+07:00`);
const roundDownToHalf = (points: number) => Math.floor(points * 2) / 2;

/** A unit's showing in a year, from which its scores are generated. */
export type UnitShowing<C extends string> = { code: C; level: number; claim: number; bonus: number[]; penalty: number[] };

/**
 * Final and self scores of each unit on each criterion (half-points): on a scored criterion a little
 * variation around the unit's level, never above the max, the self-assessment claiming a little more;
 * bonus and penalty criteria as the showing has them (bonus sometimes claimed half a point higher).
 */
export function generateScores<C extends string>(criteria: ReturnType<typeof allCriteria>, units: UnitShowing<C>[], random: () => number) {
  const finals = new Map<C, Map<string, number>>();
  const selfs = new Map<C, Map<string, number>>();
  for (const u of units) {
    const f = new Map<string, number>();
    const s = new Map<string, number>();
    for (const c of criteria) {
      const max = c.maxHalf / 2;
      let final: number;
      let self: number;
      if (c.section.kind === "SCORED") {
        final = Math.min(max, roundDownToHalf(max * (u.level + (random() - 0.35) * 0.12)));
        self = Math.min(max, roundDownToHalf(max * Math.min(1, u.level + u.claim)) + (random() < 0.2 ? 0.5 : 0));
        self = Math.min(max, Math.max(self, final));
      } else {
        const index = c.section.criteria.findIndex((x) => x.id === c.id);
        final = Math.min(max, (c.section.kind === "BONUS" ? u.bonus[index] : u.penalty[index]) ?? 0);
        self = c.section.kind === "BONUS" ? Math.min(max, final + (random() < 0.3 ? 0.5 : 0)) : final;
      }
      f.set(c.id, half(final));
      s.set(c.id, half(self));
    }
    finals.set(u.code, f);
    selfs.set(u.code, s);
  }
  return { finals, selfs };
}

/**
 * Seeds the 2021 criteria table and the 2021 reports, scoring round and results, and, given
 * `year2022Id`, the 2022 table published and not frozen (the demo's generated years write their own
 * tables: later-years.ts). Returns a short summary for the seed's output.
 */
export async function seedCriteria(tx: Tx, ctx: { year2021Id: string; year2022Id?: string; unitIds: Record<string, string> }): Promise<{ summary: string }> {
  const unitId = (code: UnitCode) => {
    const id = ctx.unitIds[code];
    if (!id) throw new Error(`seedCriteria: unit ${code} is missing`);
    return id;
  };
  const t2021 = await insertCriteriaTable(tx, ctx.year2021Id, CRITERIA_2021, { publishedAt: at("2021-02-22T09:00:00"), frozenAt: at("2021-11-03T16:20:00") });
  const t2022 = ctx.year2022Id ? await insertCriteriaTable(tx, ctx.year2022Id, CRITERIA_2022, { publishedAt: at("2022-02-21T09:00:00"), copiedFromYear: 2021 }) : null;

  const criteria = allCriteria(t2021);
  const random = seededRandom(20211103);
  const units = UNIT_CODES.map((code) => ({ code, id: unitId(code), ...RESULTS_2021[code] }));

  const { finals, selfs } = generateScores(criteria, units, random);

  // The ranking the demo must tell: ANM first, KTNV second.
  const entries = units.map((u) => {
    const totals = computeTotals(t2021, (id) => finals.get(u.code)!.get(id));
    return { unitId: u.id, unitName: u.code, totalHalf: totals.totalHalf, scoredSectionHalves: totals.scoredSectionHalves, penaltyHalf: totals.penaltyHalf };
  });
  const ranked = rankUnits(entries, "FIRST_SECTION", compareVi);
  if (ranked[0]!.unitName !== "ANM" || ranked[1]!.unitName !== "KTNV" || ranked[0]!.rank !== 1 || ranked[1]!.rank !== 2) {
    throw new Error(`seedCriteria: unexpected 2021 ranking ${ranked.map((r) => `${r.rank}.${r.unitName}`).join(" ")}`);
  }

  // Reports, their history and evidence.
  const reportIdOf = new Map<UnitCode, string>();
  const figureIds = t2021.keyFigures.map((f) => f.id);
  const evidenceCriteria = criteria.filter((c) => c.evidenceRequired);
  for (const [i, u] of units.entries()) {
    const self = selfs.get(u.code)!;
    const final = finals.get(u.code)!;
    const rank = ranked.find((r) => r.unitId === u.id)!;
    const submittedAt = at(`2021-11-0${3 + (i % 3)}T${String(9 + i).padStart(2, "0")}:15:00`);
    const returned = u.code === "BTLCV";
    const report = await tx.unitReport.create({
      data: {
        emulationYearId: ctx.year2021Id,
        unitId: u.id,
        kind: "YEAR_END",
        status: "ACCEPTED",
        narrative: NARRATIVES[u.code],
        draftVersion: returned ? 14 : 9,
        savedAt: returned ? at("2021-11-07T10:05:00") : submittedAt,
        savedByName: "Cán bộ thi đua đơn vị",
        submissionCount: returned ? 2 : 1,
        tableVersion: 1,
        submittedAt: returned ? at("2021-11-07T10:30:00") : submittedAt,
        submittedByName: "Lãnh đạo đơn vị",
        acceptedAt: at("2021-11-09T15:00:00"),
        finalTotalHalf: rank.totalHalf,
        finalRank: rank.rank,
        createdAt: at("2021-10-15T08:00:00"),
      },
    });
    reportIdOf.set(u.code, report.id);
    await tx.reportScore.createMany({
      data: criteria.map((c) => ({
        reportId: report.id,
        criterionId: c.id,
        selfHalf: self.get(c.id)!,
        explanation:
          c.section.kind === "SCORED"
            ? `Đơn vị đã hoàn thành nội dung “${c.title.split(";")[0]}”; chi tiết tại báo cáo tổng kết kèm theo.`
            : (self.get(c.id) ?? 0) > 0
              ? "Có quyết định kèm theo."
              : "",
        finalHalf: final.get(c.id)!,
      })),
    });
    const values = [u.cases, u.research, u.blood, u.trained, u.donations];
    await tx.reportFigure.createMany({ data: figureIds.map((figureId, j) => ({ reportId: report.id, figureId, value: String(values[j]) })) });
    for (const c of evidenceCriteria.filter((c) => (self.get(c.id) ?? 0) > 0)) {
      const data = demoPdf(`Minh chung ${u.code} 2021`);
      await tx.evidenceFile.create({
        data: {
          reportId: report.id,
          criterionId: c.id,
          fileName: c.section.kind === "SCORED" ? `Báo cáo kết quả thực hiện Kế hoạch công tác năm 2021 - ${u.code}.pdf` : `Quyết định khen thưởng - ${u.code}.pdf`,
          contentType: "application/pdf",
          size: data.byteLength,
          sha256: createHash("sha256").update(data).digest("hex"),
          data,
          uploadedAt: at("2021-11-02T14:00:00"),
          uploadedByName: "Cán bộ thi đua đơn vị",
        },
      });
    }
    const totalHalf = computeTotals(t2021, (id) => self.get(id)).totalHalf;
    const events: { kind: "SUBMITTED" | "RETURNED" | "ACCEPTED"; at: Date; actorName: string; reason?: string }[] = returned
      ? [
          { kind: "SUBMITTED", at: at("2021-11-05T11:00:00"), actorName: "Lãnh đạo đơn vị" },
          {
            kind: "RETURNED",
            at: at("2021-11-06T09:30:00"),
            actorName: "Thư ký Cụm thi đua số 2",
            reason: "Đề nghị bổ sung tài liệu minh chứng cho tiêu chí II.1 và giải trình rõ điểm trừ tại mục Tr.1.",
          },
          { kind: "SUBMITTED", at: at("2021-11-07T10:30:00"), actorName: "Lãnh đạo đơn vị" },
        ]
      : [{ kind: "SUBMITTED", at: submittedAt, actorName: "Lãnh đạo đơn vị" }];
    events.push({ kind: "ACCEPTED", at: at("2021-11-09T15:00:00"), actorName: "Thư ký Cụm thi đua số 2" });
    for (const e of events) {
      await tx.reportEvent.create({
        data: {
          reportId: report.id,
          kind: e.kind,
          at: e.at,
          actorName: e.actorName,
          reason: e.reason ?? null,
          snapshot: e.kind === "SUBMITTED" ? { tableVersion: 1, totalHalf, scores: [], figures: [], narrative: NARRATIVES[u.code] } : undefined,
        },
      });
    }
  }

  // The finalised cross-scoring round: two scorers per report, scores near the final ones.
  const seed = 20211108;
  const generated = generateAssignment(units.map((u) => u.id), 2, seed);
  if (!generated.ok) throw new Error(generated.message);
  const round = await tx.scoringRound.create({
    data: {
      emulationYearId: ctx.year2021Id,
      state: "FINALISED",
      scorersPerReport: 2,
      seed,
      differencePercent: 20,
      tieBreak: "FIRST_SECTION",
      openedAt: at("2021-11-10T08:00:00"),
      closedAt: at("2021-11-15T17:00:00"),
      finalisedAt: at("2021-11-17T10:00:00"),
    },
  });
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  for (const a of generated.assignments) {
    const code = codeOf.get(a.reportUnitId)!;
    const assignment = await tx.crossAssignment.create({
      data: {
        roundId: round.id,
        reportId: reportIdOf.get(code)!,
        scorerUnitId: a.scorerUnitId,
        draftVersion: 3,
        submittedAt: at("2021-11-14T16:00:00"),
        submittedByName: "Cán bộ thi đua đơn vị",
      },
    });
    const final = finals.get(code)!;
    await tx.crossScore.createMany({
      data: criteria.map((c) => {
        const f = final.get(c.id)!;
        const jitter = c.section.kind === "SCORED" ? Math.round((random() - 0.5) * 2) : 0; // −1, 0 or +1 half-point
        return { assignmentId: assignment.id, criterionId: c.id, scoreHalf: Math.max(0, Math.min(c.maxHalf, f + jitter)) };
      }),
    });
  }

  const order = ranked.map((r) => `${r.rank}. ${r.unitName} ${(r.totalHalf / 2).toLocaleString("vi-VN")}`).join(", ");
  return {
    summary:
      `Bảng tiêu chí 2021 (${criteria.length} tiêu chí, đã cố định)${t2022 ? ` và 2022 (${allCriteria(t2022).length} tiêu chí, đã công bố)` : ""}; ` +
      `5 báo cáo tổng kết 2021 đã chấp nhận, vòng chấm chéo đã chốt: ${order}.`,
  };
}
