// /api/health and /api/ready (issue 18) against a Postgres of the test's own, stopped and started
// again under the running route: 503 with a short reason while Postgres is down or the migrations are
// missing, 200 once it is back — the same pool, no restart of the app's modules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, usePool } from "@/server/db";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";

let pg: OwnPostgres;

beforeAll(async () => {
  pg = await startOwnPostgres("ready");
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "1500";
  usePool(createPool(pg.url));
});

afterAll(async () => {
  await pg?.remove();
});

const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

describe("health and readiness", () => {
  it("health answers without the database", async () => {
    expect(await answer(health())).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("is not ready before the migrations, then ready; 503 while Postgres is stopped or frozen, 200 when it is back", async () => {
    const before = await answer(await ready());
    expect(before.status).toBe(503);
    expect(before.body.reason).toMatch(/migration\(s\) not applied/);

    pg.migrate();
    expect(await answer(await ready())).toEqual({ status: 200, body: { status: "ready" } });

    await pg.stop();
    let started = Date.now();
    const down = await answer(await ready());
    expect(down).toEqual({ status: 503, body: { status: "unavailable", reason: "database unreachable (connection refused)" } });
    expect(Date.now() - started).toBeLessThan(2_500);

    await pg.start();
    expect(await answer(await ready())).toEqual({ status: 200, body: { status: "ready" } });

    pg.freeze();
    try {
      started = Date.now();
      const frozen = await answer(await ready());
      expect(frozen).toEqual({ status: 503, body: { status: "unavailable", reason: "database unreachable (timeout)" } });
      expect(Date.now() - started).toBeLessThan(3_500); // READY_TIMEOUT_MS, 2 s by default
    } finally {
      pg.thaw();
    }
    expect(await answer(await ready())).toEqual({ status: 200, body: { status: "ready" } });
  }, 90_000);
});
