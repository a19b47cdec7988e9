// Small presentational pieces shared by the report and scoring pages (server-safe).
import type { ReactNode } from "react";
import { Badge, PickerSelect, PickerSubmit } from "@/components/ui";
import { formatAverage, formatPoints } from "@/domain/scoring/points";
import { sectionLabel, SECTION_KIND_LABELS, type CriteriaTableDef, type SectionDef } from "@/domain/scoring/table";
import { REPORT_STATUS_LABELS, type ReportStatus } from "@/server/queries/reports";

export const STATUS_TONES: Record<ReportStatus, "slate" | "blue" | "amber" | "green"> = {
  DRAFT: "slate",
  SUBMITTED: "blue",
  RETURNED: "amber",
  ACCEPTED: "green",
};

export function StatusBadge({ status }: { status: ReportStatus | "NONE" }) {
  if (status === "NONE") return <Badge>Chưa gửi</Badge>;
  return <Badge tone={STATUS_TONES[status]}>{REPORT_STATUS_LABELS[status]}</Badge>;
}

export const ROUND_LABELS = { OPEN: "Đang chấm chéo", CLOSED: "Đã đóng, đang thống nhất điểm", FINALISED: "Đã chốt kết quả" } as const;

export function RoundBadge({ state }: { state: keyof typeof ROUND_LABELS }) {
  return <Badge tone={state === "OPEN" ? "blue" : state === "CLOSED" ? "amber" : "green"}>{ROUND_LABELS[state]}</Badge>;
}

/** Points from half-points, "—" for none. */
export const pts = (h: number | null | undefined) => (h == null ? "—" : formatPoints(h));
export const avg = (h: number | null | undefined) => (h == null ? "—" : formatAverage(h));

export function Notice({ tone = "amber", children, title }: { tone?: "amber" | "red" | "green" | "blue"; title?: string; children?: ReactNode }) {
  const tones = {
    amber: "border-amber-300 bg-amber-50 text-amber-900",
    red: "border-red-300 bg-red-50 text-red-900",
    green: "border-green-300 bg-green-50 text-green-900",
    blue: "border-blue-300 bg-blue-50 text-blue-900",
  };
  return (
    <div role="status" className={`rounded-lg border px-4 py-3 ${tones[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? "mt-1 text-sm" : "text-sm"}>{children}</div>}
    </div>
  );
}

export function YearPicker({ years, selectedId, action }: { years: { id: string; year: number; clusterName: string }[]; selectedId: string; action: string }) {
  const many = new Set(years.map((y) => y.clusterName)).size > 1;
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-2" aria-label="Chọn năm thi đua">
      <PickerSelect id="year-picker" name="year" label="Năm thi đua" defaultValue={selectedId} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm">
        {years.map((y) => (
          <option key={y.id} value={y.id}>
            {many ? `${y.clusterName} – ${y.year}` : y.year}
          </option>
        ))}
      </PickerSelect>
      <PickerSubmit />
    </form>
  );
}

/**
 * The row that opens a section of a criteria or score table: the section's number (scored sections)
 * and its heading over `span` columns (`withMax`: a scored section's maximum after its title); the
 * cells after it are the children.
 */
export function SectionRow({
  table,
  section,
  td,
  span,
  withMax = false,
  children,
}: {
  table: Pick<CriteriaTableDef, "sections">;
  section: Pick<SectionDef, "id" | "kind" | "title" | "maxHalf">;
  td: string;
  span?: number;
  withMax?: boolean;
  children?: ReactNode;
}) {
  const heading =
    section.kind !== "SCORED"
      ? `${SECTION_KIND_LABELS[section.kind]} (mức trần ${pts(section.maxHalf)} điểm)`
      : withMax
        ? `${section.title} (tối đa ${pts(section.maxHalf)})`
        : section.title;
  return (
    <tr className="bg-slate-100 font-semibold">
      <td className={td}>{section.kind === "SCORED" ? sectionLabel(table, section.id) : ""}</td>
      <td className={td} colSpan={span}>
        {heading}
      </td>
      {children}
    </tr>
  );
}
