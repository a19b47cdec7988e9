import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { recordAssignedChairAction } from "../actions";
import type { RoundSetup } from "./conference-data";

/** A chair the Ministry assigns instead of the conference's election. */
export function AssignedChairCard({ nextYear, manage }: { nextYear: number; manage: RoundSetup }) {
  return (
    <Card title="Cụm trưởng do Bộ chỉ định">
      <p className="mb-3 text-sm text-slate-600">
        Khi Bộ chỉ định Cụm trưởng thay cho việc bầu tại hội nghị, ghi nhận đơn vị và số, ngày văn bản chỉ định. Quyết định của Bộ được áp dụng thay
        cho quy tắc luân phiên của cụm.
        {!manage.nextYearOpen && ` Để ghi nhận Cụm trưởng năm ${nextYear}, hãy mở năm thi đua ${nextYear} trước (trang Cụm thi đua).`}
      </p>
      <ActionForm action={recordAssignedChairAction} className="grid gap-4 sm:grid-cols-3" aria-label="Ghi nhận Cụm trưởng do Bộ chỉ định">
        <SelectField
          name="yearId"
          label="Năm thi đua"
          required
          defaultValue={manage.assignableYears.at(-1)?.id}
          options={manage.assignableYears.map((y) => ({ value: y.id, label: `Năm ${y.year}` }))}
        />
        <SelectField name="chairUnitId" label="Đơn vị Cụm trưởng" required placeholder="— Chọn đơn vị —" options={manage.members.map((m) => ({ value: m.id, label: m.name }))} />
        <TextField name="chairAssignmentRef" label="Số, ngày văn bản chỉ định" required maxLength={200} placeholder="Quyết định số …/QĐ-BCA ngày …" />
        <div className="sm:col-span-3">
          <SubmitButton variant="secondary" confirm="Ghi nhận Cụm trưởng do Bộ chỉ định? Cụm trưởng của năm được chọn sẽ được thay bằng đơn vị này.">
            Ghi nhận Cụm trưởng do Bộ chỉ định
          </SubmitButton>
        </div>
      </ActionForm>
    </Card>
  );
}
