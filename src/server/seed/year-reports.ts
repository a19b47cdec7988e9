// A generated closed year's reports and scoring (docs/domain.md §4 steps 4–5), written the way the app
// leaves them: the year's criteria table (copied from the year before, frozen by the first report),
// five accepted year-end reports (self-scores with explanations, key figures, evidence where a
// criterion asks for it; one report returned once and resubmitted), a finalised cross-scoring round
// (two scorers per report, scores near the final ones) and the final scores, totals and ranks.
// Each unit's showing is drawn from a seeded PRNG per year; the penalty for discipline counts the
// unit's real "Cảnh cáo" records, and the chair and deputy get the bonus point for their office.
// Deterministic (ids aside): the assignment is drawn over unit codes, not database ids.
import { createHash } from "node:crypto";
import { allCriteria, computeTotals, generateAssignment, rankUnits, seededRandom, type RankedEntry } from "@/domain/scoring";
import { compareVi } from "@/domain/vietnamese";
import type { Tx } from "@/server/db";
import { addDays, DEMO_UNIT_CODES, DEMO_UNIT_NAMES, type DemoUnitCode, type Leadership } from "./calendar";
import { criteriaSpecFor, demoPdf, generateScores, insertCriteriaTable } from "./criteria-2022";

const at = (iso: string) => new Date(`${iso}+07:00`);

const NARRATIVE_OPENINGS = [
  "đã hoàn thành toàn diện các mặt công tác, nhiều chỉ tiêu vượt kế hoạch",
  "đã hoàn thành tốt các chỉ tiêu, nhiệm vụ trọng tâm được lãnh đạo Bộ giao",
  "đã chủ động tham mưu, triển khai đồng bộ các mặt công tác và hoàn thành các nhiệm vụ được giao",
];
const NARRATIVE_WORK: Record<DemoUnitCode, string> = {
  ANM: "bảo đảm an ninh mạng, đấu tranh với tội phạm sử dụng công nghệ cao",
  KTNV: "nghiên cứu, làm chủ các giải pháp kỹ thuật nghiệp vụ, hỗ trợ kỹ thuật cho các đơn vị, địa phương",
  NT: "bảo đảm an toàn tuyệt đối các mục tiêu, đối tượng được giao",
  QLXNC: "quản lý xuất nhập cảnh, cấp hộ chiếu điện tử và thị thực điện tử",
  BTLCV: "bảo vệ tuyệt đối an toàn các đồng chí lãnh đạo Đảng, Nhà nước và các đoàn khách quốc tế",
};

export type YearReportsResult = { ranked: RankedEntry[]; rankOf: Record<DemoUnitCode, number>; reports: number };

/**
 * Writes the year's table, reports and finalised scoring round; returns the ranking (unitName holds
 * the unit's code). `conference` is the year's conference day, the calendar everything else keys on.
 */
export async function seedYearReports(
  tx: Tx,
  ctx: {
    year: number;
    yearId: string;
    unitIds: Record<DemoUnitCode, string>;
    conference: string;
    leadership: Leadership;
    /** Per unit: members' "Cảnh cáo" (or heavier) records counting against the year. */
    serious: Record<DemoUnitCode, number>;
  },
): Promise<YearReportsResult> {
  const { year, conference } = ctx;
  const random = seededRandom(year * 10_000 + 1103);
  const firstSubmission = addDays(conference, -20);
  const table = await insertCriteriaTable(tx, ctx.yearId, criteriaSpecFor(year), {
    publishedAt: at(`${year}-02-2${year % 5}T09:00:00`),
    frozenAt: at(`${firstSubmission}T09:15:00`),
    copiedFromYear: year - 1,
  });
  const criteria = allCriteria(table);

  // Each unit's showing this year.
  const units = DEMO_UNIT_CODES.map((code) => {
    const level = 0.895 + random() * 0.08;
    const claim = 0.01 + random() * 0.04;
    const bonus = [random() < 0.4 ? 2 : random() < 0.5 ? 1 : 0, random() < 0.5 ? 1 : 0, random() < 0.2 ? 2 : 0, ctx.leadership.chair === code || ctx.leadership.deputy === code ? 1 : 0];
    const penalty = [Math.min(3, ctx.serious[code]), 0, random() < 0.15 ? 0.5 : 0];
    const figures = [Math.round(80 + random() * 1800), Math.round(3 + random() * 20), Math.round(500 + random() * 1100), Math.round(1000 + random() * 2300), (600 + Math.round(random() * 14000) / 10).toFixed(1)];
    return { code, id: ctx.unitIds[code], level, claim, bonus, penalty, figures };
  });

  const { finals, selfs } = generateScores(criteria, units, random);

  const ranked = rankUnits(
    units.map((u) => {
      const totals = computeTotals(table, (id) => finals.get(u.code)!.get(id));
      return { unitId: u.id, unitName: u.code, totalHalf: totals.totalHalf, scoredSectionHalves: totals.scoredSectionHalves, penaltyHalf: totals.penaltyHalf };
    }),
    "FIRST_SECTION",
    (a, b) => compareVi(DEMO_UNIT_NAMES[a as DemoUnitCode], DEMO_UNIT_NAMES[b as DemoUnitCode]),
  );
  const rankOf = Object.fromEntries(ranked.map((r) => [r.unitName, r.rank])) as Record<DemoUnitCode, number>;

  // Reports, their history and evidence. One unit a year has its report returned once.
  const returned = DEMO_UNIT_CODES[year % DEMO_UNIT_CODES.length]!;
  const reportIdOf = new Map<DemoUnitCode, string>();
  const figureIds = table.keyFigures.map((f) => f.id);
  const evidenceCriteria = criteria.filter((c) => c.evidenceRequired);
  for (const [i, u] of units.entries()) {
    const self = selfs.get(u.code)!;
    const final = finals.get(u.code)!;
    const rank = ranked.find((r) => r.unitId === u.id)!;
    const submittedAt = at(`${addDays(firstSubmission, i % 3)}T${String(9 + i).padStart(2, "0")}:15:00`);
    const isReturned = u.code === returned;
    const resubmittedAt = at(`${addDays(firstSubmission, 4)}T10:30:00`);
    const acceptedAt = at(`${addDays(firstSubmission, 6)}T15:00:00`);
    const narrative =
      `Năm ${year}, ${DEMO_UNIT_NAMES[u.code]} ${NARRATIVE_OPENINGS[(year + i) % NARRATIVE_OPENINGS.length]}; làm tốt công tác ${NARRATIVE_WORK[u.code]}. ` +
      `Phong trào thi đua “Vì an ninh Tổ quốc” được triển khai sâu rộng, gắn với đợt thi đua cao điểm chào mừng kỷ niệm ${year - 1945} năm Ngày truyền thống Công an nhân dân; ` +
      `100% cán bộ, chiến sĩ ký cam kết thi đua.`;
    const report = await tx.unitReport.create({
      data: {
        emulationYearId: ctx.yearId,
        unitId: u.id,
        kind: "YEAR_END",
        status: "ACCEPTED",
        narrative,
        draftVersion: isReturned ? 13 : 8 + (i % 3),
        savedAt: isReturned ? at(`${addDays(firstSubmission, 4)}T10:05:00`) : submittedAt,
        savedByName: "Cán bộ thi đua đơn vị",
        submissionCount: isReturned ? 2 : 1,
        tableVersion: 1,
        submittedAt: isReturned ? resubmittedAt : submittedAt,
        submittedByName: "Lãnh đạo đơn vị",
        acceptedAt,
        finalTotalHalf: rank.totalHalf,
        finalRank: rank.rank,
        createdAt: at(`${addDays(firstSubmission, -25)}T08:00:00`),
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
            ? `Đơn vị đã hoàn thành nội dung “${c.title.split(";")[0]}” năm ${year}; chi tiết tại báo cáo tổng kết kèm theo.`
            : (self.get(c.id) ?? 0) > 0
              ? "Có quyết định kèm theo."
              : "",
        finalHalf: final.get(c.id)!,
      })),
    });
    await tx.reportFigure.createMany({ data: figureIds.map((figureId, j) => ({ reportId: report.id, figureId, value: String(u.figures[j]) })) });
    const evidence = evidenceCriteria.filter((c) => (self.get(c.id) ?? 0) > 0);
    if (evidence.length) {
      const data = demoPdf(`Minh chung ${u.code} ${year}`);
      const sha256 = createHash("sha256").update(data).digest("hex");
      await tx.evidenceFile.createMany({
        data: evidence.map((c) => ({
          reportId: report.id,
          criterionId: c.id,
          fileName: c.section.kind === "SCORED" ? `Báo cáo kết quả thực hiện Kế hoạch công tác năm ${year} - ${u.code}.pdf` : `Quyết định khen thưởng - ${u.code}.pdf`,
          contentType: "application/pdf",
          size: data.byteLength,
          sha256,
          data,
          uploadedAt: at(`${addDays(firstSubmission, -1)}T14:00:00`),
          uploadedByName: "Cán bộ thi đua đơn vị",
        })),
      });
    }
    const totalHalf = computeTotals(table, (id) => self.get(id)).totalHalf;
    const events: { kind: "SUBMITTED" | "RETURNED" | "ACCEPTED"; at: Date; actorName: string; reason?: string }[] = isReturned
      ? [
          { kind: "SUBMITTED", at: submittedAt, actorName: "Lãnh đạo đơn vị" },
          {
            kind: "RETURNED",
            at: at(`${addDays(firstSubmission, 3)}T09:30:00`),
            actorName: "Thư ký Cụm thi đua số 2",
            reason: "Đề nghị bổ sung tài liệu minh chứng cho tiêu chí II.1 và làm rõ số liệu chủ yếu.",
          },
          { kind: "SUBMITTED", at: resubmittedAt, actorName: "Lãnh đạo đơn vị" },
        ]
      : [{ kind: "SUBMITTED", at: submittedAt, actorName: "Lãnh đạo đơn vị" }];
    events.push({ kind: "ACCEPTED", at: acceptedAt, actorName: "Thư ký Cụm thi đua số 2" });
    await tx.reportEvent.createMany({
      data: events.map((e) => ({
        reportId: report.id,
        kind: e.kind,
        at: e.at,
        actorName: e.actorName,
        reason: e.reason ?? null,
        snapshot: e.kind === "SUBMITTED" ? { tableVersion: 1, totalHalf, scores: [], figures: [], narrative } : undefined,
      })),
    });
  }

  // The finalised cross-scoring round: two scorers per report, scores near the final ones.
  const seed = year * 10_000 + 1108;
  const generated = generateAssignment(DEMO_UNIT_CODES, 2, seed);
  if (!generated.ok) throw new Error(generated.message);
  const round = await tx.scoringRound.create({
    data: {
      emulationYearId: ctx.yearId,
      state: "FINALISED",
      scorersPerReport: 2,
      seed,
      differencePercent: 20,
      tieBreak: "FIRST_SECTION",
      openedAt: at(`${addDays(conference, -10)}T08:00:00`),
      closedAt: at(`${addDays(conference, -5)}T17:00:00`),
      finalisedAt: at(`${addDays(conference, -3)}T10:00:00`),
    },
  });
  const assignments = await tx.crossAssignment.createManyAndReturn({
    data: generated.assignments.map((a) => ({
      roundId: round.id,
      reportId: reportIdOf.get(a.reportUnitId as DemoUnitCode)!,
      scorerUnitId: ctx.unitIds[a.scorerUnitId as DemoUnitCode],
      draftVersion: 3,
      submittedAt: at(`${addDays(conference, -6)}T16:00:00`),
      submittedByName: "Cán bộ thi đua đơn vị",
    })),
    select: { id: true, reportId: true, scorerUnitId: true },
  });
  const assignmentId = new Map(assignments.map((a) => [`${a.reportId}|${a.scorerUnitId}`, a.id]));
  await tx.crossScore.createMany({
    data: generated.assignments.flatMap((a) => {
      const code = a.reportUnitId as DemoUnitCode;
      const id = assignmentId.get(`${reportIdOf.get(code)}|${ctx.unitIds[a.scorerUnitId as DemoUnitCode]}`)!;
      const final = finals.get(code)!;
      return criteria.map((c) => {
        const f = final.get(c.id)!;
        const jitter = c.section.kind === "SCORED" ? Math.round((random() - 0.5) * 2) : 0; // −1, 0 or +1 half-point
        return { assignmentId: id, criterionId: c.id, scoreHalf: Math.max(0, Math.min(c.maxHalf, f + jitter)) };
      });
    }),
  });
  return { ranked, rankOf, reports: units.length };
}
