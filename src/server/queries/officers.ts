// Read side of officers: the paged list of one member unit, one officer, and the choices the forms offer.
// Scope (docs/domain.md §5): unit officers and unit heads see their own unit only; the secretariat any unit
// of its cluster; admins any unit. Whatever is out of scope answers "not found" (404).
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { pageParam } from "@/domain/validation";
import { prisma } from "@/server/db";
import { assertCan, named } from "./guard";
import { NO_SUB_UNIT, officerSearchWhere } from "@/server/store/officer-filters";
import { officerListedSelect, officerPage } from "@/server/store/officer-pages";
import { notFound } from "@/server/errors";

export const OFFICER_PAGE_SIZE = 25;

export const OFFICER_STATUSES = ["active", "inactive", "all"] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];
export const OFFICER_STATUS_LABELS: Record<OfficerStatus, string> = {
  active: "Đang công tác",
  inactive: "Không còn công tác",
  all: "Tất cả",
};

/** The sub-unit filter value for officers not assigned to any sub-unit. */
export { NO_SUB_UNIT };

export type OfficerListParams = {
  /** A member unit; out of scope → 404. Omitted → the first unit the actor may see. */
  unitId?: string;
  q?: string;
  /** A sub-unit of the chosen unit, or NO_SUB_UNIT; anything else is ignored. */
  subUnitId?: string;
  status?: OfficerStatus;
  page?: number;
};

const firstString = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const listParamsSchema = z.object({
  unit: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  q: z.preprocess(firstString, z.string().optional().catch(undefined)),
  sub: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  status: z.preprocess(firstString, z.enum(OFFICER_STATUSES).catch("active")),
  page: z.preprocess(firstString, pageParam),
});

/** The list's URL (?unit=&q=&sub=&status=&page=) as OfficerListParams; bad values fall back to defaults. */
export function parseOfficerListParams(searchParams: Record<string, string | string[] | undefined>): OfficerListParams {
  const p = listParamsSchema.parse(searchParams);
  return { unitId: p.unit || undefined, q: p.q?.slice(0, 100), subUnitId: p.sub || undefined, status: p.status, page: p.page };
}

export type UnitChoice = { id: string; name: string; clusterId: string; clusterName: string; active: boolean };
export type SubUnitChoice = { id: string; name: string; active: boolean };

/** The member units whose officers the actor may list, in display order. */
export async function viewableUnits(actor: Actor): Promise<UnitChoice[]> {
  if (!roleMay(actor, "officer.view")) return [];
  let where: Prisma.UnitWhereInput;
  if (actor.role === "ADMIN") where = { parentId: null };
  else if (actor.role === "SECRETARIAT") {
    if (!actor.clusterId) return [];
    where = { parentId: null, clusterId: actor.clusterId };
  } else {
    if (!actor.unitId) return [];
    where = { parentId: null, id: actor.unitId };
  }
  const units = await prisma.unit.findMany({
    where,
    orderBy: [{ cluster: { code: "asc" } }, { sortKey: "asc" }],
    select: { id: true, name: true, active: true, clusterId: true, cluster: { select: { name: true } } },
  });
  // The permission table has the last word on each row.
  return units
    .filter((u) => can(actor, "officer.view", { unitId: u.id, clusterId: u.clusterId }))
    .map((u) => ({ id: u.id, name: u.name, clusterId: u.clusterId, clusterName: u.cluster.name, active: u.active }));
}

/** Sub-units of a unit: all of them for filtering, or (forms) the active ones plus the one already chosen. */
export async function subUnitsOf(unitId: string, opts: { forForm?: boolean; keepId?: string | null } = {}): Promise<SubUnitChoice[]> {
  return prisma.unit.findMany({
    where: {
      parentId: unitId,
      ...(opts.forForm ? { OR: [{ active: true }, ...(opts.keepId ? [{ id: opts.keepId }] : [])] } : {}),
    },
    orderBy: [{ sortKey: "asc" }, { code: "asc" }],
    select: { id: true, name: true, active: true },
  });
}


/** What every list of officers shows of one officer. */
export type OfficerListed = {
  id: string;
  code: string;
  fullName: string;
  rank: string;
  position: string;
  active: boolean;
};

export type OfficerRow = OfficerListed & { subUnit: { id: string; name: string } | null };

export type OfficerList = {
  /** The unit shown, or null when the actor may see no unit at all. */
  unit: UnitChoice | null;
  units: UnitChoice[];
  subUnits: SubUnitChoice[];
  /** The filters as applied (an unknown sub-unit is dropped, the page clamped). */
  filters: { q: string; subUnitId: string | null; status: OfficerStatus };
  rows: OfficerRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** Whether the actor may add and edit officers of this unit. */
  canManage: boolean;
};

/**
 * One page of a unit's officers in Vietnamese alphabetical order (sortKey, then code). The search
 * ignores case and diacritics: every word of the query must begin a word of the name (in any order:
 * "nguyen an" finds "Nguyễn Văn An"), or the query must occur in the code. Both run inside the
 * (unitId, …) index range of one unit, at most a few thousand rows; nothing is filtered in memory.
 */
export async function listOfficers(actor: Actor, params: OfficerListParams): Promise<OfficerList> {
  if (!roleMay(actor, "officer.view")) notFound();
  const units = await viewableUnits(actor);
  const unit = params.unitId ? units.find((u) => u.id === params.unitId) : units[0];
  if (params.unitId && !unit) notFound();
  const status = params.status ?? "active";
  const q = (params.q ?? "").trim().slice(0, 100);
  const empty = { units, subUnits: [], filters: { q, subUnitId: null, status }, rows: [], total: 0, page: 1, pageCount: 1, pageSize: OFFICER_PAGE_SIZE };
  if (!unit) return { ...empty, unit: null, canManage: false };
  assertCan(actor, "officer.view", { unitId: unit.id, clusterId: unit.clusterId });

  const subUnits = await subUnitsOf(unit.id);
  const subUnitId =
    params.subUnitId === NO_SUB_UNIT || subUnits.some((s) => s.id === params.subUnitId) ? params.subUnitId! : null;

  const where: Prisma.OfficerWhereInput = { unitId: unit.id };
  if (status !== "all") where.active = status === "active";
  if (subUnitId) where.subUnitId = subUnitId === NO_SUB_UNIT ? null : subUnitId;
  const search = officerSearchWhere(q);
  if (search) where.AND = [search];

  const total = await prisma.officer.count({ where });
  const { rows, page, pageCount } = await officerPage(
    where,
    { ...officerListedSelect, subUnit: { select: { id: true, name: true } } },
    { requested: params.page, total, size: OFFICER_PAGE_SIZE },
  );
  return {
    ...empty,
    unit,
    subUnits,
    filters: { q, subUnitId, status },
    rows,
    total,
    page,
    pageCount,
    canManage: can(actor, "officer.manage", { unitId: unit.id, clusterId: unit.clusterId }),
  };
}

/** One officer the actor may see (else 404), whether they may edit it, and the sub-units the edit form offers. */
export async function getOfficer(actor: Actor, id: string) {
  const officer = await named(id, (id) => prisma.officer.findUnique({
    where: { id },
    select: {
      ...officerListedSelect,
      createdAt: true,
      updatedAt: true,
      unitId: true,
      subUnitId: true,
      unit: { select: { id: true, name: true, clusterId: true, cluster: { select: { name: true } } } },
      subUnit: { select: { id: true, name: true, active: true } },
    },
  }));
  const target = { unitId: officer.unitId, clusterId: officer.unit.clusterId };
  assertCan(actor, "officer.view", target);
  const canManage = can(actor, "officer.manage", target);
  const subUnits = canManage ? await subUnitsOf(officer.unitId, { forForm: true, keepId: officer.subUnitId }) : [];
  return { officer, canManage, subUnits };
}

/** What the "add officer" form needs: the actor's own unit (the only place they may add to) and its sub-units. */
export async function newOfficerContext(actor: Actor) {
  if (!roleMay(actor, "officer.manage") || !actor.unitId) notFound();
  const unit = await prisma.unit.findUnique({
    where: { id: actor.unitId },
    select: { id: true, name: true, clusterId: true, parentId: true, active: true },
  });
  if (!unit || unit.parentId) notFound();
  assertCan(actor, "officer.manage", { unitId: unit.id, clusterId: unit.clusterId });
  return { unit, subUnits: await subUnitsOf(unit.id, { forForm: true }) };
}
