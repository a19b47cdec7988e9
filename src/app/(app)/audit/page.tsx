import type { Metadata } from "next";
import Link from "next/link";
import { SelectField, TextField } from "@/components/form";
import { Badge, cellClass, DataTable, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { formatDate, formatDateTime } from "@/lib/format";
import { PrintButton } from "@/components/print-button";
import { requireActor } from "@/server/auth/current";
import { describeBreak } from "@/server/audit/chain";
import { auditDiff } from "@/server/audit/diff";
import { ACTION_LABELS, actionLabel, ENTITY_LABELS, entityLabel } from "@/server/audit/labels";
import { auditLogPage, parseAuditParams, SYSTEM_ACTOR, verifyAuditLog, type AuditRow } from "@/server/audit/queries";
import { filteredHref, LogFilterForm, secondaryClass } from "./log-filters";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Nhật ký hệ thống" };

const byLabel = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([value, label]) => ({ value, label: `${label} (${value})` }))
    .sort((a, b) => a.label.localeCompare(b.label, "vi"));

async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors, verify } = parseAuditParams(await searchParams);
  const log = await auditLogPage(actor, filters);
  const verdict = verify && log.wholeLog ? await verifyAuditLog(actor) : null;
  const query = {
    unit: filters.unitId,
    user: filters.actorId,
    entity: filters.entityType,
    entityId: filters.entityId,
    action: filters.action,
    from: filters.from,
    to: filters.to,
  };
  const filtered = Object.values(query).some(Boolean);

  return (
    <div>
      <PageHeader
        title="Nhật ký hệ thống"
        description={log.wholeLog ? "Mọi thay đổi trong hệ thống, mới nhất trước." : `Các thay đổi thuộc ${log.clusterName ?? "cụm của bạn"}, mới nhất trước.`}
        actions={
          <div className="no-print flex gap-2">
            {log.wholeLog && (
              <Link href="/audit/security" className={secondaryClass}>
                Sự kiện bảo mật
              </Link>
            )}
            {log.wholeLog && (
              <form method="get" action="/audit">
                <input type="hidden" name="verify" value="1" />
                <button type="submit" className={secondaryClass}>
                  Kiểm tra tính toàn vẹn
                </button>
              </form>
            )}
            <PrintButton />
          </div>
        }
      />

      {verdict && (
        <div className="mb-4" role={verdict.ok ? "status" : "alert"} data-testid="audit-verdict">
          {verdict.ok ? (
            <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
              Nhật ký toàn vẹn: {verdict.count} bản ghi. Bản ghi cuối số {String(verdict.lastSeq)}, mã băm{" "}
              <span className="break-all font-mono text-xs">{verdict.lastHash}</span>
            </p>
          ) : (
            <div className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              <p className="font-semibold">
                Nhật ký KHÔNG toàn vẹn: bản ghi đầu tiên bị hỏng là số {String(verdict.broken.seq)} (id {verdict.broken.id}, lúc{" "}
                {formatDateTime(verdict.broken.at)}, {actionLabel(verdict.broken.action)}).
              </p>
              <p>{describeBreak(verdict.broken)}</p>
              <p>{verdict.count} bản ghi trước đó hợp lệ.</p>
            </div>
          )}
        </div>
      )}

      <LogFilterForm action="/audit" label="Lọc nhật ký" from={filters.from} to={filters.to} errors={errors} filtered={filtered}>
        <SelectField
          name="unit"
          label="Đơn vị"
          placeholder="Tất cả"
          defaultValue={filters.unitId ?? ""}
          options={log.units.map((u) => ({ value: u.id, label: log.wholeLog ? `${u.name} — ${u.clusterName}` : u.name }))}
        />
        <SelectField
          name="user"
          label="Người thực hiện"
          placeholder="Tất cả"
          defaultValue={filters.actorId ?? ""}
          options={[{ value: SYSTEM_ACTOR, label: "Hệ thống (không có tài khoản)" }, ...log.users.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <SelectField name="entity" label="Đối tượng" placeholder="Tất cả" defaultValue={filters.entityType ?? ""} options={byLabel(ENTITY_LABELS)} />
        <TextField name="entityId" label="Mã đối tượng" defaultValue={filters.entityId ?? ""} maxLength={64} placeholder="id" />
        <SelectField name="action" label="Thao tác" placeholder="Tất cả" defaultValue={filters.action ?? ""} options={byLabel(ACTION_LABELS)} />
      </LogFilterForm>

      {filtered && (
        <p className="mb-2 hidden text-sm print:block">
          Bộ lọc: {filters.from ? `từ ${formatDate(filters.from)} ` : ""}
          {filters.to ? `đến ${formatDate(filters.to)} ` : ""}
          {filters.action ? `· ${actionLabel(filters.action)} ` : ""}
          {filters.entityType ? `· ${entityLabel(filters.entityType)} ` : ""}
          {filters.entityId ? `· ${filters.entityId}` : ""}
        </p>
      )}

      {log.total === 0 ? (
        <EmptyState title={filtered ? "Không có bản ghi nào khớp bộ lọc." : "Nhật ký chưa có bản ghi nào."}>
          {filtered ? "Hãy bỏ bớt bộ lọc hoặc mở rộng khoảng ngày." : "Mỗi thay đổi dữ liệu sẽ được ghi lại tại đây."}
        </EmptyState>
      ) : (
        <>
          <div data-testid="audit-table">
            <DataTable caption="Nhật ký hệ thống" headers={["Thời gian", "Người thực hiện", "Thao tác", "Đối tượng", "Đơn vị", "Chi tiết"]}>
              {log.rows.map((row) => (
                <Entry key={row.id} row={row} showCluster={log.wholeLog} />
              ))}
            </DataTable>
          </div>
          <Pagination page={log.page} pageCount={log.pageCount} total={log.total} makeHref={(p) => filteredHref("/audit", query, p)} />
        </>
      )}
    </div>
  );
}

function Entry({ row, showCluster }: { row: AuditRow; showCluster: boolean }) {
  const diff = auditDiff(row.before, row.after);
  const changed = diff.filter((d) => d.changed).length;
  return (
    <tr>
      <td className={`${cellClass} whitespace-nowrap`}>
        {formatDateTime(row.at)}
        <div className="text-xs text-slate-500">số {row.seq}</div>
      </td>
      <td className={cellClass}>{row.actorId ? row.actorName : <Badge>{row.actorName}</Badge>}</td>
      <td className={cellClass}>
        {actionLabel(row.action)}
        {row.action in ACTION_LABELS && <div className="font-mono text-xs text-slate-500">{row.action}</div>}
      </td>
      <td className={cellClass}>
        {entityLabel(row.entityType)}
        {row.entityId && <div className="break-all font-mono text-xs text-slate-500">{row.entityId}</div>}
      </td>
      <td className={cellClass}>
        {row.unitName ?? <span className="text-slate-500">—</span>}
        {showCluster && row.clusterName && <div className="text-xs text-slate-500">{row.clusterName}</div>}
      </td>
      <td className={cellClass}>
        {row.contentHidden ? (
          <span className="text-slate-500">Nội dung bản nháp của đơn vị: không hiển thị</span>
        ) : diff.length === 0 ? (
          <span className="text-slate-500">—</span>
        ) : (
          <details>
            <summary className="cursor-pointer text-brand-700">
              {changed} thay đổi{diff.length > changed ? ` / ${diff.length} trường` : ""}
            </summary>
            <table className="mt-2 text-xs">
              <thead>
                <tr>
                  <th scope="col" className="pr-2 text-left">Trường</th>
                  <th scope="col" className="pr-2 text-left">Trước</th>
                  <th scope="col" className="text-left">Sau</th>
                </tr>
              </thead>
              <tbody>
                {diff.map((d) => (
                  <tr key={d.key} className={d.changed ? "bg-amber-50" : undefined}>
                    <th scope="row" className="pr-2 text-left align-top font-mono font-normal">{d.key}</th>
                    <td className="max-w-xs whitespace-pre-wrap break-all pr-2 align-top">{d.before ?? "—"}</td>
                    <td className="max-w-xs whitespace-pre-wrap break-all align-top">{d.after ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </td>
    </tr>
  );
}

export default pageOr404(AuditPage);
