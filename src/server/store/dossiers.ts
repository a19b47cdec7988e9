// A proposal dossier as commands and pages reach it (issue 14): its scope read from the database, the
// locked dossier with its year for writes, and the working days of its disclosure window.
import type { DossierStatus } from "@/domain/awards";
import type { Target } from "@/domain/permissions";
import { vietnamDay, type IsoDate } from "@/domain/working-days";
import { appNow } from "@/server/clock";
import type { Tx } from "@/server/db";
import { NotFoundError } from "@/server/errors";
import { lockCluster } from "./locks";
import { assertYearWritable } from "./years";

/** The cluster of a stored dossier (the form only names the dossier). Unknown → empty scope → not found. */
export async function dossierScope(db: Pick<Tx, "$queryRaw">, dossierId: string): Promise<Target> {
  const rows = await db.$queryRaw<{ clusterId: string; yearId: string }[]>`
    SELECT y."clusterId"::text AS "clusterId", y.id::text AS "yearId" FROM "Dossier" d JOIN "EmulationYear" y ON y.id = d."emulationYearId" WHERE d.id = ${dossierId}::uuid`;
  return rows[0] ? { clusterId: rows[0].clusterId, yearId: rows[0].yearId } : {};
}

/** The dossier of an item (its id and cluster). */
export async function itemDossier(db: Pick<Tx, "$queryRaw">, itemId: string): Promise<{ dossierId: string; clusterId: string; yearId: string } | null> {
  const rows = await db.$queryRaw<{ dossierId: string; clusterId: string; yearId: string }[]>`
    SELECT d.id::text AS "dossierId", y."clusterId"::text AS "clusterId", y.id::text AS "yearId"
    FROM "DossierItem" i JOIN "Dossier" d ON d.id = i."dossierId" JOIN "EmulationYear" y ON y.id = d."emulationYearId"
    WHERE i.id = ${itemId}::uuid`;
  return rows[0] ?? null;
}

export type LockedDossier = Awaited<ReturnType<typeof lockDossier>>;

/**
 * Locks the cluster (the year cannot close meanwhile) and the dossier row, then reads it with its
 * year. Refuses a closed year (every dossier write is a write of the year).
 */
export async function lockDossier(tx: Tx, dossierId: string, clusterId: string) {
  await lockCluster(tx, clusterId);
  await tx.$queryRaw`SELECT id FROM "Dossier" WHERE id = ${dossierId}::uuid FOR UPDATE`;
  const dossier = await tx.dossier.findUnique({
    where: { id: dossierId },
    include: { emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true } } },
  });
  if (!dossier || dossier.emulationYear.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(dossier.emulationYear);
  return { ...dossier, status: dossier.status as DossierStatus };
}

/** Today on the emulation calendar (Vietnam), as the disclosure window counts it. */
export const calendarToday = (): IsoDate => vietnamDay(appNow());

export const isoOfDate = (d: Date | null): IsoDate | null => (d ? d.toISOString().slice(0, 10) : null);
