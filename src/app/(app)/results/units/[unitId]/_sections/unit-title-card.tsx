import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { formatDate } from "@/lib/format";
import { recordUnitResultAction } from "../../../actions";
import type { TitleOption, UnitResults } from "./unit-results";

/** The unit's own (collective) title for the year, with its decision. */
export function UnitTitleCard({
  yearId,
  unitId,
  awarded,
  collective,
}: {
  yearId: string;
  unitId: string;
  awarded: UnitResults["summary"]["unitAwarded"];
  collective: TitleOption[];
}) {
  return (
    <Card title="Danh hiệu tập thể của đơn vị">
      <ActionForm action={recordUnitResultAction} aria-label="Danh hiệu tập thể" className="space-y-4">
        <input type="hidden" name="yearId" value={yearId} />
        <input type="hidden" name="unitId" value={unitId} />
        <SelectField
          name="awardedTitleCode"
          label="Danh hiệu được công nhận"
          placeholder="(Không có danh hiệu)"
          defaultValue={awarded?.code ?? ""}
          options={collective.map((t) => ({ value: t.code, label: t.name }))}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField name="decisionNo" label="Số quyết định" maxLength={60} defaultValue={awarded?.decisionNo ?? ""} placeholder="vd. 912/QĐ-BCA" />
          <TextField
            name="decisionDate"
            label="Ngày quyết định"
            maxLength={10}
            placeholder="dd/mm/yyyy"
            defaultValue={awarded?.decisionDate ? formatDate(awarded.decisionDate) : ""}
          />
          <TextField name="decisionSigner" label="Người ký" maxLength={120} defaultValue={awarded?.decisionSigner ?? ""} placeholder="vd. Bộ trưởng Bộ Công an" />
        </div>
        <SubmitButton>Lưu danh hiệu tập thể</SubmitButton>
      </ActionForm>
    </Card>
  );
}
