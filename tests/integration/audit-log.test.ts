// The tamper-evident audit log on the real database: the trigger chains every writer, the independent
// TypeScript verifier agrees with it byte for byte, tampering is named at the right entry, the viewer's
// filters and scope, and ballot secrecy in the log.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { entryHash, GENESIS_HASH } from "@/server/audit/chain";
import { auditLogPage, parseAuditParams, SYSTEM_ACTOR, verifyAuditLog } from "@/server/audit/queries";
import { verifyAuditChain } from "@/server/audit/verify";
import { executeCommand } from "@/server/commands/command";
import { createOfficer } from "@/server/commands/officers";
import { castBallot, createRound, openRound } from "@/server/commands/votes";
import { expectNotFound, runOk } from "../support/action-result";
import { form, makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

beforeEach(resetDatabase);

const chainRows = () =>
  prisma.$queryRaw<{ seq: bigint; prevHash: string; hash: string; action: string }[]>`SELECT seq, "prevHash", hash, action FROM "AuditLog" ORDER BY seq`;

/** Raw SQL that changes the log, past the append-only trigger (as an intruder with table rights would). */
async function tamper(statement: string) {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER audit_log_append_only`);
    await tx.$executeRawUnsafe(statement);
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER audit_log_append_only`);
  });
}

async function unitWorld() {
  const cluster = await makeCluster("Cụm thi đua số 2");
  const unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const officerA = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitA.id });
  const officerB = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitB.id });
  return { cluster, unitA, unitB, officerA, officerB };
}

const LETTERS = "ABCDEFGHIKLMNOPQRSTUVXY";
const newOfficer = (actor: Actor, code: string, fullName = "Nguyễn Văn An") =>
  runOk(createOfficer, actor, form({ code, fullName, rank: "Đại úy", position: "Cán bộ" }));

describe("the chain written by the trigger", () => {
  it("is recomputed byte for byte by the TypeScript verifier: Vietnamese, nulls, nested JSON, 1.50, big integers, odd characters", async () => {
    await prisma.auditLog.create({ data: { actorName: "Hệ thống", action: "seed.demo", entityType: "System", entityId: null } });
    await prisma.auditLog.create({
      data: {
        actorId: "0b7f0a58-5c1a-4d7e-9a53-0a1b2c3d4e5f",
        actorName: "Trần Thị Thu Hương — thư ký \"Cụm 2\"",
        action: "officer.update",
        entityType: "Officer",
        entityId: "ktnv-0001",
        clusterId: "7E0D1F7A-1111-4A2B-8C3D-0123456789AB",
        before: { fullName: "Nguyễn Văn Án", tags: ["a", null, { deep: { deeper: [1, 2.5, -0, true] } }], empty: {}, list: [] },
        after: { fullName: "Nguyễn Văn Ân\n\t\\ 😀 <b>x</b>", note: null, z: 1, a: 2, "khóa có dấu": "giá trị" },
      },
    });
    // Numbers Prisma cannot write: jsonb keeps 1.50 and 2^100 exactly, the verifier reads jsonb's text.
    await prisma.$executeRaw`
      INSERT INTO "AuditLog" ("actorName", action, "entityType", before, after, at)
      VALUES ('Hệ thống', 'scoring.final.set', 'Criterion', '{"score": 1.50, "max": 10.000, "big": 1267650600228229401496703205376, "neg": -0.001e3}'::jsonb,
              '[1.50, 12345678901234567890, "1.50", {"b": 1, "a": {"d": 4, "c": 3}}]'::jsonb, '1999-12-31 23:59:59.999')`;
    const rows = await prisma.$queryRaw<
      { id: string; seq: bigint; at: Date; actorId: string | null; actorName: string; action: string; entityType: string; entityId: string | null; clusterId: string | null; unitId: string | null; before: string | null; after: string | null; prevHash: string; hash: string }[]
    >`SELECT id::text AS id, seq, at, "actorId"::text AS "actorId", "actorName", action, "entityType", "entityId", "clusterId"::text AS "clusterId",
             "unitId"::text AS "unitId", before::text AS before, after::text AS after, "prevHash", hash FROM "AuditLog" ORDER BY seq`;
    expect(rows.map((r) => r.seq)).toEqual([1n, 2n, 3n]);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(rows[2]!.before).toContain("1.50");
    expect(rows[2]!.before).toContain("1267650600228229401496703205376");
    for (const [i, row] of rows.entries()) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(entryHash(row)).toBe(row.hash);
      if (i > 0) expect(row.prevHash).toBe(rows[i - 1]!.hash);
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, count: 3, lastSeq: 3n, lastHash: rows[2]!.hash });
  });

  it("grows with every command, each entry linked to the one before", async () => {
    const w = await unitWorld();
    await newOfficer(w.officerA, "KTNV-0001");
    await newOfficer(w.officerA, "KTNV-0002", "Lê Thị Bình");
    await newOfficer(w.officerB, "NT-0001", "Phạm Minh Chiến");
    const rows = await chainRows();
    expect(rows.map((r) => [r.seq, r.action])).toEqual([
      [1n, "officer.create"],
      [2n, "officer.create"],
      [3n, "officer.create"],
    ]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(rows[2]!.prevHash).toBe(rows[1]!.hash);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, count: 3 });
  });

  it("stays one valid chain with two streams of commands at once (20 commands in parallel)", async () => {
    const w = await unitWorld();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        executeCommand(createOfficer, i % 2 ? w.officerB : w.officerA, form({ code: `P-${i}`, fullName: `Cán bộ ${LETTERS[i]}`, rank: "Đại úy", position: "Cán bộ" })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await chainRows();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => BigInt(i + 1)));
    expect(await verifyAuditChain({ batchSize: 3 })).toMatchObject({ ok: true, count: 20, lastSeq: 20n });
  });

  it("leaves no hole when a transaction that wrote an entry rolls back, even while another writer waits for the lock", async () => {
    await prisma.auditLog.create({ data: { actorName: "Hệ thống", action: "a.first", entityType: "System" } });
    let releaseFirst!: () => void;
    const firstMayEnd = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const doomed = prisma
      .$transaction(async (tx) => {
        await tx.auditLog.create({ data: { actorName: "Hệ thống", action: "a.doomed", entityType: "System" } });
        firstInserted();
        await firstMayEnd;
        throw new Error("rolled back on purpose");
      }, { timeout: 20_000 })
      .catch((e: Error) => e.message);
    await inserted;
    // Blocks on the advisory lock until the doomed transaction ends.
    const waiting = prisma.auditLog.create({ data: { actorName: "Hệ thống", action: "a.second", entityType: "System" } });
    await new Promise((r) => setTimeout(r, 200));
    releaseFirst();
    expect(await doomed).toBe("rolled back on purpose");
    await waiting;
    expect((await chainRows()).map((r) => [r.seq, r.action])).toEqual([
      [1n, "a.first"],
      [2n, "a.second"],
    ]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, count: 2 });
  });

  it("the migration's backfill chains the entries already there, in id order, as the verifier expects", async () => {
    const migration = readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261128060000_audit_chain/migration.sql"), "utf8");
    const backfill = /DO \$\$[\s\S]*?END \$\$;/.exec(migration)![0];
    // Entries as they were before the migration: written out of id order, chain columns not yet filled.
    await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER USER`);
      await tx.$executeRawUnsafe(`INSERT INTO "AuditLog" (id, seq, "prevHash", hash, "actorName", action, "entityType", after, at) VALUES
        (7, -1, '', '', 'Nguyễn Văn An', 'officer.create', 'Officer', '{"score": 1.50}', '2021-11-19 08:00:00'),
        (3, -2, '', '', 'Hệ thống', 'seed.demo', 'System', NULL, '2021-11-19 09:00:00'),
        (5, -3, '', '', 'Lê Thị Bình', 'officer.update', 'Officer', '{"a": {"b": [1, null]}}', '2021-11-19 07:00:00')`);
      await tx.$executeRawUnsafe(backfill);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditLog" ENABLE TRIGGER USER`);
    });
    const rows = await prisma.$queryRaw<{ id: bigint; seq: bigint }[]>`SELECT id, seq FROM "AuditLog" ORDER BY seq`;
    expect(rows.map((r) => [r.id, r.seq])).toEqual([
      [3n, 1n],
      [5n, 2n],
      [7n, 3n],
    ]);
    // The trigger carries on from the backfilled chain.
    await prisma.auditLog.create({ data: { id: 8, actorName: "Hệ thống", action: "a.after", entityType: "System" } });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, count: 4, lastSeq: 4n });
  });

  it("is append-only for the application: updates and deletes are refused", async () => {
    await prisma.auditLog.create({ data: { actorName: "Hệ thống", action: "a.first", entityType: "System" } });
    await expect(prisma.$executeRaw`UPDATE "AuditLog" SET action = 'x'`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditLog"`).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.count()).toBe(1);
  });
});

describe("verification names the first broken entry", () => {
  async function tenEntries() {
    const w = await unitWorld();
    for (let i = 1; i <= 10; i++) await newOfficer(i % 2 ? w.officerA : w.officerB, `T-${i}`, `Cán bộ ${LETTERS[i]}`);
    return w;
  }

  it("content changed with raw SQL: exactly that seq", async () => {
    await tenEntries();
    await tamper(`UPDATE "AuditLog" SET after = jsonb_set(after, '{fullName}', '"Người khác"') WHERE seq = 6`);
    const v = await verifyAuditChain({ batchSize: 4 });
    expect(v).toMatchObject({ ok: false, count: 5, broken: { kind: "content", seq: 6n, action: "officer.create" } });
  });

  it("an entry deleted: the next one, as missing its predecessor", async () => {
    await tenEntries();
    await tamper(`DELETE FROM "AuditLog" WHERE seq = 4`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, count: 3, broken: { kind: "missing", seq: 5n, expectedSeq: 4n } });
  });

  it("an entry rewritten with its hash recomputed: the link of the next one", async () => {
    await tenEntries();
    await tamper(`UPDATE "AuditLog" SET "actorName" = 'Kẻ giả mạo',
      hash = audit_log_hash("prevHash", seq, at, "actorId", 'Kẻ giả mạo', action, "entityType", "entityId", "clusterId", "unitId", before, after) WHERE seq = 7`);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, count: 7, broken: { kind: "link", seq: 8n } });
  });

  it("npm run audit:verify: exit 0 with the count, exit 1 naming the first broken entry", async () => {
    await tenEntries();
    const root = path.resolve(import.meta.dirname, "../..");
    const run = () =>
      spawnSync(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/audit-verify.ts"], {
        cwd: root,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      });
    const intact = run();
    expect(intact.stdout).toMatch(/^Nhật ký toàn vẹn: 10 bản ghi/);
    expect(intact.status).toBe(0);
    await tamper(`UPDATE "AuditLog" SET "entityId" = 'khác' WHERE seq = 9`);
    const broken = run();
    expect(broken.stdout).toContain("bản ghi đầu tiên bị hỏng là số 9 (id ");
    expect(broken.stdout).toContain("hành động officer.create");
    expect(broken.stdout).toContain("Nội dung đã bị sửa");
    expect(broken.stdout).toContain("8 bản ghi trước đó hợp lệ");
    expect(broken.status).toBe(1);
  });

  it("the admin's button gives the same verdict; a secretariat may not run it", async () => {
    const w = await tenEntries();
    const admin = await makeActor("ADMIN");
    expect(await verifyAuditLog(admin)).toMatchObject({ ok: true, count: 10 });
    await tamper(`UPDATE "AuditLog" SET at = at + interval '1 millisecond' WHERE seq = 2`);
    expect(await verifyAuditLog(admin)).toMatchObject({ ok: false, broken: { kind: "content", seq: 2n } });
    await expectNotFound(verifyAuditLog(await makeActor("SECRETARIAT", { clusterId: w.cluster.id })));
  });
});

describe("the viewer", () => {
  async function twoClusters() {
    const a = await unitWorld();
    const clusterB = await makeCluster("Cụm thi đua số 5");
    const unitX = await makeUnit(clusterB.id, "Công an tỉnh Cao Bằng");
    const officerX = await makeActor("UNIT_OFFICER", { clusterId: clusterB.id, unitId: unitX.id });
    await newOfficer(a.officerA, "KTNV-0001");
    await newOfficer(a.officerA, "KTNV-0002", "Lê Thị Bình");
    await newOfficer(a.officerB, "NT-0001", "Phạm Minh Chiến");
    await newOfficer(officerX, "CB-0001", "Hoàng Văn Đông");
    await prisma.auditLog.create({ data: { actorName: "Hệ thống", action: "seed.demo", entityType: "System", clusterId: a.cluster.id } });
    return {
      ...a,
      clusterB,
      unitX,
      officerX,
      admin: await makeActor("ADMIN"),
      secretariatA: await makeActor("SECRETARIAT", { clusterId: a.cluster.id }),
      secretariatB: await makeActor("SECRETARIAT", { clusterId: clusterB.id }),
    };
  }
  const filters = (params: Record<string, string>) => parseAuditParams(params).filters;

  it("shows the admin everything, newest first, with names joined", async () => {
    const w = await twoClusters();
    const page = await auditLogPage(w.admin, filters({}));
    expect(page).toMatchObject({ wholeLog: true, total: 5, page: 1, pageCount: 1 });
    expect(page.rows.map((r) => r.seq)).toEqual(["5", "4", "3", "2", "1"]);
    expect(page.rows[1]).toMatchObject({ action: "officer.create", unitName: "Công an tỉnh Cao Bằng", clusterName: "Cụm thi đua số 5", actorName: "Người dùng UNIT_OFFICER" });
    expect(page.rows[1]!.after).toMatchObject({ fullName: "Hoàng Văn Đông" });
  });

  it("limits a secretariat to its own cluster, whatever the filters ask", async () => {
    const w = await twoClusters();
    const a = await auditLogPage(w.secretariatA, filters({}));
    expect(a).toMatchObject({ wholeLog: false, total: 4, clusterName: "Cụm thi đua số 2" });
    expect(a.units.map((u) => u.name).sort()).toEqual(["Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến"]);
    const b = await auditLogPage(w.secretariatB, filters({}));
    expect(b.rows.map((r) => r.unitName)).toEqual(["Công an tỉnh Cao Bằng"]);
    // Asking for cluster A's unit from cluster B shows nothing of A.
    expect(await auditLogPage(w.secretariatB, filters({ unit: w.unitA.id }))).toMatchObject({ total: 0, rows: [] });
  });

  it("shows the secretariat that a unit saved a report draft or its evidence, never the draft's content", async () => {
    const w = await twoClusters();
    const draft = { version: 2, changes: { "score.1.1": { before: 10, after: 18 }, "figure.Số vụ án": { before: "3", after: "5" } } };
    await prisma.auditLog.create({
      data: { actorName: "Cán bộ KTNV", action: "report.saveDraft", entityType: "UnitReport", clusterId: w.cluster.id, unitId: w.unitA.id, after: draft },
    });
    const forSecretariat = await auditLogPage(w.secretariatA, filters({ action: "report.saveDraft" }));
    expect(forSecretariat.rows).toHaveLength(1);
    expect(forSecretariat.rows[0]).toMatchObject({ action: "report.saveDraft", unitName: "Cục Kỹ thuật nghiệp vụ", before: null, after: null, contentHidden: true });
    // Other entries keep their content for the secretariat; the admin's whole log shows everything.
    expect((await auditLogPage(w.secretariatA, filters({ action: "officer.create" }))).rows.every((r) => !r.contentHidden && r.after !== null)).toBe(true);
    expect((await auditLogPage(w.admin, filters({ action: "report.saveDraft" }))).rows[0]).toMatchObject({ after: draft, contentHidden: false });
  });

  it("filters by unit, user, system, entity, entity id, action and dates (Vietnam days)", async () => {
    const w = await twoClusters();
    const total = async (params: Record<string, string>) => (await auditLogPage(w.admin, filters(params))).total;
    expect(await total({ unit: w.unitA.id })).toBe(2);
    expect(await total({ user: w.officerB.userId })).toBe(1);
    expect(await total({ user: SYSTEM_ACTOR })).toBe(1);
    expect(await total({ entity: "Officer" })).toBe(4);
    expect(await total({ entity: "System", action: "seed.demo" })).toBe(1);
    const officer = await prisma.officer.findFirstOrThrow({ where: { code: "NT-0001" } });
    expect(await total({ entity: "Officer", entityId: officer.id })).toBe(1);
    expect(await total({ action: "vote.cast" })).toBe(0);

    // 16/01/2022 23:30 in Vietnam is 16:30 UTC: inside the 16th, not the 17th.
    await prisma.$executeRaw`INSERT INTO "AuditLog" ("actorName", action, "entityType", at) VALUES ('Hệ thống', 'a.dated', 'System', '2022-01-16 16:30:00')`;
    expect(await total({ action: "a.dated", from: "2022-01-16", to: "2022-01-16" })).toBe(1);
    expect(await total({ action: "a.dated", from: "16/01/2022", to: "16/01/2022" })).toBe(1);
    expect(await total({ action: "a.dated", from: "2022-01-17" })).toBe(0);
    expect(await total({ action: "a.dated", to: "15/01/2022" })).toBe(0);
  });

  it("reports bad dates as field errors and pages 50 at a time", async () => {
    expect(parseAuditParams({ from: "31/02/2022" }).errors).toEqual({ from: "Ngày không hợp lệ (dd/mm/yyyy)." });
    expect(parseAuditParams({ from: "2022-03-01", to: "2022-02-01" }).errors).toEqual({ to: "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu." });
    expect(parseAuditParams({ user: "' OR 1=1 --", unit: "x" }).filters).toMatchObject({ actorId: null, unitId: null });

    const admin = await makeActor("ADMIN");
    await prisma.$executeRaw`INSERT INTO "AuditLog" ("actorName", action, "entityType", at)
      SELECT 'Hệ thống', 'a.bulk', 'System', timestamp '2022-01-01' + g * interval '1 minute' FROM generate_series(1, 120) g`;
    const p3 = await auditLogPage(admin, filters({ page: "3" }));
    expect(p3).toMatchObject({ total: 120, page: 3, pageCount: 3 });
    expect(p3.rows).toHaveLength(20);
    expect(p3.rows[0]!.at).toEqual(new Date("2022-01-01T00:20:00Z"));
    // Batches of 7 over 120 entries: the keyset paging crosses seq 9 → 10 → 100 in numeric order.
    expect(await verifyAuditChain({ batchSize: 7 })).toMatchObject({ ok: true, count: 120, lastSeq: 120n });
  });

  it("is not found for unit officers, unit heads and a secretariat without a cluster", async () => {
    const w = await twoClusters();
    await expectNotFound(auditLogPage(w.officerA, filters({})));
    await expectNotFound(auditLogPage(await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.unitA.id }), filters({})));
    await expectNotFound(auditLogPage(await makeActor("SECRETARIAT"), filters({})));
  });
});

describe("ballot secrecy in the log", () => {
  it("a cast ballot's audit entry says that the unit voted, never for whom", async () => {
    await prisma.titleDefinition.createMany({ data: TITLE_CATALOGUE.map((t) => ({ ...t })) });
    const cluster = await makeCluster("Cụm thi đua số 2");
    const units = await Promise.all(["Cục An ninh mạng", "Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến"].map((n) => makeUnit(cluster.id, n)));
    const year = await prisma.emulationYear.create({
      data: { clusterId: cluster.id, year: 2022, phase: "CONFERENCE", chairUnitId: units[1]!.id, settings: DEFAULT_YEAR_SETTINGS },
    });
    const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    const heads = await Promise.all(units.map((u) => makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: u.id })));
    const { id: roundId } = await runOk(createRound, secretariat, {
      yearId: year.id,
      kind: "ACCLAIM",
      titleCode: "CO_BCA",
      seats: "1",
      [`unit_${units[0]!.id}`]: "on",
      [`unit_${units[2]!.id}`]: "on",
    });
    await runOk(openRound, secretariat, { roundId });
    const candidates = await prisma.voteCandidate.findMany({ where: { roundId } });
    expect(candidates).toHaveLength(2);
    const [c0, c2] = [candidates.find((c) => c.unitId === units[0]!.id)!, candidates.find((c) => c.unitId === units[2]!.id)!];
    await runOk(castBallot, heads[0]!, { roundId, [`c_${c2.id}`]: "yes" });
    await runOk(castBallot, heads[1]!, { roundId, [`c_${c0.id}`]: "yes", [`c_${c2.id}`]: "no" });
    await runOk(castBallot, heads[2]!, { roundId, [`c_${c0.id}`]: "no" });

    const ballotIds = (await prisma.ballot.findMany({ where: { roundId } })).map((b) => b.id);
    expect(ballotIds).toHaveLength(3);
    const entries = await prisma.$queryRaw<{ action: string; unitId: string | null; before: string | null; after: string | null }[]>`
      SELECT action, "unitId"::text AS "unitId", before::text AS before, after::text AS after FROM "AuditLog" ORDER BY seq`;
    const casts = entries.filter((e) => e.action === "vote.cast");
    expect(casts).toHaveLength(3);
    for (const e of entries) {
      const text = `${e.before ?? ""} ${e.after ?? ""}`;
      // No entry ever names a ballot or a candidate (the ids ballots choose).
      for (const id of [...ballotIds, c0.id, c2.id]) expect(text).not.toContain(id);
    }
    for (const e of casts) {
      expect(e.before).toBeNull();
      const after = JSON.parse(e.after!) as Record<string, unknown>;
      expect(Object.keys(after).sort()).toEqual(["roundTitle", "unitId", "unitName", "voted"]);
      expect(after.unitId).toBe(e.unitId);
      // The voter's own unit only: no other candidate unit, no yes/no.
      for (const u of units) if (u.id !== e.unitId) expect(e.after).not.toContain(u.id);
      expect(e.after).not.toMatch(/"(yes|no|approve)"/);
    }
    expect(await verifyAuditChain()).toMatchObject({ ok: true, count: entries.length });
  });
});
