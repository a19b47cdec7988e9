// Deadlines are dates (yyyy-mm-dd) in Vietnam: a deadline of 15/11/2022 allows submitting until
// 23:59:59 on that day, Hà Nội time (UTC+7).
export function deadlineEnd(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999+07:00`);
}

/** True when `now` is after the end of the deadline's day; no deadline is never past. */
export function isPastDeadline(isoDate: string | null | undefined, now: Date): boolean {
  return !!isoDate && now.getTime() > deadlineEnd(isoDate).getTime();
}
