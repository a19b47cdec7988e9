// Dates: dd/mm/yyyy text or real Excel dates.
import { parseVietnameseDate } from "../../lib/format";
import { isoFromUtcDate, readCell } from "./cells";
import { cellKindMessage, fail, okValue, quoteValue, textValue, type Checked } from "./values";

/** Excel's serial day 25569 is 01/01/1970. */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * A date cell → "yyyy-mm-dd": a real Excel date (a Date, or a date serial number between 1990 and
 * 2100), or text dd/mm/yyyy (d/m/yyyy accepted). Anything else is refused with the expected format.
 */
export function dateValue(value: unknown, label: string): Checked<string | null> {
  const read = readCell(value);
  const example = "(ví dụ 15/12/2021)";
  switch (read.kind) {
    case "empty":
      return okValue(null);
    case "date":
      return okValue(read.iso);
    case "number": {
      const serial = read.value;
      const iso = Number.isInteger(serial) ? isoFromUtcDate(new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000)) : null;
      const year = iso ? Number(iso.slice(0, 4)) : 0;
      if (iso && year >= 1990 && year <= 2100) return okValue(iso);
      return fail(`${label}: ${quoteValue(String(serial))} không phải ngày; cần dạng dd/mm/yyyy ${example}.`);
    }
    case "text": {
      const t = textValue(value, label, 40);
      if (!t.ok || t.value === null) return t;
      const iso = parseVietnameseDate(t.value);
      if (iso) return okValue(iso);
      const shape = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(t.value);
      return fail(
        shape
          ? `${label}: ${quoteValue(t.value)} không phải ngày có thật.`
          : `${label}: ${quoteValue(t.value)} không đúng dạng dd/mm/yyyy ${example}.`,
      );
    }
    default:
      return fail(cellKindMessage(read, label));
  }
}

export const formatIso = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A decision of year Y's achievements is dated from 1 January of Y to today (yyyy-mm-dd), or an error. */
export function decisionDateError(iso: string, year: number, today: string): string | null {
  const from = `${year}-01-01`;
  return iso < from || iso > today ? `Ngày quyết định phải từ ${formatIso(from)} đến hôm nay (${formatIso(today)}).` : null;
}
