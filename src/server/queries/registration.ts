// Read side of title registration (DOMAIN.md §4 step 2): one unit's registration page for its cluster's
// current year (paged officer table with each officer's eligibility, the unit's quota and collective
// evaluation), the secretariat's board of every unit's progress, and the stored agreement file.
// Scope: unit officers and unit heads see their own unit; the secretariat its cluster; admins all
// (permission "registration.view"; the board is "registration.board"). Out of scope → 404.
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  countQuotaTitles,
  checkQuota,
  computeFacts,
  evaluateUnit,
  explainTitle,
  INDIVIDUAL_TITLES,
  COLLECTIVE_TITLES,
  REGISTRATION,
  type CollectiveTitle,
  type DisciplineRecord,
  type EligibilitySettings,
  type EligibilityStatus,
  type IndividualTitle,
  type MemberDiscipline,
  type OfficerHistory,
  type QuotaCheck,
  type TaskRating,
  type TitleResult,
  type UnitEvaluation,
  type UnitYearRecord,
} from "@/domain/eligibility";
import type { Prisma } from "@/generated/prisma/client";
import { can, roleMay, type Actor, type Target } from "@/domain/permissions";
import { registrationPercent, registrationWindow, type RegistrationWindow } from "@/domain/registration-window";
import { isUuid, pageParam } from "@/domain/validation";
import type { YearPhase } from "@/domain/year-phases";
import { eligibilitySettingsOf, parseYearSettings } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import { loadUnitEligibilityData } from "@/server/store/eligibility-data";
import { assertCan } from "./guard";
import { cleanFilters, NO_SUB_UNIT, registrationOfficerWhere, TARGET_ANY, TARGET_NONE } from "@/server/store/officer-filters";
import { subUnitsOf, type SubUnitChoice } from "./officers";

export { NO_SUB_UNIT, TARGET_ANY, TARGET_NONE };

export const REGISTRATION_PAGE_SIZE = 50;

const INDIVIDUAL = new Set<string>(INDIVIDUAL_TITLES);
const COLLECTIVE = new Set<string>(COLLECTIVE_TITLES);

export type RegistrationParams = { q?: string; sub?: string; target?: string; page?: number; cluster?: string };

const firstString = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  q: z.preprocess(firstString, z.string().optional().catch(undefined)),
  sub: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  target: z.preprocess(firstString, z.string().max(32).optional().catch(undefined)),
  cluster: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  page: z.preprocess(firstString, pageParam),
});

/** The page's URL (?q=&sub=&target=&page=&cluster=); bad values fall back to defaults. */
export function parseRegistrationParams(searchParams: Record<string, string | string[] | undefined>): RegistrationParams {
  const p = paramsSchema.parse(searchParams);
  return { q: p.q?.slice(0, 100), sub: p.sub || undefined, target: p.target || undefined, page: p.page, cluster: p.cluster || undefined };
}

// ---------------------------------------------------------------------------------------------
// Shared loaders

export type TitleOption = { code: string; name: string; shortName: string };

/** Active titles the engine knows, lowest first. */
export async function titleOptions(): Promise<{ individual: TitleOption[]; collective: TitleOption[] }> {
  const titles = await prisma.titleDefinition.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { level: "asc" }],
    select: { code: true, name: true, shortName: true, kind: true },
  });
  return {
    individual: titles.filter((t) => t.kind === "INDIVIDUAL" && INDIVIDUAL.has(t.code)).map(({ kind: _k, ...t }) => t),
    collective: titles.filter((t) => t.kind === "COLLECTIVE" && COLLECTIVE.has(t.code)).map(({ kind: _k, ...t }) => t),
  };
}

/** The cluster's current emulation year: its latest. */
export async function currentYearOf(clusterId: string) {
  const year = await prisma.emulationYear.findFirst({
    where: { clusterId },
    orderBy: { year: "desc" },
    select: { id: true, year: true, phase: true, settings: true, clusterId: true },
  });
  return year && { ...year, phase: year.phase as YearPhase, settings: parseYearSettings(year.settings) };
}

export type YearInfo = NonNullable<Awaited<ReturnType<typeof currentYearOf>>>;

/** Registered officers of a unit (active ones) by title: one grouped query. */
async function registrationCounts(emulationYearId: string, unitId: string, officerWhere: Prisma.OfficerWhereInput = {}) {
  const groups = await prisma.officerRegistration.groupBy({
    by: ["titleCode"],
    where: { emulationYearId, unitId, officer: { ...officerWhere, unitId, active: true } },
    _count: { _all: true },
  });
  return countsFrom(groups.map((g) => ({ titleCode: g.titleCode, n: g._count._all })));
}

export type TitleCounts = { registered: number; cstdcs: number; byTitle: Partial<Record<IndividualTitle, number>> };

function countsFrom(groups: { titleCode: string; n: number }[]): TitleCounts {
  const out: TitleCounts = { registered: 0, cstdcs: 0, byTitle: {} };
  for (const { titleCode, n } of groups) {
    if (!INDIVIDUAL.has(titleCode)) continue;
    const title = titleCode as IndividualTitle;
    out.byTitle[title] = (out.byTitle[title] ?? 0) + n;
  }
  const { cstCount, cstdcsCount } = countQuotaTitles(groups);
  return { ...out, registered: cstCount, cstdcs: cstdcsCount };
}

const registrationSelect = {
  id: true,
  status: true,
  submittedAt: true,
  reopenedUntil: true,
  reopenReason: true,
  targetTitleCode: true,
  agreementSignedOn: true,
  agreementSigner: true,
  agreementFileName: true,
  agreementFileType: true,
  updatedAt: true,
} as const;

// ---------------------------------------------------------------------------------------------
// One unit's registration page

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
export async function unitRegistrationPage(actor: Actor, params: RegistrationParams & { unitId?: string }, now = new Date()) {
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

  const pageCount = Math.max(1, Math.ceil(matchingTotal / REGISTRATION_PAGE_SIZE));
  const page = Math.min(Math.max(1, params.page ?? 1), pageCount);
  const officers = await prisma.officer.findMany({
    where,
    orderBy: [{ sortKey: "asc" }, { code: "asc" }],
    skip: (page - 1) * REGISTRATION_PAGE_SIZE,
    take: REGISTRATION_PAGE_SIZE,
    select: { id: true, code: true, fullName: true, rank: true, position: true, subUnit: { select: { name: true } } },
  });
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
    /** The secretariat records agreements in its cluster (DOMAIN.md §4 step 1). */
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

// ---------------------------------------------------------------------------------------------
// The secretariat's board

export type BoardRow = {
  unitId: string;
  unitCode: string;
  unitName: string;
  officers: number;
  registered: number;
  cstdcs: number;
  percent: number;
  quota: QuotaCheck;
  status: "DRAFT" | "SUBMITTED" | null;
  submittedAt: Date | null;
  window: RegistrationWindow;
  targetTitle: TitleOption | null;
  agreementSignedOn: Date | null;
  agreementSigner: string | null;
  hasAgreementFile: boolean;
  unitRegistrationId: string | null;
};

export type RegistrationBoard = Awaited<ReturnType<typeof registrationBoard>>;

/**
 * Every member unit of a cluster for its current year: officers registered / active officers (the
 * 100% figure), CSTĐCS against the quota, the unit's target title, submitted or not, the agreement.
 * A fixed number of queries for any number of units (grouped counts, never one query per unit).
 */
export async function registrationBoard(actor: Actor, params: { cluster?: string } = {}, now = new Date()) {
  if (!roleMay(actor, "registration.board")) notFound();
  const clusters = await prisma.cluster.findMany({
    where: actor.role === "ADMIN" ? {} : { id: actor.clusterId ?? "00000000-0000-0000-0000-000000000000" },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
  const visible = clusters.filter((c) => can(actor, "registration.board", { clusterId: c.id }));
  const cluster = params.cluster ? visible.find((c) => c.id === params.cluster) : visible[0];
  if (params.cluster && !cluster) notFound();
  const empty = { clusters: visible, rows: [] as BoardRow[], totals: { officers: 0, registered: 0, percent: 0, submitted: 0, units: 0, overQuota: 0 } };
  if (!cluster) return { ...empty, cluster: null, year: null };
  assertCan(actor, "registration.board", { clusterId: cluster.id });

  const [year, titles, units] = await Promise.all([
    currentYearOf(cluster.id),
    titleOptions(),
    prisma.unit.findMany({
      where: { clusterId: cluster.id, parentId: null, active: true },
      orderBy: { sortKey: "asc" },
      select: { id: true, code: true, name: true },
    }),
  ]);
  if (!year) return { ...empty, cluster, year: null };
  const ids = units.map((u) => u.id);
  const settings = eligibilitySettingsOf(year.settings);

  const [officerGroups, registrationGroups, registrations] = await Promise.all([
    prisma.officer.groupBy({ by: ["unitId"], where: { unitId: { in: ids }, active: true }, _count: { _all: true } }),
    prisma.officerRegistration.groupBy({
      by: ["unitId", "titleCode"],
      where: { emulationYearId: year.id, unitId: { in: ids }, officer: { active: true } },
      _count: { _all: true },
    }),
    prisma.unitRegistration.findMany({ where: { emulationYearId: year.id, unitId: { in: ids } }, select: { ...registrationSelect, unitId: true } }),
  ]);
  const officersOf = new Map(officerGroups.map((g) => [g.unitId, g._count._all]));
  const groupsOf = new Map<string, { titleCode: string; n: number }[]>();
  for (const g of registrationGroups) {
    const list = groupsOf.get(g.unitId) ?? [];
    list.push({ titleCode: g.titleCode, n: g._count._all });
    groupsOf.set(g.unitId, list);
  }
  const registrationOf = new Map(registrations.map((r) => [r.unitId, r]));
  const allTitles = new Map([...titles.individual, ...titles.collective].map((t) => [t.code, t]));

  const rows: BoardRow[] = units.map((u) => {
    const counts = countsFrom(groupsOf.get(u.id) ?? []);
    const officers = officersOf.get(u.id) ?? 0;
    const reg = registrationOf.get(u.id);
    const status = (reg?.status ?? null) as BoardRow["status"];
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      officers,
      registered: counts.registered,
      cstdcs: counts.cstdcs,
      percent: registrationPercent(counts.registered, officers),
      quota: checkQuota({ cstCount: counts.registered, cstdcsCount: counts.cstdcs }, settings),
      status,
      submittedAt: reg?.submittedAt ?? null,
      window: registrationWindow({
        phase: year.phase,
        deadline: year.settings.registrationDeadline,
        status,
        reopenedUntil: reg?.reopenedUntil ?? null,
        now,
      }),
      targetTitle: reg?.targetTitleCode ? (allTitles.get(reg.targetTitleCode) ?? { code: reg.targetTitleCode, name: reg.targetTitleCode, shortName: reg.targetTitleCode }) : null,
      agreementSignedOn: reg?.agreementSignedOn ?? null,
      agreementSigner: reg?.agreementSigner ?? null,
      hasAgreementFile: reg?.agreementFileName != null,
      unitRegistrationId: reg?.id ?? null,
    };
  });
  const officers = rows.reduce((s, r) => s + r.officers, 0);
  const registered = rows.reduce((s, r) => s + r.registered, 0);
  return {
    clusters: visible,
    cluster,
    year: { id: year.id, year: year.year, phase: year.phase, registrationDeadline: year.settings.registrationDeadline, settings },
    rows,
    totals: {
      units: rows.length,
      officers,
      registered,
      percent: registrationPercent(registered, officers),
      submitted: rows.filter((r) => r.status === "SUBMITTED").length,
      overQuota: rows.filter((r) => r.quota.verdict === "OVER").length,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The scanned agreement

export type AgreementFile = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * The stored agreement file of a unit registration, for an actor who may view that unit's
 * registration ("registration.view" on the stored unit); null when there is none or the actor may not
 * see it (the same answer, so nothing leaks). Used by the download route.
 */
export async function agreementFileFor(actor: Actor | null, unitRegistrationId: string): Promise<AgreementFile | null> {
  if (!actor || !isUuid(unitRegistrationId)) return null;
  const scope = await prisma.unitRegistration.findUnique({
    where: { id: unitRegistrationId },
    select: { unitId: true, unit: { select: { clusterId: true } }, agreementFileName: true },
  });
  if (!scope || !can(actor, "registration.view", { unitId: scope.unitId, clusterId: scope.unit.clusterId })) return null;
  if (!scope.agreementFileName) return null;
  const file = await prisma.unitRegistration.findUnique({
    where: { id: unitRegistrationId },
    select: { agreementFileName: true, agreementFileType: true, agreementFile: true },
  });
  if (!file?.agreementFile || !file.agreementFileName) return null;
  return { fileName: file.agreementFileName, contentType: file.agreementFileType ?? "application/octet-stream", bytes: file.agreementFile };
}
