// Read side of results (DOMAIN.md §4 step 7): per unit, registered vs awarded per title (aggregated in
// SQL), one unit's officers with their registration and result (50 a page), and one officer's history.
// Scope (permission "results.view"): admin any cluster, secretariat its cluster, unit officers and unit
// heads their own unit only. Anything out of scope is "not found" (404).
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  computeFacts,
  cstdcsAllowed,
  INDIVIDUAL_TITLES,
  RESULTS,
  type CollectiveTitle,
  type IndividualTitle,
  type TaskRating,
} from "@/domain/eligibility";
import { resultsWindowError, RESULTS_PHASES } from "@/domain/excel-rows";
import { registrationWindow } from "@/domain/registration-window";
import { can, roleMay, type Actor } from "@/domain/permissions";
import type { YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { isUuid, pageParam } from "@/domain/validation";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { loadOfficerHistories } from "@/server/store/eligibility-data";
import { assertCan } from "./guard";
import { officerSearchWhere } from "@/server/store/officer-filters";

export const RESULT_PAGE_SIZE = 50;

export type YearChoice = { id: string; year: number; phase: YearPhase; clusterId: string; clusterName: string };

/** The emulation years whose results the actor may see, newest first (admins: every cluster's). */
export async function resultYears(actor: Actor): Promise<YearChoice[]> {
  if (!roleMay(actor, "results.view")) return [];
  const where: Prisma.EmulationYearWhereInput = actor.role === "ADMIN" ? {} : actor.clusterId ? { clusterId: actor.clusterId } : { id: { in: [] } };
  const years = await prisma.emulationYear.findMany({
    where,
    orderBy: [{ cluster: { code: "asc" } }, { year: "desc" }],
    select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } },
  });
  return years.map((y) => ({ id: y.id, year: y.year, phase: y.phase, clusterId: y.clusterId, clusterName: y.cluster.name }));
}

/** The requested year, or the latest one with results (from the year-end report on, or closed). */
function pickYear(years: YearChoice[], yearId: string | undefined): YearChoice | null {
  if (yearId) return years.find((y) => y.id === yearId) ?? null;
  const withResults = years.filter((y) => y.phase === "CLOSED" || RESULTS_PHASES.includes(y.phase));
  const newest = (list: YearChoice[]) => list.reduce<YearChoice | null>((best, y) => (!best || y.year > best.year ? y : best), null);
  return newest(withResults) ?? newest(years);
}

export type TitleCount = Record<IndividualTitle, number>;
const zeroCounts = (): TitleCount => ({ CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 });

export type UnitResultRow = {
  unitId: string;
  code: string;
  name: string;
  members: number;
  registered: TitleCount;
  registeredTotal: number;
  awarded: TitleCount;
  awardedTotal: number;
  rated: number;
  unverified: number;
  /** CSTĐCS or higher awarded, and the quota on the awarded CST base. */
  quota: { cst: number; cstdcs: number; allowed: number };
  unitTarget: { code: string; name: string } | null;
  unitRegistrationStatus: "DRAFT" | "SUBMITTED" | null;
  unitAwarded: { code: string; name: string; decisionNo: string | null; decisionDate: Date | null; decisionSigner: string | null } | null;
};

const isIndividual = (code: string): code is IndividualTitle => (INDIVIDUAL_TITLES as readonly string[]).includes(code);

/** Per unit: registered vs awarded per title, rated and unverified, with 5 grouped queries for all units. */
async function unitRows(
  units: { id: string; code: string; name: string }[],
  year: { id: string; year: number; settings: unknown },
): Promise<UnitResultRow[]> {
  const ids = units.map((u) => u.id);
  if (ids.length === 0) return [];
  const settings = parseYearSettings(year.settings);
  const [members, registered, awarded, unitRegs, unitResults, titleNames] = await Promise.all([
    prisma.officer.groupBy({ by: ["unitId"], where: { unitId: { in: ids }, active: true }, _count: { _all: true } }),
    prisma.officerRegistration.groupBy({ by: ["unitId", "titleCode"], where: { emulationYearId: year.id, unitId: { in: ids } }, _count: { _all: true } }),
    prisma.$queryRaw<{ unitId: string; title: string | null; rated: number; total: number; unverified: number }[]>`
      SELECT o."unitId"::text AS "unitId", r."awardedTitleCode" AS title,
             count(r.rating)::int AS rated, count(*)::int AS total, count(*) FILTER (WHERE NOT r.verified)::int AS unverified
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE r.year = ${year.year} AND o."unitId" = ANY(${ids}::uuid[])
      GROUP BY o."unitId", r."awardedTitleCode"`,
    prisma.unitRegistration.findMany({ where: { emulationYearId: year.id, unitId: { in: ids } }, select: { unitId: true, status: true, targetTitleCode: true } }),
    prisma.unitYearResult.findMany({
      where: { emulationYearId: year.id, unitId: { in: ids } },
      select: { unitId: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true },
    }),
    prisma.titleDefinition.findMany({ select: { code: true, name: true } }),
  ]);
  const nameOf = new Map(titleNames.map((t) => [t.code, t.name]));
  return units.map((u) => {
    const reg = zeroCounts();
    for (const r of registered) if (r.unitId === u.id && isIndividual(r.titleCode)) reg[r.titleCode] += r._count._all;
    const aw = zeroCounts();
    let rated = 0;
    let unverified = 0;
    for (const a of awarded) {
      if (a.unitId !== u.id) continue;
      rated += a.rated;
      unverified += a.unverified;
      if (a.title && isIndividual(a.title)) aw[a.title] += a.total;
    }
    const cst = aw.CST + aw.CSTDCS + aw.CSTD_CAND + aw.CSTD_TQ;
    const cstdcs = aw.CSTDCS + aw.CSTD_CAND + aw.CSTD_TQ;
    const ur = unitRegs.find((r) => r.unitId === u.id);
    const res = unitResults.find((r) => r.unitId === u.id);
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      members: members.find((m) => m.unitId === u.id)?._count._all ?? 0,
      registered: reg,
      registeredTotal: reg.CST + reg.CSTDCS + reg.CSTD_CAND + reg.CSTD_TQ,
      awarded: aw,
      awardedTotal: cst,
      rated,
      unverified,
      quota: { cst, cstdcs, allowed: cstdcsAllowed(cst, settings.cstdcsQuotaPercent) },
      unitTarget: ur?.targetTitleCode ? { code: ur.targetTitleCode, name: nameOf.get(ur.targetTitleCode) ?? ur.targetTitleCode } : null,
      unitRegistrationStatus: ur?.status ?? null,
      unitAwarded: res?.awardedTitleCode
        ? { code: res.awardedTitleCode, name: nameOf.get(res.awardedTitleCode) ?? res.awardedTitleCode, decisionNo: res.decisionNo, decisionDate: res.decisionDate, decisionSigner: res.decisionSigner }
        : null,
    };
  });
}

/** Member units of a cluster the actor may see results of, in Vietnamese order. */
async function visibleUnits(actor: Actor, clusterId: string) {
  const units = await prisma.unit.findMany({
    where: { clusterId, parentId: null },
    orderBy: { sortKey: "asc" },
    select: { id: true, code: true, name: true, active: true, clusterId: true },
  });
  return units.filter((u) => can(actor, "results.view", { unitId: u.id, clusterId: u.clusterId }));
}

/** /results: the year picker and the per-unit table. */
export async function resultsOverview(actor: Actor, params: { yearId?: string }) {
  if (!roleMay(actor, "results.view")) notFound();
  const years = await resultYears(actor);
  const requested = params.yearId && isUuid(params.yearId) ? params.yearId : undefined;
  if (params.yearId && !requested) notFound();
  const chosen = pickYear(years, requested);
  if (requested && !chosen) notFound();
  if (!chosen) return { years, year: null, rows: [], canExportCluster: false, settings: null };
  const year = await prisma.emulationYear.findUniqueOrThrow({ where: { id: chosen.id }, select: { id: true, year: true, phase: true, settings: true, clusterId: true } });
  const units = await visibleUnits(actor, year.clusterId);
  if (units.length === 0) notFound();
  const rows = await unitRows(units, year);
  return {
    years,
    year: { ...chosen, resultsClosedReason: resultsWindowError(year) },
    rows,
    canExportCluster: can(actor, "registration.board", { clusterId: year.clusterId }),
    settings: parseYearSettings(year.settings),
  };
}

// ---------------------------------------------------------------------------------------------
// One unit

export const RESULT_FILTERS = ["all", "pending", "missing", "awarded"] as const;
export type ResultFilter = (typeof RESULT_FILTERS)[number];
export const RESULT_FILTER_LABELS: Record<ResultFilter, string> = {
  all: "Tất cả",
  pending: "Chờ xác nhận",
  missing: "Chưa có kết quả",
  awarded: "Có danh hiệu",
};

const firstString = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const unitParamsSchema = z.object({
  year: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  q: z.preprocess(firstString, z.string().optional().catch(undefined)),
  filter: z.preprocess(firstString, z.enum(RESULT_FILTERS).catch("all")),
  page: z.preprocess(firstString, pageParam),
  officer: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
});

export type UnitResultsParams = { yearId?: string; q?: string; filter?: ResultFilter; page?: number; officerId?: string };

export function parseUnitResultsParams(searchParams: Record<string, string | string[] | undefined>): UnitResultsParams {
  const p = unitParamsSchema.parse(searchParams);
  return { yearId: p.year || undefined, q: p.q?.slice(0, 100), filter: p.filter, page: p.page, officerId: p.officer || undefined };
}

export type OfficerResultRow = {
  id: string;
  code: string;
  fullName: string;
  rank: string;
  position: string;
  active: boolean;
  subUnitName: string | null;
  registeredTitle: string | null;
  result: {
    rating: TaskRating | null;
    awardedTitleCode: string | null;
    decisionNo: string | null;
    decisionDate: Date | null;
    decisionSigner: string | null;
    verified: boolean;
  } | null;
};

/** /results/units/[unitId]: the unit's figures, a page of its officers, and the officer being edited. */
export async function unitResults(actor: Actor, unitId: string, params: UnitResultsParams) {
  if (!roleMay(actor, "results.view") || !isUuid(unitId)) notFound();
  const unit = await prisma.unit.findUnique({
    where: { id: unitId },
    select: { id: true, code: true, name: true, active: true, clusterId: true, parentId: true, cluster: { select: { name: true } } },
  });
  if (!unit || unit.parentId) notFound();
  const target = { unitId: unit.id, clusterId: unit.clusterId };
  assertCan(actor, "results.view", target);

  const years = (await resultYears(actor)).filter((y) => y.clusterId === unit.clusterId);
  const requested = params.yearId && isUuid(params.yearId) ? params.yearId : undefined;
  if (params.yearId && !requested) notFound();
  const chosen = pickYear(years, requested);
  if (requested && !chosen) notFound();
  if (!chosen) return { unit, years, year: null as null };
  const year = await prisma.emulationYear.findUniqueOrThrow({ where: { id: chosen.id }, select: { id: true, year: true, phase: true, settings: true, clusterId: true } });
  const [summary] = await unitRows([unit], year);
  const resultsClosed = resultsWindowError(year);

  const where: Prisma.OfficerWhereInput = { unitId: unit.id, OR: [{ active: true }, { yearResults: { some: { year: year.year } } }] };
  const filter = params.filter ?? "all";
  const and: Prisma.OfficerWhereInput[] = [];
  if (filter === "pending") and.push({ yearResults: { some: { year: year.year, verified: false } } });
  if (filter === "missing") and.push({ yearResults: { none: { year: year.year } } });
  if (filter === "awarded") and.push({ yearResults: { some: { year: year.year, awardedTitleCode: { not: null } } } });
  const q = (params.q ?? "").trim().slice(0, 100);
  const search = officerSearchWhere(q);
  if (search) and.push(search);
  if (and.length) where.AND = and;

  const total = await prisma.officer.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / RESULT_PAGE_SIZE));
  const page = Math.min(Math.max(1, params.page ?? 1), pageCount);
  const officers = await prisma.officer.findMany({
    where,
    orderBy: [{ sortKey: "asc" }, { code: "asc" }],
    skip: (page - 1) * RESULT_PAGE_SIZE,
    take: RESULT_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      fullName: true,
      rank: true,
      position: true,
      active: true,
      subUnit: { select: { name: true } },
      registrations: { where: { emulationYearId: year.id }, select: { titleCode: true } },
      yearResults: {
        where: { year: year.year },
        select: { rating: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true, verified: true },
      },
    },
  });
  const rows: OfficerResultRow[] = officers.map((o) => ({
    id: o.id,
    code: o.code,
    fullName: o.fullName,
    rank: o.rank,
    position: o.position,
    active: o.active,
    subUnitName: o.subUnit?.name ?? null,
    registeredTitle: o.registrations[0]?.titleCode ?? null,
    result: o.yearResults[0] ?? null,
  }));

  const canEnter = !resultsClosed && can(actor, "results.enter", target);
  const canVerify = !resultsClosed && can(actor, "results.verify", target);
  const editing = params.officerId && canEnter ? await editingOfficer(unit.id, params.officerId, year) : null;
  const unitRegistration = await prisma.unitRegistration.findUnique({
    where: { emulationYearId_unitId: { emulationYearId: year.id, unitId: unit.id } },
    select: { status: true, reopenedUntil: true },
  });
  const registration = registrationWindow({
    phase: year.phase,
    deadline: parseYearSettings(year.settings).registrationDeadline,
    status: unitRegistration?.status ?? null,
    reopenedUntil: unitRegistration?.reopenedUntil ?? null,
    now: new Date(),
  });
  const registrationClosed = registration.writable ? null : registration.message;
  const titles = await prisma.titleDefinition.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { level: "asc" }],
    select: { code: true, name: true, shortName: true, kind: true },
  });
  return {
    titles,
    unit,
    years,
    year: { ...chosen, resultsClosedReason: resultsClosed, registrationClosedReason: registrationClosed },
    summary: summary!,
    rows,
    total,
    page,
    pageCount,
    filters: { q, filter },
    canEnter,
    canVerify,
    canRecordUnit: canVerify,
    // A closed year's corrections are explicit amendments (year.amendClosed).
    canAmend: year.phase === "CLOSED" && can(actor, "year.amend", target),
    canExport: can(actor, "registration.view", target),
    canImport: can(actor, "officer.manage", target),
    editing,
  };
}

/** The officer whose result is being entered, with what the rules engine finds from the records. */
async function editingOfficer(unitId: string, officerId: string, year: { id: string; year: number; settings: unknown }) {
  if (!isUuid(officerId)) return null;
  const officer = await prisma.officer.findFirst({
    where: { id: officerId, unitId },
    select: {
      id: true,
      code: true,
      fullName: true,
      rank: true,
      position: true,
      registrations: { where: { emulationYearId: year.id }, select: { titleCode: true } },
      yearResults: { where: { year: year.year } },
    },
  });
  if (!officer) return null;
  const history = (await loadOfficerHistories(prisma, [officer.id], year.year)).get(officer.id)!;
  const facts = computeFacts(history, year.year, parseYearSettings(year.settings), RESULTS);
  const eligible = INDIVIDUAL_TITLES.filter((_, i) => facts.statuses[i] === "ELIGIBLE");
  return {
    id: officer.id,
    code: officer.code,
    fullName: officer.fullName,
    rank: officer.rank,
    position: officer.position,
    registeredTitle: officer.registrations[0]?.titleCode ?? null,
    result: officer.yearResults[0] ?? null,
    /** Eligible with what is on file (the rating entered may change this). */
    eligibleNow: eligible,
    blocked: facts.hits.length > 0,
  };
}

// ---------------------------------------------------------------------------------------------
// One officer's history (the officer page)

export async function officerHistory(actor: Actor, officerId: string) {
  if (!isUuid(officerId)) notFound();
  const officer = await prisma.officer.findUnique({
    where: { id: officerId },
    select: { id: true, fullName: true, unitId: true, unit: { select: { clusterId: true } } },
  });
  if (!officer) notFound();
  const target = { unitId: officer.unitId, clusterId: officer.unit.clusterId };
  if (!can(actor, "officer.view", target) && !can(actor, "results.view", target)) notFound();
  const [years, initiatives, disciplines, closedYears] = await Promise.all([
    prisma.officerYearResult.findMany({
      where: { officerId },
      orderBy: { year: "desc" },
      select: {
        id: true,
        year: true,
        rating: true,
        awardedTitleCode: true,
        awardedTitle: { select: { name: true, shortName: true } },
        decisionNo: true,
        decisionDate: true,
        decisionSigner: true,
        verified: true,
      },
    }),
    prisma.initiative.findMany({ where: { officerId }, orderBy: [{ year: "desc" }, { createdAt: "asc" }] }),
    prisma.discipline.findMany({ where: { officerId }, orderBy: [{ fromDate: "desc" }, { createdAt: "asc" }] }),
    prisma.emulationYear.findMany({ where: { clusterId: officer.unit.clusterId, phase: "CLOSED" }, select: { year: true } }),
  ]);
  return {
    officer: { id: officer.id, fullName: officer.fullName },
    years,
    initiatives,
    disciplines,
    closedYears: closedYears.map((y) => y.year),
    canManage: can(actor, "history.manage", target),
  };
}

export type { CollectiveTitle };

// ---------------------------------------------------------------------------------------------
// The Excel import page (unit officers: their own unit)

/** The unit officer's unit and the years a file may be imported into (not closed), with what each accepts. */
export async function importPageContext(actor: Actor, requestedYearId?: string) {
  if (!roleMay(actor, "officer.manage") || !actor.unitId) notFound();
  const unit = await prisma.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, name: true, clusterId: true, parentId: true, cluster: { select: { name: true } } } });
  if (!unit || unit.parentId) notFound();
  assertCan(actor, "officer.manage", { unitId: unit.id, clusterId: unit.clusterId });
  const [years, unitRegistrations] = await Promise.all([
    prisma.emulationYear.findMany({
      where: { clusterId: unit.clusterId, phase: { not: "CLOSED" } },
      orderBy: { year: "desc" },
      select: { id: true, year: true, phase: true, settings: true },
    }),
    prisma.unitRegistration.findMany({ where: { unitId: unit.id }, select: { emulationYearId: true, status: true, reopenedUntil: true } }),
  ]);
  const now = new Date();
  const choices = years.map((y) => {
    const reg = unitRegistrations.find((r) => r.emulationYearId === y.id);
    const registration = registrationWindow({
      phase: y.phase,
      deadline: parseYearSettings(y.settings).registrationDeadline,
      status: reg?.status ?? null,
      reopenedUntil: reg?.reopenedUntil ?? null,
      now,
    });
    return {
      id: y.id,
      year: y.year,
      phase: y.phase,
      registrations: registration.writable ? null : registration.message,
      results: resultsWindowError(y),
    };
  });
  const selected =
    choices.find((y) => y.id === requestedYearId) ?? choices.find((y) => y.phase === "REGISTRATION") ?? choices[0] ?? null;
  return { unit: { id: unit.id, name: unit.name, clusterName: unit.cluster.name }, years: choices, selected };
}
