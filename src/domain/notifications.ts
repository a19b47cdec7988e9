// Kinds of notification (issue 16) and who may read what each is about. Pure.
//
// Each kind names the permission a reader needs on the subject's scope (cluster/unit, read from the
// database when the notification is shown): the permission table decides, both when recipients are
// chosen and every time the notification is listed or opened. A kind added later (a proposal
// published for objections, an objection lodged, a decision recorded) is one more entry here and one
// more mapping in src/server/notifications/hook.ts.
import type { Permission } from "./permissions";

/** What a notification is about: a stored record, looked up when it is shown. */
export const SUBJECT_TYPES = ["REPORT", "VOTE_ROUND", "YEAR"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const DEADLINE_KINDS = ["REGISTRATION", "MIDYEAR_REPORT", "REPORT", "CROSS_SCORING", "BALLOT"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABELS: Record<DeadlineKind, { thing: string; todo: string; href: string }> = {
  REGISTRATION: { thing: "đăng ký thi đua", todo: "gửi đăng ký thi đua", href: "/registration" },
  MIDYEAR_REPORT: { thing: "báo cáo sơ kết 6 tháng", todo: "nộp báo cáo sơ kết 6 tháng", href: "/reports" },
  REPORT: { thing: "báo cáo tổng kết", todo: "nộp báo cáo tổng kết", href: "/reports" },
  CROSS_SCORING: { thing: "phiếu chấm chéo", todo: "gửi phiếu chấm chéo", href: "/reports/cross" },
  BALLOT: { thing: "phiếu bầu", todo: "bỏ phiếu", href: "/conference" },
};

type KindInfo = { label: string; permission: Permission; subject: SubjectType };

export const NOTIFICATION_KINDS = {
  // Deadline reminders, to the units that have not done the thing yet (the reminder job)
  REMINDER_REGISTRATION: { label: "Sắp đến hạn đăng ký thi đua", permission: "registration.view", subject: "YEAR" },
  REMINDER_MIDYEAR_REPORT: { label: "Sắp đến hạn nộp báo cáo sơ kết", permission: "report.view", subject: "YEAR" },
  REMINDER_REPORT: { label: "Sắp đến hạn nộp báo cáo tổng kết", permission: "report.view", subject: "YEAR" },
  REMINDER_CROSS_SCORING: { label: "Sắp đến hạn chấm chéo", permission: "score.cross", subject: "YEAR" },
  REMINDER_BALLOT: { label: "Chưa bỏ phiếu", permission: "vote.cast", subject: "YEAR" },
  // The secretariat's daily digest of who is late
  LATE_DIGEST: { label: "Tổng hợp đơn vị chậm", permission: "registration.board", subject: "YEAR" },
  // From commands (src/server/notifications/hook.ts)
  REPORT_AWAITING_APPROVAL: { label: "Báo cáo chờ lãnh đạo duyệt", permission: "report.approve", subject: "REPORT" },
  REPORT_SUBMITTED: { label: "Báo cáo chờ tiếp nhận", permission: "report.review", subject: "REPORT" },
  REPORT_RETURNED: { label: "Báo cáo bị trả lại", permission: "report.view", subject: "REPORT" },
  REPORT_ACCEPTED: { label: "Báo cáo được tiếp nhận", permission: "report.view", subject: "REPORT" },
  VOTE_OPENED: { label: "Mở vòng bỏ phiếu", permission: "vote.cast", subject: "VOTE_ROUND" },
  CROSS_SCORING_OPENED: { label: "Được phân công chấm chéo", permission: "score.cross", subject: "YEAR" },
  // Proposal dossiers (issue 14): about the dossier's year (subject YEAR, the dossier found from it)
  DOSSIER_PUBLISHED: { label: "Công khai danh sách đề nghị khen thưởng", permission: "dossier.disclosure", subject: "YEAR" },
  DOSSIER_OBJECTION: { label: "Ý kiến về đề nghị khen thưởng", permission: "dossier.manage", subject: "YEAR" },
  DOSSIER_RETURNED: { label: "Bộ trả lại hồ sơ đề nghị khen thưởng", permission: "dossier.manage", subject: "YEAR" },
  DECISION_RECORDED: { label: "Quyết định khen thưởng", permission: "dossier.view", subject: "YEAR" },
} as const satisfies Record<string, KindInfo>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/**
 * What a notification says and what it is about, as written (kind and subject type checked) or as
 * read back from the database (plain strings).
 */
export type NotificationContent<Kind extends string = NotificationKind, Subject extends string = SubjectType> = {
  kind: Kind;
  subjectType: Subject;
  subjectId: string | null;
  clusterId: string | null;
  unitId: string | null;
  title: string;
  body: string;
  href: string | null;
};

export const isNotificationKind = (s: string): s is NotificationKind => Object.hasOwn(NOTIFICATION_KINDS, s);

export const reminderKindOf = (d: DeadlineKind): NotificationKind => `REMINDER_${d}` as NotificationKind;

/** The reader's permission for a stored kind (an unknown kind, e.g. from a newer version: nobody). */
export function permissionOfKind(kind: string): Permission | null {
  return isNotificationKind(kind) ? NOTIFICATION_KINDS[kind].permission : null;
}

export const NO_LONGER_AVAILABLE = "Nội dung này không còn khả dụng (đã bị xóa hoặc bạn không còn quyền xem).";

/** "5 ngày làm việc" / "1 ngày làm việc". */
export const workingDaysText = (n: number) => `${n} ngày làm việc`;

/** Reminder offsets as typed in the year settings form: "5, 1" → [5, 1] (sorted, distinct); null if invalid. */
export function parseOffsets(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > 5) return null;
  const numbers = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  if (numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 30)) return null;
  return [...new Set(numbers)].sort((a, b) => b - a);
}

export const offsetsText = (offsets: readonly number[]) => (offsets.length ? offsets.join(", ") : "Không nhắc");
