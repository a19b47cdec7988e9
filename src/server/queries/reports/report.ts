import { can, type Actor } from "@/domain/permissions";
import { computeTotals, formFor, isPastDeadline, scoringSettingsOf, submissionProblems, type FieldErrors, type ReportKind } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { loadTable } from "@/server/store/criteria-table";
import { linkedFigureValues } from "@/server/store/movement-figures";
import { prisma } from "@/server/db";
import { assertCan, named } from "../guard";
import { reportVisibility, type ReportStatus } from "./shared";
import { notFound } from "@/server/errors";

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
  const report = await named(id, (id) => prisma.unitReport.findUnique({
    where: { id },
    include: {
      unit: { select: { id: true, name: true } },
      emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true, cluster: { select: { name: true } } } },
      events: { orderBy: { at: "asc" } },
    },
  }));
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

  // Key figures linked to a movement's figures show the unit's movement figure, with its source (issue 17).
  const linkedFigures = visibility === "full" ? await linkedFigureValues(prisma, report.unitId, form.keyFigures) : {};
  for (const [id, linked] of Object.entries(linkedFigures)) figures[id] = linked.value;

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
    linkedFigures,
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
