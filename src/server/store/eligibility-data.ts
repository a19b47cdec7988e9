// What the eligibility engine (src/domain/eligibility) reads about one unit's officers for one year,
// loaded in a constant number of queries whatever the unit's size (no query per officer): the active
// officers, their year records (rating, awarded title), initiatives and discipline records — wherever
// they were recorded: a transferred officer brings their whole history (docs/domain.md §11) — mapped to
// the engine's OfficerHistory shape, and their registrations for the emulation year.
//
// Only what the engine looks at is loaded, and only the columns it needs:
// - year records of the HISTORY_YEARS years ending at the year evaluated, Y-5…Y: the engine's rules look
//   back five years (CSTĐ toàn quốc: two 3-year cycles), so older records cannot change any status
//   (callers that show a longer history pass `historyFrom`);
// - initiatives of the same window;
// - discipline records that are not CLEARED and had not ended before 1 January of the year evaluated
//   (the engine ignores CLEARED records and those over before the year; a record open on a later
//   decision day is kept, for the RESULTS stage).
// No permission check here: callers (queries, commands, scripts) check the actor first.
import {
  INDIVIDUAL_TITLES,
  type DisciplineForm,
  type DisciplineRecord,
  type DisciplineStatus,
  type IndividualTitle,
  type Initiative,
  type InitiativeLevel,
  type OfficerHistory,
  type OfficerProposal,
  type OfficerYearRecord,
  type RegistrationOfficer,
  type TaskRating,
} from "@/domain/eligibility";
import { Prisma } from "@/generated/prisma/client";
import { queryRows, type Tx } from "@/server/db";

/** Years of history loaded by default, ending at the year evaluated (Y-5…Y: what the rules read). */
export const HISTORY_YEARS = 6;

/** Anything that can run a raw query: the app's client or a transaction. */
export type RawQueryable = Pick<Tx, "$queryRaw">;

export type EligibilityDataOptions = {
  /** A member unit. */
  unitId: string;
  /** The calendar year evaluated (the emulation year's `year`). */
  year: number;
  /** Whose registrations to load; none when omitted. */
  emulationYearId?: string;
  /** Only these officers (still only the unit's active ones); all of the unit's active officers when omitted. */
  officerIds?: readonly string[];
  /** First year of history loaded; default year − HISTORY_YEARS + 1. */
  historyFrom?: number;
};

export type EligibilityOfficer = RegistrationOfficer & { code: string; name: string };

export type UnitEligibilityData = {
  /** The unit's active officers, in Vietnamese alphabetical order (sortKey, then code). */
  officers: EligibilityOfficer[];
  /** Their stored registrations for the emulation year (one per officer at most: a unique index). */
  registrations: OfficerProposal[];
};

const INDIVIDUAL = new Set<string>(INDIVIDUAL_TITLES);

type OfficerRow = { id: string; code: string; fullName: string };
type YearRow = { officerId: string; year: number; rating: TaskRating | null; awardedTitleCode: string | null };
type InitiativeRow = { id: string; officerId: string; year: number; level: InitiativeLevel; title: string };
type DisciplineRow = { id: string; officerId: string; form: DisciplineForm; status: DisciplineStatus; from: string; to: string | null };
type RegistrationRow = { officerId: string; titleCode: string };

type MutableHistory = { years: OfficerYearRecord[]; initiatives: Initiative[]; disciplines: DisciplineRecord[] };

/**
 * The app's pool through `queryRows` (named prepared statements, without the Prisma client engine:
 * docs/performance.md): for read-only pages, outside any transaction.
 */
export const pooledRows: RawQueryable = { $queryRaw: queryRows as unknown as RawQueryable["$queryRaw"] };

/** Whether `db` is pool-backed (queries may run side by side) rather than a transaction (one connection). */
const isPooledClient = (db: RawQueryable) => db === pooledRows || typeof (db as { $transaction?: unknown }).$transaction === "function";

/** Five queries for any number of officers (side by side on the app's client, one after another in a transaction). */
export async function loadUnitEligibilityData(db: RawQueryable, options: EligibilityDataOptions): Promise<UnitEligibilityData> {
  const { unitId, year } = options;
  const from = options.historyFrom ?? year - HISTORY_YEARS + 1;
  const ids = options.officerIds ? [...new Set(options.officerIds)] : null;
  if (ids && ids.length === 0) return { officers: [], registrations: [] };
  // The officers in scope: the unit's active officers (optionally a subset of them).
  const subset = ids ? Prisma.sql`AND o.id = ANY(${ids}::uuid[])` : Prisma.empty;
  const yearStart = `${year}-01-01`;

  const queries = [
    () => db.$queryRaw<OfficerRow[]>`
      SELECT o.id::text AS id, o.code, o."fullName"
      FROM "Officer" o
      WHERE o."unitId" = ${unitId}::uuid AND o.active ${subset}
      ORDER BY o."sortKey", o.code`,
    () => db.$queryRaw<YearRow[]>`
      SELECT r."officerId"::text AS "officerId", r.year, r.rating::text AS rating, r."awardedTitleCode"
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active ${subset} AND r.year BETWEEN ${from} AND ${year}`,
    () => db.$queryRaw<InitiativeRow[]>`
      SELECT i.id::text AS id, i."officerId"::text AS "officerId", i.year, i.level::text AS level, i.title
      FROM "Initiative" i JOIN "Officer" o ON o.id = i."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active ${subset} AND i.year BETWEEN ${from} AND ${year}`,
    () => db.$queryRaw<DisciplineRow[]>`
      SELECT d.id::text AS id, d."officerId"::text AS "officerId", d.form::text AS form, d.status::text AS status,
             to_char(d."fromDate", 'YYYY-MM-DD') AS "from", to_char(d."toDate", 'YYYY-MM-DD') AS "to"
      FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active ${subset}
        AND d.status <> 'CLEARED' AND (d."toDate" IS NULL OR d."toDate" >= ${yearStart}::date)`,
    () =>
      options.emulationYearId
        ? db.$queryRaw<RegistrationRow[]>`
          SELECT r."officerId"::text AS "officerId", r."titleCode"
          FROM "OfficerRegistration" r JOIN "Officer" o ON o.id = r."officerId"
          WHERE r."emulationYearId" = ${options.emulationYearId}::uuid AND r."unitId" = ${unitId}::uuid
            AND o."unitId" = ${unitId}::uuid AND o.active ${subset}`
        : Promise.resolve([] as RegistrationRow[]),
  ] as const;
  let results: unknown[];
  if (isPooledClient(db)) results = await Promise.all(queries.map((q) => q()));
  else {
    results = [];
    for (const q of queries) results.push(await q());
  }
  const [officers, years, initiatives, disciplines, registrations] = results as [
    OfficerRow[],
    YearRow[],
    InitiativeRow[],
    DisciplineRow[],
    RegistrationRow[],
  ];

  const histories = buildHistories(officers.map((o) => o.id), years, initiatives, disciplines);

  return {
    officers: officers.map((o) => ({ officerId: o.id, code: o.code, name: o.fullName, history: histories.get(o.id)! })),
    registrations: registrations
      .filter((r) => INDIVIDUAL.has(r.titleCode))
      .map((r) => ({ officerId: r.officerId, title: r.titleCode as IndividualTitle })),
  };
}

/** The engine's histories from the loaded rows: the one mapping for every loader. */
function buildHistories(officerIds: readonly string[], years: YearRow[], initiatives: InitiativeRow[], disciplines: DisciplineRow[]): Map<string, OfficerHistory> {
  const histories = new Map<string, MutableHistory>();
  for (const id of officerIds) histories.set(id, { years: [], initiatives: [], disciplines: [] });
  for (const r of years) {
    const record: OfficerYearRecord = { year: Number(r.year) };
    if (r.rating) record.rating = r.rating;
    // A collective code in an officer's row would be a data error: it is not an individual title.
    if (r.awardedTitleCode && INDIVIDUAL.has(r.awardedTitleCode)) record.awardedTitle = r.awardedTitleCode as IndividualTitle;
    histories.get(r.officerId)?.years.push(record);
  }
  for (const i of initiatives) {
    histories.get(i.officerId)?.initiatives.push({ id: i.id, year: Number(i.year), level: i.level, title: i.title });
  }
  for (const d of disciplines) histories.get(d.officerId)?.disciplines.push(disciplineOfRow(d));
  return histories;
}

function disciplineOfRow(d: { id: string; form: DisciplineForm; status: DisciplineStatus; from: string; to: string | null }): DisciplineRecord {
  return { id: d.id, form: d.form, status: d.status, from: d.from, ...(d.to ? { to: d.to } : {}) };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A discipline record read through Prisma (dates as Date) as the engine reads it (yyyy-mm-dd). */
export function disciplineRecord(d: { id: string; form: string; status: string; fromDate: Date; toDate: Date | null }): DisciplineRecord {
  return disciplineOfRow({ id: d.id, form: d.form as DisciplineForm, status: d.status as DisciplineStatus, from: isoDay(d.fromDate), to: d.toDate && isoDay(d.toDate) });
}

const CHUNK = 5000;

/**
 * The histories of some officers (wherever they serve), for evaluating `year`: the same window and
 * discipline filter as loadUnitEligibilityData. Three queries per 5,000 officers.
 */
export async function loadOfficerHistories(db: RawQueryable, officerIds: readonly string[], year: number): Promise<Map<string, OfficerHistory>> {
  const ids = [...new Set(officerIds)];
  const out = new Map<string, OfficerHistory>();
  const from = year - HISTORY_YEARS + 1;
  const yearStart = `${year}-01-01`;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    // One after another: `db` may be a transaction (one connection).
    const years = await db.$queryRaw<YearRow[]>`
      SELECT "officerId"::text AS "officerId", year, rating::text AS rating, "awardedTitleCode"
      FROM "OfficerYearResult" WHERE "officerId" = ANY(${part}::uuid[]) AND year BETWEEN ${from} AND ${year}`;
    const initiatives = await db.$queryRaw<InitiativeRow[]>`
      SELECT id::text AS id, "officerId"::text AS "officerId", year, level::text AS level, title
      FROM "Initiative" WHERE "officerId" = ANY(${part}::uuid[]) AND year BETWEEN ${from} AND ${year}`;
    const disciplines = await db.$queryRaw<DisciplineRow[]>`
      SELECT id::text AS id, "officerId"::text AS "officerId", form::text AS form, status::text AS status,
             to_char("fromDate", 'YYYY-MM-DD') AS "from", to_char("toDate", 'YYYY-MM-DD') AS "to"
      FROM "Discipline" WHERE "officerId" = ANY(${part}::uuid[])
        AND status <> 'CLEARED' AND ("toDate" IS NULL OR "toDate" >= ${yearStart}::date)`;
    for (const [id, history] of buildHistories(part, years, initiatives, disciplines)) out.set(id, history);
  }
  return out;
}
