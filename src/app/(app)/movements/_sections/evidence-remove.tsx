"use client";
// Removing one of the unit's evidence files while the movement is open.
import { ActionForm, SubmitButton } from "@/components/form";
import { deleteMovementEvidenceAction } from "../actions";

export function EvidenceRemove({ movementId, fileId, fileName }: { movementId: string; fileId: string; fileName: string }) {
  return (
    <ActionForm action={deleteMovementEvidenceAction} aria-label={`Xóa tệp ${fileName}`} className="inline">
      <input type="hidden" name="movementId" value={movementId} />
      <input type="hidden" name="fileId" value={fileId} />
      <SubmitButton variant="danger" className="min-h-11" confirm={`Xóa tệp "${fileName}"?`}>
        Xóa
      </SubmitButton>
    </ActionForm>
  );
}
