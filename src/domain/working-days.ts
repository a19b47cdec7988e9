// Working days (ngày làm việc) for deadline reminders: Saturdays, Sundays and public holidays do not
// count. Pure: dates are ISO "yyyy-mm-dd" strings (Vietnam calendar days), holidays a set of them.

export type IsoDate = string;
export type HolidaySet = ReadonlySet<IsoDate>;

const DAY_MS = 86_400_000;
const toUtc = (iso: IsoDate) => Date.parse(`${iso}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(toUtc(s)) && fromUtc(toUtc(s)) === s;

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: IsoDate): number => new Date(toUtc(iso)).getUTCDay();

export const isWeekend = (iso: IsoDate): boolean => {
  const d = weekday(iso);
  return d === 0 || d === 6;
};

export const isWorkingDay = (iso: IsoDate, holidays: HolidaySet): boolean => !isWeekend(iso) && !holidays.has(iso);

export const addDays = (iso: IsoDate, days: number): IsoDate => fromUtc(toUtc(iso) + days * DAY_MS);

/**
 * The date `n` working days after `iso` (n > 0) or before it (n < 0); `iso` itself is not counted.
 * n = 0 gives `iso` back, working day or not.
 */
export function addWorkingDays(iso: IsoDate, n: number, holidays: HolidaySet): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError("n must be an integer");
  const step = n < 0 ? -1 : 1;
  let day = iso;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/** Working days in (from, to]: how many working days are left from `from` until `to` (0 if to <= from). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: HolidaySet): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, holidays)) count++;
  return count;
}

/** The day a reminder `offset` working days before `deadline` is due. */
export const reminderDay = (deadline: IsoDate, offset: number, holidays: HolidaySet): IsoDate => addWorkingDays(deadline, -offset, holidays);

/**
 * Which reminder is due on `today` for a deadline, given the offsets (working days before): the
 * smallest offset whose day has come, while the deadline has not passed. A run that missed a day
 * (the app was down) catches up with the latest reminder only, never with several at once. null: none.
 */
export function dueOffset(deadline: IsoDate, today: IsoDate, offsets: readonly number[], holidays: HolidaySet): number | null {
  if (today > deadline) return null;
  const due = [...new Set(offsets)].filter((k) => k > 0 && reminderDay(deadline, k, holidays) <= today);
  return due.length ? Math.min(...due) : null;
}

/** The calendar day in Vietnam (UTC+7, no daylight saving) of an instant. */
export const vietnamDay = (instant: Date): IsoDate => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
