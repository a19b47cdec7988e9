import { PHASE_LABELS } from "@/domain/year-phases";
import type { ClusterDashboard } from "@/server/queries/dashboard";

const selectClass =
  "rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

/** Which cluster and year the dashboard shows. */
export function ClusterYearPicker({ d, clusterId }: { d: ClusterDashboard; clusterId: string }) {
  return (
    <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn cụm và năm thi đua">
      {d.clusters.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="overview-cluster" className="text-sm font-medium text-slate-700">
            Cụm thi đua
          </label>
          <select id="overview-cluster" name="cluster" defaultValue={clusterId} className={selectClass}>
            {d.clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </div>
      )}
      {d.years.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="overview-year" className="text-sm font-medium text-slate-700">
            Năm thi đua
          </label>
          <select id="overview-year" name="year" defaultValue={d.year?.year} className={selectClass}>
            {d.years.map((y) => (
              <option key={y.id} value={y.year}>
                {y.year} – {PHASE_LABELS[y.phase]}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
        Xem
      </button>
    </form>
  );
}
