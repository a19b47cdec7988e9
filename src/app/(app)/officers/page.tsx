import type { Metadata } from "next";
import Link from "next/link";
import { SelectField, TextField } from "@/components/form";
import { Badge, cellClass, controlClass, DataTable, EmptyState, LinkButton, PageHeader, Pagination, PickerSelect } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import {
  listOfficers,
  NO_SUB_UNIT,
  OFFICER_STATUS_LABELS,
  OFFICER_STATUSES,
  parseOfficerListParams,
  type OfficerList,
  type UnitChoice,
} from "@/server/queries/officers";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Cán bộ, chiến sĩ" };

async function OfficersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const list = await listOfficers(actor, parseOfficerListParams(await searchParams));
  const { unit, filters } = list;
  // Unit officers and heads only ever see their own unit; the others choose one.
  const picksUnit = actor.role === "ADMIN" || actor.role === "SECRETARIAT";

  if (!unit) {
    return (
      <div>
        <PageHeader title="Cán bộ, chiến sĩ" />
        <EmptyState title="Chưa có đơn vị nào để xem danh sách cán bộ.">
          Tài khoản của bạn chưa được gắn với đơn vị hoặc cụm thi đua có đơn vị thành viên.
        </EmptyState>
      </div>
    );
  }

  const filtered = filters.q !== "" || filters.subUnitId !== null || filters.status !== "active";
  const hrefFor = (page: number) => {
    const p = new URLSearchParams();
    if (picksUnit) p.set("unit", unit.id);
    if (filters.q) p.set("q", filters.q);
    if (filters.subUnitId) p.set("sub", filters.subUnitId);
    if (filters.status !== "active") p.set("status", filters.status);
    if (page > 1) p.set("page", String(page));
    const query = p.toString();
    return query ? `/officers?${query}` : "/officers";
  };

  return (
    <div>
      <PageHeader
        title="Cán bộ, chiến sĩ"
        description={`${unit.name} · ${unit.clusterName}`}
        actions={list.canManage ? <LinkButton href="/officers/new">Thêm cán bộ</LinkButton> : undefined}
      />

      <form method="get" action="/officers" role="search" aria-label="Tìm kiếm cán bộ" className="no-print mb-4 flex flex-wrap items-end gap-3">
        {picksUnit && <UnitPicker units={list.units} selectedId={unit.id} />}
        <TextField
          type="search"
          name="q"
          label="Tìm theo họ tên hoặc mã"
          defaultValue={filters.q}
          maxLength={100}
          placeholder="vd. nguyen van an, KTNV-0012"
          className="min-w-64 flex-1"
        />
        <SelectField
          name="sub"
          label="Phòng/Đội"
          placeholder="Tất cả"
          defaultValue={filters.subUnitId ?? ""}
          options={[
            { value: NO_SUB_UNIT, label: "(Chưa phân phòng/đội)" },
            ...list.subUnits.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (ngừng hoạt động)` })),
          ]}
        />
        <SelectField
          name="status"
          label="Trạng thái"
          defaultValue={filters.status}
          options={OFFICER_STATUSES.map((s) => ({ value: s, label: OFFICER_STATUS_LABELS[s] }))}
        />
        <div className="flex gap-2">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
            Tìm kiếm
          </button>
          {filtered && (
            <Link
              href={picksUnit ? `/officers?unit=${unit.id}` : "/officers"}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
            >
              Xóa bộ lọc
            </Link>
          )}
        </div>
      </form>

      {list.total === 0 ? (
        <Empty list={list} filtered={filtered} />
      ) : (
        <>
          <div data-testid="officer-table">
            <DataTable
              caption={`Danh sách cán bộ, chiến sĩ của ${unit.name}`}
              headers={["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội", "Trạng thái"]}
            >
              {list.rows.map((o) => (
                <tr key={o.id}>
                  <td className={`${cellClass} font-mono text-xs`}>{o.code}</td>
                  <td className={cellClass}>
                    <Link href={`/officers/${o.id}`} className="font-medium text-brand-700 hover:underline">
                      {o.fullName}
                    </Link>
                  </td>
                  <td className={cellClass}>{o.rank}</td>
                  <td className={cellClass}>{o.position}</td>
                  <td className={cellClass}>{o.subUnit?.name ?? <span className="text-slate-500">—</span>}</td>
                  <td className={cellClass}>
                    <Badge tone={o.active ? "green" : "slate"}>{OFFICER_STATUS_LABELS[o.active ? "active" : "inactive"]}</Badge>
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} makeHref={hrefFor} />
        </>
      )}
    </div>
  );
}

function UnitPicker({ units, selectedId }: { units: UnitChoice[]; selectedId: string }) {
  // Admins see every cluster's units, grouped by cluster; a secretariat sees one cluster.
  const clusters = [...new Map(units.map((u) => [u.clusterId, u.clusterName])).entries()];
  const option = (u: UnitChoice) => (
    <option key={u.id} value={u.id}>
      {u.active ? u.name : `${u.name} (ngừng hoạt động)`}
    </option>
  );
  return (
    <PickerSelect id="officer-unit" name="unit" label="Đơn vị" defaultValue={selectedId} className={`${controlClass} max-w-xs`}>
      {clusters.length > 1
        ? clusters.map(([clusterId, clusterName]) => (
            <optgroup key={clusterId} label={clusterName}>
              {units.filter((u) => u.clusterId === clusterId).map(option)}
            </optgroup>
          ))
        : units.map(option)}
    </PickerSelect>
  );
}

function Empty({ list, filtered }: { list: OfficerList; filtered: boolean }) {
  if (filtered) {
    return (
      <EmptyState title="Không tìm thấy cán bộ phù hợp.">
        Hãy thử từ khóa khác (có thể gõ không dấu) hoặc bỏ bớt bộ lọc.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="Đơn vị chưa có cán bộ, chiến sĩ nào.">
      {list.canManage ? (
        <Link href="/officers/new" className="text-brand-700 underline">
          Thêm cán bộ đầu tiên
        </Link>
      ) : (
        "Danh sách do cán bộ thi đua của đơn vị cập nhật."
      )}
    </EmptyState>
  );
}

export default pageOr404(OfficersPage);
