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
