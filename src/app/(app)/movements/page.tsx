// Movements and drives (phong trào, đợt thi đua; docs/domain.md §10): those the actor's cluster takes
// part in (every one for the admin and the Ministry office), open ones first; the manager launches one.
import type { Metadata } from "next";
import { MOVEMENT_STATUS_LABELS } from "@/domain/movements";
import { pageParam } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import Link from "next/link";
import { Badge, cellClass, DataTable, EmptyState, LinkButton, PageHeader, Pagination } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { movementList } from "@/server/queries/movements";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Phong trào thi đua" };

async function MovementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const list = await movementList(actor, pageParam.parse(params.page));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Phong trào thi đua"
        description="Phong trào thường xuyên và các đợt thi đua theo chuyên đề: mỗi đơn vị tham gia nhập số liệu trong thời gian phát động; khi tổng kết, bản tổng hợp (tổng số, số liệu và thứ hạng từng đơn vị) có thể in và tải về."
        actions={list.canLaunch ? <LinkButton href="/movements/new">Phát động phong trào</LinkButton> : undefined}
      />
      {list.total === 0 ? (
        <EmptyState title="Chưa có phong trào thi đua nào.">
          {list.canLaunch ? "Bấm “Phát động phong trào” để tạo phong trào hoặc đợt thi đua đầu tiên." : "Khi cụm, khối hoặc Bộ phát động phong trào, phong trào sẽ hiện ở đây."}
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Danh sách phong trào thi đua" headers={["Tên phong trào", "Phạm vi", "Thời gian", "Số liệu", "Trạng thái"]}>
            {list.rows.map((m) => (
              <tr key={m.id}>
                <td className={cellClass}>
                  <Link href={`/movements/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {m.name}
                  </Link>
                </td>
                <td className={cellClass}>{m.reach}</td>
                <td className={`${cellClass} whitespace-nowrap`}>
                  {formatDate(m.fromDate)} – {formatDate(m.toDate)}
                </td>
                <td className={cellClass}>{m.figures}</td>
                <td className={cellClass}>
                  <Badge tone={m.status === "OPEN" ? "green" : "slate"}>{MOVEMENT_STATUS_LABELS[m.status]}</Badge>
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} makeHref={(p) => `/movements?page=${p}`} />
        </>
      )}
    </div>
  );
}

export default pageOr404(MovementsPage);
