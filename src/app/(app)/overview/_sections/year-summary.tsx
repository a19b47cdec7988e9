import { Card, DescriptionItem } from "@/components/ui";
import { formatCount } from "@/domain/dashboard";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import { Deadline } from "@/components/deadline";
import type { DashboardWithYear } from "@/server/queries/dashboard";
import { isoDate, Stat, type DashboardYear } from "./dashboard-parts";

/** The year's phase, leadership and deadlines, and the cluster's headline figures. */
export function YearSummary({ year, totals, today }: { year: DashboardYear; totals: DashboardWithYear["totals"]; today: string }) {
  // A closed year's deadlines are history: their day only.
  const deadline = (iso: string | null) => (year.closedAt ? isoDate(iso) : <Deadline iso={iso} now={today} />);
  return (
    <>
      <Card title={`Năm thi đua ${year.year}`}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <DescriptionItem label="Giai đoạn">{PHASE_LABELS[year.phase]}</DescriptionItem>
          <DescriptionItem label="Phong trào thi đua">“{year.movement}”</DescriptionItem>
          <DescriptionItem label="Cụm trưởng">
            {year.chairName ?? "Chưa xác định"}
            {year.chairAssignmentRef && <span className="block text-xs font-normal text-slate-500">Bộ phân công: {year.chairAssignmentRef}</span>}
          </DescriptionItem>
          <DescriptionItem label="Cụm phó">{year.deputyName ?? "Chưa xác định"}</DescriptionItem>
          <DescriptionItem label="Hạn đăng ký thi đua">{deadline(year.deadlines.registration)}</DescriptionItem>
          {year.deadlines.midyearReport && <DescriptionItem label="Hạn nộp báo cáo sơ kết 6 tháng">{deadline(year.deadlines.midyearReport)}</DescriptionItem>}
          <DescriptionItem label="Hạn nộp báo cáo tổng kết">{deadline(year.deadlines.report)}</DescriptionItem>
          <DescriptionItem label="Ngày hội nghị tổng kết">{deadline(year.deadlines.conference)}</DescriptionItem>
          {year.closedAt && <DescriptionItem label="Ngày khóa sổ">{formatDate(year.closedAt)}</DescriptionItem>}
          {year.next && (
            <DescriptionItem label={`Cụm trưởng, Cụm phó năm ${year.next.year}`}>
              {year.next.chairName ?? "Chưa xác định"} / {year.next.deputyName ?? "Chưa xác định"}
            </DescriptionItem>
          )}
        </dl>
      </Card>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Đơn vị thành viên" value={formatCount(totals.units)} />
        <Stat label="Cán bộ, chiến sĩ đang công tác" value={formatCount(totals.activeOfficers)} />
        <Stat
          label="Đã đăng ký danh hiệu cá nhân"
          value={formatCount(totals.registered)}
          note={totals.registrationPercent === null ? "Năm đã khóa sổ" : `${totals.registrationPercent}% số cán bộ, chiến sĩ đang công tác`}
        />
        <Stat label="Danh hiệu cá nhân được công nhận" value={formatCount(totals.awarded)} />
      </div>
    </>
  );
}
