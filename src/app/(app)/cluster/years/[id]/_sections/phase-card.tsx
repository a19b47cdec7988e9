import type { ReactNode } from "react";
import { ActionForm, SubmitButton } from "@/components/form";
import { Card } from "@/components/ui";
import { PHASE_LABELS, YEAR_PHASES, type YearPhase } from "@/domain/year-phases";
import { movePhase } from "@/domain/year-rules";
import { advanceYearPhaseAction, closeYearAction, revertYearPhaseAction } from "../../../actions";
import type { YearDetail } from "./year-detail";

/** A one-button form that moves the phase; it says which phase it saw, so a stale page cannot move twice. */
function PhaseButton({
  action,
  yearId,
  phase,
  children,
  variant,
  confirm,
  label,
}: {
  action: typeof advanceYearPhaseAction;
  yearId: string;
  phase: YearPhase;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  label: string;
}) {
  return (
    <ActionForm action={action} aria-label={label}>
      <input type="hidden" name="yearId" value={yearId} />
      <input type="hidden" name="fromPhase" value={phase} />
      <SubmitButton variant={variant} confirm={confirm}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

/** The year's phases in order, and the buttons that move it one step (or close it). */
export function PhaseCard({ year, writable }: { year: YearDetail; writable: boolean }) {
  const currentIndex = YEAR_PHASES.indexOf(year.phase);
  const advance = movePhase(year.phase, "advance");
  const revert = movePhase(year.phase, "revert");
  const close = movePhase(year.phase, "close");
  return (
    <Card title="Giai đoạn">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label="Các giai đoạn của năm thi đua">
        {YEAR_PHASES.map((phase, i) => (
          <li
            key={phase}
            aria-current={phase === year.phase ? "step" : undefined}
            className={`rounded-full border px-3 py-1 ${
              phase === year.phase
                ? "border-brand-600 bg-brand-600 font-semibold text-white"
                : i < currentIndex
                  ? "border-slate-300 bg-slate-100 text-slate-600"
                  : "border-slate-200 bg-white text-slate-500"
            }`}
          >
            {i + 1}. {PHASE_LABELS[phase]}
          </li>
        ))}
      </ol>
      {writable && (
        <div className="no-print mt-4 flex flex-wrap items-start gap-3">
          {revert.ok && (
            <PhaseButton action={revertYearPhaseAction} yearId={year.id} phase={year.phase} variant="secondary" label="Quay lại giai đoạn trước">
              ← Quay lại “{PHASE_LABELS[revert.to]}”
            </PhaseButton>
          )}
          {advance.ok && (
            <PhaseButton action={advanceYearPhaseAction} yearId={year.id} phase={year.phase} label="Chuyển sang giai đoạn tiếp theo">
              Chuyển sang “{PHASE_LABELS[advance.to]}” →
            </PhaseButton>
          )}
          {close.ok && (
            <PhaseButton
              action={closeYearAction}
              yearId={year.id}
              phase={year.phase}
              variant="danger"
              label="Khóa sổ năm thi đua"
              confirm={`Khóa sổ năm thi đua ${year.year}? Sau khi khóa sổ, mọi thông tin của năm chỉ để xem và không thể chỉnh sửa. Không thể hoàn tác.`}
            >
              Khóa sổ năm thi đua {year.year}
            </PhaseButton>
          )}
        </div>
      )}
      {writable && !close.ok && (
        <p className="no-print mt-3 text-xs text-slate-500">
          Giai đoạn chuyển lần lượt từng bước; khóa sổ được thực hiện ở giai đoạn “{PHASE_LABELS.RESULTS}”.
        </p>
      )}
    </Card>
  );
}
