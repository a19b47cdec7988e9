// The dashboard's "reminders" section (issue 16): which units were reminded of which deadline, whether
// they have done it since, and who is late now. Its own cache (cachedRemindersOverview), not the
// dashboard's: reminders are sent by the job queue without an audit entry, so its version also counts
// the reminders sent (read in the same statement as the dashboard's data version).
import { Badge, DataTable, EmptyState, cellClass } from "@/components/ui";
import { displayIsoDate } from "@/domain/dashboard/missing";
import type { Actor } from "@/domain/permissions";
import { formatDateTime } from "@/lib/format";
import { cachedRemindersOverview } from "@/server/queries/notifications";
import { found } from "@/app/not-found-boundary";

export async function RemindersSection({ actor, clusterId, year }: { actor: Actor; clusterId: string; year: number | null }) {
  if (year === null) return null;
  const data = await found(cachedRemindersOverview(actor, clusterId, year));
  if (!data) return null;
  return (
    <section aria-labelledby="reminders-heading" className="no-print mx-auto mt-6 max-w-7xl space-y-3" data-testid="reminders-section">
      <h2 id="reminders-heading" className="text-lg font-semibold text-slate-800">
        Nhắc hạn năm {year}
      </h2>
      {data.late.length > 0 && (
        <div className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm">
          <p className="mb-2 font-medium text-red-800">Còn chậm so với thời hạn ({data.late.length})</p>
          <ul className="list-inside list-disc space-y-1 text-red-900">
            {data.late.map((l, i) => (
              <li key={i}>
                {l.unitName}: {l.detail} (hạn {displayIsoDate(l.deadline)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.reminded.length === 0 ? (
        <EmptyState title="Chưa gửi lời nhắc nào">Các đơn vị chưa hoàn thành được nhắc tự động trước mỗi thời hạn theo thiết lập của năm.</EmptyState>
      ) : (
        <DataTable caption={`Các lời nhắc đã gửi năm ${year}`} headers={["Đơn vị", "Việc", "Hạn", "Đã nhắc trước (ngày làm việc)", "Lần nhắc gần nhất", "Hiện nay"]}>
          {data.reminded.map((r) => (
            <tr key={`${r.unitId}-${r.kind}-${r.deadline}`}>
              <td className={cellClass}>{r.unitName}</td>
              <td className={cellClass}>{data.labels[r.kind].thing}</td>
              <td className={cellClass}>{displayIsoDate(r.deadline)}</td>
              <td className={cellClass}>{[...r.offsets].sort((a, b) => b - a).join(", ")}</td>
              <td className={cellClass}>{formatDateTime(r.lastSentAt)}</td>
              <td className={cellClass}>{r.stillPending ? <Badge tone="red">Chưa hoàn thành</Badge> : <Badge tone="green">Đã hoàn thành</Badge>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
