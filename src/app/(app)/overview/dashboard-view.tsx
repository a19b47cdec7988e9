"use client";
// The cluster dashboard's content, rendered from the data the page read (page.tsx). A client
// component so that the page sends its figures once, as compact data, instead of a server-rendered
// tree of every table cell plus that tree's copy in the RSC payload (docs/performance.md): the HTML is
// the same, the page a third smaller (86 → 60 kB at Ministry scale). It holds no state and reads
// nothing by itself.
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import type { ClusterDashboard } from "@/server/queries/dashboard";
import { ClusterYearPicker } from "./_sections/cluster-year-picker";
import { DashboardHeader, type MinistryAccess } from "./_sections/dashboard-header";
import { IndividualTitles } from "./_sections/individual-titles";
import { MissingCard } from "./_sections/missing-card";
import { RankingCard } from "./_sections/ranking-card";
import { ScoreCharts } from "./_sections/score-charts";
import { VotesCard } from "./_sections/votes-card";
import { YearSummary } from "./_sections/year-summary";

export function DashboardView({
  d,
  viewer,
  printedOn,
  today,
}: {
  d: ClusterDashboard;
  viewer: { displayName: string; ministry: MinistryAccess };
  /** Today's date (dd/mm/yyyy) for the printed page: from the server, as the page is rendered. */
  printedOn: string;
  /** Today in Vietnam (yyyy-mm-dd, the app's clock): how far each deadline is. */
  today: string;
}) {

  if (!d.cluster) {
    return (
      <div className="ov space-y-6">
        <PageHeader title="Tổng quan cụm thi đua" />
        <EmptyState title="Chưa có cụm thi đua nào.">Thêm khối và cụm thi đua tại mục “Khối &amp; cụm”.</EmptyState>
      </div>
    );
  }

  const cluster = d.cluster;
  const picker = <ClusterYearPicker d={d} clusterId={cluster.id} />;
  const header = <DashboardHeader d={d} cluster={cluster} ministry={viewer.ministry} />;

  if (!d.year || !("units" in d) || !("ranking" in d)) {
    return (
      <div className="ov space-y-6">
        {header}
        {picker}
        <EmptyState title="Cụm chưa mở năm thi đua nào.">
          Bảng xếp hạng, danh hiệu và kết quả bỏ phiếu sẽ hiển thị khi Thư ký cụm mở năm thi đua tại mục “Cụm thi đua”.
        </EmptyState>
        {"members" in d && d.members.length > 0 && (
          <Card title="Đơn vị thành viên">
            <ul className="list-disc space-y-1 pl-6 text-sm">
              {d.members.map((m) => (
                <li key={m.id}>
                  <Link href={`/overview/units/${m.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {m.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    );
  }

  const year = d.year;

  return (
    <div className="ov space-y-6">
      {header}
      <p className="print-only text-sm text-slate-600">
        Ngày in: {printedOn} · Người in: {viewer.displayName}
      </p>
      {picker}

      {d.access.view === "HEAD" && (
        <p className="no-print rounded-md border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900" data-testid="head-view-note">
          Lãnh đạo đơn vị xem kết quả được công bố của cụm: xếp hạng chính thức, danh hiệu, kết quả bỏ phiếu. Tiến độ đăng ký chưa gửi của đơn vị khác và
          thông tin từng cán bộ của đơn vị khác chỉ Thư ký cụm và Cụm trưởng xem được.
        </p>
      )}

      <YearSummary year={year} totals={d.totals} today={today} />

      <RankingCard d={d} year={year} clusterName={cluster.name} />

      <ScoreCharts d={d} year={year} />

      <IndividualTitles d={d} year={year} />

      <MissingCard missing={d.missing} year={year} ownUnitOnly={d.access.view === "HEAD"} today={today} />

      <VotesCard d={d} year={year} />

      <p className="no-print text-sm text-slate-500">
        Để in, dùng nút “In trang” (hoặc Ctrl + P): các nút, menu và bộ chọn không được in; biểu đồ in được cả trên máy in đen trắng (mỗi loại có hoa văn
        riêng và ghi số trực tiếp).
      </p>
    </div>
  );
}
