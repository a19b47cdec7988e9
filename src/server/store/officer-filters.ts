// Which officers a list shows: the one officer search used by every list (diacritic- and
// case-insensitive, by words of the name or by code) and the registration filters, shared by the
// registration page, its counts and the bulk registration command (the same set for all three).
import type { Prisma } from "@/generated/prisma/client";
import { searchKey } from "@/domain/vietnamese";

/** Prisma passes contains/startsWith text into LIKE unescaped (6.19): make %, _ and \ match themselves. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * Each word must begin a word of the name ("an" finds "Nguyễn Văn An", not "Lan" or "Tuấn"), or the
 * text is in the code. Null when there is nothing to search for.
 */
export function officerSearchWhere(query: string): Prisma.OfficerWhereInput | null {
  const q = query.trim().slice(0, 100);
  const words = searchKey(q).split(" ").filter(Boolean).slice(0, 8).map(likeLiteral);
  if (!words.length) return null;
  const nameHas = (w: string): Prisma.OfficerWhereInput => ({ OR: [{ searchName: { startsWith: w } }, { searchName: { contains: ` ${w}` } }] });
  return { OR: [{ AND: words.map(nameHas) }, { code: { contains: likeLiteral(q.toUpperCase()) } }] };
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
 * The unit's active officers matching the filters (the same set for the page, the counts and the bulk
 * command). `filters.subUnitId` must already be checked against the unit's sub-units.
 */
export function registrationOfficerWhere(unitId: string, emulationYearId: string, filters: RegistrationFilters): Prisma.OfficerWhereInput {
  const where: Prisma.OfficerWhereInput = { unitId, active: true };
  const and: Prisma.OfficerWhereInput[] = [];
  if (filters.subUnitId) where.subUnitId = filters.subUnitId === NO_SUB_UNIT ? null : filters.subUnitId;
  if (filters.target === TARGET_NONE) where.registrations = { none: { emulationYearId } };
  else if (filters.target === TARGET_ANY) where.registrations = { some: { emulationYearId, unitId } };
  else if (filters.target) where.registrations = { some: { emulationYearId, unitId, titleCode: filters.target } };
  const search = officerSearchWhere(filters.q);
  if (search) and.push(search);
  if (and.length) where.AND = and;
  return where;
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
