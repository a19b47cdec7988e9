import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { SECTION_KIND_LABELS } from "@/domain/scoring/table";
import { saveSectionAction } from "../../actions";
import type { Ctx } from "./editor-context";
import { Hidden, Reason } from "./form-parts";

/** A new section: scored, or the one bonus or penalty section. */
export function AddSectionCard({ ctx }: { ctx: Ctx }) {
  const { table } = ctx;
  return (
    <Card title="Thêm mục">
      <ActionForm action={saveSectionAction} aria-label="Thêm mục" resetOnSuccess className="grid gap-4 sm:grid-cols-[12rem_1fr_8rem]">
        <Hidden ctx={ctx} />
        <SelectField
          name="kind"
          label="Loại"
          required
          defaultValue="SCORED"
          options={(["SCORED", "BONUS", "PENALTY"] as const)
            .filter((k) => k === "SCORED" || !table.sections.some((s) => s.kind === k))
            .map((k) => ({ value: k, label: SECTION_KIND_LABELS[k] }))}
        />
        <TextField name="title" label="Tên mục" required maxLength={300} />
        <TextField name="max" label="Điểm tối đa / mức trần" required hint="Ví dụ 20 hoặc 2,5" />
        <Reason ctx={ctx} className="sm:col-span-3" />
        <div className="sm:col-span-3">
          <SubmitButton>Thêm mục</SubmitButton>
        </div>
      </ActionForm>
    </Card>
  );
}
