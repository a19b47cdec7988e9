import { can, roleMay, type Actor } from "@/domain/permissions";
import { computeTotals, formFor, type CriteriaTableDef, type ReportKind, type ReportTotals } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { isYearWritable } from "@/domain/year-phases";
import { loadTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { isUuid } from "@/domain/validation";
import { type ReportStatus, reportVisibility } from "./shared";
import { yearChoices } from "./years";
import { notFound } from "@/server/errors";

export const REPORT_KINDS: ReportKind[] = ["YEAR_END", "MIDYEAR"];

// Self totals of many reports, aggregated in SQL (one row per report and section), capped in JS.

export async function selfTotalsOf(table: CriteriaTableDef, reportIds: string[], column: "selfHalf" | "finalHalf" = "selfHalf"): Promise<Map<string, ReportTotals>> {
  if (reportIds.length === 0) return new Map();
  const rows =
    column === "selfHalf"
      ? await prisma.$queryRaw<{ reportId: string; criterionId: string; half: number }[]>`
          SELECT s."reportId"::text AS "reportId", s."criterionId"::text AS "criterionId", s."selfHalf" AS half
          FROM "ReportScore" s WHERE s."reportId" = ANY(${reportIds}::uuid[]) AND s."selfHalf" IS NOT NULL`
      : await prisma.$queryRaw<{ reportId: string; criterionId: string; half: number }[]>`
          SELECT s."reportId"::text AS "reportId", s."criterionId"::text AS "criterionId", s."finalHalf" AS half
          FROM "ReportScore" s WHERE s."reportId" = ANY(${reportIds}::uuid[]) AND s."finalHalf" IS NOT NULL`;
  const byReport = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = byReport.get(r.reportId) ?? new Map<string, number>();
    m.set(r.criterionId, r.half);
    byReport.set(r.reportId, m);
  }
  return new Map(reportIds.map((id) => [id, computeTotals(table, (c) => byReport.get(id)?.get(c))]));
}

export type ReportsIndexRow = {
  unitId: string;
  unitName: string;
  kind: ReportKind;
  reportId: string | null;
  /** What the actor may know: a draft of another unit reads as "not submitted". */
  status: ReportStatus | "NONE";
  submittedAt: Date | null;
  submissionCount: number;
  selfTotalHalf: number | null;
  finalTotalHalf: number | null;
  finalRank: number | null;
  viewable: boolean;
};

export async function reportsIndex(actor: Actor, requestedYearId?: string | null) {
  if (!roleMay(actor, P.reportView)) notFound();
  const years = await yearChoices(actor);
  if (requestedYearId && !isUuid(requestedYearId)) notFound();
  const year = requestedYearId ? years.find((y) => y.id === requestedYearId) : years[0];
  if (requestedYearId && !year) notFound();
  if (!year) return { years, year: null, table: null, rows: [] as ReportsIndexRow[], ownUnit: null, canStart: false, assignmentsCount: 0, round: null };

  const ownUnitView = actor.role === "UNIT_OFFICER" || actor.role === "UNIT_HEAD";
  const units = await prisma.unit.findMany({
    where: { clusterId: year.clusterId, parentId: null, ...(ownUnitView ? { id: actor.unitId ?? undefined } : {}) },
    orderBy: { sortKey: "asc" },
    select: { id: true, name: true, active: true },
  });
  const visibleUnits = units.filter((u) => can(actor, P.reportView, { unitId: u.id, clusterId: year.clusterId }));
  const [tableRow, reports, round] = await Promise.all([
    prisma.criteriaTable.findUnique({ where: { emulationYearId: year.id }, select: { id: true, publishedAt: true, frozenAt: true, version: true } }),
    prisma.unitReport.findMany({
      where: { emulationYearId: year.id, unitId: { in: visibleUnits.map((u) => u.id) } },
      select: { id: true, unitId: true, kind: true, status: true, submittedAt: true, submissionCount: true, finalTotalHalf: true, finalRank: true },
    }),
    prisma.scoringRound.findUnique({ where: { emulationYearId: year.id }, select: { id: true, state: true } }),
  ]);
  const table = tableRow ? await loadTable(prisma, { id: tableRow.id }) : null;
  const fullyVisible = reports.filter((r) => r.kind === "YEAR_END" && reportVisibility(actor, { unitId: r.unitId, clusterId: year.clusterId, status: r.status }) === "full");
  const totals = table ? await selfTotalsOf(table, fullyVisible.map((r) => r.id)) : new Map<string, ReportTotals>();
  const rows: ReportsIndexRow[] = [];
  for (const unit of visibleUnits) {
    for (const kind of REPORT_KINDS) {
      const r = reports.find((x) => x.unitId === unit.id && x.kind === kind);
      const visibility = r ? reportVisibility(actor, { unitId: unit.id, clusterId: year.clusterId, status: r.status }) : "none";
      const status: ReportStatus | "NONE" = !r ? "NONE" : visibility === "none" ? "NONE" : (r.status as ReportStatus);
      rows.push({
        unitId: unit.id,
        unitName: unit.name,
        kind,
        reportId: r && visibility !== "none" ? r.id : null,
        status,
        submittedAt: status === "NONE" ? null : (r?.submittedAt ?? null),
        submissionCount: status === "NONE" ? 0 : (r?.submissionCount ?? 0),
        selfTotalHalf: r && status !== "NONE" ? (totals.get(r.id)?.totalHalf ?? null) : null,
        finalTotalHalf: status === "NONE" || round?.state !== "FINALISED" ? null : (r?.finalTotalHalf ?? null),
        finalRank: status === "NONE" || round?.state !== "FINALISED" ? null : (r?.finalRank ?? null),
        viewable: !!r && visibility !== "none",
      });
    }
  }
  const ownUnit = ownUnitView && actor.unitId ? (units.find((u) => u.id === actor.unitId) ?? null) : null;
  const assignmentsCount =
    ownUnit && round ? await prisma.crossAssignment.count({ where: { roundId: round.id, scorerUnitId: ownUnit.id } }) : 0;
  return {
    years,
    year,
    table: table && tableRow ? { id: table.id, publishedAt: tableRow.publishedAt, frozenAt: tableRow.frozenAt, version: tableRow.version, hasMidyearForm: formFor(table, "MIDYEAR").sections.length + formFor(table, "MIDYEAR").keyFigures.length > 0 } : null,
    rows,
    ownUnit,
    canStart: !!ownUnit && !!tableRow?.publishedAt && isYearWritable(year.phase) && can(actor, P.reportEdit, { unitId: ownUnit.id, clusterId: year.clusterId }),
    assignmentsCount,
    round,
  };
}
