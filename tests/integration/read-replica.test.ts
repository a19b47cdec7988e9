// Issue 18, item 5: the overview reads on a real streaming replica (scripts/lib/replica.ts: a base
// backup of a Postgres of the test's own, a hot standby streaming from it on another port). Caught up:
// the Ministry view's statements run on the replica. Lagging (replay paused) or stopped: the page still
// answers, from the primary, and shows what was just written; /api/ready reports the replica but stays 200.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { createPool, useReplicaPool, usePool } from "@/server/db";
import { metrics } from "@/server/ops/metrics";
import { ministryOverview } from "@/server/queries/ministry";
import { resetReplicaState } from "@/server/read-replica";
import { isLocalServer, startReplica, type Replica } from "../../scripts/lib/replica";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";
import { makeActor, makeCluster, makeUnit, makeYear, resetDatabase } from "./fixtures";
import type { Actor } from "@/domain/permissions";

/** The primary: the run's test server (npm test's, on this machine), else a Postgres of this file's own. */
let own: OwnPostgres | undefined;
let primaryUrl: string;
let replica: Replica;
let replicaPool: pg.Pool;
/** Every statement the app sent to the replica (but its position checks). */
const onReplica: string[] = [];
let admin: Actor;
let clusterId: string;

beforeAll(async () => {
  primaryUrl = process.env.DATABASE_URL!;
  if (!(await isLocalServer(primaryUrl))) {
    own = await startOwnPostgres("primary");
    own.migrate();
    primaryUrl = own.url;
  }
  process.env.METRICS_TOKEN = "replica-test"; // the counters are kept only with a token
  process.env.DATABASE_REPLICA_MAX_WAIT_MS = "100";
  process.env.DATABASE_REPLICA_RETRY_MS = "300";
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "1500";
  usePool(createPool(primaryUrl));
  await resetDatabase();
  const cluster = await makeCluster("Cụm thi đua số 3");
  clusterId = cluster.id;
  await makeUnit(cluster.id, "Công an tỉnh Hà Giang");
  await makeYear(cluster.id, 2026);
  admin = await makeActor("ADMIN");

  replica = await startReplica(primaryUrl, "replica-test");
  replicaPool = createPool(replica.url);
  const query = replicaPool.query.bind(replicaPool) as (...args: unknown[]) => unknown;
  (replicaPool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text: string }).text;
    if (!text.includes("pg_last_wal_replay_lsn")) onReplica.push(text);
    return query(...args);
  };
  useReplicaPool(replicaPool);
}, 60_000);

afterAll(async () => {
  useReplicaPool(null);
  await replicaPool?.end().catch(() => {});
  await replica?.remove();
  await own?.remove();
});

const reads = async (result: "replica" | "lagging" | "unavailable") =>
  (await metrics().replicaReads.get()).values.find((v) => v.labels.result === result)?.value ?? 0;
const unitsShown = async () => (await ministryOverview(admin, { year: 2026 })).clusters.find((c) => c.id === clusterId)!.units;
const unitsOnReplica = async () => {
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Unit" WHERE "clusterId" = $1`, [clusterId])).rows[0]!.n;
  } finally {
    await client.end();
  }
};
const readiness = async () => {
  const response = await ready();
  return { status: response.status, body: await response.json() };
};

describe("the overview reads on a read replica", () => {
  it("run on the replica once it has caught up with the primary", async () => {
    await replica.caughtUp();
    const before = await reads("replica");
    onReplica.length = 0;
    expect(await unitsShown()).toBe(1);
    expect(await reads("replica")).toBe(before + 1);
    // Every statement of the Ministry view (blocks, years, clusters, counts, titles…) went to the replica.
    expect(onReplica.length).toBeGreaterThanOrEqual(8);
    expect(onReplica.some((sql) => sql.includes('FROM "Unit" u'))).toBe(true);

    expect(await readiness()).toEqual({ status: 200, body: { status: "ready", replica: { state: "streaming", lagBytes: expect.any(Number) } } });
  });

  it("see a write made just before, and read the primary when the replica has not replayed it", async () => {
    // Streaming as usual: the write is there at once, on whichever server answered.
    await makeUnit(clusterId, "Công an tỉnh Lào Cai");
    expect(await unitsShown()).toBe(2);

    await replica.pauseReplay();
    try {
      await makeUnit(clusterId, "Công an tỉnh Yên Bái");
      const lagging = await reads("lagging");
      onReplica.length = 0;
      const started = Date.now();
      expect(await unitsShown()).toBe(3); // the new unit, though…
      expect(await unitsOnReplica()).toBe(2); // …the replica has not replayed it
      expect(await reads("lagging")).toBe(lagging + 1);
      expect(onReplica).toEqual([]); // it waited for the replica (at most 100 ms here), then read the primary
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await replica.resumeReplay();
    }
    await replica.caughtUp();
    const onTheReplica = await reads("replica");
    expect(await unitsShown()).toBe(3);
    expect(await reads("replica")).toBe(onTheReplica + 1);
  });

  it("read the primary while the replica is stopped, and the replica again once it is back", async () => {
    await replica.stop();
    const unavailable = await reads("unavailable");
    await makeUnit(clusterId, "Công an tỉnh Tuyên Quang");
    expect(await unitsShown()).toBe(4);
    expect(await unitsShown()).toBe(4); // within DATABASE_REPLICA_RETRY_MS: the replica is not even asked
    expect(await reads("unavailable")).toBe(unavailable + 2);
    // Ready all the same: the overview reads have the primary.
    expect(await readiness()).toEqual({ status: 200, body: { status: "ready", replica: { state: "unavailable", reason: "connection refused" } } });

    await replica.start();
    await replica.caughtUp();
    await new Promise((r) => setTimeout(r, 350)); // DATABASE_REPLICA_RETRY_MS
    const onTheReplica = await reads("replica");
    onReplica.length = 0;
    expect(await unitsShown()).toBe(4);
    expect(await reads("replica")).toBe(onTheReplica + 1);
    expect(onReplica.length).toBeGreaterThan(0);
  });

  it("adds nothing without a replica configured", async () => {
    useReplicaPool(null);
    resetReplicaState();
    try {
      const counts = [await reads("replica"), await reads("lagging"), await reads("unavailable")];
      expect(await unitsShown()).toBe(4);
      expect([await reads("replica"), await reads("lagging"), await reads("unavailable")]).toEqual(counts);
      expect(await readiness()).toEqual({ status: 200, body: { status: "ready" } });
    } finally {
      useReplicaPool(replicaPool);
    }
  });
});
