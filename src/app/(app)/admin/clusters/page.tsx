import type { Metadata } from "next";
import Link from "next/link";
import { ActiveBadge, cellClass, DataTable, EditLink, EmptyState, LinkButton, PageHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { listBlocksWithClusters } from "@/server/queries/admin";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Khối & cụm thi đua" };

async function ClustersPage() {
  const actor = await requireActor();
  const blocks = await listBlocksWithClusters(actor);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Khối & cụm thi đua"
        description="Khối thi đua gồm các cụm; mỗi cụm gồm các đơn vị cùng thi đua."
        actions={
          <>
            {blocks.length > 0 && <LinkButton href="/admin/clusters/new">Thêm cụm</LinkButton>}
            <LinkButton href="/admin/clusters/blocks/new" variant={blocks.length > 0 ? "secondary" : "primary"}>
              Thêm khối
            </LinkButton>
          </>
        }
      />
      {blocks.length === 0 ? (
        <EmptyState title="Chưa có khối thi đua nào.">Hãy thêm khối thi đua trước, sau đó thêm các cụm thuộc khối.</EmptyState>
      ) : (
        blocks.map((block) => (
          <section key={block.id} aria-labelledby={`block-${block.id}`} className="space-y-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`block-${block.id}`} className="text-lg font-semibold text-slate-800">
                {block.name} <span className="text-sm font-normal text-slate-500">({block.code})</span>
              </h2>
              <Link href={`/admin/clusters/blocks/${block.id}`} className="text-sm text-brand-700 underline">
                Sửa khối<span className="sr-only"> {block.name}</span>
              </Link>
            </div>
            {block.clusters.length === 0 ? (
              <EmptyState title="Khối này chưa có cụm nào.">
                <Link href={`/admin/clusters/new?blockId=${block.id}`} className="text-brand-700 underline">
                  Thêm cụm vào khối
                </Link>
              </EmptyState>
            ) : (
              <DataTable
                caption={`Các cụm thuộc ${block.name}`}
                headers={["Mã cụm", "Tên cụm", "Đơn vị đang hoạt động", "Tài khoản đang dùng", "Trạng thái", <span key="a" className="sr-only">Thao tác</span>]}
              >
                {block.clusters.map((cluster) => (
                  <tr key={cluster.id}>
                    <td className={`${cellClass} font-mono text-xs`}>{cluster.code}</td>
                    <td className={cellClass}>{cluster.name}</td>
                    <td className={cellClass}>
                      <Link href={`/admin/units?cluster=${cluster.id}`} className="text-brand-700 underline">
                        {cluster.activeUnitCount}
                        <span className="sr-only"> đơn vị của {cluster.name}</span>
                      </Link>
                    </td>
                    <td className={cellClass}>
                      <Link href={`/admin/users?cluster=${cluster.id}`} className="text-brand-700 underline">
                        {cluster.enabledAccountCount}
                        <span className="sr-only"> tài khoản của {cluster.name}</span>
                      </Link>
                    </td>
                    <td className={cellClass}>
                      <ActiveBadge active={cluster.active} />
                    </td>
                    <td className={`${cellClass} text-right`}>
                      <EditLink href={`/admin/clusters/${cluster.id}`} name={cluster.name} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        ))
      )}
    </div>
  );
}

export default pageOr404(ClustersPage);
