import type { Metadata } from "next";
import Link from "next/link";
import { SelectField } from "@/components/form";
import { ActiveBadge, cellClass, DataTable, EditLink, EmptyState, LinkButton, PageHeader, Pagination } from "@/components/ui";
import { pageParam } from "@/domain/validation";
import { requireActor } from "@/server/auth/current";
import { clusterOptions, listUnits } from "@/server/queries/admin";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Đơn vị" };

type Search = { cluster?: string; page?: string };

async function UnitsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const search = await searchParams;
  const clusterId = typeof search.cluster === "string" ? search.cluster : "";
  const [clusters, result] = await Promise.all([
    clusterOptions(actor),
    listUnits(actor, { clusterId, page: pageParam.parse(search.page) }),
  ]);
  const selected = clusters.some((c) => c.value === clusterId) ? clusterId : "";
  const makeHref = (page: number) => `/admin/units?${new URLSearchParams({ ...(selected ? { cluster: selected } : {}), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Đơn vị"
        description="Đơn vị thành viên của các cụm và các đơn vị trực thuộc (phòng, đội)."
        actions={clusters.length > 0 && <LinkButton href={`/admin/units/new${selected ? `?clusterId=${selected}` : ""}`}>Thêm đơn vị</LinkButton>}
      />
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Lọc đơn vị">
        <SelectField name="cluster" label="Cụm thi đua" options={clusters} placeholder="Tất cả các cụm" defaultValue={selected} className="min-w-64" />
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50">
          Lọc
        </button>
      </form>
      {clusters.length === 0 ? (
        <EmptyState title="Chưa có cụm thi đua nào.">
          <Link href="/admin/clusters" className="text-brand-700 underline">Thêm khối và cụm thi đua</Link> trước khi thêm đơn vị.
        </EmptyState>
      ) : result.items.length === 0 ? (
        <EmptyState title={selected ? "Cụm này chưa có đơn vị nào." : "Chưa có đơn vị nào."}>
          <Link href={`/admin/units/new${selected ? `?clusterId=${selected}` : ""}`} className="text-brand-700 underline">Thêm đơn vị</Link>
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Danh sách đơn vị thành viên và đơn vị trực thuộc"
            headers={["Mã", "Đơn vị và đơn vị trực thuộc", "Cụm", "Tài khoản", "Trạng thái", <span key="a" className="sr-only">Thao tác</span>]}
          >
            {result.items.map((unit) => (
              <tr key={unit.id}>
                <td className={`${cellClass} font-mono text-xs`}>{unit.code}</td>
                <td className={cellClass}>
                  <Link href={`/admin/units/${unit.id}`} className="font-medium text-slate-900 hover:underline">
                    {unit.name}
                  </Link>
                  {unit.subUnits.length > 0 && (
                    <ul className="mt-1 space-y-0.5 border-l-2 border-slate-200 pl-3 text-slate-600" aria-label={`Đơn vị trực thuộc ${unit.name}`}>
                      {unit.subUnits.map((sub) => (
                        <li key={sub.id}>
                          <Link href={`/admin/units/${sub.id}`} className="hover:underline">
                            {sub.name}
                          </Link>
                          {!sub.active && <span className="ml-2 text-xs text-slate-500">(ngừng hoạt động)</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={cellClass}>
                  <span title={unit.cluster.name}>{unit.cluster.code}</span>
                </td>
                <td className={cellClass}>{unit.enabledAccountCount}</td>
                <td className={cellClass}><ActiveBadge active={unit.active} /></td>
                <td className={`${cellClass} whitespace-nowrap text-right`}>
                  <EditLink href={`/admin/units/${unit.id}`} name={unit.name} />
                  {unit.active && (
                    <Link href={`/admin/units/new?parentId=${unit.id}`} className="ml-3 text-brand-700 underline">
                      Thêm trực thuộc<span className="sr-only"> {unit.name}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} makeHref={makeHref} />
        </>
      )}
    </div>
  );
}

export default pageOr404(UnitsPage);
