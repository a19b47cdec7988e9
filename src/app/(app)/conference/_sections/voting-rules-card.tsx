import { Card } from "@/components/ui";
import { formatDate } from "@/lib/format";
import type { ConferenceYear } from "./conference-data";

/** The year's voting settings and leadership, and what the secret ballot keeps. */
export function VotingRulesCard({ year }: { year: ConferenceYear }) {
  return (
    <Card title="Quy định bỏ phiếu của năm">
      <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-500">Tỷ lệ để được bầu, suy tôn</dt>
          <dd className="font-medium">{year.settings.threshold} (tính trên số phiếu thu về)</dd>
        </div>
        <div>
          <dt className="text-slate-500">Số đơn vị tối thiểu bỏ phiếu</dt>
          <dd className="font-medium">{year.settings.quorum}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Đơn vị tự bỏ phiếu cho mình</dt>
          <dd className="font-medium">{year.settings.allowSelfVote ? "Được phép" : "Không được phép"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Ngày hội nghị</dt>
          <dd className="font-medium">{year.settings.conferenceDate ? formatDate(year.settings.conferenceDate) : "Chưa đặt"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Cụm trưởng năm {year.year}</dt>
          <dd className="font-medium">
            {year.chairName ?? "Chưa xác định"}
            {year.chairAssignmentRef && <span className="block text-xs text-slate-500">Bộ chỉ định: {year.chairAssignmentRef}</span>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Cụm phó năm {year.year}</dt>
          <dd className="font-medium">{year.deputyName ?? "Chưa xác định"}</dd>
        </div>
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        Bỏ phiếu kín: hệ thống chỉ ghi nhận đơn vị nào đã bỏ phiếu, không lưu ai bỏ phiếu nào; kết quả chỉ công bố sau khi kết thúc từng vòng, dưới dạng tổng số.
      </p>
    </Card>
  );
}
