// The public holiday calendar (the Holiday table, extended by the admin at /admin/holidays) as the
// working-day arithmetic of src/domain/working-days.ts reads it: reminders, the disclosure window.
import type { IsoDate } from "@/domain/working-days";
import { prisma, type Tx } from "@/server/db";

/** Public holidays from `from` on. */
export async function holidaysFrom(from: IsoDate, db: Pick<Tx, "holiday"> = prisma): Promise<Set<IsoDate>> {
  const rows = await db.holiday.findMany({ where: { date: { gte: new Date(`${from}T00:00:00Z`) } }, select: { date: true } });
  return new Set(rows.map((r) => r.date.toISOString().slice(0, 10)));
}
