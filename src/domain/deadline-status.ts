// How a deadline stands today, said plainly (issue 13): "còn N ngày", "hôm nay là hạn cuối", "quá hạn
// N ngày". One purpose: wherever a deadline is shown, this is the wording. Pure; the caller passes the
// clock (appNow() in the app). A deadline is a Vietnamese calendar day (yyyy-mm-dd), open until the end
// of that day; days are counted in calendar days between today (Vietnam) and the deadline day.
import { vietnamToday } from "./registration-window";

export type DeadlineState = "NONE" | "UPCOMING" | "TODAY" | "PASSED";

export type DeadlineStatus = {
  state: DeadlineState;
  /** Calendar days to the deadline (UPCOMING) or since it (PASSED); 0 on the day; null without a deadline. */
  days: number | null;
  /** Vietnamese, lower case, to follow "Hạn dd/mm/yyyy · ". */
  text: string;
};

const DAY_MS = 24 * 3600_000;

/** Whole calendar days from one yyyy-mm-dd to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function deadlineStatus(deadline: string | null | undefined, now: Date): DeadlineStatus {
  if (!deadline) return { state: "NONE", days: null, text: "chưa đặt hạn" };
  const days = daysBetween(vietnamToday(now), deadline);
  if (days > 0) return { state: "UPCOMING", days, text: `còn ${days} ngày` };
  if (days === 0) return { state: "TODAY", days: 0, text: "hôm nay là hạn cuối" };
  return { state: "PASSED", days: -days, text: `quá hạn ${-days} ngày` };
}
