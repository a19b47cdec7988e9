import { z } from "zod";
import { rulesForYear } from "@/server/store/title-rules";
import { computeFacts, INDIVIDUAL_TITLES, RESULTS, type TaskRating } from "@/domain/eligibility";
import { resultsWindowError } from "@/domain/excel-rows";
import { registrationWindow } from "@/domain/registration-window";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { parseYearSettings } from "@/domain/year-settings";
import { isUuid, pageParam } from "@/domain/validation";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { loadOfficerHistories } from "@/server/store/eligibility-data";
import { assertCan } from "../guard";
import { officerSearchWhere } from "@/server/store/officer-filters";
import { officerListedSelect, officerPage } from "@/server/store/officer-pages";
import type { OfficerListed } from "../officers";
import { resultYears } from "./years";
import { pickYear, unitRows } from "./shared";
import { notFound } from "@/server/errors";

export const RESULT_PAGE_SIZE = 50;

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

export type OfficerResultRow = OfficerListed & {
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

  // The unit's officers of the year: its active officers, and whoever has the year's result recorded
  // in it (an officer transferred since stays in the year they served here; docs/domain.md §11).
  const here = { year: year.year, unitId: unit.id };
  const where: Prisma.OfficerWhereInput = { OR: [{ unitId: unit.id, active: true }, { yearResults: { some: here } }] };
  const filter = params.filter ?? "all";
  const and: Prisma.OfficerWhereInput[] = [];
  if (filter === "pending") and.push({ yearResults: { some: { ...here, verified: false } } });
  if (filter === "missing") and.push({ yearResults: { none: here } });
  if (filter === "awarded") and.push({ yearResults: { some: { ...here, awardedTitleCode: { not: null } } } });
  const q = (params.q ?? "").trim().slice(0, 100);
  const search = officerSearchWhere(q);
  if (search) and.push(search);
  if (and.length) where.AND = and;

  const total = await prisma.officer.count({ where });
  const { rows: officers, page, pageCount } = await officerPage(
    where,
    {
      ...officerListedSelect,
      subUnit: { select: { name: true } },
      registrations: { where: { emulationYearId: year.id, unitId: unit.id }, select: { titleCode: true } },
      yearResults: {
        where: here,
        select: { rating: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true, verified: true },
      },
    },
    { requested: params.page, total, size: RESULT_PAGE_SIZE },
  );
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
  const facts = computeFacts(history, year.year, parseYearSettings(year.settings), RESULTS, await rulesForYear(year.year));
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
