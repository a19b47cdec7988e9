// The units' figures with each unit's rank per figure and the totals (docs/domain.md §10): the summary
// once the movement is closed, the progress so far while it runs. Printable.
import { formatFigure } from "@/domain/scoring/report-form";
import { formatDateTime } from "@/lib/format";
import { cellClass, DataTable } from "@/components/ui";
import type { MovementDetail } from "@/server/queries/movements";

export function SummaryTable({ detail }: { detail: MovementDetail }) {
  const { summary, units } = detail;
  const cells = new Map(summary.figures.map((f) => [f.id, new Map(f.ranking.map((r) => [r.unitId, r]))]));
  return (
    <DataTable
      caption={`Số liệu các đơn vị, phong trào ${detail.movement.name}`}
      testId="movement-summary"
      headers={["Đơn vị", ...summary.figures.map((f) => `${f.label} (${f.unitLabel})`), "Cập nhật"]}
    >
      {units.map((u) => (
        <tr key={u.id}>
          <th scope="row" className={`${cellClass} text-left font-medium`}>
            {u.name}
            {detail.movement.scope !== "CLUSTER" && <span className="block text-xs font-normal text-slate-500">{u.cluster.name}</span>}
          </th>
          {summary.figures.map((f) => {
            const cell = cells.get(f.id)?.get(u.id);
            return (
              <td key={f.id} className={`${cellClass} whitespace-nowrap text-right tabular-nums`}>
                {cell?.value != null ? (
                  <>
                    {formatFigure(cell.value)}
                    <span className="ml-2 text-xs text-slate-500">hạng {cell.rank}</span>
                  </>
                ) : (
                  <span className="text-slate-500">chưa báo cáo</span>
                )}
              </td>
            );
          })}
          <td className={`${cellClass} text-xs text-slate-500`}>{u.lastEntry ? `${formatDateTime(u.lastEntry.at)}, ${u.lastEntry.by}` : "—"}</td>
        </tr>
      ))}
      <tr className="bg-slate-50 font-semibold">
        <th scope="row" className={`${cellClass} text-left`}>
          Tổng cộng
        </th>
        {summary.figures.map((f) => (
          <td key={f.id} className={`${cellClass} whitespace-nowrap text-right tabular-nums`}>
            {formatFigure(f.total)} <span className="text-xs font-normal text-slate-500">({f.reported} đơn vị)</span>
          </td>
        ))}
        <td className={cellClass} />
      </tr>
    </DataTable>
  );
}
