// The holiday calendar (/admin/holidays): days that do not count as working days for deadline
// reminders, per year. Seeded for 2019–2027; the admin adds the days the Government announces.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { Card, DataTable, EmptyState, PageHeader, cellClass } from "@/components/ui";
import { displayIsoDate } from "@/domain/dashboard/missing";
import { weekday } from "@/domain/working-days";
import { requireActor } from "@/server/auth/current";
import { holidaysOfYearPage } from "@/server/queries/notifications";
import { addHolidayAction, removeHolidayAction } from "../notification-actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Ngày nghỉ lễ, tết" };

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

async function HolidaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear();
  const data = await holidaysOfYearPage(actor, year);
  const years = [...new Set([...data.years, year, year + 1])].sort();
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="Ngày nghỉ lễ, tết"
        description="Các ngày này (cùng thứ Bảy, Chủ nhật) không tính là ngày làm việc khi nhắc hạn. Thêm ngày nghỉ bù hoặc hoán đổi theo thông báo của Chính phủ."
      />
      <nav aria-label="Chọn năm" className="flex flex-wrap gap-2">
        {years.map((y) => (
          <Link
            key={y}
            href={`/admin/holidays?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 ${
              y === year ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
            }`}
          >
            {y}
          </Link>
        ))}
      </nav>
      <Card title={`Thêm ngày nghỉ năm ${year}`}>
        <ActionForm action={addHolidayAction} aria-label="Thêm ngày nghỉ" resetOnSuccess className="flex flex-wrap items-end gap-4">
          <TextField name="date" label="Ngày (dd/mm/yyyy)" required placeholder={`02/09/${year}`} maxLength={10} />
          <TextField name="name" label="Tên ngày nghỉ" required placeholder="Nghỉ bù Quốc khánh" maxLength={200} />
          <SubmitButton className="min-h-11">Thêm ngày nghỉ</SubmitButton>
        </ActionForm>
      </Card>
      {data.holidays.length === 0 ? (
        <EmptyState title={`Chưa có ngày nghỉ nào của năm ${year}`}>Thêm các ngày nghỉ lễ, tết của năm ở trên.</EmptyState>
      ) : (
        <DataTable caption={`Ngày nghỉ năm ${year}`} headers={["Ngày", "Thứ", "Tên ngày nghỉ", ""]}>
          {data.holidays.map((h) => (
            <tr key={h.date}>
              <td className={cellClass}>{displayIsoDate(h.date)}</td>
              <td className={cellClass}>{WEEKDAYS[weekday(h.date)]}</td>
              <td className={cellClass}>{h.name}</td>
              <td className={cellClass}>
                <ActionForm action={removeHolidayAction} aria-label={`Bỏ ngày nghỉ ${displayIsoDate(h.date)}`}>
                  <input type="hidden" name="date" value={h.date} />
                  <SubmitButton className="min-h-11" variant="danger" confirm={`Bỏ ngày nghỉ ${displayIsoDate(h.date)} (${h.name})?`}>
                    Bỏ
                  </SubmitButton>
                </ActionForm>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

export default pageOr404(HolidaysPage);
