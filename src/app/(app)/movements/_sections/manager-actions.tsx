"use client";
// The manager's close form (docs/domain.md §10): a confirmation box and a confirmation dialog, since
// closing cannot be undone (the movement becomes read-only).
import { ActionForm, CheckboxField, SubmitButton } from "@/components/form";
import { closeMovementAction } from "../actions";

export function CloseMovementForm({ movementId, name }: { movementId: string; name: string }) {
  return (
    <ActionForm action={closeMovementAction} aria-label="Tổng kết phong trào" className="space-y-3">
      <input type="hidden" name="movementId" value={movementId} />
      <CheckboxField name="confirm" label="Tôi đã kiểm tra số liệu của các đơn vị; tổng kết và khóa số liệu phong trào." />
      <SubmitButton variant="danger" className="min-h-11" confirm={`Tổng kết phong trào "${name}"? Sau khi tổng kết, số liệu không thể sửa.`}>
        Tổng kết phong trào
      </SubmitButton>
    </ActionForm>
  );
}
