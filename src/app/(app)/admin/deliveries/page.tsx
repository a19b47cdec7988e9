// E-mail deliveries that failed after every retry (/admin/deliveries), and the e-mail set-up status.
import type { Metadata } from "next";
import { Card, DataTable, EmptyState, PageHeader, Pagination, cellClass } from "@/components/ui";
import { pageParam } from "@/domain/validation";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { deliveriesPage } from "@/server/queries/notifications";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thư thông báo gửi lỗi" };

const STATUS_LABELS: Record<string, string> = { PENDING: "Chờ gửi", QUEUED: "Đang gửi", SENT: "Đã gửi", FAILED: "Gửi lỗi" };

async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const data = await deliveriesPage(actor, pageParam.parse((await searchParams).page));
  return (
    <div className="space-y-6">
      <PageHeader title="Thư thông báo gửi lỗi" description="Thư điện tử không gửi được sau khi đã thử lại nhiều lần. Thông báo vẫn hiện trong ứng dụng." />
      <Card title="Máy chủ thư">
        <p className="text-sm" data-testid="smtp-status">
          {data.smtp === "enabled" ? "Đã cấu hình (SMTP_URL)." : data.smtp === "unset" ? "Chưa cấu hình SMTP_URL: không gửi thư điện tử." : data.smtp}
        </p>
        <p className="mt-2 text-sm text-slate-600">
          {Object.entries(STATUS_LABELS)
            .map(([k, label]) => `${label}: ${data.byStatus[k] ?? 0}`)
            .join(" · ")}
        </p>
      </Card>
      {data.rows.length === 0 ? (
        <EmptyState title="Không có thư gửi lỗi" />
      ) : (
        <DataTable caption="Thư gửi lỗi" headers={["Người nhận", "Tiêu đề", "Số lần thử", "Lỗi cuối", "Gửi lỗi lúc"]}>
          {data.rows.map((d) => (
            <tr key={d.id}>
              <td className={cellClass}>
                {d.user.displayName}
                <br />
                <span className="text-xs text-slate-500">{d.toAddress}</span>
              </td>
              <td className={cellClass}>{d.subject}</td>
              <td className={cellClass}>{d.attempts}</td>
              <td className={`${cellClass} max-w-xs break-words text-xs`}>{d.lastError}</td>
              <td className={cellClass}>{formatDateTime(d.failedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} total={data.total} makeHref={(p) => `/admin/deliveries?page=${p}`} />
    </div>
  );
}

export default pageOr404(DeliveriesPage);
