// Reading the security event log: the whole log only (who may read the whole audit log: the admin);
// anybody else gets "not found". Filters: kind, account name, address, days.
import { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/domain/permissions";
import { pageWithin, parseDaysAndPage, whereAll, withinDays, type DayRangeErrors, type SearchParams, type TextParam } from "@/server/audit/filters";
import { queryRows } from "@/server/db";
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from "./events";
import { notFound } from "@/server/errors";

export const SECURITY_PAGE_SIZE = 50;

export type SecurityFilters = {
  kind: SecurityEventKind | null;
  username: string | null;
  address: string | null;
  /** yyyy-mm-dd, days in Vietnam's time zone, both inclusive. */
  from: string | null;
  to: string | null;
  page: number;
};

export type SecurityRow = { id: string; at: Date; kind: string; username: string | null; userName: string | null; address: string | null; detail: unknown };

// Also made storable: no lone surrogate, no NUL (Postgres refuses a NUL even in a WHERE).
const text: TextParam = (value, max) => {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v.slice(0, max).toWellFormed().replace(/\u0000/g, "") : null;
};

export function parseSecurityParams(searchParams: SearchParams): { filters: SecurityFilters; errors: DayRangeErrors } {
  const kind = text(searchParams.kind, 40);
  const { from, to, page, errors } = parseDaysAndPage(searchParams, text);
  return {
    filters: {
      kind: kind && Object.hasOwn(SECURITY_EVENT_KINDS, kind) ? (kind as SecurityEventKind) : null,
      username: text(searchParams.username, 64)?.toLowerCase() ?? null,
      address: text(searchParams.address, 64)?.toLowerCase() ?? null,
      from,
      to,
      page,
    },
    errors,
  };
}

export async function securityEventPage(actor: Actor, f: SecurityFilters) {
  if (!can(actor, "audit.view", { clusterId: null, unitId: null })) notFound();
  const conditions: Prisma.Sql[] = [];
  if (f.kind) conditions.push(Prisma.sql`e.kind = ${f.kind}`);
  if (f.username) conditions.push(Prisma.sql`e.username = ${f.username}`);
  if (f.address) conditions.push(Prisma.sql`e.address = ${f.address}`);
  conditions.push(...withinDays(Prisma.raw("e.at"), f.from, f.to));
  const where = whereAll(conditions);
  const [{ total }] = await queryRows<[{ total: number }]>`SELECT count(*)::int AS total FROM "SecurityEvent" e ${where}`;
  const { page, pageCount } = pageWithin(f.page, total, SECURITY_PAGE_SIZE);
  const rows =
    total === 0
      ? []
      : await queryRows<SecurityRow[]>`
          SELECT e.id::text AS id, e.at, e.kind, e.username, u."displayName" AS "userName", e.address, e.detail
            FROM "SecurityEvent" e LEFT JOIN "User" u ON u.id = e."userId"
            ${where}
           ORDER BY e.at DESC, e.id DESC
           LIMIT ${SECURITY_PAGE_SIZE} OFFSET ${(page - 1) * SECURITY_PAGE_SIZE}`;
  return { rows, total, page, pageCount };
}
