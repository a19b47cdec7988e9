// Presentational building blocks shared by every page (server-safe: no hooks).
import Link from "next/link";
import type { ReactNode } from "react";

export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="no-print flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

export function Card({ title, children, className }: { title?: string; children: ReactNode; className?: string }) {
  return (
    <section className={`min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className ?? ""}`}>
      {title && <h2 className="mb-4 text-lg font-semibold text-slate-800">{title}</h2>}
      {children}
    </section>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="font-medium text-slate-700">{title}</p>
      {children && <div className="mt-2 text-sm text-slate-500">{children}</div>}
    </div>
  );
}

/** One label and value of a description list (<dl>). */
export function DescriptionItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

export function Badge({ tone = "slate", children }: { tone?: "slate" | "green" | "red" | "amber" | "blue"; children: ReactNode }) {
  const tones = {
    slate: "bg-slate-100 text-slate-700",
    green: "bg-green-100 text-green-800",
    red: "bg-red-100 text-red-800",
    amber: "bg-amber-100 text-amber-800",
    blue: "bg-blue-100 text-blue-800",
  };
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>;
}

/** "Đang hoạt động" or "Ngừng hoạt động". */
export function ActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="green">Đang hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>;
}

/** After a description's other facts: " · Ngừng hoạt động" for what has stopped, nothing otherwise. */
export function StoppedNote({ active }: { active: boolean }) {
  return active ? null : (
    <>
      {" "}
      · <Badge>Ngừng hoạt động</Badge>
    </>
  );
}

/** The way back to the list, at the top of a record's page: "← {label}". */
function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="text-brand-700 underline">
      {`← ${label}`}
    </Link>
  );
}

/** The header of a record's page (or a new record's): its title, the way back to the list, then `children`. */
export function RecordHeader({ title, backHref, backLabel, children }: { title: string; backHref: string; backLabel: string; children?: ReactNode }) {
  return (
    <PageHeader
      title={title}
      description={
        <>
          <BackLink href={backHref} label={backLabel} />
          {children}
        </>
      }
    />
  );
}

/** A list row's "Sửa" link, naming the record for screen readers. */
export function EditLink({ href, name }: { href: string; name: string }) {
  return (
    <Link href={href} className="text-brand-700 underline">
      Sửa<span className="sr-only"> {name}</span>
    </Link>
  );
}

const BUTTON_STYLES = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
} as const;

export function LinkButton({ href, children, variant = "primary" }: { href: string; children: ReactNode; variant?: "primary" | "secondary" }) {
  return (
    <Link href={href} className={`inline-flex items-center rounded-md px-4 py-2 text-sm font-medium shadow-sm ${BUTTON_STYLES[variant]}`}>
      {children}
    </Link>
  );
}

/** The "Xem" button of a picker's plain GET form. */
export function PickerSubmit({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  return (
    <button type="submit" className={`rounded-md px-4 py-2 text-sm font-medium shadow-sm ${BUTTON_STYLES[variant]}`}>
      Xem
    </button>
  );
}

/** The look of a plain input or select (outside an ActionForm). */
export const controlClass =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

/** A labelled <select> of a plain GET form (a picker): the options go in as children. */
export function PickerSelect({
  id,
  name,
  label,
  defaultValue,
  className = controlClass,
  children,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={className}>
        {children}
      </select>
    </div>
  );
}

/** A table with a caption for screen readers; rows go in as children. */
export function DataTable({ caption, headers, children, testId }: { caption: string; headers: ReactNode[]; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export const cellClass = "px-3 py-2 align-top";

/** Page links that keep the other query parameters. */
export function Pagination({ page, pageCount, total, makeHref }: { page: number; pageCount: number; total: number; makeHref: (page: number) => string }) {
  if (pageCount <= 1) return <p className="mt-3 text-sm text-slate-600">Tổng số: {total}</p>;
  return (
    <nav aria-label="Phân trang" className="no-print mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
      <p className="text-slate-600">
        Trang {page}/{pageCount} · Tổng số: {total}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={makeHref(page - 1)} rel="prev">
            ← Trang trước
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={makeHref(page + 1)} rel="next">
            Trang sau →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
