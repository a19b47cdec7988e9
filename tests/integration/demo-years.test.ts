// The demo reaching today (issue 13): seeded for a fixed day, a year-end (31/12/2026), the years
// 2022–2025 are closed and consistent with the rules the app applies — registrations within the
// engine and the quota, every title ELIGIBLE on its decision day, the acclaim and the Ministry flag,
// the ranking of finalised scores, each conference electing next year's chair by the rotation rule —
// and 2026 is open in registration with dates from that day: two units registered, two drafting on
// an extension, one late. Every unit has a unit officer and a unit head. The same day seeds the same
// demo; another day of the same year changes only the open year's dates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkQuota,
  computeFacts,
  evaluateUnit,
  explainTitle,
  individualLevel,
  unitResultFor,
  type CollectiveTitle,
  type IndividualTitle,
  type TaskRating,
} from "@/domain/eligibility";
import { registrationWindow } from "@/domain/registration-window";
import { chairRotation } from "@/domain/voting";
import { DEFAULT_YEAR_SETTINGS, parseYearSettings } from "@/domain/year-settings";
import { yearRanking } from "@/server/queries/scoring";
import { DEMO_UNIT_CODES, demoCurrentYearPlan, demoLeadership, type DemoUnitCode } from "@/server/seed/calendar";
import { DEMO_ACCOUNTS, DEMO_CLUSTER, seedDemoData } from "@/server/seed/demo";
import { disciplineRecord, loadOfficerHistories } from "@/server/store/eligibility-data";
import { closedRoundResults, electedLeadership } from "@/server/store/vote-results";
import { makeActor, prisma, resetDatabase } from "./fixtures";

const TODAY = "2026-12-31";
const CLOSED = [2022, 2023, 2024, 2025];

let clusterId: string;
let years: Map<number, { id: string; phase: string; chairUnitId: string | null; deputyUnitId: string | null; settings: unknown; closedAt: Date | null }>;
let unitId: Record<DemoUnitCode, string>;
let codeOf: Map<string, DemoUnitCode>;
let seedSeconds: number;

/** What the demo holds, without ids or times: one line per record, by officer and unit codes. */
async function content(fromYear: number, toYear: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ line: string }[]>`
    SELECT concat_ws('|', 'R', o.code, r.year, r.rating, r."awardedTitleCode", r."decisionNo") AS line
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId" WHERE r.year BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'I', o.code, i.year, i.level, i.title, i."decisionNo")
      FROM "Initiative" i JOIN "Officer" o ON o.id = i."officerId" WHERE i.year BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'D', o.code, d.form, d.status, d."fromDate", d."toDate")
      FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId" WHERE extract(year FROM d."fromDate") BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'G', y.year, o.code, g."titleCode")
      FROM "OfficerRegistration" g JOIN "Officer" o ON o.id = g."officerId" JOIN "EmulationYear" y ON y.id = g."emulationYearId" WHERE y.year BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'U', y.year, u.code, g.status, g."targetTitleCode", g."submittedAt", g."reopenedUntil", g."agreementSignedOn", g."agreementSigner")
      FROM "UnitRegistration" g JOIN "Unit" u ON u.id = g."unitId" JOIN "EmulationYear" y ON y.id = g."emulationYearId" WHERE y.year BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'T', y.year, u.code, t."awardedTitleCode", t."proposedTitleCode", t."decisionNo")
      FROM "UnitYearResult" t JOIN "Unit" u ON u.id = t."unitId" JOIN "EmulationYear" y ON y.id = t."emulationYearId" WHERE y.year BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'P', y.year, u.code, p.status, p."finalTotalHalf", p."finalRank", p.narrative)
      FROM "UnitReport" p JOIN "Unit" u ON u.id = p."unitId" JOIN "EmulationYear" y ON y.id = p."emulationYearId" WHERE y.year BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'V', y.year, v.title, v.state, (SELECT string_agg(u.code || ':' || c.note, ',' ORDER BY c.position) FROM "VoteCandidate" c JOIN "Unit" u ON u.id = c."unitId" WHERE c."roundId" = v.id),
                     (SELECT count(*) FROM "BallotChoice" bc JOIN "Ballot" b ON b.id = bc."ballotId" WHERE b."roundId" = v.id AND bc.approve))
      FROM "VoteRound" v JOIN "EmulationYear" y ON y.id = v."emulationYearId" WHERE y.year BETWEEN ${fromYear} AND ${toYear}
    UNION ALL SELECT concat_ws('|', 'Y', y.year, y.phase, c.code, d.code, y.settings::text)
      FROM "EmulationYear" y LEFT JOIN "Unit" c ON c.id = y."chairUnitId" LEFT JOIN "Unit" d ON d.id = y."deputyUnitId" WHERE y.year BETWEEN ${fromYear} AND ${toYear}`;
  return rows.map((r) => r.line).sort();
}

async function load() {
  const cluster = await prisma.cluster.findUniqueOrThrow({ where: { code: DEMO_CLUSTER.code }, select: { id: true } });
  clusterId = cluster.id;
  const rows = await prisma.emulationYear.findMany({ where: { clusterId }, orderBy: { year: "asc" } });
  years = new Map(rows.map((y) => [y.year, y]));
  const units = await prisma.unit.findMany({ where: { clusterId, parentId: null }, select: { id: true, code: true } });
  unitId = Object.fromEntries(units.map((u) => [u.code, u.id])) as Record<DemoUnitCode, string>;
  codeOf = new Map(units.map((u) => [u.id, u.code as DemoUnitCode]));
}

let firstContent: string[];
let firstClosed: string[];

beforeAll(async () => {
  await resetDatabase();
  const started = performance.now();
  const out = await seedDemoData(prisma, { today: TODAY });
  seedSeconds = (performance.now() - started) / 1000;
  expect(out).toMatchObject({ today: TODAY, year: 2026 });
  await load();
  firstContent = await content(2019, 2026);
  firstClosed = await content(2019, 2025);
}, 240_000);

afterAll(() => console.log(`[demo] seeded for ${TODAY} in ${seedSeconds.toFixed(1)} s`));

describe(`the demo seeded for ${TODAY}`, () => {
  it("holds 2021 (the story) to 2025 closed, and 2026 open in registration; chairs and deputies by the rotation", async () => {
    expect([...years.keys()]).toEqual([2021, ...CLOSED, 2026]);
    const leadership = demoLeadership(2026);
    for (const [year, y] of years) {
      expect(y.phase, String(year)).toBe(year === 2026 ? "REGISTRATION" : "CLOSED");
      expect(y.closedAt === null, String(year)).toBe(year === 2026);
      expect([codeOf.get(y.chairUnitId!), codeOf.get(y.deputyUnitId!)], String(year)).toEqual([leadership.get(year)!.chair, leadership.get(year)!.deputy]);
    }
    expect(codeOf.get(years.get(2022)!.chairUnitId!)).toBe("KTNV"); // elected on 19/11/2021
  });

  it("keeps the joint agreement signed at the 2021 conference (Hà Nội, 19/11/2021) with all five units' signatories", async () => {
    const agreement = await prisma.jointAgreement.findUniqueOrThrow({ where: { emulationYearId: years.get(2021)!.id }, include: { signatories: true } });
    expect(agreement).toMatchObject({ status: "SIGNED", place: "Hà Nội", signedOn: new Date("2021-11-19T00:00:00Z") });
    expect(agreement.signatories.map((s) => codeOf.get(s.unitId)).sort()).toEqual(["ANM", "BTLCV", "KTNV", "NT", "QLXNC"]);
    expect(agreement.signatories.find((s) => codeOf.get(s.unitId) === "ANM")).toMatchObject({ name: "Nguyễn Minh Chính" });
  });

  it("each year's conference elected the next year's chair and deputy; the chair round listed the rotation order the app computes", async () => {
    const members = DEMO_UNIT_CODES.map((c) => ({ id: unitId[c], name: c, active: true }));
    for (const year of [2021, ...CLOSED]) {
      const y = years.get(year)!;
      const next = years.get(year + 1)!;
      expect(await electedLeadership(prisma, y.id), String(year)).toEqual({ chairUnitId: next.chairUnitId, deputyUnitId: next.deputyUnitId });
      const chairRound = await prisma.voteRound.findFirstOrThrow({ where: { emulationYearId: y.id, kind: "CHAIR_ELECTION" }, include: { candidates: { orderBy: { position: "asc" } } } });
      const history = [...years].filter(([yy]) => yy <= year).map(([yy, row]) => ({ year: yy, chairUnitId: row.chairUnitId }));
      const units = await prisma.unit.findMany({ where: { id: { in: members.map((m) => m.id) } }, select: { id: true, name: true, active: true } });
      const rotation = chairRotation(year + 1, units, history, { outgoingChairMayBeReelected: false });
      expect(chairRound.candidates.map((c) => c.unitId), String(year)).toEqual(rotation.candidates.map((c) => c.unitId));
    }
    const rounds = await prisma.voteRound.findMany({ where: { emulationYear: { clusterId } }, select: { id: true } });
    const results = await closedRoundResults(prisma, rounds.map((r) => r.id));
    expect(results.size).toBe(rounds.length);
    for (const r of results.values()) {
      expect(r.ballots).toBe(5);
      expect(r.voted).toBe(5);
      expect(r.elected.length).toBe(1);
    }
  });

  it("registered every unit in March of each closed year: every officer the engine allows, the CSTĐCS quota kept", async () => {
    for (const year of CLOSED) {
      const y = years.get(year)!;
      const regs = await prisma.unitRegistration.findMany({ where: { emulationYearId: y.id } });
      expect(regs.map((r) => r.status), String(year)).toEqual(["SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED", "SUBMITTED"]);
      expect(regs.every((r) => r.targetTitleCode && r.submittedAt!.toISOString().startsWith(`${year}-03`))).toBe(true);
      for (const code of DEMO_UNIT_CODES) {
        const titles = await prisma.officerRegistration.findMany({ where: { emulationYearId: y.id, unitId: unitId[code] }, select: { titleCode: true } });
        const officers = await prisma.officer.count({ where: { unitId: unitId[code] } });
        expect(titles.length, `${year} ${code}`).toBeGreaterThan(officers * 0.95);
        expect(checkQuota(titles.map((t) => ({ title: t.titleCode as IndividualTitle })), DEFAULT_YEAR_SETTINGS).verdict, `${year} ${code}`).not.toBe("OVER");
      }
    }
  });

  it("awarded each officer's title only when the engine found it ELIGIBLE on the decision day, never above the title registered, the quota kept", async () => {
    const officers = await prisma.officer.findMany({ where: { unit: { clusterId } }, select: { id: true, unitId: true } });
    let checked = 0;
    const high: Record<number, number> = {};
    for (const year of CLOSED) {
      const histories = await loadOfficerHistories(prisma, officers.map((o) => o.id), year);
      const results = await prisma.officerYearResult.findMany({ where: { year }, select: { officerId: true, rating: true, awardedTitleCode: true, decisionDate: true } });
      expect(results.length, String(year)).toBe(officers.length);
      const registered = new Map(
        (await prisma.officerRegistration.findMany({ where: { emulationYearId: years.get(year)!.id }, select: { officerId: true, titleCode: true } })).map((r) => [r.officerId, r.titleCode]),
      );
      for (const r of results) {
        if (!r.awardedTitleCode) continue;
        const history = histories.get(r.officerId)!;
        const before = { ...history, years: history.years.filter((y) => y.year !== year).concat({ year, rating: r.rating as TaskRating }) };
        const facts = computeFacts(before, year, DEFAULT_YEAR_SETTINGS, { stage: "RESULTS", asOf: r.decisionDate!.toISOString().slice(0, 10) });
        expect(explainTitle(facts, r.awardedTitleCode as IndividualTitle).status, `${r.officerId} ${year}`).toBe("ELIGIBLE");
        expect(individualLevel(r.awardedTitleCode as IndividualTitle)).toBeLessThanOrEqual(individualLevel(registered.get(r.officerId) as IndividualTitle));
        if (individualLevel(r.awardedTitleCode as IndividualTitle) >= 3) high[year] = (high[year] ?? 0) + 1;
        checked++;
      }
      for (const code of DEMO_UNIT_CODES) {
        const awarded = results.filter((r) => r.awardedTitleCode && officers.find((o) => o.id === r.officerId)!.unitId === unitId[code]);
        expect(checkQuota(awarded.map((r) => ({ title: r.awardedTitleCode as IndividualTitle })), DEFAULT_YEAR_SETTINGS).verdict, `${year} ${code}`).not.toBe("OVER");
      }
    }
    expect(checked).toBeGreaterThan(3000);
    // CSTĐ CAND (and now and then CSTĐ toàn quốc) every year, but rare: at most 3 + 1 per unit.
    for (const year of CLOSED) {
      expect(high[year], String(year)).toBeGreaterThan(0);
      expect(high[year], String(year)).toBeLessThanOrEqual(20);
    }
  });

  it("gave each unit the collective title the engine finds ELIGIBLE; the Ministry flag to the acclaimed unit, the best ranked that meets Đơn vị Quyết thắng", async () => {
    const secretariat = await makeActor("SECRETARIAT", { clusterId });
    for (const year of CLOSED) {
      const y = years.get(year)!;
      const ranking = await yearRanking(secretariat, y.id);
      expect(ranking.round?.state, String(year)).toBe("FINALISED");
      expect(ranking.rows).toHaveLength(5);
      const rankOf = new Map(ranking.rows.map((r) => [r.unitId, r.rank]));
      const results = await prisma.unitYearResult.findMany({ where: { emulationYearId: y.id } });
      const flags = results.filter((r) => r.awardedTitleCode === "CO_BCA");
      expect(flags.length, String(year)).toBeLessThanOrEqual(1);
      const acclaim = await prisma.voteRound.findFirst({ where: { emulationYearId: y.id, kind: "ACCLAIM" }, select: { id: true } });
      if (flags.length) {
        const outcome = (await closedRoundResults(prisma, [acclaim!.id])).get(acclaim!.id)!;
        expect(outcome.elected.map((id) => outcome.candidates.find((c) => c.id === id)!.unitId)).toEqual([flags[0]!.unitId]);
        expect(flags[0]!.proposedTitleCode).toBe("CO_BCA");
      }
      for (const r of results) {
        const [ratings, titles, disciplines, members] = await Promise.all([
          prisma.officerYearResult.groupBy({ by: ["rating"], where: { year, officer: { unitId: r.unitId } }, _count: { _all: true } }),
          prisma.officerYearResult.groupBy({ by: ["awardedTitleCode"], where: { year, officer: { unitId: r.unitId } }, _count: { _all: true } }),
          prisma.discipline.findMany({ where: { officer: { unitId: r.unitId } } }),
          prisma.officer.count({ where: { unitId: r.unitId, active: true } }),
        ]);
        const n = (codes: string[]) => titles.filter((t) => t.awardedTitleCode && codes.includes(t.awardedTitleCode)).reduce((s, t) => s + t._count._all, 0);
        const evaluation = evaluateUnit(
          {
            unitId: r.unitId,
            members: {
              memberCount: members,
              cstCount: n(["CST", "CSTDCS", "CSTD_CAND", "CSTD_TQ"]),
              cstdcsCount: n(["CSTDCS", "CSTD_CAND", "CSTD_TQ"]),
              ratingCounts: Object.fromEntries(ratings.map((x) => [x.rating as TaskRating, x._count._all])),
              disciplines: disciplines.map((d) => ({ officerId: d.officerId, record: disciplineRecord(d) })),
            },
            acclaimed: r.proposedTitleCode === "CO_BCA",
            clusterRank: rankOf.get(r.unitId),
          },
          year,
          DEFAULT_YEAR_SETTINGS,
          { stage: "RESULTS", asOf: r.decisionDate!.toISOString().slice(0, 10) },
        );
        expect(unitResultFor(evaluation, r.awardedTitleCode as CollectiveTitle).status, `${year} ${codeOf.get(r.unitId)}`).toBe("ELIGIBLE");
      }
      expect(await prisma.unitReport.count({ where: { emulationYearId: y.id, status: "ACCEPTED", kind: "YEAR_END" } })).toBe(5);
      expect(await prisma.crossAssignment.count({ where: { round: { emulationYearId: y.id }, submittedAt: { not: null } } })).toBe(10);
    }
  });

  it("opens 2026 in registration with the dates of that day: two units registered, two drafting on an extension, one late", async () => {
    const plan = demoCurrentYearPlan(TODAY);
    const y = years.get(2026)!;
    expect(parseYearSettings(y.settings)).toMatchObject(plan.deadlines);
    expect(await prisma.criteriaTable.findUniqueOrThrow({ where: { emulationYearId: y.id } })).toMatchObject({ frozenAt: null, copiedFromYear: 2025 });
    const now = new Date(`${TODAY}T10:00:00+07:00`);
    const regs = await prisma.unitRegistration.findMany({ where: { emulationYearId: y.id } });
    const window = Object.fromEntries(
      regs.map((r) => [
        codeOf.get(r.unitId),
        registrationWindow({ phase: "REGISTRATION", deadline: plan.deadlines.registrationDeadline, status: r.status, reopenedUntil: r.reopenedUntil, now }).reason,
      ]),
    );
    expect(window).toEqual({ ANM: "SUBMITTED", QLXNC: "SUBMITTED", NT: "REOPENED", BTLCV: "REOPENED", KTNV: "DEADLINE_PASSED" });
    const count = async (code: DemoUnitCode) => prisma.officerRegistration.count({ where: { emulationYearId: y.id, unitId: unitId[code] } });
    expect(await count("KTNV")).toBe(0);
    expect(await count("NT")).toBeGreaterThan(0);
    expect(await count("NT")).toBeLessThan((await prisma.officer.count({ where: { unitId: unitId.NT } })) * 0.7);
    // The drafting units' extension runs to 14/01/2027: a registration deadline in January of the next year.
    expect(regs.find((r) => codeOf.get(r.unitId) === "NT")!.reopenedUntil!.toISOString()).toBe("2027-01-14T16:59:59.999Z");
  });

  it("has a unit officer and a unit head for every member unit (a conference can be held with the demo logins alone), none forced to change the demo password", async () => {
    const users = await prisma.user.findMany({
      where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) } },
      select: { username: true, role: true, unitId: true, clusterId: true, mustChangePassword: true },
    });
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    for (const code of DEMO_UNIT_CODES) {
      expect(users.filter((u) => u.unitId === unitId[code]).map((u) => u.role).sort(), code).toEqual(["UNIT_HEAD", "UNIT_OFFICER"]);
    }
    // The admin and the Ministry office have no cluster; everyone else belongs to the demo's.
    expect(users.filter((u) => u.clusterId !== clusterId).map((u) => u.role).sort()).toEqual(["ADMIN", "MINISTRY"]);
    expect(users.filter((u) => u.mustChangePassword)).toEqual([]);
  });
});

describe("determinism", () => {
  it("the same day seeds the same demo; another day of the year changes only the open year's dates", async () => {
    await resetDatabase();
    await seedDemoData(prisma, { today: TODAY });
    expect(await content(2019, 2026)).toEqual(firstContent);

    await resetDatabase();
    await seedDemoData(prisma, { today: "2026-06-15" });
    await load();
    expect(await content(2019, 2025)).toEqual(firstClosed);
    expect(parseYearSettings(years.get(2026)!.settings).registrationDeadline).toBe("2026-06-12");
  }, 240_000);
});
