// Read side of criteria tables and unit reports. Every query takes the actor and checks the permission
// table; whatever the actor may not see answers "not found" (404).
// Drafts: a report that has never been submitted (DRAFT) is only ever shown to its own unit — whatever
// the role — and a RETURNED report's working copy likewise; the secretariat then sees the history and
// what was last submitted (the snapshot), never the unit's edits in progress.
import { notFound } from "next/navigation";
import type { Prisma } from "@/generated/prisma/client";
import { can, roleMay, type Actor } from "@/domain/permissions";
import {
  computeTotals,
  formFor,
  isPastDeadline,
  scoringSettingsOf,
  submissionProblems,
  type CriteriaTableDef,
  type FieldErrors,
  type ReportKind,
  type ReportTotals,
} from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { compareVi } from "@/domain/vietnamese";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan } from "./guard";
import { isUuid } from "@/domain/validation";

export type ReportStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED";

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: "Đang soạn",
  SUBMITTED: "Đã gửi, chờ xem xét",
  RETURNED: "Bị trả lại, chờ gửi lại",
  ACCEPTED: "Đã chấp nhận",
};
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { YEAR_END: "Báo cáo tổng kết", MIDYEAR: "Báo cáo sơ kết 6 tháng" };
/** "Báo cáo tổng kết năm 2022", "Báo cáo sơ kết 6 tháng năm 2022". */
export const reportTitle = (kind: ReportKind, year: number) => `${REPORT_KIND_LABELS[kind]} năm ${year}`;
export const REPORT_KINDS: ReportKind[] = ["YEAR_END", "MIDYEAR"];

/**
 * How much of a report the actor may see: its own unit sees everything (drafts included); others with
 * "report.view" in scope see a submitted or accepted report in full, a returned one only as last
 * submitted; nobody else sees anything.
 */
export function reportVisibility(actor: Actor, report: { unitId: string; clusterId: string; status: string }): "full" | "submitted-only" | "none" {
  const target = { unitId: report.unitId, clusterId: report.clusterId };
  if (!can(actor, P.reportView, target)) return "none";
  if (actor.unitId === report.unitId) return "full";
  if (report.status === "DRAFT") return "none";
  if (report.status === "RETURNED") return "submitted-only";
  return "full";
}

// ---------------------------------------------------------------------------------------------
// Years the actor can pick

export type YearChoice = { id: string; year: number; phase: YearPhase; clusterId: string; clusterName: string };

/** The emulation years of the actor's cluster (admin: every cluster), newest first. */
export async function yearChoices(actor: Actor): Promise<YearChoice[]> {
  if (!roleMay(actor, P.reportView) && !roleMay(actor, P.criteriaView)) return [];
  const where: Prisma.EmulationYearWhereInput = actor.role === "ADMIN" ? {} : actor.clusterId ? { clusterId: actor.clusterId } : { id: "00000000-0000-0000-0000-000000000000" };
  const years = await prisma.emulationYear.findMany({
    where,
    orderBy: [{ year: "desc" }],
    select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } },
  });
  return years
    .filter((y) => actor.role === "ADMIN" || y.clusterId === actor.clusterId)
    .map((y) => ({ id: y.id, year: y.year, phase: y.phase as YearPhase, clusterId: y.clusterId, clusterName: y.cluster.name }))
    .sort((a, b) => compareVi(a.clusterName, b.clusterName) || b.year - a.year);
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// The reports index (/reports)

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

// ---------------------------------------------------------------------------------------------
// One report (/reports/[id], the print page, the Word document)

export type EvidenceInfo = { id: string; criterionId: string; fileName: string; size: number; contentType: string; uploadedAt: Date; uploadedByName: string };
export type ScoreInfo = { selfHalf: number | null; explanation: string; finalHalf: number | null; finalNote: string | null };

type Snapshot = {
  tableVersion: number;
  totalHalf: number;
  scores: { criterionId: string; label: string; half: number | null; explanation: string; evidence: number }[];
  figures: { figureId: string; label: string; value: string | null }[];
  narrative: string;
};

export async function getReport(actor: Actor, id: string, now = new Date()) {
  if (!isUuid(id)) notFound();
  const report = await prisma.unitReport.findUnique({
    where: { id },
    include: {
      unit: { select: { id: true, name: true } },
      emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true, cluster: { select: { name: true } } } },
      events: { orderBy: { at: "asc" } },
    },
  });
  if (!report) notFound();
  const clusterId = report.emulationYear.clusterId;
  const visibility = reportVisibility(actor, { unitId: report.unitId, clusterId, status: report.status });
  assertCan(actor, P.reportView, visibility === "none" ? null : { unitId: report.unitId, clusterId });

  const table = await loadTable(prisma, { emulationYearId: report.emulationYearId });
  if (!table) notFound();
  const kind = report.kind as ReportKind;
  const form = formFor(table, kind);
  const round = await prisma.scoringRound.findUnique({ where: { emulationYearId: report.emulationYearId }, select: { id: true, state: true } });
  const lastSubmission = [...report.events].reverse().find((e) => e.kind === "SUBMITTED");
  const snapshot = (lastSubmission?.snapshot ?? null) as Snapshot | null;

  let scores: Record<string, ScoreInfo> = {};
  let figures: Record<string, string | null> = {};
  let evidence: EvidenceInfo[] = [];
  let narrative = report.narrative;
  if (visibility === "full") {
    const [scoreRows, figureRows, files] = await Promise.all([
      prisma.reportScore.findMany({ where: { reportId: id }, select: { criterionId: true, selfHalf: true, explanation: true, finalHalf: true, finalNote: true } }),
      prisma.reportFigure.findMany({ where: { reportId: id }, select: { figureId: true, value: true } }),
      prisma.evidenceFile.findMany({
        where: { reportId: id },
        orderBy: { uploadedAt: "asc" },
        select: { id: true, criterionId: true, fileName: true, size: true, contentType: true, uploadedAt: true, uploadedByName: true },
      }),
    ]);
    scores = Object.fromEntries(scoreRows.map((s) => [s.criterionId, { selfHalf: s.selfHalf, explanation: s.explanation, finalHalf: s.finalHalf, finalNote: s.finalNote }]));
    figures = Object.fromEntries(figureRows.map((f) => [f.figureId, f.value.toString()]));
    evidence = files;
  } else if (snapshot) {
    // The secretariat on a returned report: what was last submitted.
    scores = Object.fromEntries(snapshot.scores.map((s) => [s.criterionId, { selfHalf: s.half, explanation: s.explanation, finalHalf: null, finalNote: null }]));
    figures = Object.fromEntries(snapshot.figures.map((f) => [f.figureId, f.value]));
    narrative = snapshot.narrative;
  }

  const writable = isYearWritable(report.emulationYear.phase as YearPhase);
  const editable = writable && (report.status === "DRAFT" || report.status === "RETURNED");
  const target = { unitId: report.unitId, clusterId };
  const own = actor.unitId === report.unitId;
  const canEdit = editable && own && can(actor, P.reportEdit, target) && !!table.publishedAt;
  const canSubmit = editable && own && can(actor, P.reportApprove, target) && !!table.publishedAt;
  const canReview = writable && report.status === "SUBMITTED" && can(actor, P.reportReview, target);
  const settings = parseYearSettings(report.emulationYear.settings);
  const deadline = kind === "YEAR_END" ? settings.reportDeadline : scoringSettingsOf(report.emulationYear.settings).midyearReportDeadline;
  const selfTotals = computeTotals(form, (c) => scores[c]?.selfHalf);
  const finalised = round?.state === "FINALISED";
  const evidenceCounts = new Map<string, number>();
  for (const f of evidence) evidenceCounts.set(f.criterionId, (evidenceCounts.get(f.criterionId) ?? 0) + 1);
  const problems: FieldErrors =
    editable && visibility === "full"
      ? submissionProblems(form, {
          scores: new Map(Object.entries(scores).map(([k, v]) => [k, { half: v.selfHalf, explanation: v.explanation }])),
          figures: new Map(Object.entries(figures)),
          narrative,
          evidenceCounts,
        })
      : {};

  return {
    report: {
      id: report.id,
      kind,
      status: report.status as ReportStatus,
      narrative,
      draftVersion: report.draftVersion,
      savedAt: report.savedAt,
      savedByName: report.savedByName,
      submissionCount: report.submissionCount,
      submittedAt: report.submittedAt,
      submittedByName: report.submittedByName,
      returnReason: report.returnReason,
      acceptedAt: report.acceptedAt,
      tableVersion: report.tableVersion,
      finalTotalHalf: finalised ? report.finalTotalHalf : null,
      finalRank: finalised ? report.finalRank : null,
      unitId: report.unitId,
      unitName: report.unit.name,
      year: { id: report.emulationYear.id, year: report.emulationYear.year, phase: report.emulationYear.phase as YearPhase, clusterId, clusterName: report.emulationYear.cluster.name },
    },
    content: visibility === "full" ? ("live" as const) : ("last-submitted" as const),
    table: { id: table.id, version: table.version, frozenAt: table.frozenAt, publishedAt: table.publishedAt },
    form,
    scores,
    figures,
    evidence,
    events: report.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      actorName: e.actorName,
      reason: e.reason,
      totalHalf: (e.snapshot as Snapshot | null)?.totalHalf ?? null,
      tableVersion: (e.snapshot as Snapshot | null)?.tableVersion ?? null,
    })),
    selfTotals,
    finalTotals: finalised ? computeTotals(form, (c) => scores[c]?.finalHalf) : null,
    problems,
    deadline,
    pastDeadline: isPastDeadline(deadline, now),
    roundState: round?.state ?? null,
    can: { edit: canEdit, submit: canSubmit, review: canReview, seeFinal: finalised && visibility === "full" },
  };
}

export type ReportPageData = Awaited<ReturnType<typeof getReport>>;

// ---------------------------------------------------------------------------------------------
// Evidence download

/**
 * An evidence file for download, or 404: the actor must see the report in full (its own unit, or the
 * secretariat/admin once submitted), or be a unit assigned to cross-score it.
 */
export async function evidenceForDownload(actor: Actor, fileId: string) {
  if (!isUuid(fileId)) notFound();
  const file = await prisma.evidenceFile.findUnique({
    where: { id: fileId },
    select: {
      fileName: true,
      contentType: true,
      size: true,
      data: true,
      report: { select: { id: true, unitId: true, status: true, emulationYear: { select: { clusterId: true } } } },
    },
  });
  if (!file) notFound();
  const r = file.report;
  const clusterId = r.emulationYear.clusterId;
  let allowed = reportVisibility(actor, { unitId: r.unitId, clusterId, status: r.status }) === "full";
  if (!allowed && actor.unitId && can(actor, P.reportView, { unitId: actor.unitId, clusterId })) {
    allowed = (await prisma.crossAssignment.count({ where: { reportId: r.id, scorerUnitId: actor.unitId } })) > 0;
  }
  if (!allowed) notFound();
  return { fileName: file.fileName, contentType: file.contentType, size: file.size, data: file.data };
}

// ---------------------------------------------------------------------------------------------
// The criteria table editor (/cluster/criteria)

export async function criteriaIndex(actor: Actor) {
  if (!roleMay(actor, P.criteriaManage) || !actor.clusterId) notFound();
  assertCan(actor, P.criteriaManage, { clusterId: actor.clusterId });
  const years = await prisma.emulationYear.findMany({
    where: { clusterId: actor.clusterId },
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      phase: true,
      criteriaTable: { select: { id: true, publishedAt: true, frozenAt: true, version: true, _count: { select: { criteria: true, sections: true } } } },
    },
  });
  return years.map((y) => ({ ...y, phase: y.phase as YearPhase }));
}

export async function criteriaEditor(actor: Actor, yearId: string) {
  if (!isUuid(yearId)) notFound();
  const year = await prisma.emulationYear.findUnique({
    where: { id: yearId },
    select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } },
  });
  assertCan(actor, P.criteriaManage, year && { clusterId: year.clusterId });
  const y = year!;
  const table: LoadedTable | null = await loadTable(prisma, { emulationYearId: y.id });
  const [previous, amendments, reportsSubmitted] = await Promise.all([
    prisma.emulationYear.findFirst({
      where: { clusterId: y.clusterId, year: { lt: y.year }, criteriaTable: { isNot: null } },
      orderBy: { year: "desc" },
      select: { year: true },
    }),
    table ? prisma.criteriaAmendment.findMany({ where: { tableId: table.id }, orderBy: { at: "desc" }, take: 100 }) : [],
    prisma.unitReport.count({ where: { emulationYearId: y.id, submissionCount: { gt: 0 } } }),
  ]);
  return {
    year: { id: y.id, year: y.year, phase: y.phase as YearPhase, clusterName: y.cluster.name, writable: isYearWritable(y.phase as YearPhase) },
    table,
    previousYearWithTable: previous?.year ?? null,
    amendments,
    reportsSubmitted,
  };
}

/** The criteria table of a year for anyone in the cluster (units read it before drafting). */
export async function criteriaForReading(actor: Actor, yearId: string) {
  if (!isUuid(yearId)) notFound();
  const year = await prisma.emulationYear.findUnique({ where: { id: yearId }, select: { id: true, year: true, clusterId: true } });
  assertCan(actor, P.criteriaView, year && { clusterId: year.clusterId });
  const table = await loadTable(prisma, { emulationYearId: year!.id });
  if (!table || (!table.publishedAt && !can(actor, P.criteriaManage, { clusterId: year!.clusterId }))) notFound();
  return { year: year!, table };
}
