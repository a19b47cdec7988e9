// Audited writes at a steady rate during the dashboard benchmark (dashboard.ts --writes N): the Ministry
// keeps working while the dashboard is read. Each write is a real command through executeCommand (the
// one pipeline: transaction, audit entry, data version), run in the benchmark process against the
// benchmark database: a unit officer edits an officer of their unit (the position alternates, so every
// write changes something). `where`: units of clusters other than the measured one, or of the measured
// cluster itself (each write then renews that cluster's dashboard — what every write anywhere did while
// there was one data version for the whole Ministry).
import pg from "pg";
import { BENCH_PASSWORD } from "./ministry-data";

export type WriteCount = { done: number; failed: number; seconds: number };
export type Writers = { start(): void; stop(): Promise<WriteCount> };

/** Prepares the writers (accounts, officers); start() and stop() around each measured run. */
export async function prepareWriters(options: { url: string; perSecond: number; clusterId: string; where: "other" | "same" }): Promise<Writers> {
  const { hashPassword } = await import("../../src/server/auth/password");
  const { loadActor } = await import("../../src/server/auth/actor");
  const { executeCommand } = await import("../../src/server/commands/command");
  const { updateOfficer } = await import("../../src/server/commands/officers");
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  // Up to 40 units (spread over the clusters) with one officer each to edit, and a unit officer each.
  const { rows: units } = await client.query<{ unitId: string; clusterId: string; code: string }>(
    `SELECT u."id" AS "unitId", u."clusterId", u."code" FROM "Unit" u
     WHERE u."parentId" IS NULL AND u."active" AND (u."clusterId" = $1) = $2
     ORDER BY u."code" LIMIT 40`,
    [options.clusterId, options.where === "same"],
  );
  const hash = await hashPassword(BENCH_PASSWORD);
  const targets: { actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>; officer: Record<string, string | null> }[] = [];
  for (const u of units) {
    const { rows: users } = await client.query<{ id: string }>(
      `INSERT INTO "User" ("id", "username", "passwordHash", "displayName", "role", "clusterId", "unitId", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, 'UNIT_OFFICER', $4, $5, now())
       ON CONFLICT ("username") DO UPDATE SET "updatedAt" = now() RETURNING "id"`,
      [`canbo.${u.code.toLowerCase()}`, hash, `Cán bộ thi đua ${u.code}`, u.clusterId, u.unitId],
    );
    const { rows: officers } = await client.query<Record<string, string | null>>(
      `SELECT "id", "code", "fullName", "rank", "position", "subUnitId" FROM "Officer" WHERE "unitId" = $1 AND "active" ORDER BY "code" LIMIT 1`,
      [u.unitId],
    );
    const actor = await loadActor(users[0]!.id);
    if (actor && officers[0]) targets.push({ actor, officer: officers[0] });
  }
  await client.end();
  if (targets.length === 0) throw new Error(`no unit to write to (${options.where})`);

  let done = 0;
  let failed = 0;
  let n = 0;
  let started = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const inFlight = new Set<Promise<void>>();
  const write = async () => {
    const { actor, officer } = targets[n % targets.length]!;
    const position = n++ % (2 * targets.length) < targets.length ? "Cán bộ" : "Cán bộ thi đua";
    const result = await executeCommand(updateOfficer, actor, {
      id: officer.id,
      code: officer.code,
      fullName: officer.fullName,
      rank: officer.rank,
      position,
      subUnitId: officer.subUnitId ?? "",
    });
    if (result.ok) done++;
    else {
      failed++;
      if (failed <= 3) console.error(`[writers] refused: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
    }
  };
  return {
    start() {
      done = failed = 0;
      started = performance.now();
      timer = setInterval(() => {
        if (inFlight.size >= 20) return; // the database is saturated: do not pile up
        const p = write().finally(() => inFlight.delete(p));
        inFlight.add(p);
      }, 1000 / options.perSecond);
    },
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { done, failed, seconds: (performance.now() - started) / 1000 };
    },
  };
}
