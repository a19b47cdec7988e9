// The demo's calendar (docs/domain.md §1 "The demo cluster"): which years the demo holds for a given
// day, who chairs each of them, and the deadlines and dates of the year that is open. Pure and
// deterministic: the same day always gives the same plan. No database, no server import (relative
// imports only), so that the browser tests can read the plan the server seeded from the same day.
//
// The story: 2021 is the year of the news report (chair Cục An ninh mạng…, deputy Cục Quản lý xuất
// nhập cảnh); its conference of 19/11/2021 elected Cục Kỹ thuật nghiệp vụ chair and Cục Ngoại tuyến
// deputy for 2022. From then on every year-end conference elects the first unit of the rotation order
// (docs/domain.md §4 step 6: longest since last chaired, the outgoing chair left out) as next year's
// chair, and the second as deputy. Every year before the current calendar year is closed; the current
// year (the one containing today) is open, in registration, with deadlines computed from today.
import { chairRotation, yearsSinceLabel } from "../../domain/voting/rotation";

export const DEMO_UNIT_NAMES = {
  ANM: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
  KTNV: "Cục Kỹ thuật nghiệp vụ",
  NT: "Cục Ngoại tuyến",
  QLXNC: "Cục Quản lý xuất nhập cảnh",
  BTLCV: "Bộ Tư lệnh Cảnh vệ",
} as const;
export type DemoUnitCode = keyof typeof DEMO_UNIT_NAMES;
/** In the order of the 2021 conference report. */
export const DEMO_UNIT_CODES = Object.keys(DEMO_UNIT_NAMES) as DemoUnitCode[];

/** The year of the news report: closed, its history hand-written (history.ts, conference-2021.ts). */
export const STORY_YEAR = 2021;
/** The first year the demo can hold open: the demo refuses a day before 1 January 2022. */
export const FIRST_OPEN_YEAR = 2022;

export type Leadership = { chair: DemoUnitCode; deputy: DemoUnitCode };

const STORY_LEADERSHIP: Record<number, Leadership> = {
  2021: { chair: "ANM", deputy: "QLXNC" },
  2022: { chair: "KTNV", deputy: "NT" },
};

// ---------------------------------------------------------------------------------------------
// Days (yyyy-mm-dd, calendar days: no time zone involved)

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

const later = (a: string, b: string) => (a > b ? a : b);

/** Day of the week, 0 = Sunday. */
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The calendar day in Vietnam (UTC+7) at `now`. */
export function vietnamDay(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** "2026-12-07" → "07/12/2026". */
export const displayDay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------------
// Years

/** The emulation year that contains `today`; the demo has no open year before 2022. */
export function demoCurrentYear(today: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(dayNumber(today))) throw new Error(`Ngày không hợp lệ: "${today}".`);
  const year = Number(today.slice(0, 4));
  if (year < FIRST_OPEN_YEAR) {
    throw new Error(`Dữ liệu mẫu bắt đầu từ năm thi đua ${FIRST_OPEN_YEAR}: ngày ${displayDay(today)} (APP_TODAY) phải từ 01/01/${FIRST_OPEN_YEAR} trở đi.`);
  }
  if (year > 2100) throw new Error(`Năm ${year} ngoài phạm vi của ứng dụng (2000–2100).`);
  return year;
}

/** The closed years whose history is generated (2022 … the year before the current one). */
export function generatedClosedYears(currentYear: number): number[] {
  const years: number[] = [];
  for (let y = FIRST_OPEN_YEAR; y < currentYear; y++) years.push(y);
  return years;
}

/**
 * The rotation order for the chair of `forYear`, from the chairs of the years before it: unit codes
 * with the label the chair-election form shows ("Chưa từng làm Cụm trưởng", "3 năm (lần gần nhất: năm 2022)").
 */
export function rotationCandidates(forYear: number, chairs: ReadonlyMap<number, DemoUnitCode>): { code: DemoUnitCode; label: string }[] {
  const members = DEMO_UNIT_CODES.map((code) => ({ id: code, name: DEMO_UNIT_NAMES[code], active: true }));
  const history = [...chairs].filter(([year]) => year < forYear).map(([year, chair]) => ({ year, chairUnitId: chair }));
  return chairRotation(forYear, members, history, { outgoingChairMayBeReelected: false }).candidates.map((c) => ({ code: c.unitId as DemoUnitCode, label: yearsSinceLabel(c) }));
}

export function rotationOrder(forYear: number, chairs: ReadonlyMap<number, DemoUnitCode>): DemoUnitCode[] {
  return rotationCandidates(forYear, chairs).map((c) => c.code);
}

/** The chair of every year up to `lastYear`, for rotationCandidates. */
export function demoChairs(lastYear: number): Map<number, DemoUnitCode> {
  return new Map([...demoLeadership(lastYear)].map(([y, l]) => [y, l.chair]));
}

/**
 * Chair and deputy of every year from 2021 to `lastYear`: the story's for 2021 and 2022, then the
 * first and second of the rotation order, as each year-end conference elects them.
 */
export function demoLeadership(lastYear: number): Map<number, Leadership> {
  const out = new Map<number, Leadership>();
  const chairs = new Map<number, DemoUnitCode>();
  for (let y = STORY_YEAR; y <= lastYear; y++) {
    let l = STORY_LEADERSHIP[y];
    if (!l) {
      const order = rotationOrder(y, chairs);
      l = { chair: order[0]!, deputy: order[1]! };
    }
    out.set(y, l);
    chairs.set(y, l.chair);
  }
  return out;
}

/** The day of a year's year-end conference: the third Friday of November (19/11/2021 for 2021). */
export function conferenceDay(year: number): string {
  const first = `${year}-11-01`;
  const firstFriday = addDays(first, (5 - weekday(first) + 7) % 7);
  return addDays(firstFriday, 14);
}

/** The deadlines of a closed year, as the secretariat set them then. */
export function closedYearDeadlines(year: number) {
  const conference = conferenceDay(year);
  return {
    registrationDeadline: `${year}-03-31`,
    midyearReportDeadline: null,
    reportDeadline: year === STORY_YEAR ? "2021-11-05" : addDays(conference, -14),
    conferenceDate: conference,
  };
}

// ---------------------------------------------------------------------------------------------
// The open year

export type CurrentUnitState = {
  /** SUBMITTED: registered on time; DRAFT: still entering, with an extension; LATE: the deadline passed, not submitted, no extension. */
  state: "SUBMITTED" | "DRAFT" | "LATE";
  /** Share of the officers the engine lets register that are registered. */
  share: number;
  /** CSTĐCS places left unused. */
  spare: number;
  /** Collective titles aimed at, preferred first (the first the engine accepts is taken); none: not chosen yet. */
  targets: ("CO_BCA" | "DV_QUYET_THANG" | "DV_TIEN_TIEN")[];
  /** When the unit submitted (Vietnam time, yyyy-mm-ddTHH:mm). */
  submittedAt?: string;
  agreementSignedOn: string;
};

export type CurrentYearPlan = {
  year: number;
  today: string;
  /** The year's settings (yyyy-mm-dd): the registration deadline has just passed; the others lie ahead. */
  deadlines: { registrationDeadline: string; midyearReportDeadline: string; reportDeadline: string; conferenceDate: string };
  /** The day (inclusive) the secretariat extended the drafting units' registration to. */
  extendedUntil: string;
  /** The day the secretariat opened the year (and set its dates). */
  openedOn: string;
  /** Published criteria table. */
  tablePublishedOn: string;
  /** The day the secretariat extended the drafting units' registration (after the deadline passed). */
  extendedOn: string;
  units: Record<DemoUnitCode, CurrentUnitState>;
  leadership: Leadership;
  /** The rotation order for next year's chair (the conference of this year will choose from it). */
  nextRotation: DemoUnitCode[];
};

/** How long ago the registration deadline passed, and how long the extension runs. */
export const DEADLINE_PASSED_DAYS = 3;
export const EXTENSION_DAYS = 14;

/**
 * The open year for `today`: in registration; the registration deadline passed DEADLINE_PASSED_DAYS
 * days ago (never before 1 January of the year); Cục An ninh mạng… and Cục Quản lý xuất nhập cảnh
 * registered on time; Cục Ngoại tuyến and Bộ Tư lệnh Cảnh vệ are still drafting on an extension the
 * secretariat granted until EXTENSION_DAYS days from today; Cục Kỹ thuật nghiệp vụ has only signed its
 * agreement and is late (the secretariat has to reopen it). The year-end report deadline and the
 * conference keep their usual dates (15/11, 25/11) unless today is too near them, in which case they
 * move into the following months, in order.
 */
export function demoCurrentYearPlan(today: string): CurrentYearPlan {
  const year = demoCurrentYear(today);
  const registrationDeadline = later(`${year}-01-01`, addDays(today, -DEADLINE_PASSED_DAYS));
  const extendedUntil = addDays(today, EXTENSION_DAYS);
  const midyearReportDeadline = later(`${year}-07-15`, addDays(extendedUntil, 21));
  const reportDeadline = later(`${year}-11-15`, addDays(midyearReportDeadline, 30));
  const conferenceDate = later(`${year}-11-25`, addDays(reportDeadline, 10));
  // Before the deadline: the agreements ~6 weeks, the table ~7 weeks, the submissions a few days.
  const agreement = (k: number) => addDays(registrationDeadline, -42 + k);
  const submitted = (days: number, hhmm: string) => `${addDays(registrationDeadline, -days)}T${hhmm}`;
  const leadership = demoLeadership(year);
  const chairs = demoChairs(year);
  return {
    year,
    today,
    deadlines: { registrationDeadline, midyearReportDeadline, reportDeadline, conferenceDate },
    extendedUntil,
    openedOn: addDays(registrationDeadline, -56),
    tablePublishedOn: addDays(registrationDeadline, -49),
    extendedOn: later(registrationDeadline, addDays(today, -1)),
    units: {
      ANM: { state: "SUBMITTED", share: 1, spare: 0, targets: ["CO_BCA", "DV_QUYET_THANG", "DV_TIEN_TIEN"], submittedAt: submitted(8, "09:30"), agreementSignedOn: agreement(0) },
      QLXNC: { state: "SUBMITTED", share: 1, spare: 1, targets: ["DV_QUYET_THANG", "DV_TIEN_TIEN"], submittedAt: submitted(2, "15:10"), agreementSignedOn: agreement(0) },
      NT: { state: "DRAFT", share: 0.6, spare: 3, targets: ["DV_TIEN_TIEN"], agreementSignedOn: agreement(1) },
      BTLCV: { state: "DRAFT", share: 0.85, spare: 2, targets: ["DV_QUYET_THANG", "DV_TIEN_TIEN"], agreementSignedOn: agreement(1) },
      KTNV: { state: "LATE", share: 0, spare: 0, targets: [], agreementSignedOn: agreement(2) },
    },
    leadership: leadership.get(year)!,
    nextRotation: rotationOrder(year + 1, chairs),
  };
}

/** The unit whose registration is late in the open year. */
export const LATE_UNIT: DemoUnitCode = "KTNV";
