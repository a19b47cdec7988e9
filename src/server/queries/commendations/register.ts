// The commendation register (sổ khen thưởng; issue 14 item 4, docs/domain.md §9): every commendation
// in the actor's scope — the secretariat its cluster, a unit's officer or head their own unit (read-only),
// the Ministry office and the admin every cluster — by year, unit, officer, form and level, paged.
import { COMMENDATION_FORMS, isCommendationForm, type CommendationForm } from "@/domain/awards";
import { can, type Actor, type Target } from "@/domain/permissions";
import { pageWithin } from "@/domain/paging";
import { isUuid } from "@/domain/validation";
import { searchKey } from "@/domain/vietnamese";
import { prisma } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";
import { assertCan } from "../guard";

export const REGISTER_PAGE_SIZE = 50;

export type RegisterFilters = { year?: string; unit?: string; q?: string; form?: string; level?: string; page?: string };

export type RegisterRow = {
  id: string;
  year: number;
  subjectKind: "UNIT" | "OFFICER";
  subjectName: string;
  officerId: string | null;
  officerCode: string | null;
  unitId: string | null;
  unitName: string;
  form: string;
  level: string;
  decisionNo: string;
  decisionDate: Date;
  decisionSigner: string;
  source: string;
  revokedAt: Date | null;
  revokeReason: string | null;
  revokeDecisionNo: string | null;
};

/** The actor's scope of the register: a cluster, a unit, or everything. */
function scopeOf(actor: Actor): Target {
  if (actor.role === "UNIT_OFFICER" || actor.role === "UNIT_HEAD") return { clusterId: actor.clusterId ?? undefined, unitId: actor.unitId ?? undefined };
  if (actor.role === "SECRETARIAT") return { clusterId: actor.clusterId ?? undefined };
  return {};
}

export async function commendationRegister(actor: Actor, filters: RegisterFilters) {
  const scope = scopeOf(actor);
  assertCan(actor, "commendation.view", scope);
  const everywhere = !scope.clusterId && !scope.unitId;
  const inScope: Prisma.CommendationWhereInput = scope.unitId
    ? { OR: [{ unitId: scope.unitId }, { officer: { unitId: scope.unitId } }] }
    : scope.clusterId
      ? { OR: [{ unit: { clusterId: scope.clusterId } }, { officer: { unit: { clusterId: scope.clusterId } } }] }
      : {};
  const units = await prisma.unit.findMany({
    where: { parentId: null, ...(scope.unitId ? { id: scope.unitId } : scope.clusterId ? { clusterId: scope.clusterId } : {}) },
    orderBy: [{ sortKey: "asc" }],
    select: { id: true, name: true, code: true, clusterId: true, cluster: { select: { name: true } } },
  });
  const year = /^\d{4}$/.test(filters.year ?? "") ? Number(filters.year) : null;
  const unitId = filters.unit && isUuid(filters.unit) && units.some((u) => u.id === filters.unit) ? filters.unit : null;
  const form = filters.form && isCommendationForm(filters.form) ? (filters.form as CommendationForm) : null;
  const level = filters.level?.trim() || null;
  const q = filters.q?.trim() ? searchKey(filters.q) : null;
  const and: Prisma.CommendationWhereInput[] = [inScope];
  if (year) and.push({ year });
  if (unitId) and.push({ OR: [{ unitId }, { officer: { unitId } }] });
  if (form) and.push({ formCode: form });
  if (level) and.push({ level });
  if (q) and.push({ OR: [{ officer: { searchName: { contains: q } } }, { officer: { code: { contains: filters.q!.trim().toUpperCase() } } }, { unit: { name: { contains: filters.q!.trim(), mode: "insensitive" } } }] });
  const where: Prisma.CommendationWhereInput = { AND: and };
  const total = await prisma.commendation.count({ where });
  const { page, pageCount } = pageWithin(Number(filters.page) || 1, total, REGISTER_PAGE_SIZE);
  const [rows, years, levels] = await Promise.all([
    prisma.commendation.findMany({
      where,
      orderBy: [{ year: "desc" }, { decisionDate: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * REGISTER_PAGE_SIZE,
      take: REGISTER_PAGE_SIZE,
      select: {
        id: true, year: true, officerId: true, unitId: true, form: true, level: true, decisionNo: true, decisionDate: true, decisionSigner: true,
        source: true, revokedAt: true, revokeReason: true, revokeDecisionNo: true,
        officer: { select: { fullName: true, code: true, unit: { select: { name: true } } } },
        unit: { select: { name: true } },
      },
    }),
    prisma.commendation.groupBy({ by: ["year"], where: inScope, orderBy: { year: "desc" } }),
    prisma.commendation.groupBy({ by: ["level"], where: inScope, orderBy: { level: "asc" } }),
  ]);
  const list: RegisterRow[] = rows.map((r) => ({
    id: r.id,
    year: r.year,
    subjectKind: r.officerId ? "OFFICER" : "UNIT",
    subjectName: r.officer ? r.officer.fullName : (r.unit?.name ?? ""),
    officerId: r.officerId,
    officerCode: r.officer?.code ?? null,
    unitId: r.unitId,
    unitName: r.officer ? r.officer.unit.name : (r.unit?.name ?? ""),
    form: r.form,
    level: r.level,
    decisionNo: r.decisionNo,
    decisionDate: r.decisionDate,
    decisionSigner: r.decisionSigner,
    source: r.source,
    revokedAt: r.revokedAt,
    revokeReason: r.revokeReason,
    revokeDecisionNo: r.revokeDecisionNo,
  }));
  return {
    rows: list,
    total,
    page,
    pageCount,
    filters: { year, unitId, form, level, q: filters.q?.trim() ?? "" },
    options: {
      years: years.map((y) => y.year),
      units: units.map((u) => ({ id: u.id, name: everywhere ? `${u.name} (${u.cluster.name})` : u.name, code: u.code })),
      forms: Object.entries(COMMENDATION_FORMS).map(([code, f]) => ({ code, label: f.label })),
      levels: levels.map((l) => l.level),
    },
    /** The secretariat enters and imports for its own cluster. */
    canEnter: can(actor, "commendation.enter", { clusterId: actor.clusterId ?? undefined }) && actor.role === "SECRETARIAT",
    canRevoke: can(actor, "award.revoke", {}),
  };
}
