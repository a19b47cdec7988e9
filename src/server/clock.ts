// The app's clock for the emulation calendar (deadlines, phases, "today" in Vietnam, the demo year).
// APP_TODAY=yyyy-mm-dd pins the Vietnamese calendar day (time of day keeps running), so a demo or a
// browser test can be played on a fixed date, e.g. a year-end day, and stay deterministic. Unset: the
// machine's clock. Sessions, throttling and job timing keep the real clock (new Date()); only the
// calendar of the emulation year reads this one.
const PINNED = /^\d{4}-\d{2}-\d{2}$/;

function pinnedShiftMs(): number {
  const pinned = process.env.APP_TODAY?.trim();
  if (!pinned) return 0;
  if (!PINNED.test(pinned) || Number.isNaN(Date.parse(`${pinned}T00:00:00+07:00`))) {
    throw new Error(`APP_TODAY phải có dạng yyyy-mm-dd (nhận được "${pinned}").`);
  }
  const real = Date.now();
  const realDay = new Date(real + 7 * 3600_000).toISOString().slice(0, 10);
  return Date.parse(`${pinned}T00:00:00+07:00`) - Date.parse(`${realDay}T00:00:00+07:00`);
}

/** Now, on the emulation calendar: the real instant, moved to APP_TODAY's day when it is set. */
export function appNow(): Date {
  return new Date(Date.now() + pinnedShiftMs());
}
