// What each phase allows (src/domain/year-phase-rules.ts), what is open now, and the secretariat's
// permissions to work outside a phase: listed, granted with a reason, revoked.
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Badge, Card, cellClass, DataTable } from "@/components/ui";
import { displayIsoDate, vietnamToday } from "@/domain/registration-window";
import { actionInPhase, isPhaseActionKey, OVERRIDABLE_ACTIONS, overrideActive, PHASE_ACTION_KEYS, PHASE_ACTIONS } from "@/domain/year-phase-rules";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDateTime } from "@/lib/format";
import { grantPhaseOverrideAction, revokePhaseOverrideAction } from "../phase-actions";
import type { YearDetail } from "./year-detail";

type Override = YearDetail["overrides"][number];

const actionLabel = (action: string) => (isPhaseActionKey(action) ? PHASE_ACTIONS[action].label : action);
/** The last day of an override (its expiry is the end of that Vietnamese day). */
const lastDay = (o: Override) => (o.expiresAt ? displayIsoDate(vietnamToday(new Date(o.expiresAt.getTime() - 1))) : null);

function overrideState(o: Override, now: Date): { text: string; tone: "green" | "slate" } {
  if (o.revokedAt) return { text: `Đã thu hồi ${formatDateTime(o.revokedAt)}${o.revokedByName ? ` (${o.revokedByName})` : ""}`, tone: "slate" };
  if (!overrideActive(o, now)) return { text: `Đã hết hạn (${lastDay(o)})`, tone: "slate" };
  return { text: o.expiresAt ? `Đang áp dụng, đến hết ngày ${lastDay(o)}` : "Đang áp dụng, đến khi thu hồi", tone: "green" };
}

export function PhaseRulesCard({ year, writable, now }: { year: YearDetail; writable: boolean; now: Date }) {
  const gated = PHASE_ACTION_KEYS.filter((k) => PHASE_ACTIONS[k].lift !== "none");
  const active = year.overrides.filter((o) => overrideActive(o, now));
  const choices = OVERRIDABLE_ACTIONS.filter((k) => !actionInPhase(k, year.phase) && !active.some((o) => o.action === k));
  return (
    <Card title="Việc làm được theo giai đoạn">
      <p className="mb-3 text-sm text-slate-600">
        Mỗi việc chỉ làm được trong các giai đoạn của nó; ngoài giai đoạn, hệ thống từ chối và nêu lý do. Thư ký cụm có thể chuyển giai đoạn, hoặc
        cho phép một việc ngoài giai đoạn (có lý do, được ghi nhật ký). Đăng ký thi đua được mở lại cho từng đơn vị bằng “Mở lại đăng ký”.
      </p>
      <DataTable caption={`Việc làm được theo giai đoạn, năm ${year.year}`} headers={["Việc", "Làm trong giai đoạn", `Hiện tại (${PHASE_LABELS[year.phase]})`]} testId="phase-rules">
        {gated.map((k) => {
          const a = PHASE_ACTIONS[k];
          const allowedByOverride = active.some((o) => o.action === k);
          return (
            <tr key={k} data-testid={`phase-rule-${k}`}>
              <td className={cellClass}>{a.label}</td>
              <td className={cellClass}>{a.phases.map((p) => PHASE_LABELS[p]).join(", ")}</td>
              <td className={cellClass}>
                {year.phase === "CLOSED" ? (
                  <Badge>Đã khóa sổ</Badge>
                ) : actionInPhase(k, year.phase) ? (
                  <Badge tone="green">Đang mở</Badge>
                ) : allowedByOverride ? (
                  <Badge tone="blue">Được cho phép ngoài giai đoạn</Badge>
                ) : (
                  <Badge>Ngoài giai đoạn</Badge>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>

      <h3 className="mt-6 mb-2 font-semibold text-slate-800">Cho phép làm ngoài giai đoạn</h3>
      {year.overrides.length === 0 ? (
        <p className="text-sm text-slate-600">Chưa có cho phép nào trong năm {year.year}.</p>
      ) : (
        <ul className="space-y-3" aria-label="Các cho phép làm ngoài giai đoạn" data-testid="phase-overrides">
          {year.overrides.map((o) => {
            const state = overrideState(o, now);
            return (
              <li key={o.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  {actionLabel(o.action)} <Badge tone={state.tone}>{state.text}</Badge>
                </p>
                <p className="mt-1 text-slate-700">Lý do: {o.reason}</p>
                <p className="mt-1 text-xs text-slate-600">
                  {o.createdByName} cho phép lúc {formatDateTime(o.createdAt)}
                  {o.revokeReason ? ` · Lý do thu hồi: ${o.revokeReason}` : ""}
                </p>
                {writable && overrideActive(o, now) && (
                  <ActionForm action={revokePhaseOverrideAction} aria-label={`Thu hồi cho phép: ${actionLabel(o.action)}`} className="mt-2 flex flex-wrap items-end gap-3">
                    <input type="hidden" name="yearId" value={year.id} />
                    <input type="hidden" name="overrideId" value={o.id} />
                    <TextField name="reason" label="Lý do thu hồi (không bắt buộc)" maxLength={500} />
                    <SubmitButton variant="danger" className="min-h-11">
                      Thu hồi
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {writable && choices.length > 0 && (
        <ActionForm action={grantPhaseOverrideAction} aria-label="Cho phép làm ngoài giai đoạn" resetOnSuccess className="mt-4 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="yearId" value={year.id} />
          <SelectField
            name="action"
            label="Việc được cho phép"
            required
            placeholder="— Chọn việc —"
            options={choices.map((k) => ({ value: k, label: `${PHASE_ACTIONS[k].label} (giai đoạn ${PHASE_ACTIONS[k].phases.map((p) => PHASE_LABELS[p]).join(", ")})` }))}
          />
          <TextField name="until" label="Cho phép đến hết ngày" placeholder="dd/mm/yyyy" maxLength={10} hint="Để trống: đến khi thu hồi." />
          <div className="sm:col-span-2">
            <TextField name="reason" label="Lý do cho phép" required maxLength={500} />
          </div>
          <div className="sm:col-span-2">
            <SubmitButton className="min-h-11">Cho phép</SubmitButton>
          </div>
        </ActionForm>
      )}
    </Card>
  );
}
