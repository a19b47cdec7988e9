// Benchmark of title registration on a real Postgres (a throwaway database, removed afterwards): one unit
// of 5,000 officers with 10 years of history (ratings, awarded titles, initiatives, discipline) in a
// cluster of ten units, registrations for the year. Measures, separately:
// - loading the whole unit's eligibility data (src/server/store/eligibility-data.ts);
// - the engine over the whole unit (evaluateUnitRegistrations);
// - the registration page query (unitRegistrationPage: one page of 50, counts, quota, collective titles),
//   over pages and filters, 50 iterations: p50/p95 (target p95 < 300 ms);
// - the secretariat's board (registrationBoard), and the save / bulk commands.
// Not a test: it prints the figures. Deterministic data (seeded PRNG).
//   npx tsx scripts/bench/registration.ts [officers=5000] [iterations=50]
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";
import { HISTORY_YEARS, seedRegistrationBench } from "./registration-data";

const OFFICERS = Number(process.argv[2] ?? 5000);
const ITERATIONS = Number(process.argv[3] ?? 50);
const YEAR = 2022;
const root = path.resolve(import.meta.dirname, "../..");

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function measure(label: string, runs: number, fn: (i: number) => Promise<unknown> | unknown, target?: number) {
  await fn(0); // warm-up (JIT, connection pool, query plans), not counted
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const verdict = target === undefined ? "" : p95 <= target ? `  OK (mục tiêu p95 < ${target} ms)` : `  CHẬM (mục tiêu p95 < ${target} ms)`;
  // CPU time of this process (the app's share; Postgres is another process): unlike wall time, not
  // inflated by whatever else runs on the machine.
  console.log(
    `${label.padEnd(58)} p50 ${fmt(p50).padStart(9)}  p95 ${fmt(p95).padStart(9)}  max ${fmt(Math.max(...times)).padStart(9)}` +
      `  CPU app p50 ${fmt(percentile(cpus, 50)).padStart(9)}  (${runs} lần)${verdict}`,
  );
  return { p50, p95 };
}

const db = await openThrowawayDatabase("bench_reg");
try {
  migrateDeploy(root, db.url);
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_POOL_SIZE ??= "10";
  // Imported after DATABASE_URL is set: the client is created on first use.
  const { prisma } = await import("../../src/server/db");
  const { DEFAULT_YEAR_SETTINGS, eligibilitySettingsOf } = await import("../../src/domain/year-settings");
  const { evaluateUnitRegistrations } = await import("../../src/domain/eligibility");
  const { loadUnitEligibilityData } = await import("../../src/server/store/eligibility-data");
  const { registrationBoard, unitRegistrationPage, TARGET_NONE } = await import("../../src/server/queries/registration");
  const { executeCommand } = await import("../../src/server/commands/command");
  const { saveOfficerRegistrations, bulkSetOfficerRegistrations } = await import("../../src/server/commands/registration");
  type Actor = import("../../src/domain/permissions").Actor;

  // ------------------------------------------------------------------------------------------
  // Seed (registration-data.ts)
  const seeded = await seedRegistrationBench(prisma, { officers: OFFICERS, year: YEAR });
  const { bigOfficers } = seeded;
  const unit = { id: seeded.unitId };
  const year = { id: seeded.yearId };
  const officerActor: Actor = { userId: seeded.officerUserId, username: "bench.officer", displayName: "Cán bộ thử tải", role: "UNIT_OFFICER", clusterId: seeded.clusterId, unitId: unit.id, chairOfClusterIds: [] };
  const secretariat: Actor = { userId: seeded.secretariatUserId, username: "bench.secretariat", displayName: "Thư ký thử tải", role: "SECRETARIAT", clusterId: seeded.clusterId, unitId: null, chairOfClusterIds: [] };
  console.log(seeded.summary);
  console.log(`Máy: ${os.cpus().length} nhân, Node ${process.version}, tải trung bình 1 phút ${os.loadavg()[0]!.toFixed(2)}.\n`);

  // ------------------------------------------------------------------------------------------
  // Whole-unit eligibility: loading, then the engine.
  const settings = eligibilitySettingsOf({ ...DEFAULT_YEAR_SETTINGS, registrationDeadline: null });
  let data = await loadUnitEligibilityData(prisma, { unitId: unit.id, year: YEAR, emulationYearId: year.id });
  const runs = Math.max(10, Math.round(ITERATIONS / 2));
  const load = await measure(`Nạp dữ liệu xét điều kiện cả đơn vị (${data.officers.length} cán bộ, ${YEAR - 5}–${YEAR})`, runs, async () => {
    data = await loadUnitEligibilityData(prisma, { unitId: unit.id, year: YEAR, emulationYearId: year.id });
  });
  await measure(`  (để so sánh) nạp đủ ${HISTORY_YEARS} năm lịch sử (historyFrom)`, runs, () =>
    loadUnitEligibilityData(prisma, { unitId: unit.id, year: YEAR, emulationYearId: year.id, historyFrom: YEAR - HISTORY_YEARS }),
  );
  let result = evaluateUnitRegistrations(data.officers, data.registrations, settings, { year: YEAR });
  const engine = await measure("Bộ quy tắc: xét cả đơn vị (evaluateUnitRegistrations)", runs, () => {
    result = evaluateUnitRegistrations(data.officers, data.registrations, settings, { year: YEAR });
  }, 200);
  console.log(
    `${"".padEnd(58)} → nạp + xét: p50 ${fmt(load.p50 + engine.p50)}, p95 ${fmt(load.p95 + engine.p95)}; ` +
      `hợp lệ ${result.counts.eligible}/${result.counts.registered}, ${result.quota.message}`,
  );

  // ------------------------------------------------------------------------------------------
  // The registration page query: pages and filters in turn.
  const pageCount = Math.ceil(OFFICERS / 50);
  const variants: Parameters<typeof unitRegistrationPage>[1][] = [
    {},
    { page: Math.ceil(pageCount / 2) },
    { page: pageCount },
    { q: "nguyen van" },
    { target: "CSTDCS" },
    { target: TARGET_NONE },
    { page: 3, q: "tran" },
  ];
  await measure("Trang đăng ký của đơn vị (unitRegistrationPage, 50/trang)", ITERATIONS, (i) => unitRegistrationPage(officerActor, variants[i % variants.length]!), 300);
  await measure("Bảng theo dõi của Thư ký (registrationBoard, 10 đơn vị)", ITERATIONS, () => registrationBoard(secretariat), 300);

  // ------------------------------------------------------------------------------------------
  // Writes: one page of 50 rows toggled between CST and "", and a whole-unit bulk set.
  // Officers no discipline record refuses (rule 6 refuses a title a discipline of the year decides): the
  // save measures writing 50 rows, not a refusal.
  const disciplined = new Set((await prisma.discipline.findMany({ where: { officer: { unitId: unit.id } }, select: { officerId: true } })).map((d) => d.officerId));
  const pageRows = bigOfficers.filter((o) => !disciplined.has(o.id)).slice(0, 50);
  await measure("Lưu 50 dòng (saveOfficerRegistrations)", Math.max(10, Math.round(ITERATIONS / 2)), async (i) => {
    const r = await executeCommand(saveOfficerRegistrations, officerActor, {
      emulationYearId: year.id,
      rows: pageRows.map((o) => ({ officerId: o.id, titleCode: i % 2 ? "CST" : "" })),
    });
    if (!r.ok) throw new Error(r.message);
  });
  const activeCount = await prisma.officer.count({ where: { unitId: unit.id, active: true } });
  await measure(`Áp dụng hàng loạt cho cả đơn vị (${activeCount} cán bộ)`, 5, async (i) => {
    const r = await executeCommand(bulkSetOfficerRegistrations, officerActor, { emulationYearId: year.id, titleCode: i % 2 ? "CST" : "", expectedCount: activeCount });
    if (!r.ok) throw new Error(r.message);
  });
  await prisma.$disconnect();
} finally {
  await db.stop();
}
console.log("\nSố liệu trên là thời gian của hàm truy vấn phía máy chủ; qua máy chủ HTTP: scripts/bench/registration-http.ts.");
