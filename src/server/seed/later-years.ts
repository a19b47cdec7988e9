// The demo's generated closed years, 2022 up to the year before the current one (docs/domain.md §1):
// each written as the app would have left it at its close, through the same rules the app applies.
//  1. New discipline records (officer-years.ts; in 2022 the review the 2021 story left open ends).
//  2. Every unit registered (submitted in March): every officer the engine lets register, CSTĐCS
//     places within the quota, the unit's target the engine accepts (the last year's flag holder
//     aims at the flag again).
//  3. The year's end: ratings, initiatives, titles the engine finds ELIGIBLE on the decision day.
//  4. The criteria table, reports, cross-scoring and ranking (year-reports.ts).
//  5. The conference (third Friday of November, year-conference.ts): the acclaim for the Ministry flag
//     (the best-ranked unit that meets Đơn vị Quyết thắng; a runner-up that does not pass), the
//     election of next year's chair (the first of the rotation order, docs/domain.md §4 step 6) and
//     deputy (the second).
//  6. The Minister's decisions on the units' collective titles, each ELIGIBLE by the engine.
// The year rows exist already (demo.ts creates every year, closed, with its chair and deputy).
import {
  evaluateUnit,
  unitResultFor,
  type CollectiveTitle,
  type IndividualTitle,
  type UnitEvaluation,
} from "@/domain/eligibility";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { conferenceDay, DEMO_UNIT_CODES, type DemoUnitCode, type Leadership } from "./calendar";
import { insertOfficerRegistrations, insertOfficerYearResults, type OfficerRegistrationRow } from "./bulk";
import { HISTORY_PLAN } from "./history";
import { randomInt, rngFor } from "./names";
import { decideResults, officerDecisionDay, openDisciplines, planRegistrations, resolveOpenReviews, seriousDisciplines, type DemoWorld, type NewDiscipline } from "./officer-years";
import { seedYearConference } from "./year-conference";
import { seedYearReports } from "./year-reports";

const SEED = 20211119;
const MINISTER = "Bộ trưởng Bộ Công an";
const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const at = (iso: string) => new Date(`${iso}+07:00`);

export type ClosedYearSummary = {
  year: number;
  registered: number;
  awarded: Record<IndividualTitle, number>;
  unitTitles: Partial<Record<DemoUnitCode, CollectiveTitle>>;
  ranking: DemoUnitCode[];
  acclaimed: DemoUnitCode | null;
  chairElected: DemoUnitCode;
  deputyElected: DemoUnitCode;
};

/** Writes new discipline records (officer-years.ts) for the year. */
export async function writeDisciplines(tx: Tx, rows: NewDiscipline[]) {
  if (!rows.length) return;
  await tx.discipline.createMany({
    data: rows.map((d) => ({ officerId: d.officerId, form: d.record.form, status: d.record.status, fromDate: dateOf(d.record.from), toDate: d.record.to ? dateOf(d.record.to) : null, note: d.note })),
  });
}

/** The unit head's signature on the agreement ("Cục trưởng Nguyễn Văn A"). */
export function agreementSigner(world: DemoWorld, unit: DemoUnitCode): string {
  return world.heads[unit] ?? "Thủ trưởng đơn vị";
}

export async function seedClosedYear(
  tx: Tx,
  world: DemoWorld,
  ctx: {
    year: number;
    yearId: string;
    leadership: Leadership;
    next: Leadership;
    /** The unit that holds last year's Ministry flag, if any: it aims at it again. */
    flagHolder: DemoUnitCode | null;
  },
): Promise<ClosedYearSummary> {
  const { year, yearId } = ctx;
  const rng = rngFor(SEED, "year", String(year));

  // 1. Discipline.
  for (const u of resolveOpenReviews(world)) {
    await tx.discipline.update({
      where: { id: u.id },
      data: { form: u.record.form, status: u.record.status, fromDate: dateOf(u.record.from), toDate: u.record.to ? dateOf(u.record.to) : null, note: u.note },
    });
  }
  await writeDisciplines(tx, year === 2022 ? [] : openDisciplines(world, year));

  // 2. Registrations, submitted in March.
  const registered = new Map<string, IndividualTitle>();
  const unitRegistrations: Prisma.UnitRegistrationCreateManyInput[] = [];
  const officerRegistrations: OfficerRegistrationRow[] = [];
  for (const [i, unit] of DEMO_UNIT_CODES.entries()) {
    const submittedOn = `${year}-03-${String(16 + 3 * i).padStart(2, "0")}`;
    const targets: CollectiveTitle[] = unit === ctx.flagHolder ? ["CO_BCA", "DV_QUYET_THANG", "DV_TIEN_TIEN"] : ["DV_QUYET_THANG", "DV_TIEN_TIEN"];
    const planned = planRegistrations(world, unit, year, { share: 1, spare: randomInt(rng, 0, 2), targets }, submittedOn);
    for (const p of planned.proposals) {
      registered.set(p.officerId, p.title);
      officerRegistrations.push({ emulationYearId: yearId, unitId: world.unitIds[unit], officerId: p.officerId, titleCode: p.title });
    }
    unitRegistrations.push({
      emulationYearId: yearId,
      unitId: world.unitIds[unit],
      // A unit whose target the engine refuses at registration (a "Cảnh cáo" known then) still registers one.
      targetTitleCode: planned.target ?? targets.at(-1)!,
      status: "SUBMITTED",
      submittedAt: at(`${submittedOn}T${String(9 + i).padStart(2, "0")}:30:00`),
      agreementSignedOn: dateOf(`${year}-01-${String(14 + i).padStart(2, "0")}`),
      agreementSigner: agreementSigner(world, unit),
      createdAt: at(`${year}-01-${String(14 + i).padStart(2, "0")}T10:00:00`),
      updatedAt: at(`${submittedOn}T${String(9 + i).padStart(2, "0")}:30:00`),
    });
  }
  await tx.unitRegistration.createMany({ data: unitRegistrations });
  await insertOfficerRegistrations(tx, officerRegistrations);

  // 3. The officers' year.
  const results = decideResults(world, year, registered);
  const decision = (unit: DemoUnitCode, title: IndividualTitle) => {
    if (title === "CSTD_TQ") return { decisionNo: `${150 + (year % 50)}/QĐ-TTg`, signer: "Thủ tướng Chính phủ" };
    if (title === "CSTD_CAND") return { decisionNo: `${940 + (year % 10)}/QĐ-BCA`, signer: MINISTER };
    const n = 1000 + (year - 2019) * 100 + DEMO_UNIT_CODES.indexOf(unit) * 10 + (title === "CSTDCS" ? 1 : 0);
    return { decisionNo: `${n}/QĐ-${unit}`, signer: HISTORY_PLAN[unit].headSigner };
  };
  await insertOfficerYearResults(
    tx,
    results.results.map((r) => {
      const d = r.title ? decision(r.unit, r.title) : null;
      return {
        officerId: r.officerId,
        year,
        rating: r.rating,
        awardedTitleCode: r.title,
        decisionNo: d?.decisionNo ?? null,
        decisionDate: d ? officerDecisionDay(year) : null,
        decisionSigner: d?.signer ?? null,
      };
    }),
  );
  if (results.initiatives.length) {
    await tx.initiative.createMany({ data: results.initiatives.map((i) => ({ officerId: i.officerId, year: i.year, level: i.level, title: i.title, decisionNo: i.decisionNo })) });
  }

  // 4. Reports and ranking.
  const conference = conferenceDay(year);
  const serious = Object.fromEntries(DEMO_UNIT_CODES.map((u) => [u, seriousDisciplines(world, u, year)])) as Record<DemoUnitCode, number>;
  const reports = await seedYearReports(tx, { year, yearId, unitIds: world.unitIds, conference, leadership: ctx.leadership, serious });
  const ranking = reports.ranked.map((r) => r.unitName as DemoUnitCode);

  // 5. Collective titles as the engine sees them on the unit decision day, then the acclaim.
  const unitStage = { stage: "RESULTS" as const, asOf: `${year}-12-10` };
  const evaluate = (unit: DemoUnitCode, acclaimed: boolean): UnitEvaluation =>
    evaluateUnit({ unitId: unit, members: results.summaries[unit], acclaimed, clusterRank: reports.rankOf[unit] }, year, world.settings, unitStage);
  const determined = ranking.filter((u) => unitResultFor(evaluate(u, false), "DV_QUYET_THANG").status === "ELIGIBLE");
  const acclaimed = determined[0] ?? null;
  const runnerUp = determined[1] ?? null;
  const unitTitles: Partial<Record<DemoUnitCode, CollectiveTitle>> = {};
  for (const unit of DEMO_UNIT_CODES) {
    const evaluation = evaluate(unit, unit === acclaimed);
    const wanted: CollectiveTitle[] = unit === acclaimed ? ["CO_BCA"] : ["DV_QUYET_THANG", "DV_TIEN_TIEN"];
    const title = wanted.find((t) => unitResultFor(evaluation, t).status === "ELIGIBLE");
    if (unit === acclaimed && !title) throw new Error(`Demo ${year}: ${unit} acclaimed but not eligible for the Ministry flag`);
    if (title) unitTitles[unit] = title;
  }

  await seedYearConference(tx, { year, yearId, unitIds: world.unitIds, conference, leadership: ctx.leadership, next: ctx.next, acclaimed, runnerUp });

  // 6. The Minister's decisions on the collective titles.
  const unitResults = DEMO_UNIT_CODES.filter((u) => unitTitles[u]).map((unit) => ({
    emulationYearId: yearId,
    unitId: world.unitIds[unit],
    awardedTitleCode: unitTitles[unit]!,
    proposedTitleCode: unit === acclaimed ? "CO_BCA" : null,
    decisionNo: `${900 + ((year - 2020) * 7 + DEMO_UNIT_CODES.indexOf(unit)) % 99}/QĐ-BCA`,
    decisionDate: dateOf(unitStage.asOf),
    decisionSigner: MINISTER,
  }));
  if (unitResults.length) await tx.unitYearResult.createMany({ data: unitResults });

  const summary: ClosedYearSummary = {
    year,
    registered: officerRegistrations.length,
    awarded: results.awarded,
    unitTitles,
    ranking,
    acclaimed,
    chairElected: ctx.next.chair,
    deputyElected: ctx.next.deputy,
  };
  await tx.auditLog.create({
    data: { actorName: "Hệ thống", action: "seed.year", entityType: "System", entityId: null, clusterId: world.clusterId, after: summary },
  });
  return summary;
}
