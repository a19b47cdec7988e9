// Problems found in a file, by sheet, row and column, and how they travel in a command's field errors.
import { SHEET_DEFS } from "./layout";

export type ImportError = {
  sheet: string;
  /** Excel row number; null for a problem of the whole sheet or file. */
  row: number | null;
  /** The column's header; null for a problem of the whole row or sheet. */
  column: string | null;
  /** "C5", when one cell is at fault. */
  cell?: string;
  message: string;
};

/** Orders errors by sheet (template order), row, then column position. */
export function compareImportErrors(a: ImportError, b: ImportError): number {
  const sheetIndex = (name: string) => {
    // Problems of the whole file (not of a template sheet) come first.
    return SHEET_DEFS.findIndex((s) => s.name === name);
  };
  return (
    sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    columnOrder(a.cell) - columnOrder(b.cell)
  );
}

function columnOrder(cell: string | undefined): number {
  const letters = cell ? /^[A-Z]+/.exec(cell)?.[0] : undefined;
  if (!letters) return 0;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Errors carried in a command's field errors (ActionResult has no other structured channel): the key
 * is the JSON of [sheet, row, column, cell]. decodeImportErrors reverses it; other keys are ignored.
 */
export function encodeImportErrors(errors: readonly ImportError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const key = JSON.stringify(["xlsx", e.sheet, e.row, e.column, e.cell ?? null]);
    (out[key] ??= []).push(e.message);
  }
  return out;
}

export function decodeImportErrors(fieldErrors: Record<string, string[] | undefined> | undefined): ImportError[] {
  const out: ImportError[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(key);
    } catch {
      continue;
    }
    if (!Array.isArray(parsed) || parsed[0] !== "xlsx" || parsed.length !== 5) continue;
    const [, sheet, row, column, cell] = parsed as [string, unknown, unknown, unknown, unknown];
    if (typeof sheet !== "string") continue;
    for (const message of messages ?? []) {
      out.push({
        sheet,
        row: typeof row === "number" ? row : null,
        column: typeof column === "string" ? column : null,
        ...(typeof cell === "string" ? { cell } : {}),
        message,
      });
    }
  }
  return out.sort(compareImportErrors);
}
