// Benchmark of issue 16 at Ministry scale (docs/domain.md §8): 20 clusters, 150 member units, an officer and
// a head per unit and a secretariat per cluster; every deadline of a year set (registration, mid-year
// and year-end reports, and the conference for an open cross-scoring round and an open vote round),
// with about half of the units late on each. The reminder run is timed for every day of the year (the
// job runs it hourly; only the first run of a day sends), then the notification page's p95 for a user
// holding 10,000 notifications.
//   npx tsx scripts/bench/reminders.ts [units=150] [notifications=10000]
// The database is a throwaway one, removed at the end.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";

const UNITS = Number(process.argv[2] ?? 150);
const NOTIFICATIONS = Number(process.argv[3] ?? 10_000);
const CLUSTERS = 20;
const root = path.resolve(import.meta.dirname, "../..");

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const db = await openThrowawayDatabase("bench_reminders");
let disconnect: (() => Promise<void>) | undefined;
try {
  migrateDeploy(root, db.url);
  process.env.DATABASE_URL = db.url;
  delete process.env.SMTP_URL;
  const { prisma } = await import("../../src/server/db");
  disconnect = () => prisma.$disconnect();
  const { runReminders } = await import("../../src/server/notifications/reminders");
  const { notificationsPage, unreadCount } = await import("../../src/server/queries/notifications");
  const { DEFAULT_YEAR_SETTINGS } = await import("../../src/domain/year-settings");
  const { textSortKey } = await import("../../src/domain/vietnamese");
  const { loadActor } = await import("../../src/server/auth/actor");

  // --- The Ministry: clusters, units, people, one open 2022 year per cluster ---------------------
  const setupStarted = performance.now();
  const block = await prisma.block.create({ data: { code: "BENCH", name: "Khối thử tải" } });
  const settings = { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-03-31", midyearReportDeadline: "2022-06-30", reportDeadline: "2022-11-15", conferenceDate: "2022-12-15" };
  let unitNo = 0;
  for (let c = 0; c < CLUSTERS; c++) {
    const cluster = await prisma.cluster.create({ data: { code: `BC-${c + 1}`, name: `Cụm thi đua số ${c + 1}`, blockId: block.id } });
    const size = Math.floor(UNITS / CLUSTERS) + (c < UNITS % CLUSTERS ? 1 : 0);
    const names = Array.from({ length: size }, () => `Công an đơn vị số ${++unitNo}`);
    const units = await prisma.unit.createManyAndReturn({
      data: names.map((name, i) => ({ clusterId: cluster.id, code: `BU-${c + 1}-${i + 1}`, name, sortKey: textSortKey(name) })),
      select: { id: true },
    });
    await prisma.user.createMany({
      data: [
        { username: `bench.thuky.${c + 1}`, passwordHash: "-", displayName: `Thư ký cụm ${c + 1}`, role: "SECRETARIAT" as const, clusterId: cluster.id },
        ...units.flatMap((u, i) => [
          { username: `bench.canbo.${c + 1}.${i + 1}`, passwordHash: "-", displayName: `Cán bộ ${c + 1}.${i + 1}`, role: "UNIT_OFFICER" as const, clusterId: cluster.id, unitId: u.id },
          { username: `bench.lanhdao.${c + 1}.${i + 1}`, passwordHash: "-", displayName: `Lãnh đạo ${c + 1}.${i + 1}`, role: "UNIT_HEAD" as const, clusterId: cluster.id, unitId: u.id },
        ]),
      ],
    });
    const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "CONFERENCE", settings, chairUnitId: units[0]!.id } });
    // Even units have registered and submitted both reports; odd ones are late on everything.
    const done = units.filter((_, i) => i % 2 === 0);
    await prisma.unitRegistration.createMany({ data: done.map((u) => ({ emulationYearId: year.id, unitId: u.id, status: "SUBMITTED" as const })) });
    await prisma.unitReport.createMany({
      data: done.flatMap((u) => [
        { emulationYearId: year.id, unitId: u.id, kind: "MIDYEAR" as const, status: "ACCEPTED" as const, submissionCount: 1 },
        { emulationYearId: year.id, unitId: u.id, kind: "YEAR_END" as const, status: "ACCEPTED" as const, submissionCount: 1 },
      ]),
    });
    // An open cross-scoring round: each accepted report scored by the next two units, none submitted yet.
    const round = await prisma.scoringRound.create({ data: { emulationYearId: year.id, scorersPerReport: 2, seed: 1, differencePercent: 20, tieBreak: "FIRST_SECTION" } });
    const reports = await prisma.unitReport.findMany({ where: { emulationYearId: year.id, kind: "YEAR_END" }, select: { id: true, unitId: true } });
    await prisma.crossAssignment.createMany({
      data: reports.flatMap((r) => {
        const at = units.findIndex((u) => u.id === r.unitId);
        return [1, 2].map((k) => ({ roundId: round.id, reportId: r.id, scorerUnitId: units[(at + k) % units.length]!.id }));
      }),
    });
    // An open vote round nobody has voted in yet.
    await prisma.voteRound.create({ data: { emulationYearId: year.id, kind: "CHAIR_ELECTION", title: "Bầu Cụm trưởng năm 2023", seats: 1, state: "OPEN", openedAt: new Date() } });
  }
  console.log(`[bench reminders] set-up: ${CLUSTERS} clusters, ${unitNo} units, ${await prisma.user.count()} users (${((performance.now() - setupStarted) / 1000).toFixed(1)} s)`);

  // --- The reminder run, every day of 2022 ------------------------------------------------------
  const times: { day: string; ms: number; reminders: number; notifications: number }[] = [];
  for (let d = new Date("2022-01-01T00:00:00Z"); d.getUTCFullYear() === 2022; d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    const started = performance.now();
    const r = await runReminders({ now: new Date(`${day}T07:00:00+07:00`) });
    times.push({ day, ms: performance.now() - started, reminders: r.reminders, notifications: r.notifications });
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const peak = times.reduce((a, b) => (b.ms > a.ms ? b : a));
  const total = times.reduce((a, t) => a + t.ms, 0);
  const sent = await prisma.reminderSent.count();
  const notes = await prisma.notification.count();
  console.log(
    `[bench reminders] daily run over 365 days: median ${pct(sorted, 50).toFixed(0)} ms, p95 ${pct(sorted, 95).toFixed(0)} ms, ` +
      `slowest ${peak.ms.toFixed(0)} ms on ${peak.day} (${peak.reminders} reminders, ${peak.notifications} notifications); total ${(total / 1000).toFixed(1)} s`,
  );
  console.log(`[bench reminders] sent: ${sent} reminders, ${await prisma.digestSent.count()} digests, ${notes} notifications (target: a daily run under 10 s)`);
  const again = performance.now();
  const rerun = await runReminders({ now: new Date(`${peak.day}T15:00:00+07:00`) });
  console.log(`[bench reminders] a second run on the peak day: ${(performance.now() - again).toFixed(0)} ms, ${rerun.reminders} reminders (exactly once)`);

  // --- The notification page of a user with 10,000 notifications ---------------------------------
  const user = await prisma.user.findFirstOrThrow({ where: { username: "bench.canbo.1.2" } });
  const year = await prisma.emulationYear.findFirstOrThrow({ where: { cluster: { code: "BC-1" } } });
  const now = Date.now();
  const rows = Array.from({ length: NOTIFICATIONS }, (_, i) => ({
    userId: user.id,
    kind: i % 3 === 0 ? "REMINDER_REPORT" : "REMINDER_REGISTRATION",
    subjectType: "YEAR",
    subjectId: year.id,
    clusterId: year.clusterId,
    unitId: user.unitId,
    title: `Thông báo thử tải số ${i + 1}`,
    body: "Nội dung thông báo thử tải.",
    href: "/reports",
    createdAt: new Date(now - i * 60_000),
    readAt: i % 4 === 0 ? null : new Date(now),
  }));
  for (let i = 0; i < rows.length; i += 2000) await prisma.notification.createMany({ data: rows.slice(i, i + 2000) });
  await prisma.$executeRawUnsafe(`ANALYZE "Notification"`);
  const actor = (await loadActor(user.id))!;
  const total2 = await prisma.notification.count({ where: { userId: user.id } });
  const pages = Math.ceil(total2 / 20);
  const samples: number[] = [];
  const bell: number[] = [];
  for (let i = 0; i < 300; i++) {
    const page = i % 3 === 0 ? 1 : 1 + Math.floor(Math.random() * pages);
    const t0 = performance.now();
    await notificationsPage(actor, { page, unreadOnly: i % 5 === 0 });
    samples.push(performance.now() - t0);
    const t1 = performance.now();
    await unreadCount(actor);
    bell.push(performance.now() - t1);
  }
  samples.sort((a, b) => a - b);
  bell.sort((a, b) => a - b);
  console.log(
    `[bench reminders] notification page (${total2} notifications, ${pages} pages, random pages, 300 reads): ` +
      `median ${pct(samples, 50).toFixed(1)} ms, p95 ${pct(samples, 95).toFixed(1)} ms, max ${samples.at(-1)!.toFixed(1)} ms; bell count p95 ${pct(bell, 95).toFixed(2)} ms`,
  );
} finally {
  await disconnect?.();
  await db.stop();
}
