// Backup drill on the real database: demo data in, backup, wipe, restore, every record back.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase, RestoreRefused } from "../../scripts/lib/backup";
import { verifyAuditChain } from "@/server/audit/verify";
import { seedDemoData } from "@/server/seed/demo";
import { prisma, resetDatabase } from "./fixtures";

const dir = mkdtempSync(path.join(os.tmpdir(), "sothidua-backup-"));
const file = path.join(dir, "drill.backup.gz");
const url = () => process.env.DATABASE_URL!;

/** Row count and a content checksum of every table, in primary-key order. */
async function fingerprint(): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url() });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname::text AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; sum: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM ${pg.escapeIdentifier(name)} t`,
      );
      out[name] = `${rows[0]!.n}:${rows[0]!.sum ?? ""}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

describe("backup and restore", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemoData(prisma);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("backs up, wipes, restores and finds every record", async () => {
    const before = await fingerprint();
    expect(Number(before.Officer!.split(":")[0])).toBeGreaterThan(500);
    const header = await backupDatabase(url(), file);
    expect(header.tables.find((t) => t.name === "Officer")!.rows).toBe(Number(before.Officer!.split(":")[0]));

    await resetDatabase();
    expect((await fingerprint()).Officer!.startsWith("0:")).toBe(true);

    await restoreDatabase(url(), file, { force: false });
    const after = await fingerprint();
    expect(after).toEqual(before);
    // The restored audit log is the same chain, intact.
    expect(await verifyAuditChain()).toMatchObject({ ok: true, count: Number(before.AuditLog!.split(":")[0]) });
    const rows = (f: Record<string, string>) => Object.values(f).reduce((n, v) => n + Number(v.split(":")[0]), 0);
    console.log(`[restore drill] ${Object.keys(before).length} tables: ${rows(before)} rows before the wipe, ${rows(after)} after the restore, every table's checksum equal`);

    // Sequences continue after the restored rows: a new audit entry gets a fresh id.
    const maxBefore = await prisma.auditLog.aggregate({ _max: { id: true } });
    const entry = await prisma.auditLog.create({ data: { actorName: "kiểm thử", action: "test", entityType: "Test" } });
    expect(entry.id).toBeGreaterThan(maxBefore._max.id ?? 0n);
  }, 120_000);

  it("refuses to overwrite a database holding data without --force, and changes nothing", async () => {
    const before = await fingerprint();
    await expect(restoreDatabase(url(), file, { force: false })).rejects.toBeInstanceOf(RestoreRefused);
    expect(await fingerprint()).toEqual(before);
  }, 60_000);

  it("refuses a file that is not a backup", async () => {
    const bogus = path.join(dir, "bogus.gz");
    writeFileSync(bogus, (await import("node:zlib")).gzipSync("not a backup\n"));
    await expect(restoreDatabase(url(), bogus, { force: true })).rejects.toBeInstanceOf(RestoreRefused);
  });
});
