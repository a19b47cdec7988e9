import type { ImportContext } from "@/domain/excel-rows";
import { vietnamToday } from "@/domain/registration-window";
import type { Tx } from "@/server/db";

// What row validation needs from the database (read before the command's transaction; the command
// checks everything that matters again inside it)
export async function loadImportContext(
  db: Pick<Tx, "unit" | "titleDefinition" | "emulationYear">,
  unitId: string,
  yearId: string,
  now: Date,
): Promise<{ context: ImportContext; year: { id: string; year: number } } | null> {
  const [unit, year, subUnits, titles] = await Promise.all([
    db.unit.findUnique({ where: { id: unitId }, select: { clusterId: true, parentId: true } }),
    db.emulationYear.findUnique({ where: { id: yearId }, select: { id: true, year: true, clusterId: true } }),
    db.unit.findMany({ where: { parentId: unitId }, orderBy: { sortKey: "asc" }, select: { id: true, code: true, name: true } }),
    db.titleDefinition.findMany({ select: { code: true, name: true, shortName: true, kind: true, active: true } }),
  ]);
  if (!unit || unit.parentId || !year || year.clusterId !== unit.clusterId) return null;
  return {
    context: { titles, subUnits, year: year.year, today: vietnamToday(now) },
    year: { id: year.id, year: year.year },
  };
}
