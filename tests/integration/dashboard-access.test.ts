// Who sees what of the overview pages (issue 13 item 6), on a real Postgres: every unit head opens their
// own cluster's dashboard, with only what a head may see (src/server/queries/dashboard/head-view.ts);
// the chair and the secretariat see every unit's progress as before; the chair sees the Ministry view
// of its block as read-only context; a head never reaches another unit's officers.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { loadActor } from "@/server/auth/actor";
import { cachedClusterDashboard, clusterDashboard, type DashboardWithYear } from "@/server/queries/dashboard";
import { ministryOverview } from "@/server/queries/ministry";
import { remindersOverview } from "@/server/queries/notifications";
import { officerHistory } from "@/server/queries/officer-history";
import { unitHistory } from "@/server/queries/unit-history";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";
import { expectNotFound } from "../support/action-result";

const NOW = new Date("2026-03-20T09:00:00+07:00");

async function build() {
  await prisma.titleDefinition.createMany({ data: TITLE_CATALOGUE.map((t) => ({ ...t })) });
  const cluster = await makeCluster("Cụm thi đua số 2");
  const { blockId } = await prisma.cluster.findUniqueOrThrow({ where: { id: cluster.id }, select: { blockId: true } });
  // A cluster in the same block and one in another block.
  const sameBlock = await prisma.cluster.create({ data: { code: "C-SAME", name: "Cụm thi đua số 3", blockId } });
  const otherBlock = await makeCluster("Cụm thi đua số 9");
  const a = await makeUnit(cluster.id, "Cục An ninh mạng");
  const b = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ"); // chairs 2026
  const c = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const y2025 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2025, phase: "CLOSED", chairUnitId: a.id, settings: DEFAULT_YEAR_SETTINGS } });
  const y2026 = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: 2026, phase: "REGISTRATION", chairUnitId: b.id, settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2026-03-31" } },
  });
  // 2025: the fixed ranking (C first) and C's awarded title.
  for (const [unit, rank] of [[c, 1], [a, 2], [b, 3]] as const) {
    await prisma.unitReport.create({ data: { emulationYearId: y2025.id, unitId: unit.id, kind: "YEAR_END", status: "ACCEPTED", finalTotalHalf: 200 - rank, finalRank: rank } });
  }
  await prisma.unitYearResult.create({ data: { emulationYearId: y2025.id, unitId: c.id, awardedTitleCode: "DV_QUYET_THANG", decisionNo: "12/QĐ-BCA" } });

  // Officers: A 2 (one notable: CSTĐCS three years running), C 2 (one notable), B 1.
  const [a1, a2] = [await makeOfficer(a.id, "Nguyễn Văn An"), await makeOfficer(a.id, "Trần Thị Bình")];
  const [c1, c2] = [await makeOfficer(c.id, "Lê Văn Cường"), await makeOfficer(c.id, "Phạm Thu Dung")];
  const b1 = await makeOfficer(b.id, "Hoàng Văn Em");
  await prisma.officerYearResult.createMany({
    data: [2023, 2024, 2025].flatMap((year) => [
      { officerId: a1.id, year, rating: "EXCELLENT" as const, awardedTitleCode: "CSTDCS" },
      { officerId: c1.id, year, rating: "EXCELLENT" as const, awardedTitleCode: "CSTDCS" },
    ]),
  });
  // 2026 registrations: C is drafting (a target and two officers), B has sent its, A has not started.
  await prisma.unitRegistration.create({ data: { emulationYearId: y2026.id, unitId: c.id, status: "DRAFT", targetTitleCode: "CO_BCA" } });
  await prisma.officerRegistration.createMany({
    data: [c1, c2].map((o) => ({ emulationYearId: y2026.id, unitId: c.id, officerId: o.id, titleCode: "CSTDCS" })),
  });
  await prisma.unitRegistration.create({ data: { emulationYearId: y2026.id, unitId: b.id, status: "SUBMITTED", targetTitleCode: "DV_TIEN_TIEN", submittedAt: new Date() } });
  await prisma.officerRegistration.create({ data: { emulationYearId: y2026.id, unitId: b.id, officerId: b1.id, titleCode: "CST" } });
  // A closed acclaim round of 2026 (its totals are the conference's results) and an open one.
  const acclaim = await prisma.voteRound.create({ data: { emulationYearId: y2026.id, kind: "ACCLAIM", title: "Suy tôn", titleCode: "CO_BCA", seats: 1, state: "CLOSED", passThreshold: "MORE_THAN_HALF" } });
  const cand = await prisma.voteCandidate.create({ data: { roundId: acclaim.id, unitId: c.id, position: 1 } });
  for (const approve of [true, true, false]) await prisma.ballot.create({ data: { roundId: acclaim.id, choices: { create: [{ candidateId: cand.id, approve }] } } });
  await prisma.voteParticipation.createMany({ data: [a, b, c].map((u) => ({ roundId: acclaim.id, unitId: u.id })) });
  const election = await prisma.voteRound.create({ data: { emulationYearId: y2026.id, kind: "CHAIR_ELECTION", title: "Bầu Cụm trưởng", seats: 1, state: "OPEN" } });
  await prisma.voteParticipation.create({ data: { roundId: election.id, unitId: c.id } });

  const actors = {
    headA: (await loadActor((await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: a.id })).userId))!,
    headC: (await loadActor((await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: c.id })).userId))!,
    chair: (await loadActor((await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: b.id })).userId))!,
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: a.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    admin: await makeActor("ADMIN"),
    headElsewhere: await makeActor("UNIT_HEAD", { clusterId: otherBlock.id, unitId: (await makeUnit(otherBlock.id, "Công an tỉnh Cao Bằng")).id }),
  };
  return { cluster, sameBlock, otherBlock, a, b, c, officers: { a1, a2, c1, c2, b1 }, actors };
}

type World = Awaited<ReturnType<typeof build>>;
let w: World;

beforeAll(async () => {
  await resetDatabase();
  w = await build();
});

const dashboard = async (actor: Actor, year = 2026) => {
  const d = await clusterDashboard(actor, { year }, NOW);
  if (!d.year || !("units" in d)) throw new Error("expected a year");
  return d as DashboardWithYear;
};
const unitOf = (d: DashboardWithYear, id: string) => d.units.find((u) => u.id === id)!;

describe("the cluster dashboard for every unit head", () => {
  it("opens for a head who does not chair, on their own cluster only", async () => {
    expect(w.actors.headA.chairOfClusterIds).toEqual([]);
    const d = await dashboard(w.actors.headA);
    expect(d.cluster!.id).toBe(w.cluster.id);
    expect(d.access).toEqual({ view: "HEAD", ownUnitId: w.a.id });
    await expectNotFound(clusterDashboard(w.actors.headA, { clusterId: w.otherBlock.id }));
    await expectNotFound(clusterDashboard(w.actors.headElsewhere, { clusterId: w.cluster.id }));
    // Unit officers still do not open it.
    await expectNotFound(clusterDashboard(w.actors.officerA));
  });

  it("shows the head the published results: the fixed ranking, collective titles, officers' awarded titles and the conference results", async () => {
    const d2025 = await dashboard(w.actors.headA, 2025);
    expect(d2025.ranking.basis).toBe("FINAL");
    expect(d2025.units.map((u) => [u.id, u.rank])).toEqual([[w.c.id, 1], [w.a.id, 2], [w.b.id, 3]]);
    expect(unitOf(d2025, w.c.id)).toMatchObject({ awardedTitleCode: "DV_QUYET_THANG", awarded: { CSTDCS: 1 } });
    const d = await dashboard(w.actors.headA);
    const acclaim = d.votes.find((v) => v.state === "CLOSED")!;
    expect(acclaim.results).toEqual([{ unitId: w.c.id, name: "Cục Ngoại tuyến", approvals: 2, disapprovals: 1, elected: true }]);
    // An open round: turnout as a count, never who voted or what.
    const open = d.votes.find((v) => v.state === "OPEN")!;
    expect(open).toMatchObject({ voted: 1, ballotsCast: 0, results: [] });
    expect(JSON.stringify(d)).not.toContain("votedUnitIds");
  });

  it("withholds another unit's registration that has not been sent (a draft), shows a sent one, and the head's own in full", async () => {
    const d = await dashboard(w.actors.headA);
    // C is drafting: nothing of its draft.
    expect(unitOf(d, w.c.id)).toMatchObject({ registrationShown: false, registrationStatus: null, targetTitleCode: null, registered: {}, registeredTotal: 0, registrationPercent: null });
    // B has sent its registration: it is the cluster's record.
    expect(unitOf(d, w.b.id)).toMatchObject({ registrationShown: true, registrationStatus: "SUBMITTED", targetTitleCode: "DV_TIEN_TIEN", registered: { CST: 1 } });
    // The head of C sees C's draft; the chair and the secretariat see it too.
    for (const actor of [w.actors.headC, w.actors.chair, w.actors.secretariat]) {
      expect(unitOf(await dashboard(actor), w.c.id), actor.username).toMatchObject({ registrationShown: true, registrationStatus: "DRAFT", targetTitleCode: "CO_BCA", registeredTotal: 2 });
    }
    // The cluster's totals are the same for everyone.
    expect(d.totals).toEqual((await dashboard(w.actors.secretariat)).totals);
  });

  it("lists only the head's own unit's missing items; the chair and the secretariat follow every unit", async () => {
    const forHead = await dashboard(w.actors.headA);
    expect(forHead.missing.length).toBeGreaterThan(0);
    expect(forHead.missing.every((m) => m.who.kind === "UNIT" && m.who.unitId === w.a.id)).toBe(true);
    for (const actor of [w.actors.chair, w.actors.secretariat]) {
      const d = await dashboard(actor);
      expect(d.access.view).toBe("FULL");
      // A has not started, C is drafting, B has sent its registration without the signed agreement.
      expect(new Set(d.missing.map((m) => (m.who.kind === "UNIT" ? m.who.unitId : "TK")))).toEqual(new Set([w.a.id, w.b.id, w.c.id]));
    }
    await expectNotFound(remindersOverview(w.actors.headA, w.cluster.id, 2026));
    expect(await remindersOverview(w.actors.chair, w.cluster.id, 2026)).not.toBeNull();
  });

  it("keeps each head's copy apart in the cache (the key is the viewer's unit)", async () => {
    const asC = await cachedClusterDashboard(w.actors.headC, { year: 2026 }, NOW);
    const asA = await cachedClusterDashboard(w.actors.headA, { year: 2026 }, NOW);
    if (!("units" in asA) || !("units" in asC)) throw new Error("expected a year");
    expect(asC.units.find((u) => u.id === w.c.id)!.registrationShown).toBe(true);
    expect(asA.units.find((u) => u.id === w.c.id)!.registrationShown).toBe(false);
  });
});

describe("another unit's history and officers", () => {
  it("a head sees another unit's results but not its officers one by one, nor its draft registration", async () => {
    const h = await unitHistory(w.actors.headA, w.c.id);
    expect(h.viaCluster).toBe(true);
    expect(h.notable).toBeNull();
    const y2026 = h.years.find((y) => y.year === 2026)!;
    expect(y2026).toMatchObject({ registrationShown: false, targetTitleCode: null, registered: {} });
    expect(h.years.find((y) => y.year === 2025)).toMatchObject({ rank: 1, awardedTitleCode: "DV_QUYET_THANG" });
    // B's sent registration is shown.
    expect((await unitHistory(w.actors.headA, w.b.id)).years.find((y) => y.year === 2026)).toMatchObject({ registrationShown: true, targetTitleCode: "DV_TIEN_TIEN" });
    // Their own unit: in full, notable officers included.
    expect((await unitHistory(w.actors.headA, w.a.id)).notable?.rows.map((o) => o.officerId)).toEqual([w.officers.a1.id]);
    // The chair and the secretariat: another unit's notable officers.
    for (const actor of [w.actors.chair, w.actors.secretariat]) {
      const other = await unitHistory(actor, w.c.id);
      expect(other.notable?.rows.map((o) => o.officerId)).toEqual([w.officers.c1.id]);
      expect(other.years.find((y) => y.year === 2026)).toMatchObject({ registrationShown: true, targetTitleCode: "CO_BCA" });
    }
  });

  it("a head opens their own unit's officers only; the chair any in the cluster (without discipline records)", async () => {
    await expectNotFound(officerHistory(w.actors.headA, w.officers.c1.id));
    expect((await officerHistory(w.actors.headA, w.officers.a1.id)).officer.id).toBe(w.officers.a1.id);
    const viaChair = await officerHistory(w.actors.chair, w.officers.c1.id);
    expect(viaChair.viaCluster).toBe(true);
    expect(viaChair.disciplines).toBeNull();
  });
});

describe("the Ministry view", () => {
  it("the chair sees the clusters of its own block, read-only: whatever block is asked, no link into another cluster", async () => {
    const m = await ministryOverview(w.actors.chair, { year: 2026 });
    expect(m.everywhere).toBe(false);
    expect(m.blocks.map((b) => b.id)).toEqual([m.blockId]);
    expect(m.clusters.map((c) => c.id).sort()).toEqual([w.cluster.id, w.sameBlock.id].sort());
    expect(m.clusters.map((c) => [c.id, c.mayOpen]).sort()).toEqual([[w.cluster.id, true], [w.sameBlock.id, false]].sort());
    const { blockId: otherBlockId } = await prisma.cluster.findUniqueOrThrow({ where: { id: w.otherBlock.id }, select: { blockId: true } });
    const asked = await ministryOverview(w.actors.chair, { year: 2026, blockId: otherBlockId });
    expect(asked.clusters.map((c) => c.id)).not.toContain(w.otherBlock.id);
    expect(asked.blockId).toBe(m.blockId);
  });

  it("admins see every block and open every cluster; other heads, unit officers and the secretariat get 404", async () => {
    const m = await ministryOverview(w.actors.admin, { year: 2026 });
    expect(m.everywhere).toBe(true);
    expect(m.clusters).toHaveLength(3);
    expect(m.clusters.every((c) => c.mayOpen)).toBe(true);
    for (const actor of [w.actors.headA, w.actors.officerA, w.actors.secretariat, w.actors.headElsewhere]) await expectNotFound(ministryOverview(actor));
  });
});
