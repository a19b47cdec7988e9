// Vietnamese labels of what the dashboard shows. Pure.
import type { ReportState } from "./missing";

/** What another unit may know of a report: drafts are never described (docs/domain.md §5). */
export function reportStatusLabel(status: ReportState | null): string {
  switch (status) {
    case "SUBMITTED":
      return "Đã nộp, chờ tiếp nhận";
    case "RETURNED":
      return "Bị trả lại";
    case "ACCEPTED":
      return "Đã tiếp nhận";
    default:
      return "Chưa nộp";
  }
}

export function registrationStatusLabel(status: "DRAFT" | "SUBMITTED" | null): string {
  if (status === "SUBMITTED") return "Đã gửi";
  if (status === "DRAFT") return "Đang đăng ký";
  return "Chưa đăng ký";
}

/** How a year's ranking was obtained. */
export type RankingBasis = "FINAL" | "PROVISIONAL" | "NONE";

export const RANKING_BASIS_LABELS: Record<RankingBasis, string> = {
  FINAL: "Kết quả chính thức (vòng chấm điểm đã chốt)",
  PROVISIONAL: "Tạm tính từ các báo cáo đã nộp (điểm cuối cùng nếu đã có, nếu chưa thì điểm tự chấm); chỉ Thư ký cụm xem được đến khi chốt kết quả",
  NONE: "Chưa có điểm",
};

/** Whole-percent share rounded down, so that 100% only means all: 0 when there is no base. */
export function percentDown(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((Math.min(part, whole) * 100) / whole);
}

// One formatter for the process: creating an Intl.NumberFormat costs far more than formatting with it
// (a dashboard formats a few hundred numbers per request). Immutable, so sharing it keeps no state.
const COUNT_FORMAT = new Intl.NumberFormat("vi-VN");

/** 1234567 → "1.234.567" (Vietnamese thousands separator). */
export const formatCount = (n: number) => COUNT_FORMAT.format(n);
