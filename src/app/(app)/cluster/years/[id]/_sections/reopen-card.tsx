// The secretariat reopens registration for one unit, several or all of them at once: one new last
// day and one reason (command registration.reopen.bulk, audited as one act).
import { ActionForm, CheckboxField, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { vietnamDayAfter, vietnamToday } from "@/domain/registration-window";
import { formatDate } from "@/lib/format";
import { reopenRegistrationsAction } from "../phase-actions";
import type { YearDetail } from "./year-detail";

function unitState(u: YearDetail["registrationUnits"][number], now: Date): string {
  if (u.reopenedUntil && now < u.reopenedUntil) return `đang mở lại đến ${formatDate(vietnamToday(new Date(u.reopenedUntil.getTime() - 1)))}`;
  if (u.status === "SUBMITTED") return `đã gửi${u.submittedAt ? ` ngày ${formatDate(u.submittedAt)}` : ""}`;
  if (u.status === "DRAFT") return "đang soạn";
  return "chưa đăng ký";
}

export function ReopenCard({ year, now }: { year: YearDetail; now: Date }) {
  if (year.registrationUnits.length === 0) return null;
  return (
    <Card title="Mở lại đăng ký thi đua">
      <p className="mb-4 text-sm text-slate-600">
        Gia hạn đăng ký cho một, nhiều hoặc tất cả đơn vị: các đơn vị được chọn sửa và gửi lại đăng ký đến hết ngày đã chọn, ở bất kỳ giai đoạn nào
        trước khi khóa sổ (đăng ký đã gửi trở lại bản nháp). Để gia hạn chung cho năm, có thể sửa hạn đăng ký ở phần Thiết lập.
      </p>
      <ActionForm action={reopenRegistrationsAction} aria-label="Mở lại đăng ký thi đua cho các đơn vị" className="space-y-4">
        <input type="hidden" name="emulationYearId" value={year.id} />
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">Đơn vị</legend>
          <CheckboxField name="all" label={`Tất cả đơn vị (${year.registrationUnits.length})`} />
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {year.registrationUnits.map((u) => (
              <li key={u.id}>
                <CheckboxField name={`unit_${u.id}`} label={`${u.name} — ${unitState(u, now)}`} />
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="until" label="Mở lại đến hết ngày" required placeholder="dd/mm/yyyy" maxLength={10} defaultValue={formatDate(vietnamDayAfter(now, 7))} />
          <TextField name="reason" label="Lý do mở lại" required maxLength={500} />
        </div>
        <SubmitButton className="min-h-11">Mở lại đăng ký</SubmitButton>
      </ActionForm>
    </Card>
  );
}

