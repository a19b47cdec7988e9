import { checkQuota, computeFacts, evaluateUnit, explainTitle, INDIVIDUAL_TITLES, REGISTRATION, type CollectiveTitle, type DisciplineRecord, type EligibilitySettings, type EligibilityStatus, type IndividualTitle, type MemberDiscipline, type OfficerHistory, type TaskRating, type TitleResult, type UnitEvaluation, type UnitYearRecord } from "@/domain/eligibility";
import { rulesForYear } from "@/server/store/title-rules";
import type { RuleSet } from "@/domain/eligibility";
import { can, roleMay, type Actor, type Target } from "@/domain/permissions";
import { registrationPercent, registrationWindow } from "@/domain/registration-window";
import { isUuid } from "@/domain/validation";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { pageWithin } from "@/domain/paging";
import { prisma, queryRows } from "@/server/db";
import { loadUnitEligibilityData, pooledRows } from "@/server/store/eligibility-data";
import { assertCan } from "../guard";
import { cleanFilters, registrationMatchSql, registrationOfficersSql, type RegistrationFilters } from "@/server/store/officer-filters";
import { subUnitsOf, type SubUnitChoice } from "../officers";
import { countsFrom, currentYearOf, registrationSelect, type TitleCounts, COLLECTIVE } from "./shared";
import type { RegistrationParams } from "./params";
import { titleOptions } from "./titles";
import { subUnitRegistrations } from "./sub-units";
import { notFound } from "@/server/errors";
import { appNow } from "@/server/clock";

export const REGISTRATION_PAGE_SIZE = 50;

type UnitCountRow = { titleCode: string | null; n: number; matching: number };

/**
 * The unit's active officers by their registered title for the year (null: none by this unit), in all
 * and among those matching the filters: one grouped statement for the counts, the quota and the pager.
 */
async function registrationCounts(unitId: string, emulationYearId: string, filters: RegistrationFilters) {
  const groups = await queryRows<UnitCountRow[]>`
    SELECT CASE WHEN r."unitId" = ${unitId}::uuid THEN r."titleCode" END AS "titleCode",
           count(*)::int AS n, (count(*) FILTER (WHERE ${registrationMatchSql(unitId, filters)}))::int AS matching
    FROM ${registrationOfficersSql(unitId, emulationYearId)}
    GROUP BY 1`;
  const titled = groups.filter((g): g is UnitCountRow & { titleCode: string } => g.titleCode !== null);
  return {
    officerTotal: groups.reduce((s, g) => s + g.n, 0),
    unitCounts: countsFrom(titled.map((g) => ({ titleCode: g.titleCode, n: g.n }))),
    matchingTotal: groups.reduce((s, g) => s + g.matching, 0),
    matchingCounts: countsFrom(titled.map((g) => ({ titleCode: g.titleCode, n: g.matching }))),
  };
}

type OfficerRow = { id: string; code: string; fullName: string; rank: string; position: string; subUnitId: string | null };

/** One page of the officers matching the filters, in the order of every officer list (sortKey, then code). */
function officersPage(unitId: string, emulationYearId: string, filters: RegistrationFilters, page: number) {
  return queryRows<OfficerRow[]>`
    SELECT o.id::text AS id, o.code, o."fullName", o.rank, o.position, o."subUnitId"::text AS "subUnitId"
    FROM ${registrationOfficersSql(unitId, emulationYearId)} AND ${registrationMatchSql(unitId, filters)}
    ORDER BY o."sortKey", o.code
    LIMIT ${REGISTRATION_PAGE_SIZE} OFFSET ${(page - 1) * REGISTRATION_PAGE_SIZE}`;
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
  // The sub-units and titles side by side with the unit: nothing is returned before the scope check.
  const [[unit], titles, subUnits] = await Promise.all([
    queryRows<{ id: string; code: string; name: string; active: boolean; parentId: string | null; clusterId: string; clusterName: string }[]>`
      SELECT u.id::text AS id, u.code, u.name, u.active, u."parentId"::text AS "parentId", u."clusterId"::text AS "clusterId", c.name AS "clusterName"
      FROM "Unit" u JOIN "Cluster" c ON c.id = u."clusterId" WHERE u.id = ${unitId}::uuid`,
    titleOptions(),
    subUnitsOf(unitId),
  ]);
  const target: Target | null = unit && !unit.parentId ? { unitId: unit.id, clusterId: unit.clusterId } : null;
  assertCan(actor, "registration.view", target);
  const u = unit!;

  const year = await currentYearOf(u.clusterId);
  const base = {
    unit: { id: u.id, code: u.code, name: u.name, active: u.active, clusterId: u.clusterId, clusterName: u.clusterName },
    titles,
    subUnits: subUnits as SubUnitChoice[],
  };
  if (!year) return { ...base, year: null };

  const settings = eligibilitySettingsOf(year.settings);
  const filters = cleanFilters(params, subUnits, titles.individual.map((t) => t.code));

  // The page asked for is read with the counts; only a page beyond the last is read again (the last).
  const asked = Math.max(1, params.page ?? 1);
  const [registration, { officerTotal, unitCounts, matchingTotal, matchingCounts }, askedRows, unitFacts, subUnitTitles] = await Promise.all([
    prisma.unitRegistration.findUnique({ where: { emulationYearId_unitId: { emulationYearId: year.id, unitId: u.id } }, select: registrationSelect }),
    registrationCounts(u.id, year.id, filters),
    officersPage(u.id, year.id, filters, asked),
    unitTargetFacts(u.id, year.year),
    subUnitRegistrations(u.id, year),
  ]);
  const rules = await rulesForYear(year.year);
  const { page, pageCount } = pageWithin(asked, matchingTotal, REGISTRATION_PAGE_SIZE);
  const officers = page === asked ? askedRows : await officersPage(u.id, year.id, filters, page);
  const subUnitNames = new Map(subUnits.map((s) => [s.id, s.name]));
  const data = await loadUnitEligibilityData(pooledRows, { unitId: u.id, year: year.year, emulationYearId: year.id, officerIds: officers.map((o) => o.id) });
  const unitEvaluation = evaluateUnitTarget(u.id, year.year, settings, unitCounts, officerTotal, unitFacts, rules);
  const histories = new Map(data.officers.map((o) => [o.officerId, o.history]));
  const saved = new Map(data.registrations.map((r) => [r.officerId, r.title]));

  const rows: RegistrationRow[] = officers.map((o) => {
    const history = histories.get(o.id) ?? { years: [], initiatives: [], disciplines: [] };
    const facts = computeFacts(history, year.year, settings, REGISTRATION, rules);
    const [cst, cstdcs, cand, tq] = facts.statuses;
    const statuses = { CST: cst, CSTDCS: cstdcs, CSTD_CAND: cand, CSTD_TQ: tq };
    const titleCode = saved.get(o.id) ?? null;
    return {
      id: o.id,
      code: o.code,
      fullName: o.fullName,
      rank: o.rank,
      position: o.position,
      subUnitName: (o.subUnitId && subUnitNames.get(o.subUnitId)) ?? null,
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
  const quota = checkQuota({ cstCount: unitCounts.registered, cstdcsCount: unitCounts.cstdcs }, settings, rules);

  return {
    ...base,
    year: {
      id: year.id,
      year: year.year,
      phase: year.phase,
      registrationDeadline: year.settings.registrationDeadline,
      settings,
      /** The title rules in force in the year (the client's live checks use them too). */
      rules,
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
    /** The sub-units' titles (docs/domain.md §3 "Sub-units"). */
    subUnitTitles,
    filters,
    matching: { total: matchingTotal, ...matchingCounts },
    rows,
    page,
    pageCount,
    pageSize: REGISTRATION_PAGE_SIZE,
  };
}

type UnitTargetFacts = Awaited<ReturnType<typeof unitTargetFacts>>;

/**
 * What the unit's collective titles read besides the counts: its members' ratings of the year (usually
 * none yet), their discipline records that count against the year (the engine keeps those of "Cảnh
 * cáo" or above), the unit's awarded history. Three prepared statements side by side.
 */
async function unitTargetFacts(unitId: string, year: number) {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const [ratings, disciplines, history] = await Promise.all([
    queryRows<{ rating: string; n: number }[]>`
      SELECT r.rating::text AS rating, count(*)::int AS n
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE r.year = ${year} AND r.rating IS NOT NULL AND r."unitId" = ${unitId}::uuid AND o.active
      GROUP BY r.rating`,
    queryRows<{ id: string; officerId: string; fullName: string; form: DisciplineRecord["form"]; status: DisciplineRecord["status"]; from: string; to: string | null }[]>`
      SELECT d.id::text AS id, d."officerId"::text AS "officerId", o."fullName", d.form::text AS form, d.status::text AS status,
             to_char(d."fromDate", 'YYYY-MM-DD') AS "from", to_char(d."toDate", 'YYYY-MM-DD') AS "to"
      FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active AND d.status <> 'CLEARED'
        AND d."fromDate" <= ${yearEnd}::date AND (d."toDate" IS NULL OR d."toDate" >= ${yearStart}::date)`,
    queryRows<{ awardedTitleCode: string; year: number }[]>`
      SELECT r."awardedTitleCode", y.year
      FROM "UnitYearResult" r JOIN "EmulationYear" y ON y.id = r."emulationYearId"
      WHERE r."unitId" = ${unitId}::uuid AND r."awardedTitleCode" IS NOT NULL`,
  ]);
  return { ratings, disciplines, history };
}

/**
 * The collective titles for the unit at the REGISTRATION stage, from counts: members = active officers,
 * CST/CSTĐCS = registered, and the facts above.
 */
function evaluateUnitTarget(
  unitId: string,
  year: number,
  settings: EligibilitySettings,
  counts: TitleCounts,
  members: number,
  facts: UnitTargetFacts,
  rules: RuleSet,
): UnitEvaluation {
  const { ratings, disciplines, history } = facts;
  const ratingCounts: Partial<Record<TaskRating, number>> = {};
  for (const r of ratings) ratingCounts[r.rating as TaskRating] = r.n;
  const memberDisciplines: MemberDiscipline[] = disciplines.map((d) => ({
    officerId: d.officerId,
    officerName: d.fullName,
    record: { id: d.id, form: d.form, status: d.status, from: d.from, ...(d.to ? { to: d.to } : {}) },
  }));
  const unitHistory: UnitYearRecord[] = [];
  const seenYears = new Set<number>();
  for (const h of history) {
    if (!COLLECTIVE.has(h.awardedTitleCode) || seenYears.has(h.year)) continue;
    seenYears.add(h.year);
    unitHistory.push({ year: h.year, awardedTitle: h.awardedTitleCode as CollectiveTitle });
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
  return evaluateUnit({ unitId, members: summary, history: unitHistory }, year, settings, REGISTRATION, rules);
}
