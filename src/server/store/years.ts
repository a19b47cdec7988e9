// An emulation year as writes see it: locked, re-read, refused when closed.
import type { Target } from "@/domain/permissions";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import type { Tx } from "@/server/db";
import { NotFoundError, UserError } from "@/server/errors";
import { lockCluster } from "./locks";

/** Refuses a closed year (call after locking the cluster, so the phase read is current). */
export function assertYearWritable(year: { phase: string }) {
  if (!isYearWritable(year.phase as YearPhase)) throw new UserError(YEAR_CLOSED_MESSAGE);
}

/** Locks the cluster, then reads the year again (it may have changed before the lock). Refuses a closed year. */
export async function loadWritableYear(tx: Tx, yearId: string, clusterId: string) {
  await lockCluster(tx, clusterId);
  const year = await tx.emulationYear.findUnique({ where: { id: yearId } });
  if (!year || year.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(year);
  return year;
}

/** The cluster of a stored year (the form only names the year). Unknown → empty scope → not found. */
export async function yearScope(tx: Tx, yearId: string): Promise<Target> {
  const year = await tx.emulationYear.findUnique({ where: { id: yearId }, select: { clusterId: true } });
  return year ? { clusterId: year.clusterId, yearId } : {};
}

/** The same for the year's own settings commands, where an unknown year is refused as plainly not found. */
export async function existingYearScope(tx: Tx, yearId: string): Promise<Target> {
  const scope = await yearScope(tx, yearId);
  if (!scope.clusterId) throw new NotFoundError();
  return scope;
}
