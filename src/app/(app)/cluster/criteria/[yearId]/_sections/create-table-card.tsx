import { ActionForm, SelectField, SubmitButton } from "@/components/form";
import { Card } from "@/components/ui";
import { createCriteriaTableAction } from "../../actions";

/** A year without a table: create one, empty or copied from the latest year that has one. */
export function CreateTableCard({ yearId, previousYearWithTable }: { yearId: string; previousYearWithTable: number | null }) {
  return (
    <Card title="Tạo bảng tiêu chí">
      <ActionForm action={createCriteriaTableAction} aria-label="Tạo bảng tiêu chí" className="space-y-4">
        <input type="hidden" name="yearId" value={yearId} />
        <SelectField
          name="source"
          label="Cách tạo"
          required
          defaultValue={previousYearWithTable ? "previous" : "empty"}
          options={[
            ...(previousYearWithTable ? [{ value: "previous", label: `Sao chép bảng tiêu chí năm ${previousYearWithTable}, sau đó chỉnh sửa` }] : []),
            { value: "empty", label: "Bảng trống (thang điểm 100)" },
          ]}
        />
        <SubmitButton>Tạo bảng tiêu chí</SubmitButton>
      </ActionForm>
    </Card>
  );
}
