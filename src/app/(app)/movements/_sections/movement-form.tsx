"use client";
// The launch and edit form of a movement (docs/domain.md §10): name, purpose, period, scope (the
// admin: a block or the whole Ministry; the secretariat: its cluster) and the figure rows each unit
// reports. A figure row of an existing figure left without a name removes it.
import { useState } from "react";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form";
import type { ActionResult } from "@/server/commands/command";

type FigureRow = { figureId: string; label: string; unitLabel: string };

export function MovementForm({
  action,
  movement,
  scopes,
  blocks,
  maxFigures,
}: {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  /** Editing: the movement as stored (dates dd/mm/yyyy). */
  movement?: { id: string; name: string; purpose: string; fromDate: string; toDate: string; figures: FigureRow[] };
  /** Launching: the scopes the actor may choose (one: fixed). */
  scopes?: { value: string; label: string }[];
  blocks?: { value: string; label: string }[];
  maxFigures: number;
}) {
  const [rows, setRows] = useState<FigureRow[]>(movement?.figures.length ? movement.figures : [{ figureId: "", label: "", unitLabel: "" }]);
  return (
    <ActionForm action={action} aria-label={movement ? "Sửa phong trào" : "Phát động phong trào"} className="space-y-5">
      {movement && <input type="hidden" name="movementId" value={movement.id} />}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="name" label="Tên phong trào, đợt thi đua" required maxLength={300} defaultValue={movement?.name} className="md:col-span-2" />
        <TextAreaField name="purpose" label="Mục đích, nội dung" required rows={3} defaultValue={movement?.purpose} className="md:col-span-2" />
        <TextField name="fromDate" label="Ngày bắt đầu" required placeholder="dd/mm/yyyy" maxLength={10} defaultValue={movement?.fromDate} />
        <TextField name="toDate" label="Ngày kết thúc" required placeholder="dd/mm/yyyy" maxLength={10} defaultValue={movement?.toDate} />
        {scopes &&
          (scopes.length === 1 ? (
            <input type="hidden" name="scope" value={scopes[0]!.value} />
          ) : (
            <SelectField name="scope" label="Phạm vi" required options={scopes} defaultValue={scopes[0]!.value} />
          ))}
        {blocks && blocks.length > 0 && <SelectField name="blockId" label="Khối thi đua (khi phát động trong một khối)" placeholder="— Chọn khối —" options={blocks} />}
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">Số liệu các đơn vị báo cáo</legend>
        <p className="text-xs text-slate-500">
          Ví dụ: “Số đơn vị máu hiến tặng” (đơn vị tính: “đơn vị”), “Số tiền ủng hộ” (“triệu đồng”). Để trống tên một số liệu đã có để xóa (khi chưa đơn vị nào báo cáo).
        </p>
        {rows.map((row, i) => (
          <div key={i} className="grid gap-3 md:grid-cols-[1fr_14rem]">
            <input type="hidden" name={`figureId.${i}`} value={row.figureId} />
            <TextField name={`label.${i}`} label={`Số liệu ${i + 1}`} required={i === 0} maxLength={300} defaultValue={row.label} />
            <TextField name={`unitLabel.${i}`} label={`Đơn vị tính ${i + 1}`} required={i === 0} maxLength={40} defaultValue={row.unitLabel} />
          </div>
        ))}
        {rows.length < maxFigures && (
          <button
            type="button"
            onClick={() => setRows([...rows, { figureId: "", label: "", unitLabel: "" }])}
            className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
          >
            Thêm số liệu
          </button>
        )}
      </fieldset>
      <SubmitButton className="min-h-11">{movement ? "Lưu phong trào" : "Phát động"}</SubmitButton>
    </ActionForm>
  );
}
