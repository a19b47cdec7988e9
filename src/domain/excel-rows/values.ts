// A cell's value checked for its column: text, officer code, full name, rank, rating.
import { type TaskRating } from "../eligibility/types";
import { parseRank, type Rank } from "../ranks";
import { TASK_RATINGS } from "../title-catalogue";
import { searchKey } from "../vietnamese";
import { readCell, looksLikeFormula, looksLikeScript, type CellRead } from "./cells";

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
export const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
export const okValue = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Shown in messages: the first 40 characters of what was typed. */
export function quoteValue(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `“${t.length > 40 ? `${t.slice(0, 40)}…` : t}”`;
}

export function cellKindMessage(read: CellRead, label: string): string {
  switch (read.kind) {
    case "formula":
      return `${label}: ô chứa công thức Excel; chỉ được nhập giá trị, không dùng công thức.`;
    case "error":
      return `${label}: ô đang báo lỗi ${read.code}.`;
    case "date":
      return `${label}: ô chứa ngày tháng, cần nhập chữ.`;
    case "bool":
      return `${label}: giá trị ${read.value ? "TRUE" : "FALSE"} không hợp lệ.`;
    default:
      return `${label}: giá trị không đọc được.`;
  }
}

/**
 * A text cell, cleaned: NFC, non-breaking spaces as spaces, runs of whitespace collapsed, trimmed.
 * null when empty. Refuses formulas, formula-like or script-like text, control characters and text
 * over `max` characters. Numbers are taken as their decimal text (a code typed as 12345).
 */
export function textValue(value: unknown, label: string, max: number): Checked<string | null> {
  const read = readCell(value);
  let raw: string;
  if (read.kind === "empty") return okValue(null);
  if (read.kind === "text") raw = read.text;
  else if (read.kind === "number") raw = String(read.value);
  else return fail(cellKindMessage(read, label));
  if (CONTROL.test(raw.replace(/[\t\r\n]/g, " "))) return fail(`${label}: chứa ký tự điều khiển không hợp lệ.`);
  // Tabs and line breaks inside a cell become spaces; other control characters were refused above.
  const text = raw.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
  if (text === "") return okValue(null);
  if (looksLikeFormula(raw) || looksLikeFormula(text)) {
    return fail(`${label}: giá trị ${quoteValue(text)} bắt đầu bằng “${text[0]}” giống công thức Excel; không được nhập công thức.`);
  }
  if (looksLikeScript(text)) return fail(`${label}: giá trị chứa mã script hoặc thẻ HTML; không được phép.`);
  if ([...text].length > max) return fail(`${label}: tối đa ${max} ký tự (đang có ${[...text].length}).`);
  return okValue(text);
}

const CODE_PATTERN = /^[A-Za-z0-9._-]+$/;

export function codeValue(value: unknown, label = "Mã cán bộ"): Checked<string | null> {
  const t = textValue(value, label, 32);
  if (!t.ok || t.value === null) return t;
  if (!CODE_PATTERN.test(t.value)) return fail(`${label}: ${quoteValue(t.value)} chỉ được gồm chữ không dấu, số và các ký tự . _ -`);
  return okValue(t.value.toUpperCase());
}

/** The same rule as the officer form: Latin letters (with diacritics), spaces and ' . - ( ). */
const NAME_PATTERN = /^[\p{Script=Latin}\p{M} '’.()-]*$/u;

export function fullNameValue(value: unknown, label = "Họ và tên"): Checked<string | null> {
  const t = textValue(value, label, 120);
  if (!t.ok || t.value === null) return t;
  if (!NAME_PATTERN.test(t.value)) return fail(`${label}: ${quoteValue(t.value)} chỉ được gồm chữ cái, dấu cách và các ký tự ' . - ( )`);
  if (!/\p{L}/u.test(t.value)) return fail(`${label}: phải có chữ cái.`);
  return okValue(t.value);
}

export function rankValue(value: unknown, label = "Cấp bậc"): Checked<Rank | null> {
  const t = textValue(value, label, 60);
  if (!t.ok) return t;
  if (t.value === null) return okValue(null);
  const rank = parseRank(t.value);
  if (!rank) return fail(`${label}: ${quoteValue(t.value)} không phải cấp bậc hàm CAND (ví dụ: Thượng úy, Đại úy, Thiếu tá).`);
  return okValue(rank);
}

/** Key for loose matching: diacritics, case and every non-alphanumeric character ignored. */
export function looseKey(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]/g, "");
}

const RATING_ALIASES: Record<TaskRating, readonly string[]> = {
  EXCELLENT: [TASK_RATINGS.EXCELLENT, "Hoàn thành xuất sắc", "HTXSNV", "HTXS", "Xuất sắc", "EXCELLENT"],
  GOOD: [TASK_RATINGS.GOOD, "Hoàn thành tốt", "HTTNV", "HTT", "Tốt", "GOOD"],
  COMPLETE: [TASK_RATINGS.COMPLETE, "Hoàn thành", "HTNV", "HT", "COMPLETE"],
  INCOMPLETE: [TASK_RATINGS.INCOMPLETE, "Không hoàn thành", "KHTNV", "KHT", "INCOMPLETE"],
};
const RATING_BY_KEY = new Map<string, TaskRating>();
for (const [rating, names] of Object.entries(RATING_ALIASES) as [TaskRating, readonly string[]][]) {
  for (const name of names) {
    const key = looseKey(name);
    const other = RATING_BY_KEY.get(key);
    if (other && other !== rating) throw new Error(`excel-rows: rating alias "${name}" is ambiguous`);
    RATING_BY_KEY.set(key, rating);
  }
}

export function parseRating(text: string): TaskRating | null {
  return RATING_BY_KEY.get(looseKey(text)) ?? null;
}

export function ratingValue(value: unknown, label = "Xếp loại"): Checked<TaskRating | null> {
  const t = textValue(value, label, 60);
  if (!t.ok) return t;
  if (t.value === null) return okValue(null);
  const rating = parseRating(t.value);
  if (!rating) return fail(`${label}: ${quoteValue(t.value)} không phải mức xếp loại (${Object.values(TASK_RATINGS).join("; ")}).`);
  return okValue(rating);
}
