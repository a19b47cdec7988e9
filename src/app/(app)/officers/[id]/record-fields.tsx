// The fields of an officer's initiative and discipline records, shared by the direct forms of the
// history and the secretariat's late records of a closed year (late-records.tsx).
import type { ComponentProps, ReactNode } from "react";
import { ActionForm, SelectField, TextAreaField, TextField } from "@/components/form";
import { DISCIPLINE_FORMS, DISCIPLINE_STATUSES, INITIATIVE_LEVELS, type DisciplineStatus } from "@/domain/eligibility";

export const LEVEL_OPTIONS = (Object.keys(INITIATIVE_LEVELS) as (keyof typeof INITIATIVE_LEVELS)[]).map((k) => ({ value: k, label: `Sáng kiến ${INITIATIVE_LEVELS[k]}` }));
const FORM_OPTIONS = (Object.keys(DISCIPLINE_FORMS) as (keyof typeof DISCIPLINE_FORMS)[]).map((k) => ({ value: k, label: DISCIPLINE_FORMS[k] }));
const STATUS_OPTIONS = (Object.keys(DISCIPLINE_STATUSES) as DisciplineStatus[]).map((k) => ({ value: k, label: DISCIPLINE_STATUSES[k] }));

export function DisciplineFields({ values }: { values: { form: string; status: string; fromDate: string; toDate: string; note: string } }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField name="form" label="Hình thức" required placeholder="— Chọn hình thức —" defaultValue={values.form} options={FORM_OPTIONS} />
        <SelectField name="status" label="Trạng thái" required placeholder="— Chọn trạng thái —" defaultValue={values.status} options={STATUS_OPTIONS} />
        <TextField name="fromDate" label="Từ ngày" required maxLength={10} placeholder="dd/mm/yyyy" defaultValue={values.fromDate} />
        <TextField name="toDate" label="Đến ngày" maxLength={10} placeholder="dd/mm/yyyy" defaultValue={values.toDate} hint="Để trống nếu chưa kết thúc." />
      </div>
      <TextAreaField name="note" label="Ghi chú" rows={2} defaultValue={values.note} />
    </>
  );
}

/** A folded form under a list that adds a record to this officer: the summary names it, and so does the form. */
export function AddRecord({ title, action, officerId, children }: { title: string; action: ComponentProps<typeof ActionForm>["action"]; officerId: string; children: ReactNode }) {
  return (
    <details className="no-print mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{title}</summary>
      <ActionForm action={action} aria-label={title} resetOnSuccess className="mt-3 space-y-4">
        <input type="hidden" name="officerId" value={officerId} />
        {children}
      </ActionForm>
    </details>
  );
}
