// What the audit log's and the security event log's filters share: reading a day range and a page
// number from the address, and the day range as SQL over a UTC timestamp column.
import { Prisma } from "@/generated/prisma/client";
import { parseVietnameseDate } from "@/lib/format";

export type SearchParams = Record<string, string | string[] | undefined>;
/** A query parameter as text: the first value, trimmed, cut to `max`; null when empty. */
export type TextParam = (value: string | string[] | undefined, max: number) => string | null;
export type DayRangeErrors = Partial<Record<"from" | "to", string>>;

/** A date typed as dd/mm/yyyy or given by a date input as yyyy-mm-dd. */
function day(value: string | null): string | null | undefined {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseVietnameseDate(value.split("-").reverse().join("/")) ?? undefined;
  return parseVietnameseDate(value) ?? undefined;
}

/**
 * The `from`/`to` days (yyyy-mm-dd, both inclusive) and the page (1 unless a whole number from 1), read
 * with `text`; an invalid day, or an end before the start, is dropped and explained in `errors`.
 */
export function parseDaysAndPage(searchParams: SearchParams, text: TextParam): { from: string | null; to: string | null; page: number; errors: DayRangeErrors } {
  const errors: DayRangeErrors = {};
  const from = day(text(searchParams.from, 10));
  const to = day(text(searchParams.to, 10));
  if (from === undefined) errors.from = "Ngày không hợp lệ (dd/mm/yyyy).";
  if (to === undefined) errors.to = "Ngày không hợp lệ (dd/mm/yyyy).";
  if (from && to && from > to) errors.to = "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.";
  const page = Number(text(searchParams.page, 9));
  return { from: from ?? null, to: to && !errors.to ? to : null, page: Number.isInteger(page) && page >= 1 ? page : 1, errors };
}

/** `column` (UTC) within whole days in Vietnam (UTC+7), from `from` to `to` inclusive; either may be open. */
export function withinDays(column: Prisma.Sql, from: string | null, to: string | null): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (from) conditions.push(Prisma.sql`${column} >= (${from}::date::timestamp - interval '7 hours')`);
  if (to) conditions.push(Prisma.sql`${column} < (${to}::date::timestamp + interval '17 hours')`);
  return conditions;
}

export const whereAll = (conditions: Prisma.Sql[]): Prisma.Sql => (conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/** The page shown of `total` rows, `size` a page (one rule for every paged list). */
export { pageWithin } from "@/domain/paging";
