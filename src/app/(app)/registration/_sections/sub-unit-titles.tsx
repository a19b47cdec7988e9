// The sub-units' titles on a unit's registration page (docs/domain.md §3 "Sub-units"): each phòng, đội,
// đồn with its officers, the title the unit registers for it (the unit officer, in the unit's
// registration window) and the engine's answer for each title over its officers; the unit's quota of
// Đơn vị Quyết thắng above the list.
import { ActionForm, SelectField, SubmitButton } from "@/components/form";
import { Badge, Card, EmptyState } from "@/components/ui";
import { isSubUnitTitle } from "@/domain/eligibility";
import type { SubUnitRegistrations } from "@/server/queries/registration";
import { setSubUnitTargetAction } from "../actions";
import type { TitleChoice } from "../officer-table";
import { ReasonList, STATUS_TEXT, STATUS_TONE } from "./eligibility-display";

export function SubUnitTitlesCard({ data, titles, yearId, canEdit }: { data: SubUnitRegistrations; titles: TitleChoice[]; yearId: string; canEdit: boolean }) {
  const { rows, quota } = data;
  const choices = titles.filter((t) => isSubUnitTitle(t.code));
  const nameOf = (code: string | null) => (code ? (titles.find((t) => t.code === code)?.name ?? code) : "Chưa đăng ký");
  return (
    <Card title="Danh hiệu của các đơn vị trực thuộc">
      {rows.length === 0 ? (
        <EmptyState title="Đơn vị chưa có đơn vị trực thuộc (phòng, đội, đồn) đang hoạt động." />
      ) : (
        <>
          <p className="mb-4 text-sm" data-testid="sub-unit-quota">
            <Badge tone={quota.verdict === "OVER" ? "red" : quota.verdict === "AT" ? "amber" : "green"}>
              Chỉ tiêu Đơn vị Quyết thắng: {quota.determinedCount}/{quota.allowed}
            </Badge>{" "}
            <span className="text-slate-600">{quota.message}</span>
          </p>
          <ul className="divide-y divide-slate-200" data-testid="sub-unit-titles">
            {rows.map((row) => {
              const chosen = row.results.find((r) => r.title === row.targetTitleCode) ?? null;
              return (
                <li key={row.id} className="py-3" data-testid={`sub-unit-${row.code}`}>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-56">
                      <p className="font-medium">
                        {row.name}
                        {!row.active && <span className="ml-2 text-xs text-slate-500">(ngừng hoạt động)</span>}
                      </p>
                      <p className="text-xs text-slate-600">{row.officers} cán bộ, chiến sĩ</p>
                      <p className="mt-1 flex flex-wrap gap-1 text-xs">
                        {row.results.map((r) => (
                          <span key={r.title} className={`inline-block rounded px-2 py-0.5 font-medium ${STATUS_TONE[r.status]}`}>
                            {nameOf(r.title)}: {STATUS_TEXT[r.status]}
                          </span>
                        ))}
                      </p>
                    </div>
                    {canEdit && row.active ? (
                      <ActionForm action={setSubUnitTargetAction} aria-label={`Danh hiệu đăng ký của ${row.name}`} className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="emulationYearId" value={yearId} />
                        <input type="hidden" name="subUnitId" value={row.id} />
                        <SelectField
                          name="titleCode"
                          label={`Danh hiệu đăng ký của ${row.name}`}
                          defaultValue={row.targetTitleCode ?? ""}
                          placeholder="— Chưa đăng ký —"
                          options={choices.map((t) => ({ value: t.code, label: t.name }))}
                        />
                        <SubmitButton variant="secondary" className="min-h-11">
                          Lưu
                        </SubmitButton>
                      </ActionForm>
                    ) : (
                      <p className="text-sm">
                        Danh hiệu đăng ký: <strong data-testid="sub-unit-target">{nameOf(row.targetTitleCode)}</strong>
                      </p>
                    )}
                  </div>
                  {chosen && (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer text-brand-700">Điều kiện của danh hiệu đã đăng ký ({STATUS_TEXT[chosen.status].toLowerCase()})</summary>
                      <ReasonList reasons={chosen.reasons} />
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}
