// Which officers a list shows: the one officer search used by every list (diacritic- and
// case-insensitive, by words of the name or by code) and the registration filters, shared by the
// registration page, its counts and the bulk registration command (the same set for all three).
import { Prisma } from "@/generated/prisma/client";
import { searchKey } from "@/domain/vietnamese";

/** Prisma passes contains/startsWith text into LIKE unescaped (6.19): make %, _ and \ match themselves. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * The search as LIKE patterns: each word must begin a word of the name ("an" finds "Nguyễn Văn An",
 * not "Lan" or "Tuấn"), or the text is in the code. Null when there is nothing to search for. The one
 * rule, rendered for Prisma (officerSearchWhere) and for SQL (officerSearchSql).
 */
function officerSearch(query: string): { words: string[]; code: string } | null {
  const q = query.trim().slice(0, 100);
  const words = searchKey(q).split(" ").filter(Boolean).slice(0, 8).map(likeLiteral);
  return words.length ? { words, code: likeLiteral(q.toUpperCase()) } : null;
}

export function officerSearchWhere(query: string): Prisma.OfficerWhereInput | null {
  const search = officerSearch(query);
  if (!search) return null;
  const nameHas = (w: string): Prisma.OfficerWhereInput => ({ OR: [{ searchName: { startsWith: w } }, { searchName: { contains: ` ${w}` } }] });
  return { OR: [{ AND: search.words.map(nameHas) }, { code: { contains: search.code } }] };
}

/** officerSearchWhere on the officer aliased `o` (LIKE with backslash escapes, as Prisma sends it). */
function officerSearchSql(query: string): Prisma.Sql | null {
  const search = officerSearch(query);
  if (!search) return null;
  const names = search.words.map((w) => Prisma.sql`(o."searchName" LIKE ${`${w}%`} OR o."searchName" LIKE ${`% ${w}%`})`);
  return Prisma.sql`((${Prisma.join(names, " AND ")}) OR o.code LIKE ${`%${search.code}%`})`;
}

/** The sub-unit filter's value for officers in no sub-unit. */
export const NO_SUB_UNIT = "none";

/** The "current target" filter: every officer, those without a registration, those with one, or one title. */
export const TARGET_ANY = "any";
export const TARGET_NONE = "none";

export type RegistrationFilters = {
  /** Name (diacritics-insensitive, each word begins a word of the name) or officer code. */
  q: string;
  /** A sub-unit of the unit, NO_SUB_UNIT, or null for all. */
  subUnitId: string | null;
  /** "" (all), TARGET_NONE, TARGET_ANY, or an individual title code. */
  target: string;
};

/**
 * The unit's active officers (`o`), each with its registration for the emulation year (`r`, at most one:
 * unique per year and officer; null columns when none): what the registration page and the bulk
 * command select from. Pair with registrationMatchSql for the filters.
 */
export function registrationOfficersSql(unitId: string, emulationYearId: string): Prisma.Sql {
  return Prisma.sql`"Officer" o LEFT JOIN "OfficerRegistration" r ON r."officerId" = o.id AND r."emulationYearId" = ${emulationYearId}::uuid
    WHERE o."unitId" = ${unitId}::uuid AND o.active`;
}

/**
 * Whether an officer of registrationOfficersSql matches the filters (the same set for the page, the
 * counts and the bulk command): a boolean SQL expression on `o` and `r`. A registration counts as the
 * unit's only when made by this unit (an officer who moved keeps the old unit's row: "no registration"
 * is any row for the year, as before). `filters.subUnitId` must already be checked against the unit's
 * sub-units.
 */
export function registrationMatchSql(unitId: string, filters: RegistrationFilters): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (filters.subUnitId) and.push(filters.subUnitId === NO_SUB_UNIT ? Prisma.sql`o."subUnitId" IS NULL` : Prisma.sql`o."subUnitId" = ${filters.subUnitId}::uuid`);
  if (filters.target === TARGET_NONE) and.push(Prisma.sql`r.id IS NULL`);
  else if (filters.target === TARGET_ANY) and.push(Prisma.sql`r."unitId" = ${unitId}::uuid`);
  else if (filters.target) and.push(Prisma.sql`r."unitId" = ${unitId}::uuid AND r."titleCode" = ${filters.target}`);
  const search = officerSearchSql(filters.q);
  if (search) and.push(search);
  return and.length ? Prisma.sql`(${Prisma.join(and, " AND ")})` : Prisma.sql`true`;
}

/** The filters as applied: an unknown sub-unit or title is dropped. */
export function cleanFilters(
  raw: { q?: string; sub?: string; target?: string },
  subUnits: readonly { id: string }[],
  individualCodes: readonly string[],
): RegistrationFilters {
  const sub = raw.sub && (raw.sub === NO_SUB_UNIT || subUnits.some((s) => s.id === raw.sub)) ? raw.sub : null;
  const target = raw.target && (raw.target === TARGET_ANY || raw.target === TARGET_NONE || individualCodes.includes(raw.target)) ? raw.target : "";
  return { q: (raw.q ?? "").trim().slice(0, 100), subUnitId: sub, target };
}
