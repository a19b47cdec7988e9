import type { Metadata } from "next";
import Link from "next/link";
import { SelectField, TextField } from "@/components/form";
import { Badge, cellClass, DataTable, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { SECURITY_EVENT_KINDS } from "@/server/security/events";
import { parseSecurityParams, securityEventPage, type SecurityRow } from "@/server/security/queries";
import { filteredHref, LogFilterForm, secondaryClass } from "../log-filters";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Sự kiện bảo mật" };

const TONES: Record<string, "slate" | "green" | "red" | "amber" | "blue"> = {
  "login.success": "green",
  "login.failed": "amber",
  "login.blocked": "red",
  "access.denied": "red",
  logout: "slate",
  "session.endOthers": "blue",
};

async function SecurityEventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseSecurityParams(await searchParams);
  const log = await securityEventPage(actor, filters);
  const query = { kind: filters.kind, username: filters.username, address: filters.address, from: filters.from, to: filters.to };
  const filtered = Object.values(query).some(Boolean);
  return (
    <div>
      <PageHeader
        title="Sự kiện bảo mật"
        description="Đăng nhập, đăng nhập sai, tạm khóa, đăng xuất và các lần bị từ chối truy cập, mới nhất trước."
        actions={
          <Link href="/audit" className={secondaryClass}>
            Nhật ký thay đổi
          </Link>
        }
      />
      <LogFilterForm action="/audit/security" label="Lọc sự kiện bảo mật" from={filters.from} to={filters.to} errors={errors} filtered={filtered}>
        <SelectField
          name="kind"
          label="Loại sự kiện"
          placeholder="Tất cả"
          defaultValue={filters.kind ?? ""}
          options={Object.entries(SECURITY_EVENT_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <TextField name="username" label="Tên đăng nhập" defaultValue={filters.username ?? ""} maxLength={64} />
        <TextField name="address" label="Địa chỉ IP" defaultValue={filters.address ?? ""} maxLength={64} />
      </LogFilterForm>
      {log.total === 0 ? (
        <EmptyState title={filtered ? "Không có sự kiện nào khớp bộ lọc." : "Chưa có sự kiện bảo mật nào."} />
      ) : (
        <>
          <div data-testid="security-table">
            <DataTable caption="Sự kiện bảo mật" headers={["Thời gian", "Sự kiện", "Tài khoản", "Địa chỉ IP", "Chi tiết"]}>
              {log.rows.map((row) => (
                <Row key={row.id} row={row} />
              ))}
            </DataTable>
          </div>
          <Pagination page={log.page} pageCount={log.pageCount} total={log.total} makeHref={(p) => filteredHref("/audit/security", query, p)} />
        </>
      )}
    </div>
  );
}

function Row({ row }: { row: SecurityRow }) {
  const label = SECURITY_EVENT_KINDS[row.kind as keyof typeof SECURITY_EVENT_KINDS] ?? row.kind;
  return (
    <tr>
      <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(row.at)}</td>
      <td className={cellClass}>
        <Badge tone={TONES[row.kind] ?? "slate"}>{label}</Badge>
      </td>
      <td className={cellClass}>
        {row.username ?? "—"}
        {row.userName && <span className="block text-xs text-slate-500">{row.userName}</span>}
      </td>
      <td className={`${cellClass} font-mono text-xs`}>{row.address ?? "—"}</td>
      <td className={`${cellClass} break-all font-mono text-xs`}>{row.detail ? JSON.stringify(row.detail) : ""}</td>
    </tr>
  );
}

export default pageOr404(SecurityEventsPage);
