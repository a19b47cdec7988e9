// What a cell holds, and text that must never reach a spreadsheet as a formula or a page as script.
export type CellRead =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; iso: string }
  | { kind: "bool"; value: boolean }
  | { kind: "formula" }
  | { kind: "error"; code: string }
  | { kind: "invalid" };

const pad2 = (n: number) => String(n).padStart(2, "0");

export function isoFromUtcDate(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 9999) return null;
  return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * A cell's value as a spreadsheet library gives it (exceljs: string, number, boolean, Date, null,
 * { richText }, { text, hyperlink }, { formula | sharedFormula, result }, { error }), classified.
 * Never throws.
 */
export function readCell(value: unknown): CellRead {
  try {
    if (value === null || value === undefined) return { kind: "empty" };
    if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "text", text: value };
    if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid" };
    if (typeof value === "boolean") return { kind: "bool", value };
    if (value instanceof Date) {
      const iso = isoFromUtcDate(value);
      return iso ? { kind: "date", iso } : { kind: "invalid" };
    }
    if (typeof value !== "object" || Array.isArray(value)) return { kind: "invalid" };
    const o = value as Record<string, unknown>;
    if (Object.hasOwn(o, "formula") || Object.hasOwn(o, "sharedFormula")) return { kind: "formula" };
    if (Object.hasOwn(o, "error")) return { kind: "error", code: typeof o.error === "string" ? o.error.slice(0, 20) : "#ERROR" };
    if (Array.isArray(o.richText)) {
      let text = "";
      for (const run of o.richText as unknown[]) {
        const t = run && typeof run === "object" ? (run as Record<string, unknown>).text : undefined;
        if (typeof t !== "string") return { kind: "invalid" };
        text += t;
      }
      return text.trim() === "" ? { kind: "empty" } : { kind: "text", text };
    }
    if (Object.hasOwn(o, "hyperlink") || Object.hasOwn(o, "text")) {
      const t = o.text;
      if (typeof t === "string") return t.trim() === "" ? { kind: "empty" } : { kind: "text", text: t };
      // A hyperlink whose text is itself rich text.
      if (t && typeof t === "object") return readCell(t);
      return { kind: "invalid" };
    }
    return { kind: "invalid" };
  } catch {
    return { kind: "invalid" };
  }
}

// ---------------------------------------------------------------------------------------------
// Formula-like and script-like text

const FUNCTION_CALL = /[A-Za-z_][A-Za-z0-9_.]*\s*\(/;
const CELL_REFERENCE = /\$?[A-Za-z]{1,3}\$?\d+/;
const DDE_OR_SHEET = /[|!]/;
const ARITHMETIC = /^[\s\d.,+\-*/^%()&<>=]*\d[\s\d.,+\-*/^%()&<>=]*$/;
const FORMULA_LEADS = new Set(["=", "+", "-", "@"]);
/** Leading characters some spreadsheets skip before reading a formula. */
const INVISIBLE_LEAD = /^[\s\u0000-\u001f\u007f\u00a0\u200b-\u200f\u2028\u2029\u2060\ufeff]+/;

/**
 * Whether text could be read as a formula by a spreadsheet (CSV/formula injection): it starts —
 * after blanks and invisible characters — with "=" or "@" followed by anything, or with "+" or "-"
 * followed by a function call, a cell reference, arithmetic, quotes or a DDE/sheet reference.
 */
export function looksLikeFormula(text: string): boolean {
  const t = text.replace(INVISIBLE_LEAD, "");
  const lead = t[0];
  if (lead === undefined || !FORMULA_LEADS.has(lead)) return false;
  const rest = t.slice(1).trim();
  if (rest === "") return false;
  if (lead === "=" || lead === "@") return true;
  return (
    FORMULA_LEADS.has(rest[0]!) ||
    FUNCTION_CALL.test(rest) ||
    CELL_REFERENCE.test(rest) ||
    DDE_OR_SHEET.test(rest) ||
    ARITHMETIC.test(rest) ||
    /["']/.test(rest)
  );
}

const SCRIPT = /<\s*\/?\s*script|javascript\s*:|vbscript\s*:|<\s*iframe|\bon[a-z]+\s*=/i;

/** Text that carries markup or script (never legitimate in a name, position or decision number). */
export function looksLikeScript(text: string): boolean {
  return SCRIPT.test(text);
}

/**
 * A value to write into an exported cell: unchanged unless a spreadsheet could take it for a
 * formula, in which case it gets a leading apostrophe (shown as text, never evaluated).
 */
export function safeCellText(text: string): string {
  const lead = text.replace(INVISIBLE_LEAD, "")[0];
  if (lead !== undefined && FORMULA_LEADS.has(lead)) return `'${text}`;
  if (/^[\t\r]/.test(text)) return `'${text}`;
  return text;
}
