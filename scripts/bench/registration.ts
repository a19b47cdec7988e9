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

const OFFICERS = Number(process.argv[2] ?? 5000);
const ITERATIONS = Number(process.argv[3] ?? 50);
const YEAR = 2022;
const HISTORY_YEARS = 10;
const OTHER_UNITS = 9;
const OTHER_UNIT_SIZE = 300;
const root = path.resolve(import.meta.dirname, "../..");

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function pick<T>(random: () => number, weighted: readonly [T, number][]): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
}
const pad = (n: number, w = 2) => String(n).padStart(w, "0");
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
  const { nameSortKey, searchKey, textSortKey } = await import("../../src/domain/vietnamese");
  const { DEFAULT_YEAR_SETTINGS, eligibilitySettingsOf } = await import("../../src/domain/year-settings");
  const { evaluateUnitRegistrations } = await import("../../src/domain/eligibility");
  const { seedTitleCatalogue } = await import("../../src/server/seed/demo");
  const { loadUnitEligibilityData } = await import("../../src/server/store/eligibility-data");
  const { registrationBoard, unitRegistrationPage, TARGET_NONE } = await import("../../src/server/queries/registration");
  const { executeCommand } = await import("../../src/server/commands/command");
  const { saveOfficerRegistrations, bulkSetOfficerRegistrations } = await import("../../src/server/commands/registration");
  type Actor = import("../../src/domain/permissions").Actor;

  // ------------------------------------------------------------------------------------------
  // Seed
  const seedStart = performance.now();
  const random = prng(20211119);
  await seedTitleCatalogue(prisma);
  const block = await prisma.block.create({ data: { code: "BENCH", name: "Khối thử tải" } });
  const cluster = await prisma.cluster.create({ data: { code: "BENCH-1", name: "Cụm thử tải", blockId: block.id } });
  const unitName = "Công an tỉnh Thử tải";
  const unit = await prisma.unit.create({ data: { clusterId: cluster.id, code: "BIG", name: unitName, sortKey: textSortKey(unitName) } });
  const subUnits = await prisma.unit.createManyAndReturn({
    data: Array.from({ length: 20 }, (_, i) => ({ clusterId: cluster.id, parentId: unit.id, code: `BIG-P${i + 1}`, name: `Phòng ${i + 1}`, sortKey: textSortKey(`Phòng ${i + 1}`) })),
    select: { id: true },
  });
  const others = await prisma.unit.createManyAndReturn({
    data: Array.from({ length: OTHER_UNITS }, (_, i) => ({ clusterId: cluster.id, code: `U${i + 1}`, name: `Đơn vị ${i + 1}`, sortKey: textSortKey(`Đơn vị ${i + 1}`) })),
    select: { id: true },
  });
  const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"];
  const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Ngọc", "Hữu"];
  const GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Việt", "Yến"];
  const officerRows = (unitId: string, prefix: string, n: number, subs: { id: string }[]) =>
    Array.from({ length: n }, (_, i) => {
      const fullName = `${FAMILY[Math.floor(random() * FAMILY.length)]} ${MIDDLE[Math.floor(random() * MIDDLE.length)]} ${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      return {
        unitId,
        subUnitId: subs.length ? subs[i % subs.length]!.id : null,
        code: `${prefix}-${pad(i, 5)}`,
        fullName,
        searchName: searchKey(fullName),
        sortKey: nameSortKey(fullName),
        rank: "Đại úy",
        position: "Cán bộ",
      };
    });
  // Inserts in chunks below Postgres' 32,767 bind parameters per statement.
  const bigRows = officerRows(unit.id, "BIG", OFFICERS, subUnits);
  const bigOfficers: { id: string }[] = [];
  for (let i = 0; i < bigRows.length; i += 2000) {
    bigOfficers.push(...(await prisma.officer.createManyAndReturn({ data: bigRows.slice(i, i + 2000), select: { id: true } })));
  }
  const otherOfficers: { unitId: string; id: string }[] = [];
  for (const [k, u] of others.entries()) {
    const created = await prisma.officer.createManyAndReturn({ data: officerRows(u.id, `U${k + 1}`, OTHER_UNIT_SIZE, []), select: { id: true, unitId: true } });
    otherOfficers.push(...created);
  }

  // History: ten years per officer of the big unit (a few years missing), initiatives, some discipline.
  type YearRow = { officerId: string; year: number; rating: "EXCELLENT" | "GOOD" | "COMPLETE" | "INCOMPLETE"; awardedTitleCode: string | null };
  const years: YearRow[] = [];
  const initiatives: { officerId: string; year: number; level: "BASE" | "MINISTRY" | "NATIONAL"; title: string }[] = [];
  const disciplines: { officerId: string; form: "KHIEN_TRACH" | "CANH_CAO" | "HA_BAC_LUONG"; status: "PENDING" | "IN_FORCE"; fromDate: Date; toDate: Date | null }[] = [];
  for (const [i, o] of bigOfficers.entries()) {
    let streak = 0;
    for (let y = YEAR - HISTORY_YEARS; y < YEAR; y++) {
      if (random() < 0.03) continue;
      const rating = pick(random, [["EXCELLENT", 15], ["GOOD", 60], ["COMPLETE", 22], ["INCOMPLETE", 3]] as const);
      let title: string | null = null;
      if (rating === "GOOD" || rating === "EXCELLENT") {
        title = random() < 0.2 ? "CSTDCS" : "CST";
        streak = title === "CSTDCS" ? streak + 1 : 0;
        if (streak === 3 && random() < 0.5) {
          title = "CSTD_CAND";
          streak = 0;
        }
      } else streak = 0;
      years.push({ officerId: o.id, year: y, rating, awardedTitleCode: title });
      if (random() < 0.25) {
        initiatives.push({ officerId: o.id, year: y, level: pick(random, [["BASE", 80], ["MINISTRY", 17], ["NATIONAL", 3]] as const), title: `Sáng kiến ${i}/${y}` });
      }
    }
    if (random() < 0.04) {
      const y = YEAR - Math.floor(random() * 3);
      const m = 1 + Math.floor(random() * 12);
      const status = random() < 0.2 ? "PENDING" : "IN_FORCE";
      disciplines.push({
        officerId: o.id,
        form: pick(random, [["KHIEN_TRACH", 60], ["CANH_CAO", 30], ["HA_BAC_LUONG", 10]] as const),
        status,
        fromDate: new Date(`${y}-${pad(m)}-01T00:00:00Z`),
        toDate: status === "PENDING" ? null : new Date(`${y + 1}-${pad(m)}-01T00:00:00Z`),
      });
    }
  }
  for (let i = 0; i < years.length; i += 5000) await prisma.officerYearResult.createMany({ data: years.slice(i, i + 5000) });
  for (let i = 0; i < initiatives.length; i += 5000) await prisma.initiative.createMany({ data: initiatives.slice(i, i + 5000) });
  await prisma.discipline.createMany({ data: disciplines });

  const year = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: YEAR, phase: "REGISTRATION", settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2099-12-31" } },
  });
  // Registrations: 95% of the big unit, CSTĐCS within the quota; the other units fully registered as CST.
  const registered = bigOfficers.filter(() => random() < 0.95);
  const places = Math.floor((registered.length * 15) / 100) - 10;
  const registrations = [
    ...registered.map((o, i) => ({ emulationYearId: year.id, unitId: unit.id, officerId: o.id, titleCode: i < places ? "CSTDCS" : "CST" })),
    ...otherOfficers.map((o) => ({ emulationYearId: year.id, unitId: o.unitId, officerId: o.id, titleCode: "CST" })),
  ];
  for (let i = 0; i < registrations.length; i += 5000) await prisma.officerRegistration.createMany({ data: registrations.slice(i, i + 5000) });
  await prisma.$executeRawUnsafe("ANALYZE");
  const user = await prisma.user.create({ data: { username: "bench.officer", passwordHash: "-", displayName: "Cán bộ thử tải", role: "UNIT_OFFICER", clusterId: cluster.id, unitId: unit.id } });
  const sec = await prisma.user.create({ data: { username: "bench.secretariat", passwordHash: "-", displayName: "Thư ký thử tải", role: "SECRETARIAT", clusterId: cluster.id } });
  const officerActor: Actor = { userId: user.id, username: user.username, displayName: user.displayName, role: "UNIT_OFFICER", clusterId: cluster.id, unitId: unit.id, chairOfClusterIds: [] };
  const secretariat: Actor = { userId: sec.id, username: sec.username, displayName: sec.displayName, role: "SECRETARIAT", clusterId: cluster.id, unitId: null, chairOfClusterIds: [] };
  console.log(
    `Dữ liệu: đơn vị ${OFFICERS.toLocaleString("vi-VN")} cán bộ × ${HISTORY_YEARS} năm (${years.length.toLocaleString("vi-VN")} bản ghi năm, ` +
      `${initiatives.length.toLocaleString("vi-VN")} sáng kiến, ${disciplines.length} kỷ luật), ${registered.length.toLocaleString("vi-VN")} đăng ký; ` +
      `cụm ${OTHER_UNITS + 1} đơn vị (${(OFFICERS + OTHER_UNITS * OTHER_UNIT_SIZE).toLocaleString("vi-VN")} cán bộ). Tạo trong ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`,
  );
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
  const pageRows = bigOfficers.slice(0, 50);
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
console.log("\nHTTP: chưa đo (cần bản build production); số liệu trên là thời gian của hàm truy vấn phía máy chủ.");
