import { PickerSelect, PickerSubmit } from "@/components/ui";
import { PHASE_LABELS } from "@/domain/year-phases";
import type { ClusterDashboard } from "@/server/queries/dashboard";

/** Which cluster and year the dashboard shows. */
export function ClusterYearPicker({ d, clusterId }: { d: ClusterDashboard; clusterId: string }) {
  return (
    <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn cụm và năm thi đua">
      {d.clusters.length > 0 && (
        <PickerSelect id="overview-cluster" name="cluster" label="Cụm thi đua" defaultValue={clusterId}>
          {d.clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.code})
            </option>
          ))}
        </PickerSelect>
      )}
      {d.years.length > 0 && (
        <PickerSelect id="overview-year" name="year" label="Năm thi đua" defaultValue={d.year ? String(d.year.year) : ""}>
          {d.years.map((y) => (
            <option key={y.id} value={y.year}>
              {y.year} – {PHASE_LABELS[y.phase]}
            </option>
          ))}
        </PickerSelect>
      )}
      <PickerSubmit />
    </form>
  );
}
