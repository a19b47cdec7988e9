import Link from "next/link";
import type { ConferenceData } from "./conference-data";

/** Links to the cluster's other years (shown when there is more than one). */
export function YearNav({ years, selectedId }: { years: ConferenceData["years"]; selectedId: string }) {
  return (
    <nav aria-label="Chọn năm thi đua" className="flex flex-wrap gap-1 text-sm">
      {years.map((y) => (
        <Link
          key={y.id}
          href={`/conference?year=${y.id}`}
          aria-current={y.id === selectedId ? "page" : undefined}
          className={`rounded-md border px-3 py-2 ${y.id === selectedId ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
        >
          {y.year}
        </Link>
      ))}
    </nav>
  );
}
