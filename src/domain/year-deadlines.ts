// The deadlines of an emulation year (docs/domain.md §4): which dates make sense for them, and how a
// deadline is shown — open, due in N days, or passed N days ago — wherever it appears.
// Pure functions, no framework imports; the caller passes the clock (appNow() on the server).
import { displayIsoDate, vietnamToday } from "./vietnam-calendar";

export const DEADLINE_KEYS = ["registrationDeadline", "midyearReportDeadline", "reportDeadline", "conferenceDate"] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];
export type Deadlines = Record<DeadlineKey, string | null>;

const DAY_MS = 24 * 3600_000;

/** Whole calendar days from `fromIso` to `toIso` (both yyyy-mm-dd): positive when `toIso` is later. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Which dates make sense

/**
 * The first day a deadline of year `year` may fall on: the day the year was opened (a deadline
 * before the year existed means nothing), or 1 January of the year when the year was opened later
 * (a year recorded after the fact keeps its real dates).
 */
export function earliestDeadline(year: number, openedOn: string): string {
  const jan1 = `${year}-01-01`;
  return openedOn < jan1 ? openedOn : jan1;
}

/** The last day a deadline of year `year` may fall on: the year is reviewed, awarded and closed by the end of the next one. */
export const latestDeadline = (year: number) => `${year + 1}-12-31`;

/**
 * Pairs that must come in this order (equal is fine): registration and the mid-year report before
 * the year-end report, everything before the conference. Registration may run past the mid-year
 * deadline (a late-extended registration is normal).
 */
const ORDER: [DeadlineKey, DeadlineKey][] = [
  ["registrationDeadline", "reportDeadline"],
  ["midyearReportDeadline", "reportDeadline"],
  ["registrationDeadline", "conferenceDate"],
  ["midyearReportDeadline", "conferenceDate"],
  ["reportDeadline", "conferenceDate"],
];

export type DeadlineContext = {
  year: number;
  /** The Vietnamese day the year was opened (yyyy-mm-dd). */
  openedOn: string;
  /** The stored deadlines: one left as it was is not checked against the bounds again. */
  before?: Partial<Deadlines>;
  labels: Record<DeadlineKey, string>;
};

/**
 * What makes no sense in a year's deadlines, as field errors (empty when they fit): a changed date
 * before the year starts or after the year must be closed (see earliestDeadline, latestDeadline),
 * and any pair out of order (registration after the year-end report, a report after the conference).
 */
export function checkDeadlines(deadlines: Deadlines, ctx: DeadlineContext): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (key: DeadlineKey, message: string) => (errors[key] ??= []).push(message);
  const first = earliestDeadline(ctx.year, ctx.openedOn);
  const last = latestDeadline(ctx.year);
  for (const key of DEADLINE_KEYS) {
    const value = deadlines[key];
    if (!value || value === ctx.before?.[key]) continue;
    if (value < first) {
      add(key, `${ctx.labels[key]} (${displayIsoDate(value)}) không được trước khi năm thi đua ${ctx.year} bắt đầu (${displayIsoDate(first)}).`);
    } else if (value > last) {
      add(key, `${ctx.labels[key]} (${displayIsoDate(value)}) không được sau ngày ${displayIsoDate(last)}: năm thi đua ${ctx.year} phải được tổng kết và khóa sổ trước ngày đó.`);
    }
  }
  for (const [earlier, later] of ORDER) {
    const a = deadlines[earlier];
    const b = deadlines[later];
    // Report each problem once, on the later date (ISO dates compare as strings).
    if (a && b && b < a && !errors[later]) {
      add(later, `${ctx.labels[later]} (${displayIsoDate(b)}) không được trước ${ctx.labels[earlier].toLowerCase()} (${displayIsoDate(a)}).`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// How a deadline is shown

export type DeadlineState = "UNSET" | "OPEN" | "LAST_DAY" | "PASSED";

export type DeadlineStatus = {
  state: DeadlineState;
  /** Days left (OPEN) or days since (PASSED); 0 otherwise. */
  days: number;
  /** "đang mở, còn 12 ngày" · "đang mở, hôm nay là ngày cuối" · "đã hết hạn 3 ngày trước" · "chưa đặt hạn". */
  text: string;
  tone: "slate" | "green" | "amber" | "red";
};

/** A week or less left is worth a warning colour. */
export const DEADLINE_SOON_DAYS = 7;

/**
 * A deadline day (yyyy-mm-dd, Vietnam time, the whole day open) seen from `now`: still open and how
 * many days are left, the last day, or passed and how long ago.
 */
export function deadlineStatus(iso: string | null | undefined, now: Date): DeadlineStatus {
  return deadlineStatusOn(iso, vietnamToday(now));
}

/** The same, seen from a Vietnamese calendar day (yyyy-mm-dd): for a page that got "today" from the server. */
export function deadlineStatusOn(iso: string | null | undefined, today: string): DeadlineStatus {
  if (!iso) return { state: "UNSET", days: 0, text: "chưa đặt hạn", tone: "slate" };
  const days = daysBetween(today, iso);
  if (days > 0) return { state: "OPEN", days, text: `đang mở, còn ${days} ngày`, tone: days <= DEADLINE_SOON_DAYS ? "amber" : "green" };
  if (days === 0) return { state: "LAST_DAY", days: 0, text: "đang mở, hôm nay là ngày cuối", tone: "amber" };
  return { state: "PASSED", days: -days, text: `đã hết hạn ${-days} ngày trước`, tone: "red" };
}

/** "31/03/2026 (đang mở, còn 12 ngày)", or "Chưa đặt". */
export function deadlineWithStatus(iso: string | null | undefined, now: Date): string {
  if (!iso) return "Chưa đặt";
  return `${displayIsoDate(iso)} (${deadlineStatus(iso, now).text})`;
}
