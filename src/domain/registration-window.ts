// Rules of a unit's title registration for one emulation year (docs/domain.md §4 step 2) that do not need a
// database: when the unit may still change its registration, how far the secretariat may reopen it,
// what a scanned agreement file may be, and the progress figure the secretariat watches.
// Pure functions, no framework imports; the caller passes the clock.
import { PHASE_LABELS, type YearPhase } from "./year-phases";
import { YEAR_CLOSED_MESSAGE } from "./year-rules";

export { displayIsoDate, endOfVietnamDay, vietnamDayAfter, vietnamToday } from "./vietnam-calendar";
import { displayIsoDate, vietnamDayAfter, vietnamToday } from "./vietnam-calendar";

// ---------------------------------------------------------------------------------------------
// Is this unit's registration writable now?

export type RegistrationStatusValue = "DRAFT" | "SUBMITTED";

export type RegistrationWindowInput = {
  phase: YearPhase;
  /** The year's settings.registrationDeadline (yyyy-mm-dd, inclusive, Vietnam time); null: none set. */
  deadline: string | null;
  /** The unit's registration status; null when the unit has not started. */
  status: RegistrationStatusValue | null;
  /** Set by the secretariat's reopen: the unit may write until this instant (exclusive). */
  reopenedUntil: Date | null;
  now: Date;
};

export type RegistrationWindowReason =
  | "OPEN"
  | "REOPENED"
  | "CLOSED_YEAR"
  | "SUBMITTED"
  | "NOT_OPEN_YET"
  | "PHASE_OVER"
  | "DEADLINE_PASSED";

export type RegistrationWindow = {
  writable: boolean;
  reason: RegistrationWindowReason;
  /** Vietnamese, for the page (why it is read-only, or until when it is open). */
  message: string;
  /** The day (yyyy-mm-dd, inclusive) the unit may write until, when known. */
  until: string | null;
};

const ASK_REOPEN = "muốn sửa, đề nghị Thư ký cụm mở lại đăng ký cho đơn vị.";

/**
 * Whether a unit may change its registration (own target, officers' targets, agreement) now:
 * 1. a CLOSED year is read-only, always (closing is final; a reopen cannot undo it);
 * 2. a SUBMITTED registration is read-only for the unit until the secretariat reopens it (the reopen
 *    puts it back to draft);
 * 3. a reopen still running (now < reopenedUntil) lets the unit write whatever the phase or deadline;
 * 4. otherwise the year must be in its REGISTRATION phase and today (Vietnam) not after the deadline
 *    (the deadline day itself is still open).
 */
export function registrationWindow(input: RegistrationWindowInput): RegistrationWindow {
  const { phase, deadline, status, reopenedUntil, now } = input;
  if (phase === "CLOSED") return { writable: false, reason: "CLOSED_YEAR", message: YEAR_CLOSED_MESSAGE, until: null };
  if (status === "SUBMITTED") {
    return {
      writable: false,
      reason: "SUBMITTED",
      message: `Đơn vị đã gửi đăng ký thi đua, không thể chỉnh sửa; ${ASK_REOPEN}`,
      until: null,
    };
  }
  if (reopenedUntil && now.getTime() < reopenedUntil.getTime()) {
    const until = vietnamToday(reopenedUntil);
    return {
      writable: true,
      reason: "REOPENED",
      message: `Thư ký cụm đã mở lại đăng ký cho đơn vị đến hết ngày ${displayIsoDate(until)}.`,
      until,
    };
  }
  if (phase !== "REGISTRATION") {
    const before = phase === "SETUP";
    return {
      writable: false,
      reason: before ? "NOT_OPEN_YET" : "PHASE_OVER",
      message: before
        ? `Năm thi đua đang ở giai đoạn "${PHASE_LABELS[phase]}", chưa mở đăng ký thi đua.`
        : `Năm thi đua đang ở giai đoạn "${PHASE_LABELS[phase]}", đã hết thời gian đăng ký; ${ASK_REOPEN}`,
      until: null,
    };
  }
  if (deadline && vietnamToday(now) > deadline) {
    return {
      writable: false,
      reason: "DEADLINE_PASSED",
      message: `Đã hết hạn đăng ký thi đua (hạn cuối: ${displayIsoDate(deadline)}); ${ASK_REOPEN}`,
      until: null,
    };
  }
  return {
    writable: true,
    reason: "OPEN",
    message: deadline ? `Đang nhận đăng ký đến hết ngày ${displayIsoDate(deadline)}.` : "Đang nhận đăng ký (chưa đặt hạn đăng ký).",
    until: deadline,
  };
}

// ---------------------------------------------------------------------------------------------
// Reopening by the secretariat

/** How far ahead a reopen may run, in days from today (a guard against a mistyped year). */
export const MAX_REOPEN_DAYS = 366;

/**
 * The day a reopen runs until (inclusive): today or later, at most MAX_REOPEN_DAYS ahead; a CLOSED
 * year cannot be reopened. Returns the refusal, or null. (A reopen is the secretariat's exception for
 * a unit, at any phase: the year's own deadlines bound the deadline settings, not this.)
 */
export function checkReopenUntil(untilIso: string, phase: YearPhase, now: Date): string | null {
  if (phase === "CLOSED") return YEAR_CLOSED_MESSAGE;
  const today = vietnamToday(now);
  if (untilIso < today) return `Ngày mở lại đến (${displayIsoDate(untilIso)}) không được trước hôm nay (${displayIsoDate(today)}).`;
  const latest = vietnamDayAfter(now, MAX_REOPEN_DAYS);
  if (untilIso > latest) return `Chỉ có thể mở lại đăng ký tối đa ${MAX_REOPEN_DAYS} ngày (đến ${displayIsoDate(latest)}).`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The signed agreement (giao ước thi đua)

/** The scanned agreement: at most 5 MB. */
export const AGREEMENT_MAX_BYTES = 5 * 1024 * 1024;

export type AgreementFileKind = { contentType: "application/pdf" | "image/jpeg" | "image/png"; extension: "pdf" | "jpg" | "png"; label: string };

const PDF: AgreementFileKind = { contentType: "application/pdf", extension: "pdf", label: "PDF" };
const JPEG: AgreementFileKind = { contentType: "image/jpeg", extension: "jpg", label: "JPEG" };
const PNG: AgreementFileKind = { contentType: "image/png", extension: "png", label: "PNG" };

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/**
 * What the file really is, from its first bytes (never from its name or the browser's claim):
 * PDF "%PDF-", JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A. Anything else: null.
 */
export function sniffAgreementFile(head: Uint8Array): AgreementFileKind | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  return null;
}

export const AGREEMENT_FILE_TYPE_ERROR = "Tệp giao ước phải là PDF, JPEG hoặc PNG.";
export const AGREEMENT_FILE_SIZE_ERROR = "Tệp giao ước tối đa 5 MB.";
/** An upload stopped at the limit while it streamed (the agreement route's 413): nothing was saved. */
export const AGREEMENT_UPLOAD_TOO_LARGE = `Tệp giao ước quá lớn: chỉ nhận tệp tối đa ${AGREEMENT_MAX_BYTES / 1024 / 1024} MB. Giao ước chưa được lưu.`;
export const AGREEMENT_FILE_EMPTY_ERROR = "Tệp giao ước rỗng.";

/** The file's kind, or the refusal. */
export function checkAgreementFile(file: { size: number; head: Uint8Array }): { ok: true; kind: AgreementFileKind } | { ok: false; message: string } {
  if (file.size === 0) return { ok: false, message: AGREEMENT_FILE_EMPTY_ERROR };
  if (file.size > AGREEMENT_MAX_BYTES) return { ok: false, message: AGREEMENT_FILE_SIZE_ERROR };
  const kind = sniffAgreementFile(file.head);
  return kind ? { ok: true, kind } : { ok: false, message: AGREEMENT_FILE_TYPE_ERROR };
}

/**
 * A stored file name: NFC, no folders, no control or quoting characters, at most 200 characters, and
 * the extension of what the file really is ("giao uoc.exe" holding a PDF becomes "giao uoc.exe.pdf").
 */
export function agreementFileName(original: string, kind: AgreementFileKind): string {
  // Bidirectional controls go too: "mc\u202efdp.exe" would display as "mcexe.pdf".
  const base = (original.split(/[\\/]/).pop() ?? "")
    .toWellFormed()
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"<>|:*?;]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const lower = base.toLowerCase();
  const hasExtension = kind.extension === "jpg" ? /\.(jpe?g)$/.test(lower) : lower.endsWith(`.${kind.extension}`);
  const name = hasExtension ? base : `${base || "giao-uoc-thi-dua"}.${kind.extension}`;
  if (name.length <= 200) return name;
  const ext = name.slice(name.lastIndexOf("."));
  return `${name.slice(0, 200 - ext.length)}${ext}`;
}

/** Date the agreement was signed (yyyy-mm-dd): in the year before or the year itself, and not in the future. */
export function checkAgreementDate(signedOn: string, year: number, now: Date): string | null {
  const today = vietnamToday(now);
  if (signedOn > today) return `Ngày ký giao ước (${displayIsoDate(signedOn)}) không được sau hôm nay (${displayIsoDate(today)}).`;
  const y = Number(signedOn.slice(0, 4));
  if (y < year - 1 || y > year) return `Ngày ký giao ước thi đua năm ${year} phải trong năm ${year - 1} hoặc năm ${year}.`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Progress towards 100% registration

/**
 * Registered officers out of the unit's active officers, in whole percent rounded DOWN, so that
 * "100%" only ever means every officer is registered (1,234/1,235 shows 99%). No officer: 0%.
 */
export function registrationPercent(registered: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((Math.min(registered, total) * 100) / total);
}
