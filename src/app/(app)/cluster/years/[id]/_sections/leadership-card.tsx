import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card, DescriptionItem } from "@/components/ui";
import { updateYearLeadershipAction } from "../../../actions";
import type { YearDetail } from "./year-detail";

/** The year's chair and deputy units and its movement. */
export function LeadershipCard({ year, writable }: { year: YearDetail; writable: boolean }) {
  return (
    <Card title="Cụm trưởng, Cụm phó">
      {writable ? (
        <ActionForm action={updateYearLeadershipAction} aria-label="Cụm trưởng, Cụm phó" className="space-y-4">
          <input type="hidden" name="yearId" value={year.id} />
          {year.previous && (
            <p className="text-sm text-slate-600">
              Cụm trưởng năm {year.previous.year}: {year.previous.chairName ?? "chưa xác định"}.
            </p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              name="chairUnitId"
              label="Cụm trưởng"
              required
              placeholder="— Chọn đơn vị —"
              defaultValue={year.chairUnitId ?? ""}
              hint="Xếp theo thời gian chưa làm Cụm trưởng, lâu nhất trước."
              options={year.chairOptions.map((c) => ({
                value: c.id,
                label: c.lastChairedYear === null ? c.name : `${c.name} (Cụm trưởng gần nhất năm ${c.lastChairedYear})`,
              }))}
            />
            <SelectField
              name="deputyUnitId"
              label="Cụm phó"
              placeholder="— Chưa xác định —"
              defaultValue={year.deputyUnitId ?? ""}
              options={year.deputyOptions.map((d) => ({ value: d.id, label: d.name }))}
            />
            <TextField name="movement" label="Phong trào thi đua" required defaultValue={year.movement} maxLength={300} className="sm:col-span-2" />
          </div>
          <SubmitButton>Lưu Cụm trưởng, Cụm phó</SubmitButton>
        </ActionForm>
      ) : (
        <dl className="grid gap-3 sm:grid-cols-3">
          <DescriptionItem label="Cụm trưởng">{year.chairName ?? "Chưa xác định"}</DescriptionItem>
          <DescriptionItem label="Cụm phó">{year.deputyName ?? "Chưa xác định"}</DescriptionItem>
          <DescriptionItem label="Phong trào thi đua">{year.movement}</DescriptionItem>
        </dl>
      )}
    </Card>
  );
}
