// Late records of a closed year (docs/domain.md §4 step 8, "Late records"): an initiative or a
// discipline record dated in a year already closed is entered afterwards only through the audited
// amendment of the secretariat, with the decision it rests on and a reason. The closed year's results
// are not re-evaluated by it. Pure rules, no framework imports.
import { displayIsoDate } from "./vietnam-calendar";

/** An open year needs no amendment: its records are entered directly in the officer's history. */
export const LATE_RECORD_ONLY_CLOSED = "Chỉ năm thi đua đã khóa sổ mới cần ghi bổ sung; năm đang mở hãy ghi trực tiếp trong lý lịch thi đua của cán bộ.";

/** Said in the form, the officer's history and the confirmation: the closed year stays as it was decided. */
export const LATE_RECORD_NOT_REEVALUATED =
  "Kết quả thi đua của năm đã khóa sổ không được xét lại do bản ghi bổ sung này; nếu bản ghi làm thay đổi danh hiệu đã công nhận, cần quyết định sửa đổi kết quả hoặc thu hồi riêng.";

/**
 * The discipline's start must fall inside the closed year it is recorded for (its end may run on into
 * later years, as a measure in force does); the end is never before the start, the start never after
 * today. Null: acceptable.
 */
export function lateDisciplineDatesError(year: number, fromIso: string, toIso: string | null, todayIso: string): { field: "fromDate" | "toDate"; message: string } | null {
  if (Number(fromIso.slice(0, 4)) !== year) {
    return { field: "fromDate", message: `Ngày bắt đầu (${displayIsoDate(fromIso)}) phải trong năm ${year}, năm được ghi bổ sung.` };
  }
  if (fromIso > todayIso) return { field: "fromDate", message: `Ngày bắt đầu (${displayIsoDate(fromIso)}) không được sau hôm nay (${displayIsoDate(todayIso)}).` };
  if (toIso && toIso < fromIso) return { field: "toDate", message: "Ngày kết thúc không được trước ngày bắt đầu." };
  return null;
}

/** The amending decision comes after the year it amends began, and not after today. */
export function lateDecisionDateError(year: number, decisionIso: string, todayIso: string): string | null {
  if (decisionIso < `${year}-01-01`) return `Ngày văn bản (${displayIsoDate(decisionIso)}) không được trước năm ${year}.`;
  if (decisionIso > todayIso) return `Ngày văn bản (${displayIsoDate(decisionIso)}) không được sau hôm nay (${displayIsoDate(todayIso)}).`;
  return null;
}
