// Benchmark of ballot casting: N delegates (one per unit of a throwaway cluster of N units) cast their
// ballot in the same round at the same moment, through the command layer (executeCommand → castBallot:
// authorisation, validation, locks, the participation primary key, the ballot and the audit row), on a
// pool of `poolSize` connections (one app instance's DATABASE_POOL_SIZE).
// Then every delegate tries again at once (all must be refused), the round is closed and the count is
// checked: ballots = participations = N, and the totals add up.
//   npx tsx scripts/bench/votes.ts [delegates=200] [poolSize=10]
// The database is a throwaway one (a new database on DATABASE_URL's server, or an embedded Postgres in
// a temporary folder), removed at the end.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";

const DELEGATES = Number(process.argv[2] ?? 200);
const POOL = Number(process.argv[3] ?? 10);
const CANDIDATES = 5;
const root = path.resolve(import.meta.dirname, "../..");

const db = await openThrowawayDatabase("bench_votes");
let disconnect: (() => Promise<void>) | undefined;
try {
  migrateDeploy(root, db.url);
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_POOL_SIZE = String(POOL);
  // Imported after DATABASE_URL is set: the client is created on first use.
  const { prisma } = await import("../../src/server/db");
  disconnect = () => prisma.$disconnect();
  const { executeCommand } = await import("../../src/server/commands/command");
  const { castBallot, closeRound, createRound, openRound, ALREADY_VOTED, purgeBallotBox } = await import("../../src/server/commands/votes");
  const SYSTEM_ERROR = "Đã có lỗi hệ thống; thay đổi chưa được lưu. Vui lòng thử lại.";
  const { roundResults } = await import("../../src/server/queries/votes");
  const { TITLE_CATALOGUE } = await import("../../src/domain/title-catalogue");
  const { DEFAULT_YEAR_SETTINGS } = await import("../../src/domain/year-settings");
  const { textSortKey } = await import("../../src/domain/vietnamese");
  type Actor = import("../../src/domain/permissions").Actor;

  // --- A cluster of N units, their heads, a secretariat, a year in its conference phase ----------
  await prisma.titleDefinition.createMany({ data: TITLE_CATALOGUE.map((t) => ({ ...t })) });
  const block = await prisma.block.create({ data: { code: "BENCH", name: "Khối thử tải" } });
  const cluster = await prisma.cluster.create({ data: { code: "BENCH-1", name: "Cụm thử tải bỏ phiếu", blockId: block.id } });
  const names = Array.from({ length: DELEGATES }, (_, i) => `Công an đơn vị thử tải số ${i + 1}`);
  const units = await prisma.unit.createManyAndReturn({
    data: names.map((name, i) => ({ clusterId: cluster.id, code: `B-${i + 1}`, name, sortKey: textSortKey(name) })),
    select: { id: true },
  });
  const year = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: 2022, phase: "CONFERENCE", chairUnitId: units[0]!.id, settings: DEFAULT_YEAR_SETTINGS },
  });
  const users = await prisma.user.createManyAndReturn({
    data: [
      { username: "bench.thuky", passwordHash: "-", displayName: "Thư ký thử tải", role: "SECRETARIAT" as const, clusterId: cluster.id },
      ...units.map((u, i) => ({ username: `bench.head.${i + 1}`, passwordHash: "-", displayName: `Lãnh đạo đơn vị ${i + 1}`, role: "UNIT_HEAD" as const, clusterId: cluster.id, unitId: u.id })),
    ],
    select: { id: true, username: true, displayName: true, role: true, unitId: true },
  });
  const actorOf = (u: (typeof users)[number]): Actor => ({
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    clusterId: cluster.id,
    unitId: u.unitId,
    chairOfClusterIds: [],
  });
  const secretariat = actorOf(users[0]!);
  const heads = users.slice(1).map(actorOf);

  // --- An acclaim round (approve/disapprove each of 5 candidates, 3 seats), opened -----------------
  const candidateUnits = units.slice(0, CANDIDATES);
  const created = await executeCommand(createRound, secretariat, {
    yearId: year.id,
    kind: "ACCLAIM",
    titleCode: "DV_QUYET_THANG",
    seats: "3",
    ...Object.fromEntries(candidateUnits.map((u) => [`unit_${u.id}`, "on"])),
  });
  if (!created.ok) throw new Error(created.message);
  const roundId = created.data!.id;
  const opened = await executeCommand(openRound, secretariat, { roundId });
  if (!opened.ok) throw new Error(opened.message);
  const candidates = await prisma.voteCandidate.findMany({ where: { roundId }, select: { id: true, unitId: true } });

  /** Delegate i's ballot: a deterministic mix of verdicts, never on its own unit. */
  const ballotOf = (i: number, head: Actor) =>
    Object.fromEntries(
      candidates.filter((c) => c.unitId !== head.unitId).map((c, k) => [`c_${c.id}`, (i + k) % 3 === 0 ? "no" : "yes"]),
    );
  const expectedApprovals = new Map(candidates.map((c) => [c.id, 0]));
  heads.forEach((head, i) => {
    for (const [key, v] of Object.entries(ballotOf(i, head))) if (v === "yes") expectedApprovals.set(key.slice(2), expectedApprovals.get(key.slice(2))! + 1);
  });

  /**
   * Every delegate at once. A request refused with the generic system error (in practice: no database
   * connection free within Prisma's transaction maxWait of 2 s, P2028) is what the delegate sees as
   * "Đã có lỗi hệ thống… Vui lòng thử lại": like the delegate, the bench taps "Xác nhận" again after a
   * short pause, up to 10 times. Latency is to the final answer, retries included.
   */
  async function castAll(label: string) {
    const latencies: number[] = [];
    let retries = 0;
    let firstTry = 0;
    const started = performance.now();
    const results = await Promise.all(
      heads.map(async (head, i) => {
        const t0 = performance.now();
        let r = await executeCommand(castBallot, head, { roundId, ...ballotOf(i, head) });
        if (r.ok || r.message !== SYSTEM_ERROR) firstTry++;
        for (let attempt = 1; !r.ok && r.message === SYSTEM_ERROR && attempt <= 10; attempt++) {
          retries++;
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
          r = await executeCommand(castBallot, head, { roundId, ...ballotOf(i, head) });
        }
        latencies.push(performance.now() - t0);
        return r;
      }),
    );
    const wall = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
    const accepted = results.filter((r) => r.ok).length;
    const refusals = new Map<string, number>();
    for (const r of results) if (!r.ok) refusals.set(r.message, (refusals.get(r.message) ?? 0) + 1);
    console.log(
      `${label}: ${results.length} đại biểu trong ${wall.toFixed(0)} ms → ${((results.length / wall) * 1000).toFixed(1)} yêu cầu/s; ` +
        `ghi nhận ${accepted} phiếu (${((accepted / wall) * 1000).toFixed(1)} phiếu/s); ` +
        `độ trễ p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, max ${pct(100).toFixed(0)} ms; ` +
        `trả lời ngay lần đầu ${firstTry}/${results.length}, bấm lại ${retries} lần`,
    );
    for (const [message, n] of refusals) console.log(`  từ chối ×${n}: ${message}`);
    return { accepted, refusals, firstTry };
  }

  console.log(
    `Bỏ phiếu đồng thời: ${DELEGATES} đại biểu, ${CANDIDATES} đơn vị được đề nghị, pool ${POOL} kết nối; ` +
      `${os.cpus().length} CPU, Node ${process.version}, Postgres ${db.embedded ? "nhúng" : "theo DATABASE_URL"}`,
  );
  // Baseline: a second round where 20 delegates vote one after another (no queueing, no contention).
  {
    const warm = await executeCommand(createRound, secretariat, {
      yearId: year.id,
      kind: "ACCLAIM",
      titleCode: "DV_TIEN_TIEN",
      seats: "3",
      ...Object.fromEntries(candidateUnits.map((u) => [`unit_${u.id}`, "on"])),
    });
    if (!warm.ok) throw new Error(warm.message);
    await executeCommand(openRound, secretariat, { roundId: warm.data!.id });
    const warmCandidates = await prisma.voteCandidate.findMany({ where: { roundId: warm.data!.id }, select: { id: true, unitId: true } });
    const times: number[] = [];
    for (const head of heads.slice(CANDIDATES, CANDIDATES + 20)) {
      const t0 = performance.now();
      const r = await executeCommand(castBallot, head, { roundId: warm.data!.id, ...Object.fromEntries(warmCandidates.map((c) => [`c_${c.id}`, "yes"])) });
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.message);
    }
    times.sort((a, b) => a - b);
    console.log(`Một phiếu một lúc (20 phiếu lần lượt, vòng khác): p50 ${times[9]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms`);
  }

  const first = await castAll("Lượt 1 (mỗi đơn vị một phiếu)");
  const second = await castAll("Lượt 2 (mỗi đơn vị bỏ lại lần nữa)");

  // --- The count -----------------------------------------------------------------------------------
  const [ballots, participations, choices, audits] = await Promise.all([
    prisma.ballot.count({ where: { roundId } }),
    prisma.voteParticipation.count({ where: { roundId } }),
    prisma.ballotChoice.count({ where: { ballot: { roundId } } }),
    prisma.auditLog.count({ where: { action: "vote.cast", entityId: roundId } }),
  ]);
  const closeStarted = performance.now();
  const closed = await executeCommand(closeRound, secretariat, { roundId });
  const closeMs = performance.now() - closeStarted;
  if (!closed.ok) throw new Error(closed.message);
  await purgeBallotBox();
  const results = await roundResults(secretariat, roundId);
  const expectedChoices = heads.reduce((s, h, i) => s + Object.keys(ballotOf(i, h)).length, 0);
  const totalsMatch = results.rows.every((r) => r.approvals === expectedApprovals.get(r.candidateId));
  const checks: [string, boolean][] = [
    [`lượt 1 được ghi nhận ${first.accepted}/${DELEGATES}`, first.accepted === DELEGATES],
    [`lượt 2 bị từ chối hết (${second.refusals.get(ALREADY_VOTED) ?? 0} × "${ALREADY_VOTED}")`, second.accepted === 0 && second.refusals.get(ALREADY_VOTED) === DELEGATES],
    [`số phiếu ${ballots} = số đơn vị đã bỏ phiếu ${participations} = ${DELEGATES}`, ballots === DELEGATES && participations === DELEGATES],
    [`số lựa chọn ${choices} = ${expectedChoices}`, choices === expectedChoices],
    [`nhật ký: ${audits} dòng "đã bỏ phiếu"`, audits === DELEGATES],
    [`kết thúc vòng (xáo lại hòm phiếu ${DELEGATES} phiếu) trong ${closeMs.toFixed(0)} ms; kết quả khớp ${results.ballots}/${results.voted}`, results.consistent && results.ballots === DELEGATES],
    [`tổng phiếu đồng ý từng đơn vị đúng như đã bỏ`, totalsMatch],
  ];
  for (const [label, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${label}`);
  console.log(`Kết quả: ${results.rows.map((r) => `${r.name.replace("Công an đơn vị thử tải ", "")}: ${r.approvals}`).join("; ")}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  // Close the pool first: the embedded server's shutdown waits for its clients.
  await disconnect?.().catch(() => {});
  await db.stop();
}
