import { createHash } from "node:crypto";
import { z } from "zod";
import { allCriteria, checkEvidenceFile, criterionLabel, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES_PER_CRITERION } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { defineCommand, NotFoundError, UserError } from "../command";
import { reportTarget, loadEditableReport, reportCommand } from "./shared";

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

/**
 * An uploaded evidence file read and checked (docs/domain.md §4 step 4): its size before anything is
 * read, then its type from its bytes; its name as stored and its sha-256. Refusals go on the "file" field.
 * Shared with a movement's evidence (docs/domain.md §10).
 */
export async function readEvidenceUpload(file: File) {
  if (file.size > EVIDENCE_MAX_BYTES || file.size === 0) {
    const check = checkEvidenceFile({ name: file.name, size: file.size, declaredType: file.type, head: new Uint8Array() });
    if (!check.ok) throw new UserError(check.message, { file: [check.message] });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = checkEvidenceFile({ name: file.name, size: bytes.byteLength, declaredType: file.type, head: bytes.subarray(0, 16) });
  if (!check.ok) throw new UserError(check.message, { file: [check.message] });
  return { bytes, fileName: check.fileName, contentType: check.contentType, sha256: createHash("sha256").update(bytes).digest("hex") };
}

// Evidence files (the unit officer, while the report is editable)

/** What a route handler passes in: the form's ids and the uploaded file. */
export const uploadEvidenceInput = z.object({
  reportId: idField("Báo cáo"),
  criterionId: idField("Tiêu chí"),
  file: z.instanceof(File, { error: "Vui lòng chọn tệp minh chứng." }),
});

export const uploadEvidence = reportCommand(P.reportEdit)({
  name: "report.evidence.upload",
  label: "Tải lên tài liệu kiểm chứng",
  input: uploadEvidenceInput,
  async run(tx, input, target, actor) {
    // The file first (its size before anything is read into memory), as before any other check.
    const { bytes, sha256, ...check } = await readEvidenceUpload(input.file);
    const { report, form } = await loadEditableReport(tx, input.reportId, target.clusterId!);
    const criterion = allCriteria(form).find((c) => c.id === input.criterionId);
    if (!criterion) throw new NotFoundError();
    const count = await tx.evidenceFile.count({ where: { reportId: report.id, criterionId: criterion.id } });
    if (count >= EVIDENCE_MAX_FILES_PER_CRITERION) {
      throw new UserError(`Mỗi tiêu chí có tối đa ${EVIDENCE_MAX_FILES_PER_CRITERION} tệp minh chứng.`, { file: ["Đã đủ số tệp cho tiêu chí này."] });
    }
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
  label: "Xóa tài liệu kiểm chứng",
  phases: "reports",
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
