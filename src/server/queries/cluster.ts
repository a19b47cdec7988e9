// Read side of a cluster: the secretariat's workspace (/cluster) and one year in detail
// (/cluster/years/[id]). Every query takes the actor and checks the permission table; anything the
// actor may not see is "not found" (404). The cluster dashboard (/overview) is queries/dashboard/.
import type { Actor } from "@/domain/permissions";
import type { YearPhase } from "@/domain/year-phases";
import { chairCandidates, defaultYearToOpen, type ChairHistoryEntry } from "@/domain/year-rules";
import { parseYearSettings } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import { electedLeadership } from "@/server/store/vote-results";
import { assertCan, named } from "./guard";


/** Today's calendar year in Vietnam (UTC+7). */
function currentVietnamYear(now = new Date()): number {
  return new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
}

export type MemberUnitRow = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  activeOfficers: number;
  subUnits: number;
};

/**
 * The member units of a cluster (no parent) in Vietnamese order, with their active officers and
 * active sub-units counted by two grouped queries (never one query per unit).
 */
async function memberUnitsWithCounts(clusterId: string): Promise<MemberUnitRow[]> {
  const units = await prisma.unit.findMany({
    where: { clusterId, parentId: null },
    select: { id: true, code: true, name: true, active: true },
    orderBy: { sortKey: "asc" },
  });
  const ids = units.map((u) => u.id);
  if (ids.length === 0) return [];
  const [officers, subUnits] = await Promise.all([
    prisma.officer.groupBy({ by: ["unitId"], where: { unitId: { in: ids }, active: true }, _count: { _all: true } }),
    prisma.unit.groupBy({ by: ["parentId"], where: { parentId: { in: ids }, active: true }, _count: { _all: true } }),
  ]);
  const officerCount = new Map(officers.map((o) => [o.unitId, o._count._all]));
  const subUnitCount = new Map(subUnits.map((s) => [s.parentId, s._count._all]));
  return units.map((u) => ({ ...u, activeOfficers: officerCount.get(u.id) ?? 0, subUnits: subUnitCount.get(u.id) ?? 0 }));
}

const yearSummarySelect = {
  id: true,
  year: true,
  phase: true,
  movement: true,
  settings: true,
  closedAt: true,
  chairUnitId: true,
  deputyUnitId: true,
  chairUnit: { select: { name: true } },
  deputyUnit: { select: { name: true } },
} as const;

function toHistory(years: { year: number; chairUnitId: string | null; settings: unknown }[]): ChairHistoryEntry[] {
  return years.map((y) => ({
    year: y.year,
    chairUnitId: y.chairUnitId,
    outgoingChairMayBeReelected: parseYearSettings(y.settings).outgoingChairMayBeReelected,
  }));
}

// ---------------------------------------------------------------------------------------------
// The secretariat's cluster (/cluster)

export async function clusterWorkspace(actor: Actor, now = new Date()) {
  const cluster = actor.clusterId
    ? await prisma.cluster.findUnique({
        where: { id: actor.clusterId },
        select: { id: true, code: true, name: true, active: true, block: { select: { name: true } } },
      })
    : null;
  assertCan(actor, "year.manage", cluster && { clusterId: cluster.id });
  const [members, years] = await Promise.all([
    memberUnitsWithCounts(cluster!.id),
    prisma.emulationYear.findMany({ where: { clusterId: cluster!.id }, orderBy: { year: "desc" }, select: yearSummarySelect }),
  ]);
  const latest = years[0] ?? null;
  const nextYear = defaultYearToOpen(latest?.year ?? null, currentVietnamYear(now));
  const candidates = chairCandidates(nextYear, members, toHistory(years));
  // The conference's election pre-fills the new year's leadership.
  const elected = latest ? await electedLeadership(prisma, latest.id) : { chairUnitId: null, deputyUnitId: null };
  return {
    cluster: { id: cluster!.id, code: cluster!.code, name: cluster!.name, active: cluster!.active, blockName: cluster!.block.name },
    members,
    years: years.map((y) => ({
      id: y.id,
      year: y.year,
      phase: y.phase as YearPhase,
      movement: y.movement,
      chairName: y.chairUnit?.name ?? null,
      deputyName: y.deputyUnit?.name ?? null,
      closedAt: y.closedAt,
    })),
    openForm: {
      nextYear,
      latestYear: latest?.year ?? null,
      outgoingChairName: latest?.chairUnit?.name ?? null,
      outgoingChairExcluded: latest !== null && latest.chairUnitId !== null && !candidates.some((c) => c.id === latest.chairUnitId),
      chairCandidates: candidates,
      deputyOptions: members.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name })),
      electedChairUnitId: elected.chairUnitId,
      electedDeputyUnitId: elected.deputyUnitId,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One year in detail (/cluster/years/[id])

export async function clusterYearDetail(actor: Actor, yearId: string) {
  const y = await named(yearId, (id) => prisma.emulationYear.findUnique({
    where: { id },
    select: { ...yearSummarySelect, clusterId: true, createdAt: true, updatedAt: true, cluster: { select: { name: true } } },
  }));
  assertCan(actor, "year.manage", { clusterId: y.clusterId });
  const [members, history, overrides, registrations] = await Promise.all([
    prisma.unit.findMany({
      where: { clusterId: y.clusterId, parentId: null },
      select: { id: true, name: true, active: true },
      orderBy: { sortKey: "asc" },
    }),
    prisma.emulationYear.findMany({
      where: { clusterId: y.clusterId },
      orderBy: { year: "desc" },
      select: { year: true, chairUnitId: true, settings: true, chairUnit: { select: { name: true } } },
    }),
    prisma.phaseOverride.findMany({ where: { emulationYearId: y.id }, orderBy: { createdAt: "desc" } }),
    prisma.unitRegistration.findMany({ where: { emulationYearId: y.id }, select: { unitId: true, status: true, submittedAt: true, reopenedUntil: true } }),
  ]);
  const registrationOf = new Map(registrations.map((r) => [r.unitId, r]));
  const previous = history.find((h) => h.year < y.year) ?? null;
  const candidates = chairCandidates(y.year, members, toHistory(history));
  // The stored chair stays selectable even if the rules would no longer list it (the form then explains why).
  const chairOptions = candidates.map((c) => ({ id: c.id, name: c.name, lastChairedYear: c.lastChairedYear }));
  if (y.chairUnitId && !chairOptions.some((c) => c.id === y.chairUnitId)) {
    chairOptions.push({ id: y.chairUnitId, name: y.chairUnit?.name ?? "", lastChairedYear: null });
  }
  const deputyOptions = members.filter((m) => m.active || m.id === y.deputyUnitId).map((m) => ({ id: m.id, name: m.name }));
  return {
    id: y.id,
    clusterId: y.clusterId,
    clusterName: y.cluster.name,
    year: y.year,
    phase: y.phase as YearPhase,
    movement: y.movement,
    chairUnitId: y.chairUnitId,
    chairName: y.chairUnit?.name ?? null,
    deputyUnitId: y.deputyUnitId,
    deputyName: y.deputyUnit?.name ?? null,
    closedAt: y.closedAt,
    updatedAt: y.updatedAt,
    settings: parseYearSettings(y.settings),
    previous: previous && { year: previous.year, chairName: previous.chairUnit?.name ?? null },
    chairOptions,
    deputyOptions,
    activeMemberCount: members.filter((m) => m.active).length,
    createdAt: y.createdAt,
    /** Every override of the year, newest first (the page tells which are in force). */
    overrides: overrides.map((o) => ({
      id: o.id,
      action: o.action,
      reason: o.reason,
      expiresAt: o.expiresAt,
      createdAt: o.createdAt,
      createdByName: o.createdByName,
      revokedAt: o.revokedAt,
      revokedByName: o.revokedByName,
      revokeReason: o.revokeReason,
    })),
    /** Active member units with their registration's state, for the reopen form. */
    registrationUnits: members
      .filter((m) => m.active)
      .map((m) => {
        const r = registrationOf.get(m.id);
        return { id: m.id, name: m.name, status: r?.status ?? null, submittedAt: r?.submittedAt ?? null, reopenedUntil: r?.reopenedUntil ?? null };
      }),
  };
}
