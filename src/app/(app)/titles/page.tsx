import type { Metadata } from "next";
import { Badge, cellClass, DataTable, EditLink, EmptyState, LinkButton, PageHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { listTitles } from "@/server/queries/admin";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Danh hiệu thi đua" };

type Title = Awaited<ReturnType<typeof listTitles>>["individual"][number];

function TitleTable({ caption, titles, canManage }: { caption: string; titles: Title[]; canManage: boolean }) {
  if (titles.length === 0) return <EmptyState title="Chưa có danh hiệu nào." />;
  const headers = ["Mức", "Danh hiệu", "Điều kiện", "Trạng thái"];
  return (
    <DataTable caption={caption} headers={canManage ? [...headers, <span key="a" className="sr-only">Thao tác</span>] : headers}>
      {titles.map((title) => (
        <tr key={title.id} className={title.active ? undefined : "text-slate-500"}>
          <td className={`${cellClass} w-12 text-center tabular-nums`}>{title.level}</td>
          <td className={`${cellClass} min-w-48`}>
            <span className="font-medium">{title.name}</span>
            <span className="block text-xs text-slate-500">{title.shortName}</span>
          </td>
          <td className={`${cellClass} whitespace-pre-line`}>{title.prerequisites}</td>
          <td className={cellClass}>{title.active ? <Badge tone="green">Đang áp dụng</Badge> : <Badge>Ngừng áp dụng</Badge>}</td>
          {canManage && (
            <td className={`${cellClass} text-right`}>
              <EditLink href={`/titles/${title.id}`} name={title.name} />
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}

async function TitlesPage() {
  const actor = await requireActor();
  const { individual, collective, canManage } = await listTitles(actor);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Danh hiệu thi đua"
        description="Các danh hiệu và điều kiện mặc định, xếp từ mức thấp đến mức cao. Mỗi thành tích chỉ được xét một danh hiệu cùng mức trong năm. Điều kiện xét của từng năm theo phiên bản quy tắc, kèm căn cứ pháp lý."
        actions={canManage ? <LinkButton href="/titles/new">Thêm danh hiệu</LinkButton> : undefined}
      />
      <section aria-labelledby="titles-individual" className="space-y-3">
        <h2 id="titles-individual" className="text-lg font-semibold text-slate-800">
          Danh hiệu cá nhân
        </h2>
        <TitleTable caption="Danh hiệu thi đua cá nhân, từ thấp đến cao" titles={individual} canManage={canManage} />
      </section>
      <section aria-labelledby="titles-collective" className="space-y-3">
        <h2 id="titles-collective" className="text-lg font-semibold text-slate-800">
          Danh hiệu tập thể
        </h2>
        <TitleTable caption="Danh hiệu thi đua tập thể, từ thấp đến cao" titles={collective} canManage={canManage} />
      </section>
    </div>
  );
}

export default pageOr404(TitlesPage);
