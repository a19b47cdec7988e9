import { TextField } from "@/components/form";
import { Card } from "@/components/ui";
import type { Actor } from "@/domain/permissions";
import { formatDate } from "@/lib/format";
import type { ConferenceYear } from "./conference-data";

/** The conference minutes (.docx), with the details the record needs. */
export function MinutesCard({ year, actor }: { year: ConferenceYear; actor: Actor }) {
  return (
    <Card title="Biên bản hội nghị" className="no-print">
      <form action="/conference/minutes" method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Tải biên bản hội nghị">
        <input type="hidden" name="year" value={year.id} />
        <TextField maxLength={200} name="date" label="Ngày hội nghị" placeholder="dd/mm/yyyy" defaultValue={year.settings.conferenceDate ? formatDate(year.settings.conferenceDate) : ""} />
        <TextField maxLength={200} name="city" label="Địa danh" defaultValue="Hà Nội" />
        <TextField maxLength={200} name="place" label="Địa điểm" placeholder="Hội trường …" />
        <TextField maxLength={200} name="chair" label="Chủ trì hội nghị" placeholder="Họ tên, chức vụ" />
        <TextField maxLength={200} name="secretary" label="Thư ký hội nghị" defaultValue={actor.role === "SECRETARIAT" ? actor.displayName : ""} />
        <div className="self-end">
          <button type="submit" className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
            Tải biên bản (.docx)
          </button>
        </div>
      </form>
      <p className="mt-3 text-xs text-slate-500">
        Biên bản gồm thành phần, từng vòng bỏ phiếu với danh sách, số phiếu phát ra và thu về, kết quả kiểm phiếu; vòng chưa kết thúc không có số liệu.
      </p>
    </Card>
  );
}
