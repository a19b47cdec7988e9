import type { Metadata } from "next";
import Link from "next/link";
import { SelectField, TextField } from "@/components/form";
import { Badge, cellClass, DataTable, EditLink, EmptyState, LinkButton, PageHeader, Pagination } from "@/components/ui";
import { ROLE_LABELS, ROLES } from "@/domain/permissions";
import { pageParam } from "@/domain/validation";
import { requireActor } from "@/server/auth/current";
import { clusterOptions, listUsers } from "@/server/queries/admin";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Tài khoản" };

type Search = { q?: string; role?: string; cluster?: string; page?: string };
const str = (v: unknown) => (typeof v === "string" ? v : "");

async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const search = await searchParams;
  const q = str(search.q).slice(0, 100);
  const role = (ROLES as readonly string[]).includes(str(search.role)) ? str(search.role) : "";
  const [clusters, result] = await Promise.all([
    clusterOptions(actor),
    listUsers(actor, { q, role, clusterId: str(search.cluster), page: pageParam.parse(search.page) }),
  ]);
  const cluster = clusters.some((c) => c.value === search.cluster) ? str(search.cluster) : "";
  const filtered = Boolean(q || role || cluster);
  const makeHref = (page: number) =>
    `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), ...(cluster ? { cluster } : {}), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <PageHeader title="Tài khoản" description="Tài khoản đăng nhập, vai trò và phạm vi của từng người dùng." actions={<LinkButton href="/admin/users/new">Thêm tài khoản</LinkButton>} />
      <form method="get" role="search" aria-label="Tìm tài khoản" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1.5fr_auto] lg:items-end">
        <TextField name="q" label="Tìm theo họ tên hoặc tên đăng nhập" defaultValue={q} placeholder="vd. nguyen van an" maxLength={100} />
        <SelectField name="role" label="Vai trò" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} placeholder="Tất cả vai trò" defaultValue={role} />
        <SelectField name="cluster" label="Cụm thi đua" options={clusters} placeholder="Tất cả các cụm" defaultValue={cluster} />
        <div className="flex gap-2">
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-slate-50">
            Tìm
          </button>
          {filtered && (
            <Link href="/admin/users" className="px-2 py-2 text-sm text-brand-700 underline">
              Bỏ lọc
            </Link>
          )}
        </div>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={filtered ? "Không có tài khoản nào phù hợp." : "Chưa có tài khoản nào."}>
          {filtered ? "Hãy thử từ khóa hoặc bộ lọc khác." : <Link href="/admin/users/new" className="text-brand-700 underline">Thêm tài khoản</Link>}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption="Danh sách tài khoản"
            headers={["Họ tên", "Tên đăng nhập", "Vai trò", "Cụm / đơn vị", "Trạng thái", <span key="a" className="sr-only">Thao tác</span>]}
          >
            {result.items.map((user) => (
              <tr key={user.id}>
                <td className={cellClass}>
                  <Link href={`/admin/users/${user.id}`} className="font-medium text-slate-900 hover:underline">
                    {user.displayName}
                  </Link>
                  {user.id === actor.userId && <span className="ml-2 text-xs text-slate-500">(bạn)</span>}
                </td>
                <td className={`${cellClass} font-mono text-xs`}>{user.username}</td>
                <td className={cellClass}>{ROLE_LABELS[user.role]}</td>
                <td className={cellClass}>
                  {user.unit ? (
                    <>
                      {user.unit.name}
                      {user.cluster && <span className="block text-xs text-slate-500">{user.cluster.name}</span>}
                    </>
                  ) : (
                    (user.cluster?.name ?? <span className="text-slate-500">—</span>)
                  )}
                </td>
                <td className={cellClass}>{user.disabled ? <Badge tone="red">Đã khóa</Badge> : <Badge tone="green">Đang dùng</Badge>}</td>
                <td className={`${cellClass} text-right`}>
                  <EditLink href={`/admin/users/${user.id}`} name={user.displayName} />
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

export default pageOr404(UsersPage);
