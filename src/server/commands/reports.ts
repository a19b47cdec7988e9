// Unit reports (DOMAIN.md §4 steps 3–4): the unit officer drafts (autosaved), the unit head approves and
// submits, the secretariat returns it with a reason or accepts it. A returned report is edited and
// submitted again; every submission, return and acceptance is kept in ReportEvent (with what was
// submitted). The year-end report and the mid-year review (short form) share this mechanism.
//
// Rules enforced here:
//  - the unit is always the acting user's own (new report) or the stored report's (existing one);
//    the form never decides it;
//  - only DRAFT and RETURNED reports can be edited (by the unit officer); every invalid field refuses
//    the whole save (nothing saved); a save names the version it edited, so two windows never overwrite
//    each other silently, and the head approves exactly the version they read;
//  - submission is refused while anything required is missing (field by field), after the deadline
//    (first submission; a returned report may be resubmitted), and in a closed year;
//  - the first submitted report freezes the year's criteria table.
// Locks: cluster (FOR SHARE for unit writes, FOR NO KEY UPDATE for the secretariat), then the criteria
// table (submission), then the report row FOR UPDATE.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor, Target } from "@/domain/permissions";
import {
  allCriteria,
  checkEvidenceFile,
  computeTotals,
  criterionLabel,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_FILES_PER_CRITERION,
  formFor,
  isPastDeadline,
  readReportForm,
  scoringSettingsOf,
  submissionProblems,
  summariseProblems,
  type CriteriaTableDef,
  type ReportKind,
} from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField, reasonText } from "@/domain/validation";
import { parseYearSettings } from "@/domain/year-settings";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Tx } from "@/server/db";
import { defineCommand, NotFoundError, UserError } from "./command";
import { throwIfErrors } from "@/server/errors";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { lockCluster, lockTable } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";
import { TABLE_NOT_PUBLISHED } from "./criteria";

const ENTITY = "UnitReport";

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  YEAR_END: "Báo cáo tổng kết",
  MIDYEAR: "Báo cáo sơ kết 6 tháng",
};

export const REPORT_LOCKED = "Báo cáo đã được gửi; không thể chỉnh sửa.";
export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const;
const isEditable = (status: string) => (EDITABLE_STATUSES as readonly string[]).includes(status);

// ---------------------------------------------------------------------------------------------
// Scope and loading

/** The stored report's unit and cluster (the form only names the report). Unknown → empty scope → not found. */
export async function reportTarget(tx: Tx, reportId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string }[]>`
    SELECT r."unitId"::text AS "unitId", y."clusterId"::text AS "clusterId"
    FROM "UnitReport" r JOIN "EmulationYear" y ON y.id = r."emulationYearId"
    WHERE r.id = ${reportId}::uuid`;
  return rows[0] ?? {};
}

/**
 * Locks in order (cluster, table when asked, report), then loads the report with its year and the
 * table's form for the report's kind. Refuses a closed year.
 */
export async function loadReportForWrite(tx: Tx, reportId: string, clusterId: string, opts: { mode: "shared" | "exclusive"; lockTable?: boolean }) {
  await lockCluster(tx, clusterId, opts.mode);
  const head = await tx.unitReport.findUnique({ where: { id: reportId }, select: { emulationYearId: true } });
  if (!head) throw new NotFoundError();
  const tableRow = await tx.criteriaTable.findUnique({ where: { emulationYearId: head.emulationYearId }, select: { id: true } });
  if (opts.lockTable && tableRow) await lockTable(tx, tableRow.id);
  await tx.$queryRaw`SELECT id FROM "UnitReport" WHERE id = ${reportId}::uuid FOR UPDATE`;
  const report = await tx.unitReport.findUniqueOrThrow({
    where: { id: reportId },
    include: { emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true } }, unit: { select: { id: true, name: true } } },
  });
  if (report.emulationYear.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(report.emulationYear);
  const table = tableRow ? await loadTable(tx, { id: tableRow.id }) : null;
  if (!table) throw new UserError(TABLE_NOT_PUBLISHED);
  return { report, table, form: formFor(table, report.kind as ReportKind) };
}

/** The stored scores, figures, narrative and evidence counts of a report, as the pure rules read them. */
export async function storedReport(tx: Pick<Tx, "reportScore" | "reportFigure" | "evidenceFile">, reportId: string, narrative: string) {
  const [scores, figures, evidence] = await Promise.all([
    tx.reportScore.findMany({ where: { reportId }, select: { criterionId: true, selfHalf: true, explanation: true } }),
    tx.reportFigure.findMany({ where: { reportId }, select: { figureId: true, value: true } }),
    tx.evidenceFile.groupBy({ by: ["criterionId"], where: { reportId }, _count: { _all: true } }),
  ]);
  return {
    scores: new Map(scores.map((s) => [s.criterionId, { half: s.selfHalf, explanation: s.explanation }])),
    figures: new Map(figures.map((f) => [f.figureId, f.value.toString()])),
    narrative,
    evidenceCounts: new Map(evidence.map((e) => [e.criterionId, e._count._all])),
  };
}

function refuseUnlessEditable(report: { status: string }) {
  if (!isEditable(report.status)) throw new UserError(REPORT_LOCKED);
}

/** The unit's preamble (edit, evidence, submit): lock and load for a unit write, refuse unless DRAFT or RETURNED. */
async function loadEditableReport(tx: Tx, reportId: string, clusterId: string, opts: { lockTable?: boolean } = {}) {
  const loaded = await loadReportForWrite(tx, reportId, clusterId, { mode: "shared", ...opts });
  refuseUnlessEditable(loaded.report);
  return loaded;
}

function refuseStaleVersion(report: { draftVersion: number; savedAt: Date | null; savedByName: string | null }, seen: number, forApproval = false) {
  if (report.draftVersion === seen) return;
  const when = report.savedAt ? ` lúc ${formatDateTime(report.savedAt)}${report.savedByName ? ` bởi ${report.savedByName}` : ""}` : "";
  throw new UserError(
    forApproval
      ? `Báo cáo đã được chỉnh sửa sau khi bạn mở trang${when}. Vui lòng tải lại trang và xem nội dung mới nhất trước khi duyệt.`
      : `Báo cáo vừa được lưu từ nơi khác${when}. Thay đổi của bạn chưa được lưu; vui lòng tải lại trang để tiếp tục trên bản mới nhất.`,
  );
}

/** An evidence change is a draft change: bump the version so an editor open elsewhere notices on its next save. */
async function touchDraft(tx: Tx, reportId: string, savedByName: string) {
  const savedAt = new Date();
  const updated = await tx.unitReport.update({
    where: { id: reportId },
    data: { draftVersion: { increment: 1 }, savedAt, savedByName },
    select: { draftVersion: true },
  });
  return { version: updated.draftVersion, savedAt: savedAt.toISOString() };
}

const versionField = z.coerce.number({ error: "Phiên bản báo cáo không hợp lệ." }).int().min(0);

// ---------------------------------------------------------------------------------------------
// Start a report (the unit officer, for the own unit)

export const startReportInput = z.object({
  yearId: idField("Năm thi đua"),
  kind: z.enum(["YEAR_END", "MIDYEAR"], { error: "Loại báo cáo không hợp lệ." }),
});

export const startReport = defineCommand({
  name: "report.start",
  permission: P.reportEdit,
  input: startReportInput,
  // The acting user's own member unit, and only for a year of its own cluster.
  async target(tx, input, actor: Actor) {
    if (!actor.unitId) return {};
    const [unit, year] = await Promise.all([
      tx.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, clusterId: true, parentId: true } }),
      tx.emulationYear.findUnique({ where: { id: input.yearId }, select: { clusterId: true } }),
    ]);
    if (!unit || unit.parentId || !year || year.clusterId !== unit.clusterId) return {};
    return { unitId: unit.id, clusterId: unit.clusterId };
  },
  uniqueFields: {
    emulationYearId: { field: "kind", message: "Đơn vị đã có báo cáo này." },
  },
  async run(tx, input, actor, target) {
    await lockCluster(tx, target.clusterId!, "shared");
    const year = await tx.emulationYear.findUniqueOrThrow({ where: { id: input.yearId }, select: { id: true, year: true, phase: true } });
    assertYearWritable(year);
    const table = await tx.criteriaTable.findUnique({ where: { emulationYearId: year.id }, select: { publishedAt: true } });
    if (!table?.publishedAt) throw new UserError(`${TABLE_NOT_PUBLISHED} Chưa thể soạn báo cáo năm ${year.year}.`);
    const existing = await tx.unitReport.findUnique({
      where: { emulationYearId_unitId_kind: { emulationYearId: year.id, unitId: target.unitId!, kind: input.kind } },
      select: { id: true },
    });
    if (existing) {
      return { data: { id: existing.id }, message: "Đơn vị đã có báo cáo này.", audit: { entityType: ENTITY, entityId: existing.id, after: { reopened: true } } };
    }
    const report = await tx.unitReport.create({
      data: { emulationYearId: year.id, unitId: target.unitId!, kind: input.kind, savedAt: new Date(), savedByName: actor.displayName },
    });
    return {
      data: { id: report.id },
      message: `Đã tạo dự thảo ${REPORT_KIND_LABELS[input.kind].toLowerCase()} năm ${year.year}.`,
      audit: { entityType: ENTITY, entityId: report.id, after: { year: year.year, kind: input.kind, status: "DRAFT" } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Save the draft (autosave and the "Lưu nháp" button)

export const saveReportDraftInput = z.looseObject({ reportId: idField("Báo cáo"), version: versionField });

type Diff = Record<string, { before: unknown; after: unknown }>;

export const saveReportDraft = defineCommand({
  name: "report.saveDraft",
  permission: P.reportEdit,
  input: saveReportDraftInput,
  target: (tx, input) => reportTarget(tx, input.reportId),
  async run(tx, input, actor, target) {
    const { report, form } = await loadEditableReport(tx, input.reportId, target.clusterId!);
    refuseStaleVersion(report, input.version);
    const { draft, errors } = readReportForm(form, input);
    throwIfErrors(errors, `Chưa lưu: có ${Object.keys(errors).length} ô nhập chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.`);

    const stored = await storedReport(tx, report.id, report.narrative);
    const diff: Diff = {};
    for (const c of allCriteria(form)) {
      const before = stored.scores.get(c.id) ?? { half: null, explanation: "" };
      const after = draft.scores.get(c.id)!;
      if (before.half !== after.half) diff[`score.${criterionLabel(form, c.id)}`] = { before: before.half, after: after.half };
      if (before.explanation !== after.explanation) diff[`explain.${criterionLabel(form, c.id)}`] = { before: before.explanation.length, after: after.explanation.length };
    }
    for (const f of form.keyFigures) {
      const before = stored.figures.get(f.id) ?? null;
      const after = draft.figures.get(f.id) ?? null;
      if (before !== after) diff[`figure.${f.label}`] = { before, after };
    }
    if (report.narrative !== draft.narrative) diff.narrative = { before: report.narrative.length, after: draft.narrative.length };
    if (Object.keys(diff).length === 0) {
      return {
        data: { version: report.draftVersion, savedAt: (report.savedAt ?? new Date()).toISOString() },
        message: "Không có thay đổi nào cần lưu.",
        audit: { entityType: ENTITY, entityId: report.id, after: { unchanged: true } },
      };
    }

    const ids = allCriteria(form).map((c) => c.id);
    await tx.reportScore.deleteMany({ where: { reportId: report.id, criterionId: { in: ids } } });
    await tx.reportScore.createMany({
      data: ids
        .map((id) => ({ id, ...draft.scores.get(id)! }))
        .filter((s) => s.half !== null || s.explanation !== "")
        .map((s) => ({ reportId: report.id, criterionId: s.id, selfHalf: s.half, explanation: s.explanation })),
    });
    const figureIds = form.keyFigures.map((f) => f.id);
    await tx.reportFigure.deleteMany({ where: { reportId: report.id, figureId: { in: figureIds } } });
    await tx.reportFigure.createMany({
      data: figureIds.filter((id) => draft.figures.get(id) != null).map((id) => ({ reportId: report.id, figureId: id, value: draft.figures.get(id)! })),
    });
    const savedAt = new Date();
    const updated = await tx.unitReport.update({
      where: { id: report.id },
      data: { narrative: draft.narrative, draftVersion: { increment: 1 }, savedAt, savedByName: actor.displayName },
      select: { draftVersion: true },
    });
    return {
      data: { version: updated.draftVersion, savedAt: savedAt.toISOString() },
      message: `Đã lưu lúc ${formatDateTime(savedAt).slice(11)}.`,
      audit: { entityType: ENTITY, entityId: report.id, before: { version: report.draftVersion }, after: { version: updated.draftVersion, changes: diff } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Approve and submit (the unit head)

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

export const submitReport = defineCommand({
  name: "report.submit",
  permission: P.reportApprove,
  input: submitReportInput,
  target: (tx, input) => reportTarget(tx, input.reportId),
  async run(tx, input, actor, target) {
    const { report, table, form } = await loadEditableReport(tx, input.reportId, target.clusterId!, { lockTable: true });
    refuseStaleVersion(report, input.version, true);
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

// ---------------------------------------------------------------------------------------------
// Review (the secretariat): return with a reason, or accept

export const returnReportInput = z.object({
  reportId: idField("Báo cáo"),
  reason: reasonText("Lý do trả lại", "Vui lòng nêu lý do trả lại báo cáo."),
});

async function loadForReview(tx: Tx, reportId: string, clusterId: string) {
  await lockCluster(tx, clusterId, "exclusive");
  await tx.$queryRaw`SELECT id FROM "UnitReport" WHERE id = ${reportId}::uuid FOR UPDATE`;
  const report = await tx.unitReport.findUniqueOrThrow({
    where: { id: reportId },
    include: { emulationYear: { select: { year: true, phase: true, clusterId: true } }, unit: { select: { name: true } } },
  });
  if (report.emulationYear.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(report.emulationYear);
  // A draft is invisible to the secretariat: the same answer as for a report that does not exist.
  if (report.status === "DRAFT" || (report.status === "RETURNED" && report.submissionCount === 0)) throw new NotFoundError();
  if (report.status !== "SUBMITTED") {
    throw new UserError(report.status === "ACCEPTED" ? "Báo cáo đã được chấp nhận." : "Báo cáo đã được trả lại cho đơn vị; đang chờ đơn vị gửi lại.");
  }
  return report;
}

export const returnReport = defineCommand({
  name: "report.return",
  permission: P.reportReview,
  input: returnReportInput,
  target: (tx, input) => reportTarget(tx, input.reportId),
  async run(tx, input, actor, target) {
    const report = await loadForReview(tx, input.reportId, target.clusterId!);
    await tx.unitReport.update({ where: { id: report.id }, data: { status: "RETURNED", returnReason: input.reason } });
    await tx.reportEvent.create({ data: { reportId: report.id, kind: "RETURNED", actorId: actor.userId, actorName: actor.displayName, reason: input.reason } });
    return {
      message: `Đã trả lại báo cáo của ${report.unit.name} kèm lý do.`,
      audit: { entityType: ENTITY, entityId: report.id, before: { status: report.status }, after: { status: "RETURNED", reason: input.reason } },
    };
  },
});

export const acceptReportInput = z.object({ reportId: idField("Báo cáo") });

export const acceptReport = defineCommand({
  name: "report.accept",
  permission: P.reportReview,
  input: acceptReportInput,
  target: (tx, input) => reportTarget(tx, input.reportId),
  async run(tx, input, actor, target) {
    const report = await loadForReview(tx, input.reportId, target.clusterId!);
    const now = new Date();
    await tx.unitReport.update({ where: { id: report.id }, data: { status: "ACCEPTED", acceptedAt: now } });
    await tx.reportEvent.create({ data: { reportId: report.id, kind: "ACCEPTED", at: now, actorId: actor.userId, actorName: actor.displayName } });
    return {
      message: `Đã chấp nhận báo cáo của ${report.unit.name}.`,
      audit: { entityType: ENTITY, entityId: report.id, before: { status: report.status }, after: { status: "ACCEPTED" } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Evidence files (the unit officer, while the report is editable)

/** What a route handler passes in: the form's ids and the uploaded file. */
export const uploadEvidenceInput = z.object({
  reportId: idField("Báo cáo"),
  criterionId: idField("Tiêu chí"),
  file: z.instanceof(File, { error: "Vui lòng chọn tệp minh chứng." }),
});

export const uploadEvidence = defineCommand({
  name: "report.evidence.upload",
  permission: P.reportEdit,
  input: uploadEvidenceInput,
  target: (tx, input) => reportTarget(tx, input.reportId),
  async run(tx, input, actor, target) {
    // Size first, before reading anything into memory.
    if (input.file.size > EVIDENCE_MAX_BYTES || input.file.size === 0) {
      const check = checkEvidenceFile({ name: input.file.name, size: input.file.size, declaredType: input.file.type, head: new Uint8Array() });
      if (!check.ok) throw new UserError(check.message, { file: [check.message] });
    }
    const { report, form } = await loadEditableReport(tx, input.reportId, target.clusterId!);
    const criterion = allCriteria(form).find((c) => c.id === input.criterionId);
    if (!criterion) throw new NotFoundError();
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const check = checkEvidenceFile({ name: input.file.name, size: bytes.byteLength, declaredType: input.file.type, head: bytes.subarray(0, 16) });
    if (!check.ok) throw new UserError(check.message, { file: [check.message] });
    const count = await tx.evidenceFile.count({ where: { reportId: report.id, criterionId: criterion.id } });
    if (count >= EVIDENCE_MAX_FILES_PER_CRITERION) {
      throw new UserError(`Mỗi tiêu chí có tối đa ${EVIDENCE_MAX_FILES_PER_CRITERION} tệp minh chứng.`, { file: ["Đã đủ số tệp cho tiêu chí này."] });
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const file = await tx.evidenceFile.create({
      data: {
        reportId: report.id,
        criterionId: criterion.id,
        fileName: check.fileName,
        contentType: check.contentType,
        size: bytes.byteLength,
        sha256,
        data: bytes,
        uploadedByName: actor.displayName,
      },
      select: { id: true, fileName: true, size: true, contentType: true, uploadedAt: true },
    });
    const saved = await touchDraft(tx, report.id, actor.displayName);
    return {
      data: { file: { ...file, uploadedAt: file.uploadedAt.toISOString(), criterionId: criterion.id }, ...saved },
      message: `Đã tải lên "${file.fileName}" cho tiêu chí ${criterionLabel(form, criterion.id)}.`,
      audit: { entityType: "EvidenceFile", entityId: file.id, after: { reportId: report.id, criterion: criterionLabel(form, criterion.id), fileName: file.fileName, size: file.size, contentType: file.contentType, sha256 } },
    };
  },
});

export const deleteEvidenceInput = z.object({ fileId: idField("Tệp minh chứng") });

export const deleteEvidence = defineCommand({
  name: "report.evidence.delete",
  permission: P.reportEdit,
  input: deleteEvidenceInput,
  async target(tx, input) {
    const file = await tx.evidenceFile.findUnique({ where: { id: input.fileId }, select: { reportId: true } });
    return file ? reportTarget(tx, file.reportId) : {};
  },
  async run(tx, input, actor, target) {
    const file = await tx.evidenceFile.findUniqueOrThrow({
      where: { id: input.fileId },
      select: { id: true, reportId: true, criterionId: true, fileName: true, size: true, sha256: true },
    });
    const { report, table } = await loadEditableReport(tx, file.reportId, target.clusterId!);
    await tx.evidenceFile.delete({ where: { id: file.id } });
    const saved = await touchDraft(tx, report.id, actor.displayName);
    return {
      data: saved,
      message: `Đã xóa tệp "${file.fileName}".`,
      audit: { entityType: "EvidenceFile", entityId: file.id, before: { ...file, criterion: criterionLabel(table, file.criterionId) } },
    };
  },
});

export type { LoadedTable };
