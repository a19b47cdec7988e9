// The secretariat's one-by-one entry (addCommendation): a unit of the cluster, or an officer by code.
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { enterCommendationAction } from "../actions";

export function EntryForm({ units, forms }: { units: { id: string; name: string }[]; forms: { code: string; label: string }[] }) {
  return (
    <ActionForm action={enterCommendationAction} resetOnSuccess aria-label="Ghi khen thưởng vào sổ" className="grid gap-4 md:grid-cols-3">
      <SelectField
        name="subjectKind"
        label="Đối tượng"
        required
        options={[
          { value: "OFFICER", label: "Cá nhân" },
          { value: "UNIT", label: "Tập thể" },
        ]}
        defaultValue="OFFICER"
      />
      <TextField name="officerCode" label="Mã cán bộ (khen thưởng cá nhân)" hint="Ví dụ KTNV-00012." />
      <SelectField name="subjectId" label="Đơn vị (khen thưởng tập thể)" placeholder="— Chọn đơn vị —" options={units.map((u) => ({ value: u.id, label: u.name }))} />
      <TextField name="year" label="Năm thành tích" required type="number" />
      <SelectField name="formCode" label="Hình thức khen thưởng" required placeholder="— Chọn hình thức —" options={forms.map((f) => ({ value: f.code, label: f.label }))} />
      <TextField name="decisionNo" label="Số quyết định" required maxLength={60} />
      <TextField name="decisionDate" label="Ngày quyết định" required placeholder="dd/mm/yyyy" />
      <TextField name="decisionSigner" label="Người ký" required maxLength={120} />
      <div className="flex items-end">
        <SubmitButton className="min-h-11">Ghi vào sổ</SubmitButton>
      </div>
    </ActionForm>
  );
}
