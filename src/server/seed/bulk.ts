// Bulk inserts for the demo's largest tables: one INSERT … SELECT FROM unnest(arrays) per batch, about
// ten times faster than createMany for a thousand rows (which keeps `npm start` on a fresh clone
// quick). The columns Prisma fills on the client (ids, updatedAt) are filled by the database here.
import type { TaskRating } from "@/domain/eligibility";
import type { Tx } from "@/server/db";

export type OfficerRegistrationRow = { emulationYearId: string; unitId: string; officerId: string; titleCode: string };

export async function insertOfficerRegistrations(tx: Tx, rows: readonly OfficerRegistrationRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "OfficerRegistration" ("id", "emulationYearId", "unitId", "officerId", "titleCode", "updatedAt")
    SELECT gen_random_uuid(), x.y, x.u, x.o, x.t, now()
    FROM unnest(${rows.map((r) => r.emulationYearId)}::uuid[], ${rows.map((r) => r.unitId)}::uuid[],
                ${rows.map((r) => r.officerId)}::uuid[], ${rows.map((r) => r.titleCode)}::text[]) AS x(y, u, o, t)`;
}

export type OfficerYearResultRow = {
  officerId: string;
  year: number;
  rating: TaskRating;
  awardedTitleCode: string | null;
  decisionNo: string | null;
  /** yyyy-mm-dd */
  decisionDate: string | null;
  decisionSigner: string | null;
};

/** Year results, verified (the demo's results are decided, not entered by a unit officer). */
export async function insertOfficerYearResults(tx: Tx, rows: readonly OfficerYearResultRow[]): Promise<void> {
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO "OfficerYearResult" ("id", "officerId", "year", "rating", "awardedTitleCode", "decisionNo", "decisionDate", "decisionSigner", "verified", "updatedAt")
    SELECT gen_random_uuid(), x.o, x.y, x.r::"TaskRating", x.t, x.n, x.d::date, x.s, true, now()
    FROM unnest(${rows.map((r) => r.officerId)}::uuid[], ${rows.map((r) => r.year)}::int[], ${rows.map((r) => r.rating)}::text[],
                ${rows.map((r) => r.awardedTitleCode)}::text[], ${rows.map((r) => r.decisionNo)}::text[],
                ${rows.map((r) => r.decisionDate)}::text[], ${rows.map((r) => r.decisionSigner)}::text[]) AS x(o, y, r, t, n, d, s)`;
}
