import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/form";
import { DecisionInputs } from "./decision-inputs";
import { Card } from "@/components/ui";
import { amendClosedYearAction } from "../../../actions";
import { RATING_OPTIONS, type TitleOption, type UnitResults } from "./unit-results";

/** A closed year's title changed by a later decision: an officer's or the unit's, with the reason. */
export function AmendmentCard({
  year,
  unit,
  officers,
  titles,
}: {
  year: { id: string; year: number };
  unit: { id: string; name: string };
  officers: UnitResults["rows"];
  titles: TitleOption[];
}) {
  return (
    <Card title="Sửa đổi sau khóa sổ" className="no-print">
      <ActionForm action={amendClosedYearAction} aria-label="Sửa đổi sau khóa sổ" className="space-y-4">
        <p className="text-sm text-slate-600">
          Năm {year.year} đã khóa sổ. Chỉ sửa đổi danh hiệu theo quyết định của cấp có thẩm quyền; nội dung trước và sau, lý do và quyết định được ghi vào nhật ký.
        </p>
        <input type="hidden" name="yearId" value={year.id} />
        <input type="hidden" name="unitId" value={unit.id} />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            name="officerId"
            label="Đối tượng"
            placeholder={`Danh hiệu tập thể của ${unit.name}`}
            options={officers.map((o) => ({ value: o.id, label: `${o.fullName} (${o.code})` }))}
          />
          <SelectField
            name="awardedTitleCode"
            label="Danh hiệu sau sửa đổi"
            placeholder="(Không có danh hiệu)"
            options={titles.map((t) => ({ value: t.code, label: t.name }))}
          />
          <SelectField name="rating" label="Xếp loại (cán bộ)" placeholder="(Giữ nguyên)" options={RATING_OPTIONS} />
        </div>
        <DecisionInputs numberLabel="Số quyết định sửa đổi" numberPlaceholder="vd. 07/QĐ-BCA" signerPlaceholder="vd. Thứ trưởng Bộ Công an" />
        <TextAreaField name="reason" label="Lý do sửa đổi" rows={3} />
        <SubmitButton confirm={`Sửa đổi kết quả năm ${year.year} đã khóa sổ? Thay đổi được ghi vào nhật ký cùng lý do và quyết định.`}>Ghi sửa đổi</SubmitButton>
      </ActionForm>
    </Card>
  );
}
