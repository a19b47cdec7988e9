// A participating unit's evidence for its figures (docs/domain.md §10): PDF or image, the limits and
// checks of report evidence (src/domain/scoring/evidence.ts), uploaded through a route handler that
// counts the bytes; removed by the unit while the movement is open.
import { z } from "zod";
import { EVIDENCE_MAX_FILES_PER_CRITERION } from "@/domain/scoring/evidence";
import { idField } from "@/domain/validation";
import { NotFoundError, UserError } from "../command";
import { readEvidenceUpload } from "../reports/evidence";
import { movementIdField, unitMovementCommand } from "./shared";

export const uploadMovementEvidenceInput = z.object({
  movementId: movementIdField,
  file: z.instanceof(File, { error: "Vui lòng chọn tệp minh chứng." }),
});

export const uploadMovementEvidence = unitMovementCommand({
  name: "movement.evidence.upload",
  label: "Tải lên minh chứng số liệu phong trào",
  keepsOverviews: true,
  input: uploadMovementEvidenceInput,
  async run(tx, input, { movement, unitId }, actor) {
    const { bytes, sha256, ...check } = await readEvidenceUpload(input.file);
    const count = await tx.movementEvidence.count({ where: { movementId: movement.id, unitId } });
    if (count >= EVIDENCE_MAX_FILES_PER_CRITERION) {
      throw new UserError(`Mỗi đơn vị có tối đa ${EVIDENCE_MAX_FILES_PER_CRITERION} tệp minh chứng cho một phong trào.`, { file: ["Đã đủ số tệp."] });
    }
    const file = await tx.movementEvidence.create({
      data: { movementId: movement.id, unitId, fileName: check.fileName, contentType: check.contentType, size: bytes.byteLength, sha256, data: bytes, uploadedByName: actor.displayName },
      select: { id: true, fileName: true },
    });
    return {
      data: { id: file.id },
      message: `Đã tải lên "${file.fileName}".`,
      audit: { entityType: "MovementEvidence", entityId: file.id, after: { movementId: movement.id, unitId, fileName: file.fileName, size: bytes.byteLength, contentType: check.contentType, sha256 } },
    };
  },
});

export const deleteMovementEvidenceInput = z.object({ movementId: movementIdField, fileId: idField("Tệp minh chứng") });

export const deleteMovementEvidence = unitMovementCommand({
  name: "movement.evidence.delete",
  label: "Xóa minh chứng số liệu phong trào",
  keepsOverviews: true,
  input: deleteMovementEvidenceInput,
  async run(tx, input, { movement, unitId }) {
    const file = await tx.movementEvidence.findUnique({ where: { id: input.fileId }, select: { id: true, movementId: true, unitId: true, fileName: true, size: true, sha256: true } });
    // Only the unit's own file of this movement.
    if (!file || file.movementId !== movement.id || file.unitId !== unitId) throw new NotFoundError();
    await tx.movementEvidence.delete({ where: { id: file.id } });
    return { message: `Đã xóa tệp "${file.fileName}".`, audit: { entityType: "MovementEvidence", entityId: file.id, before: file } };
  },
});
