import { z } from "zod";
import { allCriteria, computeTotals, criterionLabel, isPastDeadline, scoringSettingsOf, submissionProblems, summariseProblems, type CriteriaTableDef, type ReportKind, REPORT_KIND_LABELS } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import { parseYearSettings } from "@/domain/year-settings";
import { formatDate } from "@/lib/format";
import { UserError } from "../command";
import { throwIfErrors } from "@/server/errors";
import { TABLE_NOT_PUBLISHED } from "../criteria";
import { versionField, storedReport, ENTITY, editableReportCommand } from "./shared";
import { linkedFigureValues } from "@/server/store/movement-figures";

export const submitReportInput = z.object({ reportId: idField("Báo cáo"), version: versionField });

/** What a submission records of the report (kept in the history even after later edits). */
function snapshotOf(form: CriteriaTableDef, stored: Awaited<ReturnType<typeof storedReport>>, tableVersion: number) {
  const totals = computeTotals(form, (id) => stored.scores.get(id)?.half);
  return {
    tableVersion,
    totalHalf: totals.totalHalf,
    scoredHalf: totals.scoredHalf,
    bonusHalf: totals.bonusHalf,
    penaltyHalf: totals.penaltyHalf,
    scores: allCriteria(form).map((c) => ({
      criterionId: c.id,
      label: criterionLabel(form, c.id),
      half: stored.scores.get(c.id)?.half ?? null,
      explanation: stored.scores.get(c.id)?.explanation ?? "",
      evidence: stored.evidenceCounts.get(c.id) ?? 0,
    })),
    figures: form.keyFigures.map((f) => ({ figureId: f.id, label: f.label, value: stored.figures.get(f.id) ?? null })),
    narrative: stored.narrative,
  };
}

export const submitReport = editableReportCommand(P.reportApprove, true)({
  name: "report.submit",
  label: "Gửi báo cáo",
  input: submitReportInput,
  async run(tx, input, { report, table, form }, actor) {
    if (!table.publishedAt) throw new UserError(TABLE_NOT_PUBLISHED);
    const kind = report.kind as ReportKind;
    const deadline =
      kind === "YEAR_END" ? parseYearSettings(report.emulationYear.settings).reportDeadline : scoringSettingsOf(report.emulationYear.settings).midyearReportDeadline;
    const now = new Date();
    // A returned report may be resubmitted after the deadline: the secretariat asked for the changes.
    if (report.submissionCount === 0 && isPastDeadline(deadline, now)) {
      throw new UserError(`Đã quá hạn nộp ${REPORT_KIND_LABELS[kind].toLowerCase()} (${formatDate(deadline)}); không thể gửi. Vui lòng liên hệ Thư ký Cụm.`);
    }
    const stored = await storedReport(tx, report.id, report.narrative);
    // Key figures linked to a movement's figures are the unit's movement figures (issue 17).
    for (const [id, linked] of Object.entries(await linkedFigureValues(tx, report.unitId, form.keyFigures))) stored.figures.set(id, linked.value);
    const problems = submissionProblems(form, stored);
    throwIfErrors(problems, summariseProblems(problems));

    const snapshot = snapshotOf(form, stored, table.version);
    const freezes = !table.frozenAt;
    if (freezes) await tx.criteriaTable.update({ where: { id: table.id }, data: { frozenAt: now } });
    await tx.unitReport.update({
      where: { id: report.id },
      data: {
        status: "SUBMITTED",
        submissionCount: { increment: 1 },
        submittedAt: now,
        submittedByName: actor.displayName,
        tableVersion: table.version,
        returnReason: null,
      },
    });
    await tx.reportEvent.create({
      data: { reportId: report.id, kind: "SUBMITTED", at: now, actorId: actor.userId, actorName: actor.displayName, snapshot: JSON.parse(JSON.stringify(snapshot)) },
    });
    const again = report.submissionCount > 0;
    return {
      message: `Đã duyệt và ${again ? "gửi lại" : "gửi"} ${REPORT_KIND_LABELS[kind].toLowerCase()} năm ${report.emulationYear.year} đến Thư ký Cụm.`,
      audit: {
        entityType: ENTITY,
        entityId: report.id,
        before: { status: report.status, version: report.draftVersion },
        after: { status: "SUBMITTED", submission: report.submissionCount + 1, totalHalf: snapshot.totalHalf, tableVersion: table.version, tableFrozen: freezes || undefined },
      },
    };
  },
});
