// Issue 18, fault 5, on a Postgres of the test's own, frozen (SIGSTOP): a request waits for the database
// no longer than its deadline (REQUEST_TIMEOUT_MS, src/server/ops/request-context.ts), even where each
// statement alone could wait longer (here a 30 s statement timeout) — a save is answered "busy", a page's
// read fails as "unavailable" (the error page), in bounded time; once thawed, the same save runs once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSubmissionKey } from "@/domain/submission";
import { executeCommand, SYSTEM_BUSY } from "@/server/commands/command";
import { createOfficer } from "@/server/commands/officers";
import { createPool, isDatabaseUnavailable, queryRows, usePool } from "@/server/db";
import { requestStore } from "@/server/ops/request-context";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";
import { form, makeActor, makeCluster, makeUnit, prisma } from "./fixtures";

let pg: OwnPostgres;
const DEADLINE_MS = 3_000;

beforeAll(async () => {
  pg = await startOwnPostgres("deadline");
  pg.migrate();
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "30000";
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "30000";
  usePool(createPool(pg.url));
}, 120_000);

afterAll(async () => {
  await pg?.remove();
});

/** Runs `work` as the app runs a request: with its deadline (src/server/ops/request-log.ts sets it). */
const asRequest = <T>(work: () => Promise<T>) => requestStore().run({ id: "test-request", deadline: Date.now() + DEADLINE_MS }, work);

describe("a request against a frozen database", () => {
  it("a save is answered busy within the request's deadline; retried with its key after the thaw, it runs once", async () => {
    const cluster = await makeCluster();
    const unit = await makeUnit(cluster.id);
    const actor = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id });
    const input = form({ code: "ktnv-2001", fullName: "Trần Thị Bình", rank: "Thượng úy", position: "Cán bộ" });
    const key = newSubmissionKey();
    // Warm: the pool holds an open connection, as a serving app does.
    expect(await asRequest(() => queryRows<{ one: number }[]>`SELECT 1 AS one`)).toEqual([{ one: 1 }]);

    pg.freeze();
    try {
      let started = Date.now();
      expect(await asRequest(() => executeCommand(createOfficer, actor, input, { submissionKey: key }))).toEqual({ ok: false, message: SYSTEM_BUSY });
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_500);

      started = Date.now();
      const read = await asRequest(() => queryRows`SELECT count(*) FROM "Officer"`).then(
        () => null,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(read)).toBe(true);
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS + 1_500);
    } finally {
      pg.thaw();
    }
    // The user sends the form again: written once, whatever became of the first attempt.
    expect(await asRequest(() => executeCommand(createOfficer, actor, input, { submissionKey: key }))).toMatchObject({ ok: true });
    expect(await asRequest(() => executeCommand(createOfficer, actor, input, { submissionKey: key }))).toMatchObject({ ok: true });
    expect(await prisma.officer.count({ where: { code: "KTNV-2001" } })).toBe(1);
  }, 90_000);

  it("a request past its deadline starts no statement", async () => {
    const late = requestStore().run({ id: "late", deadline: Date.now() - 1 }, () => queryRows`SELECT 1`);
    await expect(late).rejects.toThrow(/request deadline reached/);
    expect(await queryRows<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]); // outside a request: no deadline
  });
});
