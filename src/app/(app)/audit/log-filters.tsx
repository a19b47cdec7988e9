// What the audit log and the security event log pages share: the filter form (the page's own fields,
// then the days, "Lọc" and "Xóa bộ lọc") and the address of a filtered page.
import Link from "next/link";
import type { ReactNode } from "react";
import { TextField } from "@/components/form";
import type { DayRangeErrors } from "@/server/audit/filters";

const buttonClass = "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700";
export const secondaryClass = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50";

/** `path` with the filters that are set as its query (in the order given), and the page past the first. */
export function filteredHref(path: string, query: Record<string, string | null>, page: number): string {
  const p = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) p.set(name, value);
  if (page > 1) p.set("page", String(page));
  const search = p.toString();
  return search ? `${path}?${search}` : path;
}

export function LogFilterForm({
  action,
  label,
  from,
  to,
  errors,
  filtered,
  children,
}: {
  action: string;
  label: string;
  from: string | null;
  to: string | null;
  errors: DayRangeErrors;
  filtered: boolean;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="no-print mb-4 flex flex-wrap items-end gap-3">
      {children}
      <TextField type="date" name="from" label="Từ ngày" defaultValue={from ?? ""} error={errors.from} />
      <TextField type="date" name="to" label="Đến ngày" defaultValue={to ?? ""} error={errors.to} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass}>
          Lọc
        </button>
        {filtered && (
          <Link href={action} className={secondaryClass}>
            Xóa bộ lọc
          </Link>
        )}
      </div>
    </form>
  );
}
