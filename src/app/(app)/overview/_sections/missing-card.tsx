import { Card } from "@/components/ui";
import { groupByWho, whoLabel } from "@/domain/dashboard";
import { displayIsoDate } from "@/domain/vietnam-calendar";
import { deadlineStatusOn } from "@/domain/year-deadlines";
import { PHASE_LABELS } from "@/domain/year-phases";
import type { DashboardWithYear } from "@/server/queries/dashboard";
import type { DashboardYear } from "./dashboard-parts";

/**
 * What each unit (and the secretariat) still has to do this phase, with its deadline; for a head of
 * another unit than the chair's, only their own unit's (head-view.ts).
 */
export function MissingCard({ missing, year, ownUnitOnly, today }: { missing: DashboardWithYear["missing"]; year: DashboardYear; ownUnitOnly: boolean; today: string }) {
  const missingGroups = groupByWho(missing);
  const closed = year.phase === "CLOSED";
  return (
    <Card title={`Hạn chót và việc còn thiếu ${ownUnitOnly ? "của đơn vị " : ""}năm ${year.year}`}>
      {closed ? (
        <p className="text-sm text-slate-600">Năm thi đua đã khóa sổ: không còn việc phải hoàn thành.</p>
      ) : missingGroups.length === 0 ? (
        <p className="text-sm text-slate-600">Không còn việc nào còn thiếu ở giai đoạn “{PHASE_LABELS[year.phase]}”.</p>
      ) : (
        <ul className="space-y-4" data-testid="missing-list">
          {missingGroups.map((g) => (
            <li key={g.who.kind === "UNIT" ? g.who.unitId : "secretariat"} className="print-keep">
              <h3 className="font-semibold text-slate-800">{whoLabel(g.who)}</h3>
              <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
                {g.items.map((item, i) => (
                  <li key={i}>
                    {item.label}
                    {item.deadline && (
                      <span className={`ml-2 ${item.overdue ? "font-semibold text-red-700" : "text-slate-500"}`}>
                        {item.overdue ? "⚠ " : ""}
                        Hạn {displayIsoDate(item.deadline)} ({deadlineStatusOn(item.deadline, today).text})
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
