import { checkQuota, computeFacts, evaluateUnit, explainTitle, INDIVIDUAL_TITLES, REGISTRATION, type CollectiveTitle, type DisciplineRecord, type EligibilitySettings, type EligibilityStatus, type IndividualTitle, type MemberDiscipline, type OfficerHistory, type TaskRating, type TitleResult, type UnitEvaluation, type UnitYearRecord } from "@/domain/eligibility";
import type { Prisma } from "@/generated/prisma/client";
import { can, roleMay, type Actor, type Target } from "@/domain/permissions";
import { registrationPercent, registrationWindow } from "@/domain/registration-window";
import { isUuid } from "@/domain/validation";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import { loadUnitEligibilityData } from "@/server/store/eligibility-data";
import { assertCan } from "../guard";
import { cleanFilters, registrationOfficerWhere } from "@/server/store/officer-filters";
import { officerPage } from "@/server/store/officer-pages";
import { subUnitsOf, type SubUnitChoice } from "../officers";
import { countsFrom, currentYearOf, registrationSelect, type TitleCounts, COLLECTIVE } from "./shared";
import type { RegistrationParams } from "./params";
import { titleOptions } from "./titles";
import { notFound } from "@/server/errors";
import { appNow } from "@/server/clock";

export const REGISTRATION_PAGE_SIZE = 50;

/** Registered officers of a unit (active ones) by title: one grouped query. */
async function registrationCounts(emulationYearId: string, unitId: string, officerWhere: Prisma.OfficerWhereInput = {}) {
  const groups = await prisma.officerRegistration.groupBy({
    by: ["titleCode"],
    where: { emulationYearId, unitId, officer: { ...officerWhere, unitId, active: true } },
    _count: { _all: true },
  });
  return countsFrom(groups.map((g) => ({ titleCode: g.titleCode, n: g._count._all })));
}

export type RegistrationRow = {
  id: string;
  code: string;
  fullName: string;
  rank: string;
  position: string;
  subUnitName: string | null;
  /** The stored registration, or null. */
  titleCode: IndividualTitle | null;
  history: OfficerHistory;
  evaluation: {
    statuses: Record<IndividualTitle, EligibilityStatus>;
    highestEligible: IndividualTitle | null;
    /** The stored target explained (null when not registered). */
    target: TitleResult<IndividualTitle> | null;
  };
};

export type UnitRegistrationPage = Awaited<ReturnType<typeof unitRegistrationPage>>;

/**
 * One unit's registration for its cluster's current year. `unitId` omitted: the actor's own unit.
 * Per page: 50 officers (filtered by sub-unit, name or code, current target) with their history and the
 * engine's answer for their target and their highest eligible title; for the unit: counts, the CSTĐCS
 * quota and the collective titles, all from grouped queries.
 */
export async function unitRegistrationPage(actor: Actor, params: RegistrationParams & { unitId?: string }, now = appNow()) {
  if (!roleMay(actor, "registration.view")) notFound();
  const unitId = params.unitId ?? actor.unitId;
  if (!unitId || !isUuid(unitId)) notFound();
  const unit = await prisma.unit.findUnique({
    where: { id: unitId },
    select: { id: true, code: true, name: true, active: true, parentId: true, clusterId: true, cluster: { select: { name: true } } },
  });
  const target: Target | null = unit && !unit.parentId ? { unitId: unit.id, clusterId: unit.clusterId } : null;
  assertCan(actor, "registration.view", target);
  const u = unit!;

  const [year, titles, subUnits] = await Promise.all([currentYearOf(u.clusterId), titleOptions(), subUnitsOf(u.id)]);
  const base = {
    unit: { id: u.id, code: u.code, name: u.name, active: u.active, clusterId: u.clusterId, clusterName: u.cluster.name },
    titles,
    subUnits: subUnits as SubUnitChoice[],
  };
  if (!year) return { ...base, year: null };

  const settings = eligibilitySettingsOf(year.settings);
  const filters = cleanFilters(params, subUnits, titles.individual.map((t) => t.code));
  const where = registrationOfficerWhere(u.id, year.id, filters);

  const [registration, officerTotal, unitCounts, matchingTotal, matchingCounts] = await Promise.all([
    prisma.unitRegistration.findUnique({ where: { emulationYearId_unitId: { emulationYearId: year.id, unitId: u.id } }, select: registrationSelect }),
    prisma.officer.count({ where: { unitId: u.id, active: true } }),
    registrationCounts(year.id, u.id),
    prisma.officer.count({ where }),
    registrationCounts(year.id, u.id, where),
  ]);

  const { rows: officers, page, pageCount } = await officerPage(
    where,
    { id: true, code: true, fullName: true, rank: true, position: true, subUnit: { select: { name: true } } },
    { requested: params.page, total: matchingTotal, size: REGISTRATION_PAGE_SIZE },
  );
  const [data, unitEvaluation] = await Promise.all([
    loadUnitEligibilityData(prisma, { unitId: u.id, year: year.year, emulationYearId: year.id, officerIds: officers.map((o) => o.id) }),
    evaluateUnitTarget(u.id, year.year, settings, unitCounts, officerTotal),
  ]);
  const histories = new Map(data.officers.map((o) => [o.officerId, o.history]));
  const saved = new Map(data.registrations.map((r) => [r.officerId, r.title]));

  const rows: RegistrationRow[] = officers.map((o) => {
    const history = histories.get(o.id) ?? { years: [], initiatives: [], disciplines: [] };
    const facts = computeFacts(history, year.year, settings, REGISTRATION);
    const [cst, cstdcs, cand, tq] = facts.statuses;
    const statuses = { CST: cst, CSTDCS: cstdcs, CSTD_CAND: cand, CSTD_TQ: tq };
    const titleCode = saved.get(o.id) ?? null;
    return {
      id: o.id,
      code: o.code,
      fullName: o.fullName,
      rank: o.rank,
      position: o.position,
      subUnitName: o.subUnit?.name ?? null,
      titleCode,
      history,
      evaluation: {
        statuses,
        highestEligible: INDIVIDUAL_TITLES.filter((t) => statuses[t] === "ELIGIBLE").at(-1) ?? null,
        target: titleCode ? explainTitle(facts, titleCode) : null,
      },
    };
  });

  const status = (registration?.status ?? null) as "DRAFT" | "SUBMITTED" | null;
  const window = registrationWindow({
    phase: year.phase,
    deadline: year.settings.registrationDeadline,
    status,
    reopenedUntil: registration?.reopenedUntil ?? null,
    now,
  });
  const scope = target!;
  const mayEdit = can(actor, "registration.edit", scope);
  const quota = checkQuota({ cstCount: unitCounts.registered, cstdcsCount: unitCounts.cstdcs }, settings);

  return {
    ...base,
    year: {
      id: year.id,
      year: year.year,
      phase: year.phase,
      registrationDeadline: year.settings.registrationDeadline,
      settings,
    },
    registration: registration && {
      ...registration,
      status,
      hasAgreementFile: registration.agreementFileName !== null,
    },
    window,
    /** The role may edit this unit's registration (whatever the window says). */
    mayEdit,
    /** May edit right now. */
    canEdit: mayEdit && window.writable && u.active,
    canReopen: can(actor, "registration.reopen", scope) && year.phase !== "CLOSED",
    /** The secretariat records agreements in its cluster (docs/domain.md §4 step 1). */
    canRecordAgreementForUnit: can(actor, "year.manage", scope) && year.phase !== "CLOSED",
    counts: { officers: officerTotal, ...unitCounts, percent: registrationPercent(unitCounts.registered, officerTotal) },
    quota,
    unitEvaluation,
    filters,
    matching: { total: matchingTotal, ...matchingCounts },
    rows,
    page,
    pageCount,
    pageSize: REGISTRATION_PAGE_SIZE,
  };
}

/**
 * The collective titles for the unit at the REGISTRATION stage, from counts: members = active officers,
 * CST/CSTĐCS = registered, ratings of the year (usually none yet), members' discipline records that
 * count against the year (the engine keeps those of "Cảnh cáo" or above), the unit's awarded history.
 */
async function evaluateUnitTarget(unitId: string, year: number, settings: EligibilitySettings, counts: TitleCounts, members: number): Promise<UnitEvaluation> {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const [ratings, disciplines, history] = await Promise.all([
    prisma.officerYearResult.groupBy({
      by: ["rating"],
      where: { year, rating: { not: null }, officer: { unitId, active: true } },
      _count: { _all: true },
    }),
    prisma.$queryRaw<{ id: string; officerId: string; fullName: string; form: DisciplineRecord["form"]; status: DisciplineRecord["status"]; from: string; to: string | null }[]>`
      SELECT d.id::text AS id, d."officerId"::text AS "officerId", o."fullName", d.form::text AS form, d.status::text AS status,
             to_char(d."fromDate", 'YYYY-MM-DD') AS "from", to_char(d."toDate", 'YYYY-MM-DD') AS "to"
      FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active AND d.status <> 'CLEARED'
        AND d."fromDate" <= ${yearEnd}::date AND (d."toDate" IS NULL OR d."toDate" >= ${yearStart}::date)`,
    prisma.unitYearResult.findMany({
      where: { unitId, awardedTitleCode: { not: null } },
      select: { awardedTitleCode: true, emulationYear: { select: { year: true } } },
    }),
  ]);
  const ratingCounts: Partial<Record<TaskRating, number>> = {};
  for (const r of ratings) if (r.rating) ratingCounts[r.rating as TaskRating] = r._count._all;
  const memberDisciplines: MemberDiscipline[] = disciplines.map((d) => ({
    officerId: d.officerId,
    officerName: d.fullName,
    record: { id: d.id, form: d.form, status: d.status, from: d.from, ...(d.to ? { to: d.to } : {}) },
  }));
  const unitHistory: UnitYearRecord[] = [];
  const seenYears = new Set<number>();
  for (const h of history) {
    if (!h.awardedTitleCode || !COLLECTIVE.has(h.awardedTitleCode) || seenYears.has(h.emulationYear.year)) continue;
    seenYears.add(h.emulationYear.year);
    unitHistory.push({ year: h.emulationYear.year, awardedTitle: h.awardedTitleCode as CollectiveTitle });
  }
  // Counts can only disagree when an inactive officer kept a rating row: the summary must stay consistent.
  const rated = Object.values(ratingCounts).reduce((s, n) => s + (n ?? 0), 0);
  const summary = {
    memberCount: Math.max(members, counts.registered, rated),
    cstCount: counts.registered,
    cstdcsCount: counts.cstdcs,
    ratingCounts,
    disciplines: memberDisciplines,
  };
  return evaluateUnit({ unitId, members: summary, history: unitHistory }, year, settings, REGISTRATION);
}
