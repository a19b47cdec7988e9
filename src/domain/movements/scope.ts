// Who launches a movement, who takes part, and when figures may be entered (docs/domain.md §10).
import type { Role } from "@/domain/permissions";

export const MOVEMENT_SCOPES = ["CLUSTER", "BLOCK", "MINISTRY"] as const;
export type MovementScope = (typeof MOVEMENT_SCOPES)[number];
export type MovementStatus = "OPEN" | "CLOSED";

export const MOVEMENT_SCOPE_LABELS: Record<MovementScope, string> = {
  CLUSTER: "Cụm thi đua",
  BLOCK: "Khối thi đua",
  MINISTRY: "Toàn Bộ Công an",
};
export const MOVEMENT_STATUS_LABELS: Record<MovementStatus, string> = { OPEN: "Đang diễn ra", CLOSED: "Đã tổng kết" };

/** At most this many figures per movement (a drive asks for a few; the page and files stay readable). */
export const MOVEMENT_MAX_FIGURES = 10;

/**
 * The secretariat launches its own cluster's movements; the admin those of a block or the whole
 * Ministry. Null: allowed; otherwise the reason.
 */
export function launchRefusal(role: Role, scope: MovementScope): string | null {
  if (role === "SECRETARIAT") return scope === "CLUSTER" ? null : "Thư ký cụm chỉ phát động phong trào trong cụm của mình.";
  if (role === "ADMIN") return scope === "CLUSTER" ? "Phong trào của một cụm do Thư ký cụm phát động; Quản trị phát động phong trào của khối hoặc toàn Bộ." : null;
  return "Không có quyền phát động phong trào.";
}

export type MovementReach = { scope: MovementScope; clusterId: string | null; blockId: string | null };

/** Whether a member unit of the cluster (in the block) takes part in the movement. */
export function participates(movement: MovementReach, unit: { clusterId: string; blockId: string }): boolean {
  switch (movement.scope) {
    case "CLUSTER":
      return movement.clusterId === unit.clusterId;
    case "BLOCK":
      return movement.blockId === unit.blockId;
    case "MINISTRY":
      return true;
  }
}

/** A period's problem (from after to), or null. Dates are yyyy-mm-dd. */
export function periodProblem(fromDate: string, toDate: string): string | null {
  return fromDate > toDate ? "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." : null;
}

/**
 * Why a unit may not enter figures today (yyyy-mm-dd, Vietnam's calendar day), or null: only while the
 * movement is open and within its period.
 */
export function entryRefusal(movement: { status: MovementStatus; fromDate: string; toDate: string }, today: string): string | null {
  if (movement.status === "CLOSED") return MOVEMENT_CLOSED;
  if (today < movement.fromDate) return `Phong trào bắt đầu từ ${dmy(movement.fromDate)}; chưa thể nhập số liệu.`;
  if (today > movement.toDate) return `Phong trào đã kết thúc ngày ${dmy(movement.toDate)}; không thể nhập số liệu.`;
  return null;
}

export const MOVEMENT_CLOSED = "Phong trào đã tổng kết; số liệu chỉ còn để xem.";

const dmy = (iso: string) => iso.split("-").reverse().join("/");
