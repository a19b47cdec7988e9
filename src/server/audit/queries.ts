// Reading the audit log: the admin sees every entry, a secretariat only its cluster's (by the
// permission table's scope for "audit.view"); anybody else gets "not found".
import { Prisma } from "@/generated/prisma/client";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { prisma, queryRows } from "@/server/db";
import { type ChainVerdict } from "./chain";
import { pageWithin, parseDaysAndPage, whereAll, withinDays, type DayRangeErrors, type SearchParams, type TextParam } from "./filters";
import { verifyAuditChain } from "./verify";
import { isUuid } from "@/domain/validation";
import { notFound } from "@/server/errors";

export const AUDIT_PAGE_SIZE = 50;
/** The actor filter's value for entries written by the system itself (seeds: no user). */
export const SYSTEM_ACTOR = "system";

export type AuditFilters = {
  unitId: string | null;
  actorId: string | null;
  entityType: string | null;
  entityId: string | null;
  action: string | null;
  /** yyyy-mm-dd, days in Vietnam's time zone, both inclusive. */
  from: string | null;
  to: string | null;
  page: number;
};

export type AuditParams = { filters: AuditFilters; errors: DayRangeErrors; verify: boolean };


const text: TextParam = (value, max) => {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v.slice(0, max) : null;
};

export function parseAuditParams(searchParams: SearchParams): AuditParams {
  const unit = text(searchParams.unit, 36);
  const actor = text(searchParams.user, 36);
  const { from, to, page, errors } = parseDaysAndPage(searchParams, text);
  return {
    filters: {
      unitId: unit && isUuid(unit) ? unit.toLowerCase() : null,
      actorId: actor === SYSTEM_ACTOR || (actor && isUuid(actor)) ? actor.toLowerCase() : null,
      entityType: text(searchParams.entity, 64),
      entityId: text(searchParams.entityId, 64),
      action: text(searchParams.action, 64),
      from,
      to,
      page,
    },
    errors,
    verify: text(searchParams.verify, 1) === "1",
  };
}

export type AuditRow = {
  id: string;
  seq: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  unitName: string | null;
  clusterName: string | null;
  before: unknown;
  after: unknown;
  /** A unit's draft work (report drafts, their evidence), whose content only the whole-log view shows. */
  contentHidden: boolean;
};

// Entries that carry a report draft's figures, scores or evidence: the draft is its unit's alone until
// it is submitted (src/domain/scoring/permissions.ts), so the secretariat sees that it happened, not what.
const DRAFT_CONTENT_ACTIONS = new Set(["report.saveDraft", "report.evidence.upload", "report.evidence.delete"]);

export type AuditPage = {
  /** The whole log (admin) or one cluster's entries (secretariat). */
  wholeLog: boolean;
  clusterName: string | null;
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
  units: { id: string; name: string; clusterName: string }[];
  users: { id: string; name: string }[];
};

/** The cluster the actor's view is limited to, or null for the whole log; 404 when the actor may not read it. */
function scopeOf(actor: Actor): { wholeLog: boolean; clusterId: string | null } {
  if (!roleMay(actor, "audit.view")) notFound();
  // Only an "all" scope passes for a target outside any cluster.
  if (can(actor, "audit.view", { clusterId: null, unitId: null })) return { wholeLog: true, clusterId: null };
  if (!actor.clusterId || !can(actor, "audit.view", { clusterId: actor.clusterId })) notFound();
  return { wholeLog: false, clusterId: actor.clusterId };
}

function whereOf(clusterId: string | null, f: AuditFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (clusterId) conditions.push(Prisma.sql`a."clusterId" = ${clusterId}::uuid`);
  if (f.unitId) conditions.push(Prisma.sql`a."unitId" = ${f.unitId}::uuid`);
  if (f.actorId === SYSTEM_ACTOR) conditions.push(Prisma.sql`a."actorId" IS NULL`);
  else if (f.actorId) conditions.push(Prisma.sql`a."actorId" = ${f.actorId}::uuid`);
  if (f.entityType) conditions.push(Prisma.sql`a."entityType" = ${f.entityType}`);
  if (f.entityId) conditions.push(Prisma.sql`a."entityId" = ${f.entityId}`);
  if (f.action) conditions.push(Prisma.sql`a.action = ${f.action}`);
  conditions.push(...withinDays(Prisma.raw("a.at"), f.from, f.to));
  return whereAll(conditions);
}

export async function auditLogPage(actor: Actor, filters: AuditFilters): Promise<AuditPage> {
  const { wholeLog, clusterId } = scopeOf(actor);
  const where = whereOf(clusterId, filters);
  const [[{ total }], units, users, cluster] = await Promise.all([
    queryRows<[{ total: number }]>`SELECT count(*)::int AS total FROM "AuditLog" a ${where}`,
    prisma.unit.findMany({
      where: { parentId: null, ...(clusterId ? { clusterId } : {}) },
      orderBy: [{ cluster: { code: "asc" } }, { sortKey: "asc" }],
      select: { id: true, name: true, cluster: { select: { name: true } } },
    }),
    // Who can have written the entries the actor sees: for a cluster, its people and the admins.
    prisma.user.findMany({
      where: clusterId ? { OR: [{ clusterId }, { role: "ADMIN" }] } : {},
      orderBy: [{ displayName: "asc" }, { username: "asc" }],
      select: { id: true, displayName: true, username: true },
    }),
    clusterId ? prisma.cluster.findUnique({ where: { id: clusterId }, select: { name: true } }) : null,
  ]);
  const { page, pageCount } = pageWithin(filters.page, total, AUDIT_PAGE_SIZE);
  const stored =
    total === 0
      ? []
      : await queryRows<Omit<AuditRow, "contentHidden">[]>`
          SELECT a.id::text AS id, a.seq::text AS seq, a.at, a."actorId"::text AS "actorId", a."actorName", a.action,
                 a."entityType", a."entityId", a."unitId"::text AS "unitId", u.name AS "unitName", c.name AS "clusterName",
                 a.before, a.after
          FROM "AuditLog" a
          LEFT JOIN "Unit" u ON u.id = a."unitId"
          LEFT JOIN "Cluster" c ON c.id = a."clusterId"
          ${where}
          ORDER BY a.at DESC, a.seq DESC
          LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(page - 1) * AUDIT_PAGE_SIZE}`;
  return {
    wholeLog,
    clusterName: cluster?.name ?? null,
    rows: stored.map((row) =>
      !wholeLog && DRAFT_CONTENT_ACTIONS.has(row.action) ? { ...row, before: null, after: null, contentHidden: true } : { ...row, contentHidden: false },
    ),
    total,
    page,
    pageCount,
    units: units.map((u) => ({ id: u.id, name: u.name, clusterName: u.cluster.name })),
    users: users.map((u) => ({ id: u.id, name: `${u.displayName} (${u.username})` })),
  };
}

/**
 * The chain check for the viewer's button: the whole log, so only for who may read the whole log
 * (the admin); anybody else gets "not found". Read-only.
 */
export async function verifyAuditLog(actor: Actor): Promise<ChainVerdict> {
  if (!scopeOf(actor).wholeLog) notFound();
  return verifyAuditChain();
}
