// The cluster dashboard, a unit's and an officer's history, the Ministry view, and the summary table
// behind them, on a real Postgres: counts and ranks against small hand-computed cases, the triggers
// against a rebuild from scratch, scope (404), and a query count that does not grow with the cluster.
import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isNotable } from "@/domain/dashboard";
import type { Actor } from "@/domain/permissions";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { nameSortKey } from "@/domain/vietnamese";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { loadActor } from "@/server/auth/actor";
import { buildDashboardWorkbook } from "@/app/(app)/overview/export/workbook";
import { executeCommand } from "@/server/commands/command";
import { createOfficer } from "@/server/commands/officers";
import { cachedClusterDashboard, clusterDashboard, type DashboardWithYear } from "@/server/queries/dashboard";
import { SUMMARY_REBUILD_SQL } from "@/server/summary-tables";
import { ministryOverview } from "@/server/queries/ministry";
import { officerHistory } from "@/server/queries/officer-history";
import { cachedUnitHistory, notableOfficers, unitHistory } from "@/server/queries/unit-history";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";
import { expectNotFound } from "../support/action-result";
import { installCountingPool } from "../support/counting-pool";

// Every SQL statement the app's Prisma client sends while a read runs.
const countStatements = installCountingPool();

const seedTitles = () => prisma.titleDefinition.createMany({ data: TITLE_CATALOGUE.map((t) => ({ ...t })) });

type SectionSpec = { kind: "SCORED" | "BONUS" | "PENALTY"; maxHalf: number; criteria: number[] };

/** A criteria table for a year; returns the criterion ids in order, section by section. */
async function makeTable(emulationYearId: string, sections: SectionSpec[]) {
  const table = await prisma.criteriaTable.create({ data: { emulationYearId } });
  const ids: string[][] = [];
  for (const [i, s] of sections.entries()) {
    const section = await prisma.criteriaSection.create({
      data: { tableId: table.id, kind: s.kind, position: i + 1, title: `Mục ${i + 1}`, maxHalf: s.maxHalf },
    });
    const criteria = [];
    for (const [j, maxHalf] of s.criteria.entries()) {
      criteria.push(
        await prisma.criterion.create({ data: { tableId: table.id, sectionId: section.id, position: j + 1, title: `Tiêu chí ${i + 1}.${j + 1}`, maxHalf } }),
      );
    }
    ids.push(criteria.map((c) => c.id));
  }
  return ids.flat();
}

async function makeReport(
  emulationYearId: string,
  unitId: string,
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED",
  scores: { criterionId: string; selfHalf: number | null; finalHalf?: number | null }[],
  final?: { totalHalf: number; rank: number },
) {
  return prisma.unitReport.create({
    data: {
      emulationYearId,
      unitId,
      kind: "YEAR_END",
      status,
      finalTotalHalf: final?.totalHalf ?? null,
      finalRank: final?.rank ?? null,
      scores: { create: scores.map((s) => ({ criterionId: s.criterionId, selfHalf: s.selfHalf, finalHalf: s.finalHalf ?? null })) },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The hand-computed cluster

const NAMES = { a: "Cục An ninh mạng", b: "Cục Kỹ thuật nghiệp vụ", c: "Cục Ngoại tuyến" } as const;

async function buildSmallCluster() {
  await seedTitles();
  const cluster = await makeCluster("Cụm thi đua số 2");
  const a = await makeUnit(cluster.id, NAMES.a);
  const b = await makeUnit(cluster.id, NAMES.b);
  const c = await makeUnit(cluster.id, NAMES.c);
  const y2021 = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: 2021, phase: "CLOSED", chairUnitId: a.id, deputyUnitId: c.id, settings: DEFAULT_YEAR_SETTINGS, closedAt: new Date("2021-12-31T05:00:00Z") },
  });
  const y2022 = await prisma.emulationYear.create({
    data: {
      clusterId: cluster.id,
      year: 2022,
      phase: "CONFERENCE",
      chairUnitId: b.id,
      deputyUnitId: a.id,
      settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-03-31", reportDeadline: "2022-11-15", conferenceDate: "2022-11-25" },
    },
  });

  // 2021: finalised (fixed ranks A 1, B 2, C 3).
  const t2021 = await makeTable(y2021.id, [{ kind: "SCORED", maxHalf: 200, criteria: [200] }]);
  await makeReport(y2021.id, a.id, "ACCEPTED", [{ criterionId: t2021[0]!, selfHalf: 180, finalHalf: 180 }], { totalHalf: 180, rank: 1 });
  await makeReport(y2021.id, b.id, "ACCEPTED", [{ criterionId: t2021[0]!, selfHalf: 170, finalHalf: 170 }], { totalHalf: 170, rank: 2 });
  await makeReport(y2021.id, c.id, "ACCEPTED", [{ criterionId: t2021[0]!, selfHalf: 160, finalHalf: 160 }], { totalHalf: 160, rank: 3 });

  // 2022: I (max 100: c1 60 + c2 40), II (max 100: c3), bonus (cap 10: b1), penalty (cap 10: p1).
  const [c1, c2, c3, b1, p1] = await makeTable(y2022.id, [
    { kind: "SCORED", maxHalf: 100, criteria: [60, 40] },
    { kind: "SCORED", maxHalf: 100, criteria: [100] },
    { kind: "BONUS", maxHalf: 10, criteria: [10] },
    { kind: "PENALTY", maxHalf: 10, criteria: [10] },
  ]);
  // A: I = 60 + 20 (final beats self) = 80; II = 120 clamped to 100; +10 −4 → 186.
  await makeReport(y2022.id, a.id, "SUBMITTED", [
    { criterionId: c1!, selfHalf: 60 },
    { criterionId: c2!, selfHalf: 30, finalHalf: 20 },
    { criterionId: c3!, selfHalf: 120 },
    { criterionId: b1!, selfHalf: 10 },
    { criterionId: p1!, selfHalf: 4 },
  ]);
  // B: I = 100; II = 76 (final); +10 → 186. Same total as A; the first section puts B first.
  await makeReport(y2022.id, b.id, "ACCEPTED", [
    { criterionId: c1!, selfHalf: 60 },
    { criterionId: c2!, selfHalf: 40 },
    { criterionId: c3!, selfHalf: 90, finalHalf: 76 },
    { criterionId: b1!, selfHalf: 10 },
  ]);
  // C: a draft counts for nothing (and is not described to others).
  await makeReport(y2022.id, c.id, "DRAFT", [{ criterionId: c1!, selfHalf: 60 }, { criterionId: c3!, selfHalf: 100 }]);

  // Officers: A 2 active + 1 inactive, B 2, C 1.
  const o1 = await makeOfficer(a.id, "Nguyễn Văn An");
  const o2 = await makeOfficer(a.id, "Trần Thị Bình");
  const o3 = await makeOfficer(a.id, "Lê Văn Cường");
  await prisma.officer.update({ where: { id: o3.id }, data: { active: false } });
  const o4 = await makeOfficer(b.id, "Phạm Thu Dung");
  const o5 = await makeOfficer(b.id, "Hoàng Văn Em");
  const o6 = await makeOfficer(c.id, "Vũ Thị Giang");

  await prisma.officerRegistration.createMany({
    data: [
      { emulationYearId: y2022.id, unitId: a.id, officerId: o1.id, titleCode: "CST" },
      { emulationYearId: y2022.id, unitId: a.id, officerId: o2.id, titleCode: "CSTDCS" },
      { emulationYearId: y2022.id, unitId: b.id, officerId: o4.id, titleCode: "CST" },
      { emulationYearId: y2021.id, unitId: a.id, officerId: o1.id, titleCode: "CST" },
    ],
  });
  await prisma.officerYearResult.createMany({
    data: [
      { officerId: o1.id, year: 2021, rating: "GOOD", awardedTitleCode: "CST" },
      { officerId: o2.id, year: 2021, rating: "EXCELLENT", awardedTitleCode: "CSTDCS" },
      { officerId: o3.id, year: 2021, rating: "GOOD", awardedTitleCode: "CST" },
      { officerId: o4.id, year: 2021, rating: "EXCELLENT", awardedTitleCode: "CSTDCS" },
      { officerId: o5.id, year: 2021, rating: "COMPLETE", awardedTitleCode: null },
      { officerId: o1.id, year: 2022, rating: "EXCELLENT", awardedTitleCode: "CSTDCS" },
      { officerId: o2.id, year: 2020, rating: "EXCELLENT", awardedTitleCode: "CSTDCS" },
      { officerId: o2.id, year: 2022, rating: "EXCELLENT", awardedTitleCode: "CSTDCS" },
    ],
  });

  // Unit registrations and results for 2022.
  await prisma.unitRegistration.create({
    data: { emulationYearId: y2022.id, unitId: a.id, status: "SUBMITTED", targetTitleCode: "CO_BCA", agreementSignedOn: new Date("2022-01-10") },
  });
  await prisma.unitRegistration.create({ data: { emulationYearId: y2022.id, unitId: b.id, status: "DRAFT" } });
  await prisma.unitYearResult.create({ data: { emulationYearId: y2022.id, unitId: a.id, proposedTitleCode: "CO_BCA" } });
  await prisma.unitYearResult.create({ data: { emulationYearId: y2021.id, unitId: a.id, awardedTitleCode: "DV_QUYET_THANG", decisionNo: "123/QĐ-BCA" } });

  // Votes 2022: a closed acclaim (A 2 of 3, B 1 of 3) and an open chair election where only A voted.
  const acclaim = await prisma.voteRound.create({
    data: { emulationYearId: y2022.id, kind: "ACCLAIM", title: "Suy tôn Cờ thi đua của Bộ Công an năm 2022", titleCode: "CO_BCA", seats: 1, state: "CLOSED", passThreshold: "MORE_THAN_HALF" },
  });
  const ca = await prisma.voteCandidate.create({ data: { roundId: acclaim.id, unitId: a.id, position: 1 } });
  const cb = await prisma.voteCandidate.create({ data: { roundId: acclaim.id, unitId: b.id, position: 2 } });
  for (const [forA, forB] of [[true, false], [true, false], [false, true]] as const) {
    await prisma.ballot.create({ data: { roundId: acclaim.id, choices: { create: [{ candidateId: ca.id, approve: forA }, { candidateId: cb.id, approve: forB }] } } });
  }
  await prisma.voteParticipation.createMany({ data: [a, b, c].map((u) => ({ roundId: acclaim.id, unitId: u.id })) });
  const election = await prisma.voteRound.create({
    data: { emulationYearId: y2022.id, kind: "CHAIR_ELECTION", title: "Bầu Cụm trưởng năm 2023", seats: 1, state: "OPEN" },
  });
  await prisma.voteCandidate.create({ data: { roundId: election.id, unitId: c.id, position: 1 } });
  await prisma.voteParticipation.create({ data: { roundId: election.id, unitId: a.id } });

  return { cluster, a, b, c, y2021, y2022, officers: { o1, o2, o3, o4, o5, o6 } };
}

describe("the cluster dashboard on a hand-computed cluster", () => {
  let w: Awaited<ReturnType<typeof buildSmallCluster>>;
  let secretariat: Actor;
  beforeEach(async () => {
    await resetDatabase();
    w = await buildSmallCluster();
    secretariat = await makeActor("SECRETARIAT", { clusterId: w.cluster.id });
  });

  it("ranks 2022 from the submitted reports (criterion and section caps, final over self, tie-break) and shows the change since 2021", async () => {
    const d = await clusterDashboard(secretariat, {}, new Date("2022-11-20T09:00:00+07:00"));
    expect(d.year).toMatchObject({ year: 2022, phase: "CONFERENCE", chairName: NAMES.b, deputyName: NAMES.a, previousYear: 2021, tieBreak: "FIRST_SECTION" });
    if (!d.year || !("ranking" in d)) throw new Error("expected a year");
    expect(d.ranking).toMatchObject({ basis: "PROVISIONAL", rankedCount: 2, previousBasis: "FINAL" });
    expect(d.units[0]!.tieNote).toBe("Bằng tổng điểm với Cục An ninh mạng; xếp trên vì điểm mục I cao hơn (50 so với 40).");
    expect(d.units.map((u) => [u.name, u.totalHalf, u.rank, u.tied, u.previousRank, u.change])).toEqual([
      [NAMES.b, 186, 1, false, 2, { kind: "UP", by: 1 }],
      [NAMES.a, 186, 2, false, 1, { kind: "DOWN", by: 1 }],
      [NAMES.c, null, null, false, 3, { kind: "NONE" }],
    ]);
    // Section chart: I, II, bonus, penalty of the two submitted reports.
    expect(d.sections.map((s) => [s.label, s.maxHalf])).toEqual([["I", 100], ["II", 100], ["Điểm thưởng", 10], ["Điểm trừ", 10]]);
    const bySection = (unitId: string) => d.sections.map((s) => d.sectionScores.find((x) => x.unitId === unitId && x.sectionId === s.id)?.countedHalf ?? null);
    expect(bySection(w.a.id)).toEqual([80, 100, 10, 4]);
    expect(bySection(w.b.id)).toEqual([100, 76, 10, null]); // no penalty item scored: the section counts 0
    expect(bySection(w.c.id)).toEqual([null, null, null, null]);
  });

  it("before the scoring round is finalised, only the secretariat sees the provisional ranking and section scores", async () => {
    const headB = await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.b.id });
    const admin = await makeActor("ADMIN");
    for (const actor of [(await loadActor(headB.userId))!, admin]) {
      const d = await clusterDashboard(actor, { clusterId: w.cluster.id, year: 2022 });
      if (!("ranking" in d) || !d.year) throw new Error("expected a year");
      expect(d.ranking).toMatchObject({ basis: "NONE", withheld: true, rankedCount: 0 });
      expect(d.units.every((u) => u.rank === null && u.totalHalf === null)).toBe(true);
      expect(d.sectionScores).toEqual([]);
      expect(d.scoreHistory.byUnit[w.a.id]).toEqual([{ year: 2021, points: 90, rank: 1 }, { year: 2022, points: null, rank: null }]);
      // The finalised 2021 ranking is for everyone who sees the dashboard.
      const y2021 = await clusterDashboard(actor, { clusterId: w.cluster.id, year: 2021 });
      if (!("ranking" in y2021)) throw new Error("expected a year");
      expect(y2021.ranking.basis).toBe("FINAL");
      expect(y2021.units[0]).toMatchObject({ name: NAMES.a, rank: 1 });
    }
  });

  it("with no tie-break the equal totals share rank 1", async () => {
    await prisma.emulationYear.update({ where: { id: w.y2022.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, rankingTieBreak: "NONE" } } });
    const d = await clusterDashboard(secretariat, { year: 2022 });
    if (!("units" in d) || !d.year) throw new Error("expected a year");
    expect(d.units.slice(0, 2).map((u) => [u.rank, u.tied])).toEqual([[1, true], [1, true]]);
  });

  it("shows the fixed 2021 ranking, and the score and rank of each unit over the years", async () => {
    const d = await clusterDashboard(secretariat, { year: 2021 });
    if (!("ranking" in d) || !d.year) throw new Error("expected a year");
    expect(d.ranking.basis).toBe("FINAL");
    expect(d.units.map((u) => [u.name, u.totalHalf, u.rank, u.change.kind])).toEqual([
      [NAMES.a, 180, 1, "NEW"],
      [NAMES.b, 170, 2, "NEW"],
      [NAMES.c, 160, 3, "NEW"],
    ]);
    expect(d.scoreHistory.years).toEqual([2021, 2022]);
    expect(d.scoreHistory.byUnit[w.a.id]).toEqual([{ year: 2021, points: 90, rank: 1 }, { year: 2022, points: 93, rank: 2 }]);
    expect(d.scoreHistory.byUnit[w.c.id]).toEqual([{ year: 2021, points: 80, rank: 3 }, { year: 2022, points: null, rank: null }]);
  });

  it("counts registered and awarded titles per unit, registration % of active officers (none for a closed year)", async () => {
    const d = await clusterDashboard(secretariat, { year: 2022 });
    if (!("units" in d) || !d.year) throw new Error("expected a year");
    const row = (id: string) => d.units.find((u) => u.id === id)!;
    expect(row(w.a.id)).toMatchObject({ activeOfficers: 2, registered: { CST: 1, CSTDCS: 1 }, registeredTotal: 2, registrationPercent: 100, awarded: { CSTDCS: 2 } });
    expect(row(w.b.id)).toMatchObject({ activeOfficers: 2, registered: { CST: 1 }, registeredTotal: 1, registrationPercent: 50, awarded: {} });
    expect(row(w.c.id)).toMatchObject({ activeOfficers: 1, registeredTotal: 0, registrationPercent: 0 });
    expect(d.totals).toMatchObject({ activeOfficers: 5, registered: 3, registrationPercent: 60, awardedByTitle: { CST: 0, CSTDCS: 2, CSTD_CAND: 0, CSTD_TQ: 0 } });
    expect(row(w.a.id)).toMatchObject({ registrationStatus: "SUBMITTED", targetTitleCode: "CO_BCA", proposedTitleCode: "CO_BCA", yearEndReport: "SUBMITTED" });
    expect(row(w.c.id)).toMatchObject({ registrationStatus: null, yearEndReport: "DRAFT" });

    const closed = await clusterDashboard(secretariat, { year: 2021 });
    if (!("units" in closed) || !closed.year) throw new Error("expected a year");
    expect(closed.units.find((u) => u.id === w.a.id)).toMatchObject({ awarded: { CST: 2, CSTDCS: 1 }, registered: { CST: 1 }, registrationPercent: null });
    expect(closed.units.find((u) => u.id === w.b.id)).toMatchObject({ awarded: { CSTDCS: 1 } });
    expect(closed.units.find((u) => u.id === w.a.id)).toMatchObject({ awardedTitleCode: "DV_QUYET_THANG" });
    // Titles over the years (awarded, cluster total), from 2020 (recorded before the cluster's first
    // emulation year here): 2020 CSTĐCS 1; 2021 CST 2 + CSTĐCS 2; 2022 CSTĐCS 2.
    expect(closed.titleHistory.awarded.map((r) => [r.year, r.CST, r.CSTDCS, r.total])).toEqual([[2020, 0, 1, 1], [2021, 2, 2, 4], [2022, 0, 2, 2]]);
  });

  it("shows closed rounds as totals with who was acclaimed, and open rounds without any tally", async () => {
    const d = await clusterDashboard(secretariat, { year: 2022 });
    if (!("votes" in d) || !d.year) throw new Error("expected a year");
    expect(d.votes).toEqual([
      expect.objectContaining({
        kind: "ACCLAIM",
        state: "CLOSED",
        ballotsCast: 3,
        voted: 3,
        runoffNeeded: false,
        results: [
          { unitId: w.a.id, name: NAMES.a, approvals: 2, disapprovals: 1, elected: true },
          { unitId: w.b.id, name: NAMES.b, approvals: 1, disapprovals: 2, elected: false },
        ],
      }),
      expect.objectContaining({ kind: "CHAIR_ELECTION", state: "OPEN", voted: 1, ballotsCast: 0, results: [] }),
    ]);
  });

  it("lists what is still missing from whom", async () => {
    const d = await clusterDashboard(secretariat, { year: 2022 }, new Date("2022-11-20T09:00:00+07:00"));
    if (!("missing" in d) || !d.year) throw new Error("expected a year");
    const items = d.missing.map((m) => [m.who.kind === "UNIT" ? m.who.name : "TK", m.kind, m.overdue]);
    expect(items).toEqual([
      [NAMES.b, "REGISTRATION_NOT_SUBMITTED", true],
      [NAMES.b, "UNIT_TITLE_NOT_REGISTERED", true],
      [NAMES.b, "OFFICERS_NOT_REGISTERED", true],
      [NAMES.b, "AGREEMENT_MISSING", true],
      [NAMES.c, "REGISTRATION_NOT_SUBMITTED", true],
      [NAMES.c, "UNIT_TITLE_NOT_REGISTERED", true],
      [NAMES.c, "OFFICERS_NOT_REGISTERED", true],
      [NAMES.c, "AGREEMENT_MISSING", true],
      [NAMES.c, "REPORT_MISSING", true],
      [NAMES.b, "BALLOT_MISSING", false],
      [NAMES.c, "BALLOT_MISSING", false],
      ["TK", "REPORT_TO_REVIEW", false],
    ]);
  });

  it("exports the same figures to Excel: ranking, titles, sections, votes, missing items, years", async () => {
    const d = await clusterDashboard(secretariat, { year: 2022 }, new Date("2022-11-20T09:00:00+07:00"));
    if (!("units" in d) || !d.year) throw new Error("expected a year");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildDashboardWorkbook(d as DashboardWithYear, "Thư ký")) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Xếp hạng", "Danh hiệu cá nhân", "Điểm theo mục", "Bỏ phiếu", "Việc còn thiếu", "Qua các năm"]);
    const rows = (name: string) =>
      wb.getWorksheet(name)!.getSheetValues().filter(Boolean).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    const ranking = rows("Xếp hạng");
    expect(ranking[0]![0]).toBe("CỤM THI ĐUA SỐ 2 – Khối các đơn vị thuộc Bộ trưởng");
    expect(ranking[1]![0]).toBe("BẢNG XẾP HẠNG THI ĐUA – NĂM THI ĐUA 2022");
    const header = ranking.findIndex((r) => r[0] === "Hạng");
    expect(ranking.slice(header + 1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      [1, NAMES.b, 93, "Tăng 1 bậc so với năm 2021"],
      [2, NAMES.a, 93, "Giảm 1 bậc so với năm 2021"],
      [undefined, NAMES.c, undefined, "Chưa được xếp hạng"],
    ]);
    const titles = rows("Danh hiệu cá nhân");
    expect(titles.find((r) => r[0] === NAMES.a)!.slice(0, 7)).toEqual([NAMES.a, 2, 2, 100, "Đã gửi", 1, 0]);
    expect(titles.find((r) => r[0] === "Tổng cộng")!.slice(0, 4)).toEqual(["Tổng cộng", 5, 3, 60]);
    expect(rows("Điểm theo mục").find((r) => r[0] === NAMES.a)).toEqual([NAMES.a, 40, 50, 5, -2, 93]);
    expect(rows("Bỏ phiếu").filter((r) => r[4] === NAMES.a)[0]).toEqual(["Suy tôn Cờ thi đua của Bộ Công an năm 2022", "Bình xét, suy tôn", "Đã kết thúc", 3, NAMES.a, 2, 1, "Được suy tôn"]);
    expect(rows("Việc còn thiếu").filter((r) => r[0] === NAMES.c).map((r) => r[1])).toContain("Chưa nộp báo cáo tổng kết");
    expect(rows("Qua các năm").slice(-2).map((r) => [r[0], r.at(-1)])).toEqual([[2021, 4], [2022, 2]]);
  });

  it("is for the secretariat of the cluster, admins and the cluster's unit heads only (404 for anyone else)", async () => {
    const officerOfA = await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.a.id });
    await expectNotFound(clusterDashboard(officerOfA));
    const other = await makeCluster("Cụm thi đua số 5");
    const otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });
    expect((await clusterDashboard(otherSecretariat)).cluster?.id).toBe(other.id);
    await expectNotFound(clusterDashboard(otherSecretariat, { clusterId: w.cluster.id }));
    await expectNotFound(clusterDashboard(secretariat, { clusterId: other.id }));
    // The head of B (chair of the latest year) sees it; so does the head of A, as a head may
    // (tests/integration/dashboard-access.test.ts), and not another cluster's.
    const headB = await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.b.id });
    const headA = await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.a.id });
    const chair = (await loadActor(headB.userId))!;
    expect(chair.chairOfClusterIds).toEqual([w.cluster.id]);
    expect((await clusterDashboard(chair)).cluster?.id).toBe(w.cluster.id);
    const asHeadA = await clusterDashboard((await loadActor(headA.userId))!);
    expect("access" in asHeadA && asHeadA.access).toEqual({ view: "HEAD", ownUnitId: w.a.id });
    await expectNotFound(clusterDashboard((await loadActor(headA.userId))!, { clusterId: other.id }));
    const admin = await makeActor("ADMIN");
    expect((await clusterDashboard(admin, { clusterId: w.cluster.id, year: 2021 })).year?.year).toBe(2021);
    expect((await clusterDashboard(admin, { clusterId: other.id })).year).toBeNull();
    await expectNotFound(clusterDashboard(admin, { clusterId: "not-a-uuid" }));
  });
});

// Each test builds its own cluster: the cache is keyed by the cluster, and resetDatabase starts the
// audit log (the data version) again from zero.
describe("the dashboard cache (cachedClusterDashboard)", () => {
  let w: Awaited<ReturnType<typeof buildSmallCluster>>;
  let secretariat: Actor;
  beforeEach(async () => {
    await resetDatabase();
    w = await buildSmallCluster();
    secretariat = await makeActor("SECRETARIAT", { clusterId: w.cluster.id });
  });
  const officersOfA = (d: Awaited<ReturnType<typeof cachedClusterDashboard>>) => ("units" in d ? d.units.find((u) => u.id === w.a.id)?.activeOfficers : undefined);

  it("is reused until a command writes: one statement (the data version) when nothing changed, the new figures after a write", async () => {
    const first = await cachedClusterDashboard(secretariat, { year: 2022 });
    expect(first).toEqual(await clusterDashboard(secretariat, { year: 2022 }));
    const again = await countStatements(() => cachedClusterDashboard(secretariat, { year: 2022 }));
    expect(again.count).toBe(1);
    expect(again.result).toBe(first);

    const officerOfA = await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.a.id });
    const created = await executeCommand(createOfficer, officerOfA, form({ code: "CB-NEW", fullName: "Lê Văn Mới", rank: "Đại úy", position: "Cán bộ" }));
    expect(created.ok).toBe(true);
    const after = await countStatements(() => cachedClusterDashboard(secretariat, { year: 2022 }));
    expect(after.count).toBeGreaterThan(1);
    expect(officersOfA(after.result)).toBe(officersOfA(first)! + 1);
    expect(after.result).toEqual(await clusterDashboard(secretariat, { year: 2022 }));
  });

  it("keeps what each kind of viewer may see apart, and still refuses those out of scope", async () => {
    const forSecretariat = await cachedClusterDashboard(secretariat, { clusterId: w.cluster.id, year: 2022 });
    if (!("ranking" in forSecretariat)) throw new Error("expected a year");
    expect(forSecretariat.ranking.basis).toBe("PROVISIONAL");
    // The chair's head: no provisional ranking, though the secretariat's copy is in the cache.
    const chair = (await loadActor((await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.b.id })).userId))!;
    const forChair = await cachedClusterDashboard(chair, { clusterId: w.cluster.id, year: 2022 });
    if (!("ranking" in forChair)) throw new Error("expected a year");
    expect(forChair.ranking).toMatchObject({ basis: "NONE", withheld: true });
    // Same role, another cluster: 404, not the cached copy.
    const otherSecretariat = await makeActor("SECRETARIAT", { clusterId: (await makeCluster("Cụm thi đua số 5")).id });
    await expectNotFound(cachedClusterDashboard(otherSecretariat, { clusterId: w.cluster.id, year: 2022 }));
    await expectNotFound(cachedClusterDashboard(await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.a.id }), { clusterId: w.cluster.id }));
  });

  it("a unit's history likewise: reused until a command writes, then read again", async () => {
    const head = (await loadActor((await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.a.id })).userId))!;
    const first = await cachedUnitHistory(head, w.a.id);
    expect(first).toEqual(await unitHistory(head, w.a.id));
    const again = await countStatements(() => cachedUnitHistory(head, w.a.id));
    expect(again.count).toBe(1);
    expect(again.result).toBe(first);
    const officerOfA = await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.a.id });
    expect((await executeCommand(createOfficer, officerOfA, form({ code: "CB-NEW2", fullName: "Trần Thị Mới", rank: "Thượng úy", position: "Cán bộ" }))).ok).toBe(true);
    expect((await cachedUnitHistory(head, w.a.id)).unit.activeOfficers).toBe(first.unit.activeOfficers + 1);
    // Another unit's officer: 404, whatever is cached.
    await expectNotFound(cachedUnitHistory(await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.b.id }), w.a.id));
  });

  it("reads again on a new Vietnamese calendar day (overdue deadlines)", async () => {
    const evening = await cachedClusterDashboard(secretariat, { year: 2022 }, new Date("2022-11-20T23:00:00+07:00"));
    const sameDay = await countStatements(() => cachedClusterDashboard(secretariat, { year: 2022 }, new Date("2022-11-20T23:59:00+07:00")));
    expect(sameDay.result).toBe(evening);
    const nextDay = await countStatements(() => cachedClusterDashboard(secretariat, { year: 2022 }, new Date("2022-11-21T00:01:00+07:00")));
    expect(nextDay.count).toBeGreaterThan(1);
    expect(nextDay.result).not.toBe(evening);
  });
});

describe("the summary table's triggers", () => {
  beforeEach(resetDatabase);

  const snapshot = () =>
    prisma.$queryRaw<{ unitId: string; year: number; titleCode: string; registered: number; awarded: number }[]>`
      SELECT "unitId"::text AS "unitId", "year", "titleCode", "registered", "awarded" FROM "UnitTitleTally"
      WHERE "registered" <> 0 OR "awarded" <> 0 ORDER BY 1, 2, 3`;
  const streaks = () =>
    prisma.$queryRaw<{ officerId: string; unitId: string; sortKey: string; fromYear: number; toYear: number; length: number; maxLevel: number; bestTitleCode: string }[]>`
      SELECT "officerId"::text AS "officerId", "unitId"::text AS "unitId", "sortKey", "fromYear", "toYear", "length", "topLevel", "maxLevel", "yearsAtLevel", "bestTitleCode"
      FROM "OfficerTitleStreak" ORDER BY 1`;
  const officerCounts = () =>
    prisma.$queryRaw<{ unitId: string; active: number }[]>`SELECT "unitId"::text AS "unitId", "active" FROM "UnitOfficerCount" WHERE "active" <> 0 ORDER BY 1`;

  it("stays equal to a rebuild from the rows through inserts, updates, upserts, deletes and officer moves", async () => {
    const w = await buildSmallCluster();
    const { o1, o2, o3, o4, o6 } = w.officers;
    // Results changed, cleared, upserted, deleted; registrations changed and deleted; officers moved.
    await prisma.officerYearResult.update({ where: { officerId_year: { officerId: o1.id, year: 2022 } }, data: { awardedTitleCode: "CST" } });
    await prisma.officerYearResult.update({ where: { officerId_year: { officerId: o2.id, year: 2022 } }, data: { awardedTitleCode: null } });
    await prisma.officerYearResult.upsert({
      where: { officerId_year: { officerId: o6.id, year: 2022 } },
      create: { officerId: o6.id, year: 2022, awardedTitleCode: "CST" },
      update: { awardedTitleCode: "CSTDCS" },
    });
    await prisma.officerYearResult.upsert({
      where: { officerId_year: { officerId: o6.id, year: 2022 } },
      create: { officerId: o6.id, year: 2022, awardedTitleCode: "CST" },
      update: { awardedTitleCode: "CSTDCS" },
    });
    await prisma.officerYearResult.deleteMany({ where: { officerId: o4.id } });
    await prisma.officerRegistration.updateMany({ where: { officerId: o1.id, emulationYearId: w.y2022.id }, data: { titleCode: "CSTDCS" } });
    await prisma.officerRegistration.deleteMany({ where: { officerId: o2.id } });
    await prisma.officer.update({ where: { id: o3.id }, data: { unitId: w.b.id } });
    await prisma.officer.updateMany({ where: { id: { in: [o1.id, o2.id] } }, data: { unitId: w.c.id, position: "Đội trưởng" } });
    await prisma.officer.update({ where: { id: o4.id }, data: { position: "Phó Đội trưởng" } }); // no move
    await prisma.officer.update({ where: { id: o2.id }, data: { fullName: "Trần Thị Bích", sortKey: nameSortKey("Trần Thị Bích") } }); // renamed
    await prisma.officer.update({ where: { id: o4.id }, data: { active: false } });
    await prisma.officer.update({ where: { id: o3.id }, data: { active: true } });
    const extra = await makeOfficer(w.a.id, "Lý Văn Mới");
    await prisma.officer.delete({ where: { id: extra.id } });
    await makeOfficer(w.b.id, "Đinh Thị Năm");

    const maintained = await snapshot();
    const maintainedStreaks = await streaks();
    const maintainedCounts = await officerCounts();
    for (const sql of SUMMARY_REBUILD_SQL) await prisma.$executeRawUnsafe(sql);
    expect(maintained).toEqual(await snapshot());
    expect(maintainedStreaks).toEqual(await streaks());
    expect(maintainedCounts).toEqual(await officerCounts());
    // Notable officers only: o2 (moved to C, renamed) 2020–2021; o6's single CSTĐCS year is not a streak.
    expect(maintainedStreaks.map((r) => [r.officerId, r.unitId, r.sortKey, r.fromYear, r.toYear, r.length])).toEqual([
      [o2.id, w.c.id, nameSortKey("Trần Thị Bích"), 2020, 2021, 2],
    ]);
    // Active officers: A has o3 (reactivated, then moved to B: so none); B o3, o5, Đinh Thị Năm; C o1, o2, o6.
    expect(Object.fromEntries(maintainedCounts.map((r) => [r.unitId, r.active]))).toEqual({ [w.b.id]: 3, [w.c.id]: 3 });
    // And by hand: the awarded counts stay with the unit each year was served in (docs/domain.md §11):
    // C has o6's 2022 CSTĐCS only; o1's (2021 CST, 2022 CST) and o2's (2020, 2021 CSTĐCS) stay with A.
    const awardedIn = (unitId: string) => maintained.filter((r) => r.unitId === unitId && r.awarded).map((r) => [r.year, r.titleCode, r.awarded]);
    expect(awardedIn(w.c.id)).toEqual([[2022, "CSTDCS", 1]]);
    const moved = await prisma.officerYearResult.findMany({ where: { officerId: { in: [o1.id, o2.id] } }, select: { unitId: true } });
    expect(new Set(moved.map((r) => r.unitId))).toEqual(new Set([w.a.id]));
  });
});

describe("a unit's and an officer's history", () => {
  let w: Awaited<ReturnType<typeof buildSmallCluster>>;
  beforeEach(async () => {
    await resetDatabase();
    w = await buildSmallCluster();
  });

  it("a unit across the years: final ranks out of the ranked units, chair terms, titles, collective results", async () => {
    const secretariat = await makeActor("SECRETARIAT", { clusterId: w.cluster.id });
    const h = await unitHistory(secretariat, w.a.id);
    expect(h.unit).toMatchObject({ name: NAMES.a, activeOfficers: 2 });
    expect(h.viaCluster).toBe(true);
    expect(h.years.map((y) => [y.year, y.role, y.totalHalf, y.rank, y.rankedCount, y.awardedTitleCode, y.proposedTitleCode, y.targetTitleCode])).toEqual([
      [2022, "DEPUTY", null, null, 0, null, "CO_BCA", "CO_BCA"],
      [2021, "CHAIR", 180, 1, 3, "DV_QUYET_THANG", null, null],
    ]);
    expect(h.years[1]).toMatchObject({ awarded: { CST: 2, CSTDCS: 1 }, registered: { CST: 1 }, decisionNo: "123/QĐ-BCA" });
    expect(h.chairTerms).toEqual([{ year: 2022, role: "DEPUTY" }, { year: 2021, role: "CHAIR" }]);
    // 2020 has titles but no emulation year in the system: still in the title history.
    expect(h.titleOnlyYears).toEqual([{ year: 2020, awarded: { CSTDCS: 1 } }]);
    expect(h.series).toEqual([{ year: 2020, points: null, rank: null }, { year: 2021, points: 90, rank: 1 }, { year: 2022, points: null, rank: null }]);
  });

  it("notable officers: the SQL streaks agree with the pure rule, longest first, paged", async () => {
    // o2: CSTĐCS 2020, 2021, 2022 (3 years); o1: CST 2021, CSTĐCS 2022 (1 year, not notable).
    const extra = await makeOfficer(w.a.id, "Đỗ Văn Hùng");
    await prisma.officerYearResult.createMany({
      data: [
        { officerId: extra.id, year: 2018, awardedTitleCode: "CSTDCS" },
        { officerId: extra.id, year: 2019, awardedTitleCode: "CSTD_CAND" },
        { officerId: extra.id, year: 2021, awardedTitleCode: "CSTDCS" },
      ],
    });
    const { rows, total } = await notableOfficers(w.a.id, 1);
    expect(total).toBe(2);
    expect(rows.map((r) => [r.fullName, r.from, r.to, r.length, r.topLevel, r.yearsAtLevel, r.bestTitleCode])).toEqual([
      ["Trần Thị Bình", 2020, 2022, 3, 2, 3, "CSTDCS"],
      ["Đỗ Văn Hùng", 2018, 2019, 2, 3, 3, "CSTD_CAND"],
    ]);
    // The same rule in TypeScript, over every officer of the unit.
    const all = await prisma.officerYearResult.findMany({ where: { officer: { unitId: w.a.id } }, select: { officerId: true, year: true, awardedTitleCode: true } });
    const level = (code: string | null) => TITLE_CATALOGUE.find((t) => t.code === code && t.kind === "INDIVIDUAL")?.level ?? 0;
    const ids = [...new Set(all.map((r) => r.officerId))].filter((id) =>
      isNotable(all.filter((r) => r.officerId === id).map((r) => ({ year: r.year, level: level(r.awardedTitleCode) }))),
    );
    expect(new Set(ids)).toEqual(new Set(rows.map((r) => r.officerId)));
    // Paging: one a page, and past the end still says how many there are.
    const second = await notableOfficers(w.a.id, 2, 1);
    expect(second.rows.map((r) => r.fullName)).toEqual(["Đỗ Văn Hùng"]);
    expect(await notableOfficers(w.a.id, 5, 1)).toEqual({ rows: [], total: 2 });
  });

  it("unit officers open their own unit's history only; others get 404", async () => {
    const officerOfA = await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.a.id });
    expect((await unitHistory(officerOfA, w.a.id)).viaCluster).toBe(false);
    await expectNotFound(unitHistory(officerOfA, w.b.id));
    // A head opens another unit's history of their cluster, without its officers (dashboard-access.test.ts).
    const headC = await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.c.id });
    expect((await unitHistory((await loadActor(headC.userId))!, w.a.id)).notable).toBeNull();
    await expectNotFound(unitHistory(officerOfA, "00000000-0000-4000-8000-000000000000"));
  });

  it("an officer's history: years newest first, streaks; disciplines only for those who see the unit's results", async () => {
    const { o2 } = w.officers;
    await prisma.discipline.create({ data: { officerId: o2.id, form: "KHIEN_TRACH", status: "CLEARED", fromDate: new Date("2019-03-01") } });
    await prisma.initiative.create({ data: { officerId: o2.id, year: 2021, level: "BASE", title: "Sáng kiến số hóa hồ sơ" } });
    const secretariat = await makeActor("SECRETARIAT", { clusterId: w.cluster.id });
    const h = await officerHistory(secretariat, o2.id);
    expect(h.rows.map((r) => [r.year, r.rating, r.registeredTitleCode, r.awardedTitleCode])).toEqual([
      [2022, "EXCELLENT", "CSTDCS", "CSTDCS"],
      [2021, "EXCELLENT", null, "CSTDCS"],
      [2020, "EXCELLENT", null, "CSTDCS"],
    ]);
    expect(h.streaks.longestCstdcs).toMatchObject({ from: 2020, to: 2022, length: 3 });
    expect(h.disciplines).toHaveLength(1);
    expect(h.initiatives.map((i) => i.title)).toEqual(["Sáng kiến số hóa hồ sơ"]);

    // The chair (head of B) sees the history through the dashboard, without discipline records.
    const headB = await makeActor("UNIT_HEAD", { clusterId: w.cluster.id, unitId: w.b.id });
    const chairView = await officerHistory((await loadActor(headB.userId))!, o2.id);
    expect(chairView.viaCluster).toBe(true);
    expect(chairView.disciplines).toBeNull();
    // A unit officer of another unit: 404.
    const officerOfC = await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.c.id });
    await expectNotFound(officerHistory(officerOfC, o2.id));
  });
});

describe("the Ministry view", () => {
  beforeEach(resetDatabase);

  it("puts every cluster side by side for a year, filters by block, and is for admins only", async () => {
    const w = await buildSmallCluster();
    const other = await makeCluster("Cụm thi đua số 5");
    const u = await makeUnit(other.id, "Công an tỉnh Bắc Ninh");
    await prisma.emulationYear.create({ data: { clusterId: other.id, year: 2022, phase: "REGISTRATION", chairUnitId: u.id, settings: DEFAULT_YEAR_SETTINGS } });
    const ob = await makeOfficer(u.id, "Ngô Văn Khánh");
    await prisma.officerYearResult.create({ data: { officerId: ob.id, year: 2022, awardedTitleCode: "CST" } });

    const admin = await makeActor("ADMIN");
    const m = await ministryOverview(admin, { year: 2021 });
    expect(m.years).toEqual([2022, 2021]);
    const two = m.clusters.find((c) => c.id === w.cluster.id)!;
    expect(two).toMatchObject({ units: 3, activeOfficers: 5, phase: "CLOSED", chairName: NAMES.a, registrationPercent: null, leader: { name: NAMES.a, totalHalf: 180 } });
    expect(two.awardedByTitle).toEqual({ CST: 2, CSTDCS: 2, CSTD_CAND: 0, CSTD_TQ: 0 });
    expect(two.collectiveByTitle).toMatchObject({ DV_QUYET_THANG: 1 });
    expect(two.reports).toEqual({ submitted: 3, expected: 3 });

    const y2022 = await ministryOverview(admin, { year: 2022 });
    expect(y2022.clusters.find((c) => c.id === other.id)).toMatchObject({ units: 1, activeOfficers: 1, registrationPercent: 0, awardedTotal: 1, phase: "REGISTRATION" });
    expect(y2022.totals.awardedByTitle).toMatchObject({ CST: 1, CSTDCS: 2 });

    const otherBlock = await prisma.cluster.findUniqueOrThrow({ where: { id: other.id }, select: { blockId: true } });
    const filtered = await ministryOverview(admin, { year: 2022, blockId: otherBlock.blockId });
    expect(filtered.clusters.map((c) => c.id)).toEqual([other.id]);

    const secretariat = await makeActor("SECRETARIAT", { clusterId: w.cluster.id });
    await expectNotFound(ministryOverview(secretariat));
  });
});

// ---------------------------------------------------------------------------------------------
// No N+1: the number of SQL statements does not depend on the number of units or officers.

async function buildCluster(units: number, officersPerUnit: number, name: string) {
  const cluster = await makeCluster(name);
  const unitRows = [];
  for (let i = 0; i < units; i++) unitRows.push(await makeUnit(cluster.id, `Công an tỉnh số ${i + 1}`));
  const y2021 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "CLOSED", chairUnitId: unitRows[0]!.id, settings: DEFAULT_YEAR_SETTINGS } });
  const y2022 = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: 2022, phase: "CONFERENCE", chairUnitId: unitRows[1]!.id, settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-03-31" } },
  });
  const criteria = await makeTable(y2022.id, [{ kind: "SCORED", maxHalf: 200, criteria: [100, 100] }]);
  const round = await prisma.voteRound.create({ data: { emulationYearId: y2022.id, kind: "ACCLAIM", title: "Suy tôn", seats: 1, state: "CLOSED" } });
  for (const [i, unit] of unitRows.entries()) {
    await makeReport(y2021.id, unit.id, "ACCEPTED", [], { totalHalf: 150 - i, rank: i + 1 });
    await makeReport(y2022.id, unit.id, "SUBMITTED", criteria.map((c) => ({ criterionId: c, selfHalf: 50 + i })));
    await prisma.unitRegistration.create({ data: { emulationYearId: y2022.id, unitId: unit.id, status: "SUBMITTED", targetTitleCode: "DV_TIEN_TIEN" } });
    const candidate = await prisma.voteCandidate.create({ data: { roundId: round.id, unitId: unit.id, position: i + 1 } });
    await prisma.ballot.create({ data: { roundId: round.id, choices: { create: [{ candidateId: candidate.id, approve: true }] } } });
    const officers = [];
    for (let j = 0; j < officersPerUnit; j++) officers.push(await makeOfficer(unit.id, `Nguyễn Văn Số ${j + 1}`));
    await prisma.officerRegistration.createMany({ data: officers.map((o) => ({ emulationYearId: y2022.id, unitId: unit.id, officerId: o.id, titleCode: "CST" })) });
    await prisma.officerYearResult.createMany({
      data: officers.flatMap((o) => [
        { officerId: o.id, year: 2020, awardedTitleCode: "CSTDCS" },
        { officerId: o.id, year: 2021, awardedTitleCode: "CSTDCS" },
        { officerId: o.id, year: 2022, awardedTitleCode: "CST" },
      ]),
    });
  }
  return { cluster, units: unitRows, officer: (await prisma.officer.findFirstOrThrow({ where: { unitId: unitRows[0]!.id } })).id };
}

describe("query counts do not grow with the number of units or officers", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedTitles();
  });

  it("dashboard, unit history, officer history and the Ministry view: the same statements for 2 units × 2 officers and 6 units × 5 officers", async () => {
    const small = await buildCluster(2, 2, "Cụm nhỏ");
    const large = await buildCluster(6, 5, "Cụm lớn");
    const admin = await makeActor("ADMIN");

    // The secretariat's view: the richest one (provisional ranking computed from the section totals).
    const smallSecretariat = await makeActor("SECRETARIAT", { clusterId: small.cluster.id });
    const largeSecretariat = await makeActor("SECRETARIAT", { clusterId: large.cluster.id });
    const dSmall = await countStatements(() => clusterDashboard(smallSecretariat));
    const dLarge = await countStatements(() => clusterDashboard(largeSecretariat));
    const dAdmin = await countStatements(() => clusterDashboard(admin, { clusterId: large.cluster.id }));
    expect(dAdmin.count).toBe(dLarge.count + 1); // + the admin's list of clusters
    if (!("units" in dLarge.result) || !("units" in dSmall.result)) throw new Error("expected years");
    expect(dSmall.result.units).toHaveLength(2);
    expect(dLarge.result.units).toHaveLength(6);
    expect(dLarge.result.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(dLarge.result.totals.registered).toBe(30);
    expect(dLarge.count).toBe(dSmall.count);
    expect(dLarge.count).toBeLessThanOrEqual(25);

    const uSmall = await countStatements(() => unitHistory(admin, small.units[0]!.id));
    const uLarge = await countStatements(() => unitHistory(admin, large.units[0]!.id));
    expect(uLarge.result.notable?.total).toBe(5);
    expect(uLarge.count).toBe(uSmall.count);

    const oSmall = await countStatements(() => officerHistory(admin, small.officer));
    const oLarge = await countStatements(() => officerHistory(admin, large.officer));
    expect(oLarge.count).toBe(oSmall.count);

    const mOne = await countStatements(() => ministryOverview(admin, { year: 2022 }));
    await buildCluster(3, 2, "Cụm thêm");
    const mTwo = await countStatements(() => ministryOverview(admin, { year: 2022 }));
    expect(mTwo.result.clusters).toHaveLength(3);
    expect(mTwo.count).toBe(mOne.count);
    console.log(`[dashboard] SQL statements: dashboard ${dLarge.count}, unit history ${uLarge.count}, officer history ${oLarge.count}, ministry ${mTwo.count}`);
  });
});
