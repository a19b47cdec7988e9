// Per-cluster data versions (src/server/cache/data-version.ts): a command renews the cached overview
// pages of the cluster it wrote to, and only those; a write to the Ministry's structure renews every
// cluster's. On the real database, through executeCommand, with the app's own cached queries.
import { beforeEach, describe, expect, it } from "vitest";
import { PERMISSIONS, type Actor, type Permission } from "@/domain/permissions";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { loadActor } from "@/server/auth/actor";
import { bumpDataVersion, clusterDataVersion, isMinistryWide, MINISTRY_SCOPE, unitDataVersion } from "@/server/cache/data-version";
import { createBlock } from "@/server/commands/admin";
import { executeCommand } from "@/server/commands/command";
import { markAllNotificationsRead } from "@/server/commands/notifications";
import { createOfficer } from "@/server/commands/officers";
import { cachedClusterDashboard } from "@/server/queries/dashboard";
import { cachedUnitHistory } from "@/server/queries/unit-history";
import { form, makeActor, makeCluster, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";
import { installCountingPool } from "../support/counting-pool";

// A cache hit is one statement (the version).
const countStatements = installCountingPool();
const statementsOf = async (fn: () => Promise<unknown>) => (await countStatements(fn)).count;

type Side = { clusterId: string; unitId: string; secretariat: Actor; head: Actor; officer: Actor };
async function buildCluster(name: string): Promise<Side> {
  const cluster = await makeCluster(name);
  const unit = await makeUnit(cluster.id, `Công an tỉnh ${name}`);
  await makeYear(cluster.id, 2022);
  return {
    clusterId: cluster.id,
    unitId: unit.id,
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    head: (await loadActor((await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unit.id })).userId))!,
    officer: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id }),
  };
}

let codes = 0;
const addOfficer = async (side: Side) => {
  const result = await executeCommand(createOfficer, side.officer, form({ code: `CB-DV-${++codes}`, fullName: "Lê Văn Mới", rank: "Đại úy", position: "Cán bộ" }));
  expect(result.ok).toBe(true);
};
const dashboardOf = (side: Side) => cachedClusterDashboard(side.secretariat, { year: 2022 });
const historyOf = (side: Side) => cachedUnitHistory(side.head, side.unitId);

describe("per-cluster data versions", () => {
  let a: Side;
  let b: Side;
  beforeEach(async () => {
    await resetDatabase();
    await prisma.titleDefinition.createMany({ data: TITLE_CATALOGUE.map((t) => ({ ...t })) });
    a = await buildCluster("Cụm A");
    b = await buildCluster("Cụm B");
    for (const side of [a, b]) {
      await dashboardOf(side);
      await historyOf(side);
    }
  });

  it("a write in cluster A renews A's dashboard and unit history, not B's; a write in B renews B's", async () => {
    await addOfficer(a);
    expect(await statementsOf(() => dashboardOf(b))).toBe(1);
    expect(await statementsOf(() => historyOf(b))).toBe(1);
    expect(await statementsOf(() => dashboardOf(a))).toBeGreaterThan(1);
    expect(await statementsOf(() => historyOf(a))).toBeGreaterThan(1);
    expect((await historyOf(a)).unit.activeOfficers).toBe(1);

    await addOfficer(b);
    expect(await statementsOf(() => dashboardOf(a))).toBe(1);
    expect(await statementsOf(() => dashboardOf(b))).toBeGreaterThan(1);
    expect((await historyOf(b)).unit.activeOfficers).toBe(1);
  });

  it("a write to the Ministry's structure (an admin's) renews every cluster's pages", async () => {
    const admin = await makeActor("ADMIN");
    expect((await executeCommand(createBlock, admin, form({ code: "KHOI-MOI", name: "Khối mới" }))).ok).toBe(true);
    for (const side of [a, b]) {
      expect(await statementsOf(() => dashboardOf(side))).toBeGreaterThan(1);
      expect(await statementsOf(() => historyOf(side))).toBeGreaterThan(1);
    }
    // The admin's own default dashboard (no cluster asked for) follows every scope.
    await cachedClusterDashboard(admin, { year: 2022 });
    expect(await statementsOf(() => cachedClusterDashboard(admin, { year: 2022 }))).toBe(1);
    await addOfficer(b);
    expect(await statementsOf(() => cachedClusterDashboard(admin, { year: 2022 }))).toBeGreaterThan(1);
  });

  it("a refused command bumps nothing", async () => {
    const before = await clusterDataVersion(a.clusterId);
    const refused = await executeCommand(createOfficer, a.officer, form({ code: "", fullName: "", rank: "Đại úy", position: "Cán bộ" }));
    expect(refused.ok).toBe(false);
    expect(await clusterDataVersion(a.clusterId)).toBe(before);
  });

  it("a command that writes nothing the overviews show (marking notifications read) renews nothing", async () => {
    const versions = async () => [await clusterDataVersion(a.clusterId), await clusterDataVersion(b.clusterId)];
    const before = await versions();
    expect((await executeCommand(markAllNotificationsRead, a.officer, {})).ok).toBe(true);
    expect(await versions()).toEqual(before);
    expect(await statementsOf(() => dashboardOf(a))).toBe(1);
  });

  it("a target with only a unit bumps the unit's cluster; no cluster at all bumps the Ministry", async () => {
    const versions = async () => [await clusterDataVersion(a.clusterId), await clusterDataVersion(b.clusterId), await unitDataVersion(b.unitId)];
    const [a0, b0] = await versions();
    await prisma.$transaction((tx) => bumpDataVersion(tx, "results.enter", { unitId: b.unitId }, 1000n));
    expect(await versions()).toEqual([a0, "1000", "1000"]);
    await prisma.$transaction((tx) => bumpDataVersion(tx, "results.enter", {}, 1001n));
    expect(await versions()).toEqual(["1001", "1001", "1001"]);
    expect(await prisma.dataVersion.findUnique({ where: { scope: MINISTRY_SCOPE } })).toMatchObject({ seq: 1001n });
    expect(b0).not.toBe("1000");
  });

  it("the structure permissions, and only those, are Ministry-wide", () => {
    const wide = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => isMinistryWide(p) && p !== "title.view");
    // The structure, the holiday calendar (every cluster's deadlines), and three that write no overview
    // data: the delivery log is read-only, a user's own notifications are marked read and their own
    // password changed by commands that keep the overviews (keepsOverviews, tested above). The Ministry
    // office's decisions and revocations reach any cluster: they renew every cluster's pages.
    expect(wide.sort()).toEqual(["account.own", "award.revoke", "block.manage", "cluster.manage", "decision.record", "delivery.view", "dossier.review", "holiday.manage", "notification.own", "title.manage", "unit.manage", "user.manage"]);
  });
});
