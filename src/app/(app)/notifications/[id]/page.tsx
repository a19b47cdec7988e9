// One notification (/notifications/[id]): where "open" lands when what it is about was deleted or is no
// longer the user's to see — a plain "no longer available", never an error.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, LinkButton, PageHeader } from "@/components/ui";
import { NO_LONGER_AVAILABLE } from "@/domain/notifications";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { notificationDetail } from "@/server/queries/notifications";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thông báo" };

async function NotificationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const n = await notificationDetail(actor, (await params).id);
  return (
    <div className="space-y-4">
      <PageHeader title={n.title} description={`${n.kindLabel} · ${formatDateTime(n.createdAt)}`} />
      <Card>
        <p className="whitespace-pre-line text-slate-700">{n.body}</p>
        <div className="mt-4">
          {n.available && n.href ? (
            <LinkButton href={n.href}>Mở nội dung liên quan</LinkButton>
          ) : (
            <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="no-longer-available">
              <Badge tone="slate">Không còn khả dụng</Badge> {NO_LONGER_AVAILABLE}
            </p>
          )}
        </div>
      </Card>
      <Link href="/notifications" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        ← Tất cả thông báo
      </Link>
    </div>
  );
}

export default pageOr404(NotificationPage);
