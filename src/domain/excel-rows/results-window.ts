// When an emulation year accepts results (shared by the import and the results commands; a CLOSED year
// accepts nothing). Registrations follow src/domain/registration-window.ts.
import { PHASE_LABELS, type YearPhase } from "../year-phases";
import { YEAR_CLOSED_MESSAGE } from "../year-rules";

/** Results (ratings, awarded titles) are recorded from the year-end report until the year closes. */
export const RESULTS_PHASES: readonly YearPhase[] = ["REPORTING", "SCORING", "CONFERENCE", "RESULTS"];

export function resultsWindowError(year: { year: number; phase: YearPhase }): string | null {
  if (year.phase === "CLOSED") return YEAR_CLOSED_MESSAGE;
  if (RESULTS_PHASES.includes(year.phase)) return null;
  return `Năm thi đua ${year.year} đang ở giai đoạn “${PHASE_LABELS[year.phase]}”; kết quả chỉ được ghi nhận từ giai đoạn “${PHASE_LABELS.REPORTING}” đến khi khóa sổ.`;
}
