// Shared helpers of the eligibility engine: labels, formatting, ordering, discipline timing, status.
import { TASK_RATINGS, TITLE_CATALOGUE } from "../title-catalogue";
import {
  COLLECTIVE_TITLES,
  DISCIPLINE_FORM_ORDER,
  DISCIPLINE_FORMS,
  DISCIPLINE_STATUSES,
  EligibilityInputError,
  INDIVIDUAL_TITLES,
  INITIATIVE_LEVEL_ORDER,
  INITIATIVE_LEVELS,
  TASK_RATING_ORDER,
  type CollectiveTitle,
  type DisciplineForm,
  type DisciplineRecord,
  type EligibilityStatus,
  type EvaluationStage,
  type IndividualTitle,
  type Initiative,
  type InitiativeLevel,
  type Reason,
  type TaskRating,
  type TitleCode,
  type TitleResult,
} from "./types";

// ---------------------------------------------------------------------------------------------
// Levels and labels

const INDIVIDUAL_LEVEL = new Map<string, number>(INDIVIDUAL_TITLES.map((t, i) => [t, i + 1]));
const COLLECTIVE_LEVEL = new Map<string, number>(COLLECTIVE_TITLES.map((t, i) => [t, i + 1]));
const RATING_LEVEL = new Map<string, number>(TASK_RATING_ORDER.map((r, i) => [r, i]));
const INITIATIVE_LEVEL = new Map<string, number>(INITIATIVE_LEVEL_ORDER.map((l, i) => [l, i]));
const FORM_LEVEL = new Map<string, number>(DISCIPLINE_FORM_ORDER.map((f, i) => [f, i]));

export const isIndividualTitle = (code: string): code is IndividualTitle => INDIVIDUAL_LEVEL.has(code);
export const isCollectiveTitle = (code: string): code is CollectiveTitle => COLLECTIVE_LEVEL.has(code);

/** 1 (CST) … 4 (CSTĐ toàn quốc); 0 for no title. */
export const individualLevel = (title: IndividualTitle | undefined | null): number =>
  title ? (INDIVIDUAL_LEVEL.get(title) ?? 0) : 0;
/** 1 (Đơn vị tiên tiến) … 4 (Cờ Chính phủ); 0 for no title. */
export const collectiveLevel = (title: CollectiveTitle | undefined | null): number =>
  title ? (COLLECTIVE_LEVEL.get(title) ?? 0) : 0;
/** 0 (Không hoàn thành) … 3 (Hoàn thành xuất sắc); -1 for no rating. */
export const ratingLevel = (rating: TaskRating | undefined | null): number =>
  rating ? (RATING_LEVEL.get(rating) ?? -1) : -1;
export const initiativeLevel = (level: InitiativeLevel): number => INITIATIVE_LEVEL.get(level) ?? -1;
/** 0 (Khiển trách) … 6 (Tước danh hiệu CAND). */
export const disciplineSeverity = (form: DisciplineForm): number => FORM_LEVEL.get(form) ?? -1;

const SHORT_NAMES: Record<TitleCode, string> = {
  CST: "CST",
  CSTDCS: "CSTĐCS",
  CSTD_CAND: "CSTĐ CAND",
  CSTD_TQ: "CSTĐ toàn quốc",
  DV_TIEN_TIEN: "Đơn vị tiên tiến",
  DV_QUYET_THANG: "Đơn vị Quyết thắng",
  CO_BCA: "Cờ thi đua của Bộ Công an",
  CO_CP: "Cờ thi đua của Chính phủ",
};
// Individual titles go by their catalogue short name (CSTĐCS…); collective ones by their full name.
for (const seed of TITLE_CATALOGUE) {
  if (isIndividualTitle(seed.code)) SHORT_NAMES[seed.code] = seed.shortName;
  else if (isCollectiveTitle(seed.code)) SHORT_NAMES[seed.code] = seed.name;
}

/** The name used in reason messages: "CSTĐCS", "Đơn vị Quyết thắng"… */
export const titleLabel = (title: TitleCode): string => SHORT_NAMES[title];
export const ratingLabel = (rating: TaskRating): string => TASK_RATINGS[rating];
export const formLabel = (form: DisciplineForm): string => DISCIPLINE_FORMS[form];
export const levelLabel = (level: InitiativeLevel): string => INITIATIVE_LEVELS[level];
export const statusLabel = (record: DisciplineRecord): string => DISCIPLINE_STATUSES[record.status];

// ---------------------------------------------------------------------------------------------
// Formatting

/** "2022-03-01" → "01/03/2022". */
export const formatIsoDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** 56.25 → "56,25%", 50 → "50%": at most two decimals, Vietnamese decimal comma. */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${String(rounded).replace(".", ",")}%`;
}

/** Share of `part` in `whole`, in percent (0 when whole is 0). */
export const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : (part * 100) / whole);

/** [2020, 2021, 2022] → "2020–2022"; a single year stays as is. */
export const yearRange = (from: number, to: number): string => (from === to ? String(from) : `${from}–${to}`);

export const quote = (text: string): string => `“${text}”`;

// ---------------------------------------------------------------------------------------------
// Input checks (cheap; they guard the engine against records no form could produce)

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function assertYear(year: number, what = "Năm"): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new EligibilityInputError(`${what} không hợp lệ: ${String(year)}.`);
  }
}

export function assertIsoDate(value: string, what: string): void {
  if (typeof value !== "string" || !ISO_DATE.test(value)) {
    throw new EligibilityInputError(`${what} không hợp lệ: ${String(value)} (cần dạng yyyy-mm-dd).`);
  }
}

export function assertDiscipline(record: DisciplineRecord): void {
  if (!Object.hasOwn(DISCIPLINE_FORMS, record.form)) throw new EligibilityInputError(`Hình thức kỷ luật không hợp lệ: ${String(record.form)}.`);
  if (!Object.hasOwn(DISCIPLINE_STATUSES, record.status)) throw new EligibilityInputError(`Trạng thái kỷ luật không hợp lệ: ${String(record.status)}.`);
  assertIsoDate(record.from, "Ngày bắt đầu kỷ luật");
  if (record.to !== undefined) {
    assertIsoDate(record.to, "Ngày kết thúc kỷ luật");
    if (record.to < record.from) {
      throw new EligibilityInputError(`Kỷ luật có ngày kết thúc (${formatIsoDate(record.to)}) trước ngày bắt đầu (${formatIsoDate(record.from)}).`);
    }
  }
}

export function assertInitiative(initiative: Initiative): void {
  assertYear(initiative.year, "Năm của sáng kiến");
  if (!Object.hasOwn(INITIATIVE_LEVELS, initiative.level)) throw new EligibilityInputError(`Cấp sáng kiến không hợp lệ: ${String(initiative.level)}.`);
}

// ---------------------------------------------------------------------------------------------
// Discipline timing
//
// A PENDING or IN_FORCE record counts against year Y when its period [from, to] (to inclusive, open
// when absent) overlaps the calendar year [Y-01-01, Y-12-31]: a discipline that ends mid-year, or
// starts mid-year, still counts for that year ("bị kỷ luật trong năm thì không xét danh hiệu năm
// đó"); one that ended on or before 31/12 of the previous year does not. At the RESULTS stage, when
// the decision day `asOf` is known, a record open on that day counts as well (a review opened in
// January for the year just ended stops the award). CLEARED records never count.

export type DisciplineHit = { record: DisciplineRecord; inYear: boolean; openOnAsOf: boolean };

const overlaps = (record: DisciplineRecord, start: string, end: string) =>
  record.from <= end && (record.to === undefined || record.to >= start);

export function disciplineHits(
  records: readonly DisciplineRecord[],
  year: number,
  stage: EvaluationStage,
  minSeverity = 0,
): DisciplineHit[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const asOf = stage.stage === "RESULTS" ? stage.asOf : undefined;
  const hits: DisciplineHit[] = [];
  for (const record of records) {
    assertDiscipline(record);
    if (record.status === "CLEARED" || disciplineSeverity(record.form) < minSeverity) continue;
    const inYear = overlaps(record, start, end);
    const openOnAsOf = asOf !== undefined && overlaps(record, asOf, asOf);
    if (inYear || openOnAsOf) hits.push({ record, inYear, openOnAsOf });
  }
  return hits.sort((a, b) => compareDiscipline(a.record, b.record));
}

/**
 * "kỷ luật Khiển trách, có hiệu lực từ 01/03/2022 đến 30/06/2022" / "đang xem xét kỷ luật (dự kiến
 * hình thức Cảnh cáo) từ 01/03/2022"; a record that only counts because it is open on the decision day
 * says so.
 */
export function describeDiscipline(hit: DisciplineHit, year: number, asOf: string | undefined): string {
  const { record } = hit;
  const period = `từ ${formatIsoDate(record.from)}${record.to ? ` đến ${formatIsoDate(record.to)}` : ""}`;
  const what =
    record.status === "PENDING"
      ? `đang xem xét kỷ luật (dự kiến hình thức ${formLabel(record.form)}) ${period}`
      : `kỷ luật ${formLabel(record.form)}, có hiệu lực ${period}`;
  return hit.inYear ? what : `${what}, vẫn còn vào ngày xét ${formatIsoDate(asOf ?? "")} (sau năm ${year})`;
}

// ---------------------------------------------------------------------------------------------
// Canonical orders (the engine's output must not depend on the order of its input)

const cmp = (a: string | number | undefined, b: string | number | undefined): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

export function compareDiscipline(a: DisciplineRecord, b: DisciplineRecord): number {
  return (
    cmp(a.from, b.from) ||
    cmp(a.to, b.to) ||
    disciplineSeverity(a.form) - disciplineSeverity(b.form) ||
    cmp(a.status, b.status) ||
    cmp(a.id, b.id)
  );
}

export function compareInitiative(a: Initiative, b: Initiative): number {
  return (
    a.year - b.year ||
    initiativeLevel(b.level) - initiativeLevel(a.level) ||
    cmp(a.title, b.title) ||
    cmp(a.id, b.id)
  );
}

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Status

/** BLOCKED if a blocking reason failed; else NOT_YET if any failed; else ELIGIBLE. */
export function statusOf(reasons: readonly Reason[]): EligibilityStatus {
  let status: EligibilityStatus = "ELIGIBLE";
  for (const reason of reasons) {
    if (reason.ok) continue;
    if (reason.blocking) return "BLOCKED";
    status = "NOT_YET";
  }
  return status;
}

export function titleResult<T extends TitleCode>(title: T, reasons: Reason[]): TitleResult<T> {
  return { title, status: statusOf(reasons), reasons };
}

export function highestEligible<T extends TitleCode>(results: readonly TitleResult<T>[]): T | null {
  let best: T | null = null;
  for (const result of results) if (result.status === "ELIGIBLE") best = result.title;
  return best;
}
