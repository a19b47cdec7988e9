// Reading the security event log: the whole log only (who may read the whole audit log: the admin);
// anybody else gets "not found". Filters: kind, account name, address, days.
import { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/domain/permissions";
import { parseVietnameseDate } from "@/lib/format";
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

function text(value: string | string[] | undefined, max: number): string | null {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v.slice(0, max).toWellFormed().replace(/\u0000/g, "") : null;
}

function day(value: string | null): string | null | undefined {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseVietnameseDate(value.split("-").reverse().join("/")) ?? undefined;
  return parseVietnameseDate(value) ?? undefined;
}

export function parseSecurityParams(searchParams: Record<string, string | string[] | undefined>): { filters: SecurityFilters; errors: Partial<Record<"from" | "to", string>> } {
  const errors: Partial<Record<"from" | "to", string>> = {};
  const kind = text(searchParams.kind, 40);
  const from = day(text(searchParams.from, 10));
  const to = day(text(searchParams.to, 10));
  if (from === undefined) errors.from = "Ngày không hợp lệ (dd/mm/yyyy).";
  if (to === undefined) errors.to = "Ngày không hợp lệ (dd/mm/yyyy).";
  if (from && to && from > to) errors.to = "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.";
  const page = Number(text(searchParams.page, 9));
  return {
    filters: {
      kind: kind && Object.hasOwn(SECURITY_EVENT_KINDS, kind) ? (kind as SecurityEventKind) : null,
      username: text(searchParams.username, 64)?.toLowerCase() ?? null,
      address: text(searchParams.address, 64)?.toLowerCase() ?? null,
      from: from ?? null,
      to: to && !errors.to ? to : null,
      page: Number.isInteger(page) && page >= 1 ? page : 1,
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
  // Whole days in Vietnam (UTC+7); the column holds UTC.
  if (f.from) conditions.push(Prisma.sql`e.at >= (${f.from}::date::timestamp - interval '7 hours')`);
  if (f.to) conditions.push(Prisma.sql`e.at < (${f.to}::date::timestamp + interval '17 hours')`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [{ total }] = await queryRows<[{ total: number }]>`SELECT count(*)::int AS total FROM "SecurityEvent" e ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / SECURITY_PAGE_SIZE));
  const page = Math.min(f.page, pageCount);
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
