import { can, type Actor } from "@/domain/permissions";
import { REPORT_KIND_LABELS, type ReportKind } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";

export type ReportStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED";

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: "Đang soạn",
  SUBMITTED: "Đã gửi, chờ xem xét",
  RETURNED: "Bị trả lại, chờ gửi lại",
  ACCEPTED: "Đã chấp nhận",
};
/** "Báo cáo tổng kết năm 2022", "Báo cáo sơ kết 6 tháng năm 2022". */
export const reportTitle = (kind: ReportKind, year: number) => `${REPORT_KIND_LABELS[kind]} năm ${year}`;

/**
 * How much of a report the actor may see: its own unit sees everything (drafts included); others with
 * "report.view" in scope see a submitted or accepted report in full, a returned one only as last
 * submitted; nobody else sees anything.
 */
export function reportVisibility(actor: Actor, report: { unitId: string; clusterId: string; status: string }): "full" | "submitted-only" | "none" {
  const target = { unitId: report.unitId, clusterId: report.clusterId };
  if (!can(actor, P.reportView, target)) return "none";
  if (actor.unitId === report.unitId) return "full";
  if (report.status === "DRAFT") return "none";
  if (report.status === "RETURNED") return "submitted-only";
  return "full";
}
