// Benchmark of reports and scoring on a throwaway Postgres: one cluster of 10 units, a criteria table
// of 60 criteria (5 sections × 10 + 5 bonus + 5 penalty items), 10 accepted year-end reports with
// self-scores, a cross-scoring round with 3 scorers per report (1,800 cross-scores) and final scores.
// Prints: the time to compute the ranking (pure arithmetic; the ranking page's query; finalising the
// round, which computes and stores it) and the report page's query p95 (target: under 200 ms).
// Data is deterministic (seeded), so every run measures the same work.
//   npx tsx scripts/bench/scoring.ts [runs=200]
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";

const RUNS = Number(process.argv[2] ?? 200);
const UNITS = 10;
const SCORERS = 3;
const BUDGET_MS = 200;
const root = path.resolve(import.meta.dirname, "../..");

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timeIt<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

const db = await openThrowawayDatabase("bench");
try {
  migrateDeploy(root, db.url);
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_POOL_SIZE = "4";
  // Imported after DATABASE_URL is set: the Prisma client is created on first use.
  const { prisma } = await import("../../src/server/db");
  const scoring = await import("../../src/domain/scoring");
  const { textSortKey, compareVi } = await import("../../src/domain/vietnamese");
  const { DEFAULT_YEAR_SETTINGS } = await import("../../src/domain/year-settings");
  const { getReport } = await import("../../src/server/queries/reports");
  const { yearRanking, finalScoresOf } = await import("../../src/server/queries/scoring");
  const { executeCommand } = await import("../../src/server/commands/command");
  const { finaliseScoringRound } = await import("../../src/server/commands/scoring");
  const { insertCriteriaTable } = await import("../../src/server/seed/criteria-2022");
  const random = scoring.seededRandom(20221115);

  // ---- Data
  const buildStart = performance.now();
  const block = await prisma.block.create({ data: { code: "BENCH", name: "Khối thử nghiệm" } });
  const cluster = await prisma.cluster.create({ data: { code: "BENCH-C", name: "Cụm thử nghiệm", blockId: block.id } });
  const units: { id: string; name: string }[] = [];
  for (let i = 0; i < UNITS; i++) {
    const name = `Cục Nghiệp vụ số ${i + 1}`;
    units.push(await prisma.unit.create({ data: { clusterId: cluster.id, code: `BENCH-U${i + 1}`, name, sortKey: textSortKey(name) } }));
  }
  const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "SCORING", settings: DEFAULT_YEAR_SETTINGS } });
  const spec = {
    sections: [
      ...["Xây dựng lực lượng", "Chuyên môn, nghiệp vụ", "Phong trào thi đua", "Xây dựng Đảng", "Đoàn thể"].map((title) => ({
        kind: "SCORED" as const,
        title,
        max: 20,
        criteria: Array.from({ length: 10 }, (_, j) => ({ title: `${title}: tiêu chí ${j + 1}`, max: 2, evidence: j === 0 })),
      })),
      { kind: "BONUS" as const, title: "Điểm thưởng", max: 5, criteria: Array.from({ length: 5 }, (_, j) => ({ title: `Khoản thưởng ${j + 1}`, max: 2 })) },
      { kind: "PENALTY" as const, title: "Điểm trừ", max: 10, criteria: Array.from({ length: 5 }, (_, j) => ({ title: `Khoản trừ ${j + 1}`, max: 3 })) },
    ],
    keyFigures: Array.from({ length: 5 }, (_, j) => ({ label: `Số liệu ${j + 1}`, unitLabel: "vụ" })),
  };
  const table = await prisma.$transaction((tx) => insertCriteriaTable(tx, year.id, spec, { publishedAt: new Date(), frozenAt: new Date() }), { timeout: 60_000 });
  const criteria = scoring.allCriteria(table);
  const secretariat = await prisma.user.create({ data: { username: "bench.thuky", passwordHash: "-", displayName: "Thư ký", role: "SECRETARIAT", clusterId: cluster.id } });
  const actor = { userId: secretariat.id, username: secretariat.username, displayName: secretariat.displayName, role: "SECRETARIAT" as const, clusterId: cluster.id, unitId: null, chairOfClusterIds: [] };

  const scoreFor = (c: (typeof criteria)[number], strength: number) => {
    if (c.section.kind === "PENALTY") return random() < 0.1 ? 1 : 0;
    if (c.section.kind === "BONUS") return random() < 0.4 ? Math.round(random() * c.maxHalf) : 0;
    return Math.max(0, Math.min(c.maxHalf, Math.round(c.maxHalf * (strength + (random() - 0.5) * 0.2))));
  };
  const reportIds = new Map<string, string>();
  const pdf = new Uint8Array(new TextEncoder().encode("%PDF-1.4\n%%EOF\n"));
  for (const [i, u] of units.entries()) {
    const strength = 0.8 + (i % 5) * 0.04;
    const report = await prisma.unitReport.create({
      data: { emulationYearId: year.id, unitId: u.id, kind: "YEAR_END", status: "ACCEPTED", narrative: "Báo cáo tổng kết. ".repeat(200), submissionCount: 1, submittedAt: new Date(), acceptedAt: new Date(), tableVersion: 1 },
    });
    reportIds.set(u.id, report.id);
    await prisma.reportScore.createMany({
      data: criteria.map((c) => {
        const self = scoreFor(c, strength + 0.03);
        return { reportId: report.id, criterionId: c.id, selfHalf: self, explanation: `Giải trình tiêu chí: ${"kết quả thực hiện ".repeat(8)}`, finalHalf: Math.max(0, self - (random() < 0.3 ? 1 : 0)) };
      }),
    });
    await prisma.reportFigure.createMany({ data: table.keyFigures.map((f) => ({ reportId: report.id, figureId: f.id, value: String(Math.round(random() * 5000)) })) });
    for (const c of criteria.filter((c) => c.evidenceRequired)) {
      await prisma.evidenceFile.create({ data: { reportId: report.id, criterionId: c.id, fileName: "minh-chung.pdf", contentType: "application/pdf", size: pdf.byteLength, sha256: "0".repeat(64), data: pdf, uploadedByName: "Cán bộ" } });
    }
    await prisma.reportEvent.create({ data: { reportId: report.id, kind: "SUBMITTED", actorName: "Lãnh đạo", snapshot: { tableVersion: 1, totalHalf: 0, scores: [], figures: [], narrative: "" } } });
    await prisma.reportEvent.create({ data: { reportId: report.id, kind: "ACCEPTED", actorName: "Thư ký" } });
  }
  const generated = scoring.generateAssignment(units.map((u) => u.id), SCORERS, 42);
  if (!generated.ok) throw new Error(generated.message);
  const round = await prisma.scoringRound.create({ data: { emulationYearId: year.id, state: "CLOSED", scorersPerReport: SCORERS, seed: 42, differencePercent: 20, tieBreak: "FIRST_SECTION", closedAt: new Date() } });
  for (const a of generated.assignments) {
    const assignment = await prisma.crossAssignment.create({ data: { roundId: round.id, reportId: reportIds.get(a.reportUnitId)!, scorerUnitId: a.scorerUnitId, submittedAt: new Date() } });
    await prisma.crossScore.createMany({ data: criteria.map((c) => ({ assignmentId: assignment.id, criterionId: c.id, scoreHalf: scoreFor(c, 0.85) })) });
  }
  const counts = {
    criteria: criteria.length,
    reports: await prisma.unitReport.count(),
    selfScores: await prisma.reportScore.count(),
    assignments: await prisma.crossAssignment.count(),
    crossScores: await prisma.crossScore.count(),
  };
  console.log(
    `Dữ liệu: ${UNITS} đơn vị × ${counts.criteria} tiêu chí × ${SCORERS} đơn vị chấm chéo mỗi báo cáo: ` +
      `${counts.reports} báo cáo, ${counts.selfScores} điểm tự chấm/cuối cùng, ${counts.assignments} phiếu chấm, ${counts.crossScores} điểm chấm chéo ` +
      `(dựng trong ${ms(performance.now() - buildStart)}).`,
  );

  // ---- Ranking: pure arithmetic over the final scores (10 reports × 60 criteria, caps, tie-break)
  const finals = await prisma.reportScore.findMany({ select: { reportId: true, criterionId: true, finalHalf: true } });
  const byReport = new Map<string, Map<string, number | null>>();
  for (const f of finals) byReport.set(f.reportId, (byReport.get(f.reportId) ?? new Map()).set(f.criterionId, f.finalHalf));
  const pure: number[] = [];
  let ranked: ReturnType<typeof scoring.rankUnits> = [];
  for (let r = 0; r < RUNS; r++) {
    const [t, out] = await timeIt(() =>
      scoring.rankUnits(
        units.map((u) => {
          const totals = scoring.computeTotals(table, (id) => byReport.get(reportIds.get(u.id)!)!.get(id));
          return { unitId: u.id, unitName: u.name, totalHalf: totals.totalHalf, scoredSectionHalves: totals.scoredSectionHalves, penaltyHalf: totals.penaltyHalf };
        }),
        "FIRST_SECTION",
        compareVi,
      ),
    );
    pure.push(t);
    ranked = out;
  }
  console.log(`Tính xếp hạng (thuần, trong bộ nhớ): trung vị ${ms(percentile(pure, 50))}, p95 ${ms(percentile(pure, 95))} (${RUNS} lần).`);

  // ---- Finalising the round: checks every final score, computes the ranking, stores totals and ranks
  const [finaliseMs, finalised] = await timeIt(() => executeCommand(finaliseScoringRound, actor, { roundId: round.id }));
  if (!finalised.ok) throw new Error(finalised.message);
  console.log(`Chốt kết quả (lệnh finalise: kiểm tra, tính và lưu xếp hạng trong một giao dịch): ${ms(finaliseMs)}.`);

  // ---- The ranking page's query (reads, aggregates in SQL, ranks)
  const rankingTimes: number[] = [];
  for (let r = 0; r < Math.min(RUNS, 100); r++) rankingTimes.push((await timeIt(() => yearRanking(actor, year.id)))[0]);
  const rankingPage = await yearRanking(actor, year.id);
  if (rankingPage.rows[0]?.unitId !== ranked[0]?.unitId) throw new Error("ranking mismatch between the page and the pure computation");
  console.log(`Truy vấn trang xếp hạng: trung vị ${ms(percentile(rankingTimes, 50))}, p95 ${ms(percentile(rankingTimes, 95))} (${rankingTimes.length} lần).`);

  // ---- The report page's query, over every report in turn
  const ids = [...reportIds.values()];
  for (const id of ids) await getReport(actor, id); // warm-up
  const pageTimes: number[] = [];
  for (let r = 0; r < RUNS; r++) pageTimes.push((await timeIt(() => getReport(actor, ids[r % ids.length]!)))[0]);
  const p95 = percentile(pageTimes, 95);
  console.log(`Truy vấn trang báo cáo (getReport): trung vị ${ms(percentile(pageTimes, 50))}, p95 ${ms(p95)}, chậm nhất ${ms(Math.max(...pageTimes))} (${RUNS} lần).`);

  const finalTimes: number[] = [];
  for (let r = 0; r < Math.min(RUNS, 100); r++) finalTimes.push((await timeIt(() => finalScoresOf(actor, ids[r % ids.length]!)))[0]);
  console.log(`(Tham khảo) Trang thống nhất điểm (tự chấm + 3 đơn vị chấm + điểm cuối cùng): p95 ${ms(percentile(finalTimes, 95))}.`);

  console.log(p95 <= BUDGET_MS ? `OK: p95 trang báo cáo dưới ${BUDGET_MS} ms.` : `CHẬM: p95 trang báo cáo vượt ${BUDGET_MS} ms.`);
  console.log(`Xếp hạng: ${ranked.map((r) => `${r.rank}. ${r.unitName} (${scoring.formatPoints(r.totalHalf)})`).join("; ")}`);
  console.log(`Máy: ${os.cpus().length} nhân, tải trung bình 1 phút ${os.loadavg()[0]!.toFixed(2)}.`);
  await prisma.$disconnect();
} finally {
  await db.stop();
}
