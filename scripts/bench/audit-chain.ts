// Benchmark of the audit log's hash chain on a throwaway database:
//  1. the trigger's cost per command: N sequential commands (officer.create through executeCommand)
//     without the chain trigger, then with it;
//  2. `entries` synthetic entries written through the trigger in one INSERT … SELECT;
//  3. N commands again with that many entries in the log (the trigger's work must not grow with it);
//  4. the streaming verification of the whole log (time and the process's peak memory).
//   npx tsx scripts/bench/audit-chain.ts [entries=1000000] [commands=1000]
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";

const ENTRIES = Number(process.argv[2] ?? 1_000_000);
const COMMANDS = Number(process.argv[3] ?? 1000);
const root = path.resolve(import.meta.dirname, "../..");

const db = await openThrowawayDatabase("bench_audit");
let disconnect: (() => Promise<void>) | undefined;
try {
  migrateDeploy(root, db.url);
  process.env.DATABASE_URL = db.url;
  // Imported after DATABASE_URL is set; our own pool, ended before the throwaway server stops.
  const { createPool, usePool } = await import("../../src/server/db");
  const pool = createPool(db.url);
  const prisma = usePool(pool);
  disconnect = () => pool.end();
  const { executeCommand } = await import("../../src/server/commands/command");
  const { createOfficer } = await import("../../src/server/commands/officers");
  const { verifyAuditChain } = await import("../../src/server/audit/verify");
  const { textSortKey } = await import("../../src/domain/vietnamese");

  const block = await prisma.block.create({ data: { code: "K-BENCH", name: "Khối thử" } });
  const cluster = await prisma.cluster.create({ data: { code: "C-BENCH", name: "Cụm thử", blockId: block.id } });
  const unit = await prisma.unit.create({ data: { clusterId: cluster.id, code: "U-BENCH", name: "Đơn vị thử", sortKey: textSortKey("Đơn vị thử") } });
  const user = await prisma.user.create({
    data: { username: "bench", passwordHash: "x", displayName: "Cán bộ thử", role: "UNIT_OFFICER", clusterId: cluster.id, unitId: unit.id },
  });
  const actor = { userId: user.id, username: user.username, displayName: user.displayName, role: "UNIT_OFFICER" as const, clusterId: cluster.id, unitId: unit.id, chairOfClusterIds: [] };
  const letters = "ABCDEGHIKLMNOPQRSTUVXY";
  const name = (i: number) => `Cán bộ ${letters[i % 22]}${letters[Math.floor(i / 22) % 22]!.toLowerCase()}${letters[Math.floor(i / 484) % 22]!.toLowerCase()}`;
  let serial = 0;
  async function commands(label: string) {
    const started = performance.now();
    for (let i = 0; i < COMMANDS; i++) {
      const r = await executeCommand(createOfficer, actor, { code: `B-${serial++}`, fullName: name(serial), rank: "Đại úy", position: "Cán bộ" });
      if (!r.ok) throw new Error(r.message);
    }
    const ms = performance.now() - started;
    console.log(`${label}: ${COMMANDS} lệnh tuần tự trong ${(ms / 1000).toFixed(2)} s = ${(ms / COMMANDS).toFixed(2)} ms/lệnh`);
    return ms / COMMANDS;
  }

  // Without the chain (the trigger off, its columns optional, as before the migration) and with it,
  // interleaved and repeated: the machine's other load hits both alike; the best round of each counts.
  const chainOff = async () => {
    await prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_log_chain`);
    await prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN "prevHash" DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
  };
  const chainOn = async () => {
    await prisma.$executeRawUnsafe(`TRUNCATE "AuditLog"`);
    await prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" ALTER COLUMN seq SET NOT NULL, ALTER COLUMN "prevHash" SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await prisma.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_log_chain`);
  };
  await chainOff();
  await commands("warm-up (không chuỗi)");
  const without: number[] = [];
  const withChain: number[] = [];
  for (let round = 0; round < 2; round++) {
    await chainOff();
    without.push(await commands("không chuỗi băm"));
    await chainOn();
    withChain.push(await commands("có chuỗi băm"));
  }
  console.log(`lệnh: tốt nhất ${Math.min(...without).toFixed(2)} ms không chuỗi, ${Math.min(...withChain).toFixed(2)} ms có chuỗi`);
  // The trigger's own time per row, as Postgres measures it (EXPLAIN ANALYZE reports triggers apart).
  const triggerTime = async () => {
    const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, FORMAT TEXT)
      INSERT INTO "AuditLog" ("actorName", action, "entityType", after) SELECT 'Hệ thống', 'a.probe', 'System', jsonb_build_object('n', g) FROM generate_series(1, 10000) g`);
    const line = plan.map((r) => r["QUERY PLAN"]).find((l) => l.startsWith("Trigger audit_log_chain"));
    const m = /time=([\d.]+) calls=(\d+)/.exec(line ?? "");
    return m ? `${((Number(m[1]) / Number(m[2])) * 1000).toFixed(1)} µs/bản ghi (${m[2]} bản ghi)` : "không đo được";
  };
  console.log(`thời gian của trigger trong Postgres, nhật ký trống: ${await triggerTime()}`);

  let started = performance.now();
  await prisma.$executeRawUnsafe(`
    INSERT INTO "AuditLog" ("actorId", "actorName", action, "entityType", "entityId", "clusterId", "unitId", before, after, at)
    SELECT '${user.id}'::uuid, 'Cán bộ thử', 'officer.update', 'Officer', 'officer-' || g, '${cluster.id}'::uuid, '${unit.id}'::uuid,
           jsonb_build_object('rank', 'Đại úy', 'position', 'Cán bộ', 'score', 1.50, 'n', g),
           jsonb_build_object('rank', 'Thiếu tá', 'position', 'Phó Đội trưởng', 'score', 1.75, 'n', g),
           timestamp '2020-01-01' + g * interval '1 second'
    FROM generate_series(1, ${ENTRIES}) g`);
  console.log(`${ENTRIES} bản ghi tổng hợp qua trigger: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "AuditLog"`);
  await commands(`có chuỗi băm (nhật ký ${ENTRIES} bản ghi)`);
  console.log(`thời gian của trigger trong Postgres, nhật ký ${ENTRIES} bản ghi: ${await triggerTime()}`);

  // Memory must not grow with the log: the heap after the first 100,000 entries and at the end.
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  let heapEarly = 0;
  let heapPeak = 0;
  started = performance.now();
  const verdict = await verifyAuditChain({
    onProgress: (n) => {
      const heap = process.memoryUsage().heapUsed;
      heapPeak = Math.max(heapPeak, heap);
      if (!heapEarly && n >= 100_000) heapEarly = heap;
    },
  });
  console.log(
    `kiểm tra chuỗi: ${verdict.ok ? `toàn vẹn, ${verdict.count} bản ghi` : "HỎNG"} trong ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `heap sau 100.000 bản ghi ${mb(heapEarly)}, cao nhất ${mb(heapPeak)}, RSS cuối ${mb(process.memoryUsage().rss)}`,
  );
  if (!verdict.ok) process.exitCode = 1;
} finally {
  await disconnect?.();
  await db.stop();
}
