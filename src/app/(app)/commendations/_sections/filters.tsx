// The register's filters: a plain GET form (bookmarkable, works without JavaScript).
import { controlClass } from "@/components/ui";
import type { commendationRegister } from "@/server/queries/commendations";

type Register = Awaited<ReturnType<typeof commendationRegister>>;

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value} className={`${controlClass} min-h-11`}>
        <option value="">Tất cả</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function RegisterFiltersForm({ register }: { register: Register }) {
  const { filters, options } = register;
  return (
    <form method="get" action="/commendations" aria-label="Lọc sổ khen thưởng" className="no-print flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <Select name="year" label="Năm" value={filters.year ? String(filters.year) : ""} options={options.years.map((y) => ({ value: String(y), label: String(y) }))} />
      {options.units.length > 1 && <Select name="unit" label="Đơn vị" value={filters.unitId ?? ""} options={options.units.map((u) => ({ value: u.id, label: u.name }))} />}
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Cán bộ (tên hoặc mã)
        <input type="search" name="q" defaultValue={filters.q} className={`${controlClass} min-h-11`} />
      </label>
      <Select name="form" label="Hình thức" value={filters.form ?? ""} options={options.forms.map((f) => ({ value: f.code, label: f.label }))} />
      <Select name="level" label="Cấp quyết định" value={filters.level ?? ""} options={options.levels.map((l) => ({ value: l, label: l }))} />
      <button type="submit" className="min-h-11 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
        Lọc
      </button>
      <a href="/commendations" className="min-h-11 content-center text-sm text-brand-700 underline">
        Bỏ lọc
      </a>
    </form>
  );
}
