// The year picker of the results pages: a GET form, so the chosen year is in the address (and prints).
import { PHASE_LABELS } from "@/domain/year-phases";
import type { YearChoice } from "@/server/queries/results";
import { PickerSelect, PickerSubmit } from "@/components/ui";

export function YearPicker({ years, selectedId, action, extra }: { years: YearChoice[]; selectedId: string; action: string; extra?: Record<string, string> }) {
  if (years.length <= 1) return null;
  const clusters = [...new Map(years.map((y) => [y.clusterId, y.clusterName])).entries()];
  const option = (y: YearChoice) => (
    <option key={y.id} value={y.id}>
      {`Năm ${y.year} — ${PHASE_LABELS[y.phase]}`}
    </option>
  );
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn năm thi đua">
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <PickerSelect id="results-year" name="year" label="Năm thi đua" defaultValue={selectedId}>
        {clusters.length > 1
          ? clusters.map(([clusterId, name]) => (
              <optgroup key={clusterId} label={name}>
                {years.filter((y) => y.clusterId === clusterId).map(option)}
              </optgroup>
            ))
          : years.map(option)}
      </PickerSelect>
      <PickerSubmit variant="primary" />
    </form>
  );
}
