// Pieces shared by the editor's forms: the table's ids, the amendment reason once the table is frozen,
// a fold-out for a form, and the up/down buttons.
import type { ReactNode } from "react";
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { moveCriteriaPartAction } from "../../actions";
import type { Ctx } from "./editor-context";

export function Hidden({ ctx }: { ctx: Ctx }) {
  return (
    <>
      <input type="hidden" name="yearId" value={ctx.yearId} />
      <input type="hidden" name="tableId" value={ctx.tableId} />
    </>
  );
}

export function Reason({ ctx, className }: { ctx: Ctx; className?: string }) {
  if (!ctx.frozen) return null;
  return <TextField name="amendmentReason" label="Lý do sửa đổi" required maxLength={1000} className={className} hint="Bắt buộc vì bảng đã cố định." />;
}

export function Details({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="mt-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

export function MoveButtons({ ctx, part, id, first, last, label }: { ctx: Ctx; part: "section" | "criterion" | "figure"; id: string; first: boolean; last: boolean; label: string }) {
  if (!ctx.editable) return null;
  const button = (direction: "up" | "down", disabled: boolean) =>
    disabled ? null : (
      <ActionForm action={moveCriteriaPartAction} aria-label={`Chuyển ${label} ${direction === "up" ? "lên" : "xuống"}`} className="flex items-end gap-2">
        <input type="hidden" name="yearId" value={ctx.yearId} />
        <input type="hidden" name="part" value={part} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="direction" value={direction} />
        {ctx.frozen && <input name="amendmentReason" aria-label="Lý do sửa đổi" placeholder="Lý do sửa đổi" className="w-40 rounded border border-slate-300 px-2 py-1 text-xs" />}
        <SubmitButton variant="secondary">{direction === "up" ? "↑" : "↓"}</SubmitButton>
      </ActionForm>
    );
  return (
    <div className="no-print flex flex-wrap gap-1" aria-label={`Thứ tự ${label}`}>
      {button("up", first)}
      {button("down", last)}
    </div>
  );
}
