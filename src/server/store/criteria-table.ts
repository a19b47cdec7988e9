// A stored criteria table as the pure scoring rules see it (src/domain/scoring): read by the
// criteria, report and scoring commands and by the report and scoring pages.
import type { CriteriaTableDef, SectionKind } from "@/domain/scoring";
import type { Tx } from "@/server/db";

export type LoadedTable = CriteriaTableDef & {
  id: string;
  emulationYearId: string;
  version: number;
  publishedAt: Date | null;
  frozenAt: Date | null;
  copiedFromYear: number | null;
};

type TableReader = { criteriaTable: Pick<Tx["criteriaTable"], "findUnique"> };

/** A stored table as the pure rules see it (sections, criteria and key figures in display order). */
export async function loadTable(db: TableReader, where: { id: string } | { emulationYearId: string }): Promise<LoadedTable | null> {
  const row = await db.criteriaTable.findUnique({
    where,
    include: {
      sections: { orderBy: { position: "asc" }, include: { criteria: { orderBy: { position: "asc" } } } },
      keyFigures: { orderBy: { position: "asc" } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    emulationYearId: row.emulationYearId,
    version: row.version,
    publishedAt: row.publishedAt,
    frozenAt: row.frozenAt,
    copiedFromYear: row.copiedFromYear,
    totalHalf: row.totalHalf,
    sections: row.sections.map((s) => ({
      id: s.id,
      kind: s.kind as SectionKind,
      title: s.title,
      maxHalf: s.maxHalf,
      criteria: s.criteria.map((c) => ({
        id: c.id,
        title: c.title,
        guidance: c.guidance,
        maxHalf: c.maxHalf,
        evidenceRequired: c.evidenceRequired,
        inMidyear: c.inMidyear,
      })),
    })),
    keyFigures: row.keyFigures.map((f) => ({ id: f.id, label: f.label, unitLabel: f.unitLabel, required: f.required, inMidyear: f.inMidyear, movementFigureId: f.movementFigureId })),
  };
}
