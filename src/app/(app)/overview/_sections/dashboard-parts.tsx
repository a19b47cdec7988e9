// Small pieces the dashboard's sections share.
import { Badge } from "@/components/ui";
import { rankChangeLabel, rankChangeSymbol } from "@/domain/dashboard";
import { formatDate } from "@/lib/format";
import type { DashboardUnit, DashboardWithYear, TitleInfo } from "@/server/queries/dashboard";

/** The year shown, once the cluster has one. */
export type DashboardYear = DashboardWithYear["year"];

export function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {note && <p className="text-xs text-slate-500">{note}</p>}
    </div>
  );
}

export const isoDate = (iso: string | null) => (iso ? formatDate(iso) : "Chưa đặt");

/** A title's name from its code ("" for none). */
export const titleName = (code: string | null, titles: TitleInfo[]) => (code ? (titles.find((t) => t.code === code)?.name ?? code) : "");

/** A figure of another unit's registration not sent yet, which a unit head does not see (head-view.ts). */
export function Withheld() {
  return (
    <span className="text-slate-600" title="Đơn vị chưa gửi đăng ký: chỉ đơn vị, Thư ký cụm và Cụm trưởng xem được">
      <span aria-hidden="true">—</span>
      <span className="sr-only">Chưa gửi đăng ký</span>
    </span>
  );
}

export function RoleBadge({ role }: { role: DashboardUnit["role"] }) {
  if (role === "CHAIR") return <Badge tone="blue">Cụm trưởng</Badge>;
  if (role === "DEPUTY") return <Badge tone="green">Cụm phó</Badge>;
  return null;
}

export function ChangeCell({ unit, previousYear }: { unit: DashboardUnit; previousYear: number | null }) {
  if (previousYear === null) return <span className="text-slate-400">—</span>;
  const symbol = rankChangeSymbol(unit.change);
  const label = rankChangeLabel(unit.change, previousYear);
  const tone = unit.change.kind === "UP" ? "text-green-700" : unit.change.kind === "DOWN" ? "text-red-700" : "text-slate-600";
  return (
    <span className={`tabular-nums ${tone}`} title={label}>
      <span aria-hidden="true">{symbol || "—"}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
