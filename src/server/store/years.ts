// An emulation year as writes see it: locked, re-read, refused when closed.
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
