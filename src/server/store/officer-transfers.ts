// What a transfer reads of an officer (docs/domain.md §11): the dates their records stand for
// (src/domain/transfers.ts), and their transfers as the officer's history shows them.
import type { OfficerRecordDate, OfficerRecordKind } from "@/domain/transfers";
import { Prisma } from "@/generated/prisma/client";
import { queryRows, type Tx } from "@/server/db";

/** The latest dated record of each kind (one statement; the dates as src/domain/transfers.ts defines them). */
export async function officerRecordDates(tx: Tx, officerId: string): Promise<OfficerRecordDate[]> {
  const rows = await tx.$queryRaw<{ kind: OfficerRecordKind; date: string; year: number }[]>`
    SELECT kind, to_char(max(d), 'YYYY-MM-DD') AS date, max(y)::int AS year FROM (
      SELECT 'result' AS kind, greatest(make_date(r.year, 12, 31), r."decisionDate") AS d, r.year AS y FROM "OfficerYearResult" r WHERE r."officerId" = ${officerId}::uuid
      UNION ALL SELECT 'initiative', make_date(i.year, 12, 31), i.year FROM "Initiative" i WHERE i."officerId" = ${officerId}::uuid
      UNION ALL SELECT 'discipline', d."fromDate", extract(year FROM d."fromDate")::int FROM "Discipline" d WHERE d."officerId" = ${officerId}::uuid
      UNION ALL SELECT 'registration', make_date(y.year, 1, 1), y.year FROM "OfficerRegistration" g JOIN "EmulationYear" y ON y.id = g."emulationYearId" WHERE g."officerId" = ${officerId}::uuid
      UNION ALL SELECT 'transfer', t."effectiveDate", extract(year FROM t."effectiveDate")::int FROM "OfficerTransfer" t WHERE t."officerId" = ${officerId}::uuid
    ) x GROUP BY kind`;
  return rows;
}

export type TransferListed = {
  id: string;
  effectiveDate: Date;
  fromUnitName: string;
  toUnitName: string;
  decisionNo: string;
  decisionDate: Date;
  decisionSigner: string;
  recordedByName: string;
};

/**
 * SQL condition on the officer alias `o`: an active officer who served member unit `unitId` at the end
 * of `year` (docs/domain.md §11: the unit that holds them on 31 December has their year) — its present
 * officers not transferred in after that year, and those transferred out of it since. The candidates
 * are found by index (the officer's unit, the transfers out of the unit); "served_unit_at" decides.
 */
export function servedInYear(unitId: string, year: number): Prisma.Sql {
  const yearEnd = `${year}-12-31`;
  return Prisma.sql`o.active AND (o."unitId" = ${unitId}::uuid OR o.id IN (
      SELECT t."officerId" FROM "OfficerTransfer" t WHERE t."fromUnitId" = ${unitId}::uuid AND t."effectiveDate" > ${yearEnd}::date))
    AND (NOT EXISTS (SELECT 1 FROM "OfficerTransfer" t WHERE t."officerId" = o.id) OR served_unit_at(o.id, ${yearEnd}::date) = ${unitId}::uuid)`;
}

/** An officer's transfers, newest first (the officer's history page). */
export function officerTransfers(officerId: string): Promise<TransferListed[]> {
  return queryRows<TransferListed[]>`
    SELECT t.id::text AS id, t."effectiveDate", f.name AS "fromUnitName", n.name AS "toUnitName",
      t."decisionNo", t."decisionDate", t."decisionSigner", u."displayName" AS "recordedByName"
    FROM "OfficerTransfer" t JOIN "Unit" f ON f.id = t."fromUnitId" JOIN "Unit" n ON n.id = t."toUnitId" JOIN "User" u ON u.id = t."recordedById"
    WHERE t."officerId" = ${officerId}::uuid
    ORDER BY t."effectiveDate" DESC, t."recordedAt" DESC`;
}
