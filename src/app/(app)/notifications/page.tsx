// The notification centre (/notifications): the acting user's notifications, newest first, 20 a page.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/form";
import { Badge, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { pageParam } from "@/domain/validation";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { notificationsPage } from "@/server/queries/notifications";
import { markAllReadAction, markReadAction, openNotificationAction } from "./actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thông báo" };

const tab = (active: boolean) =>
  `inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 ${
    active ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
  }`;

async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const unreadOnly = sp.unread === "1";
  const data = await notificationsPage(actor, { page: pageParam.parse(sp.page), unreadOnly });
  const href = (page: number) => `/notifications?${new URLSearchParams({ ...(unreadOnly ? { unread: "1" } : {}), page: String(page) })}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Thông báo"
        description={data.unread ? `${data.unread} thông báo chưa đọc.` : "Không có thông báo chưa đọc."}
        actions={
          <>
            {data.unread > 0 && (
              <ActionForm action={markAllReadAction} aria-label="Đánh dấu tất cả là đã đọc">
                <SubmitButton className="min-h-11" variant="secondary">Đánh dấu tất cả là đã đọc</SubmitButton>
              </ActionForm>
            )}
            <Link href="/notifications/settings" className={tab(false)}>
              Nhận thư điện tử
            </Link>
          </>
        }
      />
      <nav aria-label="Lọc thông báo" className="flex gap-2">
        <Link href="/notifications" className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>
          Tất cả
        </Link>
        <Link href="/notifications?unread=1" className={tab(unreadOnly)} aria-current={unreadOnly ? "page" : undefined}>
          Chưa đọc
        </Link>
      </nav>
      {data.items.length === 0 ? (
        <EmptyState title={unreadOnly ? "Không có thông báo chưa đọc" : "Chưa có thông báo nào"}>
          Thông báo về thời hạn, báo cáo và các vòng bỏ phiếu của đơn vị sẽ hiện ở đây.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="notification-list">
          {data.items.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-start gap-3 p-4 ${n.readAt ? "" : "bg-amber-50/60"}`} data-testid="notification-item">
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
                  {!n.readAt && <Badge tone="amber">Chưa đọc</Badge>}
                  <Badge tone="blue">{n.kindLabel}</Badge>
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
                  {!n.available && <Badge tone="slate">Không còn khả dụng</Badge>}
                </p>
                <form action={openNotificationAction}>
                  <input type="hidden" name="notificationId" value={n.id} />
                  <button
                    type="submit"
                    className={`min-h-11 text-left text-base hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 ${n.readAt ? "text-slate-800" : "font-semibold text-slate-900"}`}
                  >
                    {n.title}
                  </button>
                </form>
                <p className="whitespace-pre-line text-sm text-slate-600">{n.body}</p>
              </div>
              {!n.readAt && (
                <ActionForm action={markReadAction} aria-label={`Đánh dấu đã đọc: ${n.title}`}>
                  <input type="hidden" name="notificationId" value={n.id} />
                  <SubmitButton className="min-h-11" variant="secondary">Đánh dấu đã đọc</SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} total={data.total} makeHref={href} />
    </div>
  );
}

export default pageOr404(NotificationsPage);
