import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Badge, Card, cellClass, DataTable, EmptyState, PageHeader } from "@/components/ui";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate, formatNumber } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { clusterOverview } from "@/server/queries/cluster";

export const metadata: Metadata = { title: "Tổng quan cụm" };

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ cluster?: string | string[] }> }) {
  const actor = await requireActor();
  const requested = (await searchParams).cluster;
  const overview = await clusterOverview(actor, typeof requested === "string" && requested ? requested : null);
  const { cluster, latestYear, members, totals, clusters } = overview;

  if (!cluster) {
    return (
      <div className="space-y-6">
        <PageHeader title="Tổng quan cụm thi đua" />
        <EmptyState title="Chưa có cụm thi đua nào.">Thêm khối và cụm thi đua tại mục “Khối &amp; cụm”.</EmptyState>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Tổng quan ${cluster.name}`}
        description={
          <>
            {cluster.blockName} · Mã cụm: {cluster.code}
            {!cluster.active && (
              <>
                {" "}
                · <Badge>Ngừng hoạt động</Badge>
              </>
            )}
          </>
        }
      />
      <p className="hidden text-sm text-slate-600 print:block">Ngày in: {formatDate(new Date())}</p>

      {clusters.length > 1 && (
        <form method="get" className="no-print flex flex-wrap items-end gap-2" aria-label="Chọn cụm thi đua">
          <div className="flex flex-col gap-1">
            <label htmlFor="overview-cluster" className="text-sm font-medium text-slate-700">
              Cụm thi đua
            </label>
            <select
              id="overview-cluster"
              name="cluster"
              defaultValue={cluster.id}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600"
            >
              {clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
            Xem
          </button>
        </form>
      )}

      {latestYear ? (
        <Card title={`Năm thi đua ${latestYear.year}`}>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field label="Giai đoạn">{PHASE_LABELS[latestYear.phase]}</Field>
            <Field label="Phong trào thi đua">“{latestYear.movement}”</Field>
            <Field label="Cụm trưởng">{latestYear.chairName ?? "Chưa xác định"}</Field>
            <Field label="Cụm phó">{latestYear.deputyName ?? "Chưa xác định"}</Field>
            <Field label="Hạn đăng ký thi đua">{latestYear.registrationDeadline ? formatDate(latestYear.registrationDeadline) : "Chưa đặt"}</Field>
            <Field label="Hạn nộp báo cáo tổng kết">{latestYear.reportDeadline ? formatDate(latestYear.reportDeadline) : "Chưa đặt"}</Field>
            <Field label="Ngày hội nghị tổng kết">{latestYear.conferenceDate ? formatDate(latestYear.conferenceDate) : "Chưa đặt"}</Field>
            {latestYear.closedAt && <Field label="Ngày khóa sổ">{formatDate(latestYear.closedAt)}</Field>}
          </dl>
        </Card>
      ) : (
        <EmptyState title="Cụm chưa mở năm thi đua nào.">Thư ký cụm mở năm thi đua tại mục “Cụm thi đua”.</EmptyState>
      )}

      <Card title="Đơn vị thành viên">
        {members.length === 0 ? (
          <EmptyState title="Cụm chưa có đơn vị thành viên đang hoạt động." />
        ) : (
          <DataTable
            caption={`Đơn vị thành viên của ${cluster.name}`}
            headers={["STT", "Đơn vị", latestYear ? `Vai trò năm ${latestYear.year}` : "Vai trò", "CBCS đang công tác", "Đơn vị trực thuộc (phòng, đội)"]}
          >
            {members.map((m, i) => (
              <tr key={m.id}>
                <td className={cellClass}>{i + 1}</td>
                <td className={`${cellClass} font-medium`}>{m.name}</td>
                <td className={cellClass}>
                  {m.id === latestYear?.chairUnitId ? (
                    <Badge tone="blue">Cụm trưởng</Badge>
                  ) : m.id === latestYear?.deputyUnitId ? (
                    <Badge tone="green">Cụm phó</Badge>
                  ) : (
                    ""
                  )}
                </td>
                <td className={`${cellClass} text-right tabular-nums`}>{formatNumber(m.activeOfficers)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{formatNumber(m.subUnits)}</td>
              </tr>
            ))}
            <tr className="bg-slate-50 font-semibold">
              <td className={cellClass} colSpan={3}>
                Tổng cộng ({totals.units} đơn vị)
              </td>
              <td className={`${cellClass} text-right tabular-nums`}>{formatNumber(totals.activeOfficers)}</td>
              <td className={`${cellClass} text-right tabular-nums`}>{formatNumber(totals.subUnits)}</td>
            </tr>
          </DataTable>
        )}
      </Card>

      <Card title="Xếp hạng và điểm thi đua">
        <EmptyState title="Chưa có kết quả chấm điểm, xếp hạng.">
          Bảng xếp hạng, điểm tự chấm và điểm chấm chéo của các đơn vị sẽ hiển thị tại đây khi các chức năng báo cáo tổng kết và chấm
          điểm được đưa vào sử dụng. Hiện hệ thống chưa ghi nhận điểm nào, nên trang này không hiển thị số liệu ước tính.
        </EmptyState>
      </Card>

      <p className="no-print text-sm text-slate-500">Để in trang tổng quan, dùng chức năng In của trình duyệt (Ctrl + P); các nút và menu không được in.</p>
    </div>
  );
}
