"use client";
// A participating unit's figures (docs/domain.md §10): one field per figure, the reason next to a field
// that is refused (negative, not a number); empty: not reported.
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { saveMovementFiguresAction } from "../actions";

export function FiguresEntry({
  movementId,
  figures,
}: {
  movementId: string;
  figures: { id: string; label: string; unitLabel: string; value: string }[];
}) {
  return (
    <ActionForm action={saveMovementFiguresAction} aria-label="Số liệu của đơn vị" className="space-y-4">
      <input type="hidden" name="movementId" value={movementId} />
      <div className="grid gap-4 sm:grid-cols-2">
        {figures.map((f) => (
          <TextField
            key={f.id}
            name={`value.${f.id}`}
            label={`${f.label} (${f.unitLabel})`}
            defaultValue={f.value}
            hint="Số không âm, ví dụ 1.250 hoặc 12,5. Để trống nếu chưa có."
            autoComplete="off"
          />
        ))}
      </div>
      <SubmitButton className="min-h-11">Lưu số liệu</SubmitButton>
    </ActionForm>
  );
}
