// The secretariat's override of a registration refusal (docs/domain.md §4 step 2), on the officer's
// page: a year, a title and a written reason; the overrides already given are listed.
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/form";
import { Card, cellClass, DataTable } from "@/components/ui";
import { INDIVIDUAL_TITLES, titleLabel, type IndividualTitle } from "@/domain/eligibility";
import { formatDate } from "@/lib/format";
import { overrideRegistrationAction } from "../actions";

type Props = {
  officerId: string;
  officerName: string;
  years: { id: string; year: number }[];
  overrides: { id: string; titleCode: string; reason: string; createdByName: string; createdAt: Date; emulationYear: { year: number } }[];
};

export function RegistrationOverrideCard({ officerId, officerName, years, overrides }: Props) {
  if (years.length === 0 && overrides.length === 0) return null;
  return (
    <Card title="Cho phép đăng ký danh hiệu bị từ chối">
      <p className="mb-3 text-sm text-slate-600">
        Đăng ký bị từ chối khi điều kiện đã được quyết định (kỷ luật trong năm, thiếu danh hiệu của năm trước). Thư ký cụm có thể cho phép với lý do bằng văn bản; việc cho phép được ghi nhật ký.
      </p>
      {overrides.length > 0 && (
        <DataTable caption={`Các lần cho phép đăng ký của ${officerName}`} headers={["Năm", "Danh hiệu", "Lý do", "Người cho phép"]}>
          {overrides.map((o) => (
            <tr key={o.id}>
              <td className={cellClass}>{o.emulationYear.year}</td>
              <td className={cellClass}>{titleLabel(o.titleCode as IndividualTitle)}</td>
              <td className={cellClass}>{o.reason}</td>
              <td className={cellClass}>
                {o.createdByName}, {formatDate(o.createdAt)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {years.length > 0 && (
        <ActionForm action={overrideRegistrationAction} resetOnSuccess aria-label="Cho phép đăng ký danh hiệu" className="no-print mt-4 grid gap-4 md:grid-cols-2">
          <input type="hidden" name="officerId" value={officerId} />
          <SelectField name="emulationYearId" label="Năm thi đua" required options={years.map((y) => ({ value: y.id, label: `Năm ${y.year}` }))} defaultValue={years[0]!.id} />
          <SelectField name="titleCode" label="Danh hiệu" required placeholder="— Chọn danh hiệu —" options={INDIVIDUAL_TITLES.map((t) => ({ value: t, label: titleLabel(t) }))} />
          <div className="md:col-span-2">
            <TextAreaField name="reason" label="Lý do cho phép" required rows={2} />
          </div>
          <div>
            <SubmitButton className="min-h-11" confirm={`Cho phép ${officerName} đăng ký danh hiệu đã bị từ chối? Việc cho phép được ghi nhật ký kèm lý do.`}>
              Cho phép đăng ký
            </SubmitButton>
          </div>
        </ActionForm>
      )}
    </Card>
  );
}
