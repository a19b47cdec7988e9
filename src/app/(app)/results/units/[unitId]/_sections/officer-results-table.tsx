import Link from "next/link";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Badge, cellClass, DataTable, EmptyState, Pagination } from "@/components/ui";
import { titleLabel, type IndividualTitle } from "@/domain/eligibility";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { formatDate } from "@/lib/format";
import { RESULT_FILTER_LABELS, RESULT_FILTERS, type OfficerResultRow } from "@/server/queries/results";
import { verifyOfficerResultsAction } from "../../../actions";
import type { UnitResults } from "./unit-results";

type Href = (changes: Record<string, string | number | null>) => string;

/** The search and filter above the officers' table. */
export function OfficerFilter({ base, yearId, filters }: { base: string; yearId: string; filters: UnitResults["filters"] }) {
  return (
    <form method="get" action={base} role="search" aria-label="Lọc cán bộ" className="no-print flex flex-wrap items-end gap-3">
      <input type="hidden" name="year" value={yearId} />
      <TextField type="search" name="q" label="Tìm theo họ tên hoặc mã" defaultValue={filters.q} maxLength={100} className="min-w-64 flex-1" />
      <SelectField name="filter" label="Hiển thị" defaultValue={filters.filter} options={RESULT_FILTERS.map((f) => ({ value: f, label: RESULT_FILTER_LABELS[f] }))} />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
        Lọc
      </button>
    </form>
  );
}

/** The unit's officers with their registration and result, a page at a time. */
export function OfficerResultsTable({ d, hrefWith }: { d: UnitResults; hrefWith: Href }) {
  const { year, unit } = d;
  if (d.total === 0) {
    return <EmptyState title={d.filters.q || d.filters.filter !== "all" ? "Không có cán bộ phù hợp." : "Đơn vị chưa có cán bộ, chiến sĩ nào."} />;
  }
  return (
    <>
      <div data-testid="officer-results">
        <DataTable
          caption={`Kết quả thi đua năm ${year.year} của cán bộ ${unit.name}`}
          headers={["Mã", "Họ và tên", "Cấp bậc", "Phòng/Đội", "Đăng ký", "Xếp loại", "Được công nhận", "Quyết định", "Trạng thái", <span key="a" className="sr-only">Thao tác</span>]}
        >
          {d.rows.map((o) => (
            <OfficerRow key={o.id} o={o} canEnter={d.canEnter} canVerify={d.canVerify} editHref={`${hrefWith({ officer: o.id })}#result-form`} yearId={year.id} unitId={unit.id} />
          ))}
        </DataTable>
      </div>
      <Pagination page={d.page} pageCount={d.pageCount} total={d.total} makeHref={(page) => hrefWith({ page: page > 1 ? page : null })} />
    </>
  );
}

function OfficerRow({
  o,
  canEnter,
  canVerify,
  editHref,
  yearId,
  unitId,
}: {
  o: OfficerResultRow;
  canEnter: boolean;
  canVerify: boolean;
  editHref: string;
  yearId: string;
  unitId: string;
}) {
  const r = o.result;
  return (
    <tr>
      <td className={`${cellClass} font-mono text-xs`}>{o.code}</td>
      <td className={cellClass}>
        <Link href={`/officers/${o.id}`} className="font-medium text-brand-700 hover:underline">
          {o.fullName}
        </Link>
        {!o.active && <span className="block text-xs text-slate-500">Không còn công tác</span>}
      </td>
      <td className={cellClass}>{o.rank}</td>
      <td className={cellClass}>{o.subUnitName ?? <span className="text-slate-500">—</span>}</td>
      <td className={cellClass}>{o.registeredTitle ? titleLabel(o.registeredTitle as IndividualTitle) : <span className="text-slate-500">—</span>}</td>
      <td className={cellClass}>{r?.rating ? TASK_RATINGS[r.rating] : <span className="text-slate-500">—</span>}</td>
      <td className={cellClass}>{r?.awardedTitleCode ? <span className="font-medium">{titleLabel(r.awardedTitleCode as IndividualTitle)}</span> : <span className="text-slate-500">—</span>}</td>
      <td className={`${cellClass} text-xs`}>
        {r?.decisionNo ? (
          <>
            {r.decisionNo}
            {r.decisionDate && <span className="block">{formatDate(r.decisionDate)}</span>}
            {r.decisionSigner && <span className="block text-slate-500">{r.decisionSigner}</span>}
          </>
        ) : (
          <span className="text-slate-500">—</span>
        )}
      </td>
      <td className={cellClass}>
        {!r ? <Badge>Chưa có</Badge> : r.verified ? <Badge tone="green">Đã xác nhận</Badge> : <Badge tone="amber">Chờ xác nhận</Badge>}
      </td>
      <td className={`${cellClass} no-print`}>
        <div className="flex flex-col items-start gap-1">
          {canEnter && (
            <Link href={editHref} className="text-brand-700 hover:underline" aria-label={`${r ? "Sửa" : "Ghi"} kết quả của ${o.fullName}`}>
              {r ? "Sửa" : "Ghi kết quả"}
            </Link>
          )}
          {canVerify && r && !r.verified && (
            <ActionForm action={verifyOfficerResultsAction} aria-label={`Xác nhận kết quả của ${o.fullName}`}>
              <input type="hidden" name="yearId" value={yearId} />
              <input type="hidden" name="unitId" value={unitId} />
              <input type="hidden" name="officerId" value={o.id} />
              <SubmitButton variant="secondary">Xác nhận</SubmitButton>
            </ActionForm>
          )}
        </div>
      </td>
    </tr>
  );
}
