// The Vietnamese calendar day (UTC+7, no daylight saving) of an instant, and dd/mm/yyyy display. No
// imports: client components (deadline badges) use it without pulling zod into the browser bundle.
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The calendar day in Vietnam (UTC+7, no daylight saving) at `now`, as yyyy-mm-dd. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last instant of a Vietnamese calendar day (yyyy-mm-dd): 23:59:59.999 at UTC+7. */
export function endOfVietnamDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999+07:00`);
}

/** yyyy-mm-dd of the Vietnamese calendar day `days` after the day of `now`. */
export function vietnamDayAfter(now: Date, days: number): string {
  return vietnamToday(new Date(now.getTime() + days * DAY_MS));
}

/** "2022-03-31" → "31/03/2022". */
export const displayIsoDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
