// Vietnamese public holidays (Bộ luật Lao động 2019, Điều 112) for the seeded years 2019–2027: the data
// that the Holiday table starts with (migration 20261207060100_holidays_seed). The admin adds or removes
// days per year (/admin/holidays): the Prime Minister's yearly notice fixes the exact Tết days and the
// day next to Quốc khánh, and may swap working days.
//
// - Tết Dương lịch 1/1; Chiến thắng 30/4; Quốc tế lao động 1/5; Quốc khánh 2/9, and from 2021 one day
//   next to it (1/9 or 3/9, as announced; 2026–2027 are this file's estimate).
// - Tết Nguyên đán: the weekdays of the break announced for public servants (5 working days);
//   2027 is an estimate around mùng 1 (06/02/2027).
// - Giỗ Tổ Hùng Vương, 10/3 âm lịch.
// - Nghỉ bù: a holiday on a Saturday or Sunday gives the next working day off (Điều 111 khoản 3).
import { addDays, isWeekend, type IsoDate } from "./working-days";

export type HolidaySeed = { date: IsoDate; name: string };

export const SEEDED_HOLIDAY_YEARS = { from: 2019, to: 2027 } as const;

/** Tết Nguyên đán: mùng 1 and the weekdays off (public servants' break). */
const TET: Record<number, { newYear: IsoDate; weekdaysOff: IsoDate[] }> = {
  2019: { newYear: "2019-02-05", weekdaysOff: ["2019-02-04", "2019-02-05", "2019-02-06", "2019-02-07", "2019-02-08"] },
  2020: { newYear: "2020-01-25", weekdaysOff: ["2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29"] },
  2021: { newYear: "2021-02-12", weekdaysOff: ["2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16"] },
  2022: { newYear: "2022-02-01", weekdaysOff: ["2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04"] },
  2023: { newYear: "2023-01-22", weekdaysOff: ["2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26"] },
  2024: { newYear: "2024-02-10", weekdaysOff: ["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"] },
  2025: { newYear: "2025-01-29", weekdaysOff: ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"] },
  2026: { newYear: "2026-02-17", weekdaysOff: ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"] },
  2027: { newYear: "2027-02-06", weekdaysOff: ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"] },
};

/** Giỗ Tổ Hùng Vương (10/3 âm lịch) in the solar calendar. */
const HUNG_KINGS: Record<number, IsoDate> = {
  2019: "2019-04-14",
  2020: "2020-04-02",
  2021: "2021-04-21",
  2022: "2022-04-10",
  2023: "2023-04-29",
  2024: "2024-04-18",
  2025: "2025-04-07",
  2026: "2026-04-26",
  2027: "2027-04-16",
};

/** The day next to Quốc khánh (from 2021, Bộ luật Lao động 2019). */
const NATIONAL_DAY_EXTRA: Record<number, IsoDate> = {
  2021: "2021-09-03",
  2022: "2022-09-01",
  2023: "2023-09-01",
  2024: "2024-09-03",
  2025: "2025-09-01",
  2026: "2026-09-01",
  2027: "2027-09-03",
};

export function holidaysOfYear(year: number): HolidaySeed[] {
  const days: HolidaySeed[] = [
    { date: `${year}-01-01`, name: "Tết Dương lịch" },
    { date: `${year}-04-30`, name: "Ngày Chiến thắng (30/4)" },
    { date: `${year}-05-01`, name: "Ngày Quốc tế lao động (1/5)" },
    { date: `${year}-09-02`, name: "Quốc khánh (2/9)" },
  ];
  const extra = NATIONAL_DAY_EXTRA[year];
  if (extra) days.push({ date: extra, name: "Quốc khánh (ngày liền kề)" });
  const hung = HUNG_KINGS[year];
  if (hung) days.push({ date: hung, name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" });
  for (const date of TET[year]?.weekdaysOff ?? []) days.push({ date, name: date === TET[year]!.newYear ? "Tết Nguyên đán (mùng 1)" : "Tết Nguyên đán" });

  // Nghỉ bù: each holiday on a weekend moves to the next weekday that is not already a holiday.
  days.sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(days.map((d) => d.date));
  const compensations: HolidaySeed[] = [];
  for (const d of days) {
    if (!isWeekend(d.date) || d.name.startsWith("Tết Nguyên đán")) continue;
    let day = addDays(d.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    compensations.push({ date: day, name: `Nghỉ bù ${d.name}` });
  }
  return [...days, ...compensations].sort((a, b) => a.date.localeCompare(b.date));
}

export function seededHolidays(): HolidaySeed[] {
  const out: HolidaySeed[] = [];
  for (let y = SEEDED_HOLIDAY_YEARS.from; y <= SEEDED_HOLIDAY_YEARS.to; y++) out.push(...holidaysOfYear(y));
  return out;
}
