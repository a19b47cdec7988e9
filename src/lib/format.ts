// Display formats for Vietnamese users.
const pad = (n: number) => String(n).padStart(2, "0");

/** dd/mm/yyyy in Vietnam's time zone (UTC+7). */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const d = new Date(typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+07:00` : value);
  const local = new Date(d.getTime() + 7 * 3600_000);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** dd/mm/yyyy hh:mm in Vietnam's time zone. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  const local = new Date(new Date(value).getTime() + 7 * 3600_000);
  return `${formatDate(value)} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "dd/mm/yyyy" typed by a user → "yyyy-mm-dd", or null when it is not a real date. */
export function parseVietnameseDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// Built once: an Intl formatter is costly to create, and big tables format thousands of numbers.
const numberFormat = new Intl.NumberFormat("vi-VN");
export const formatNumber = (n: number) => numberFormat.format(n);
