// Before/after of an audit entry as lines a person can compare: one line per top-level field, the
// changed ones marked. Values become plain text (the page renders text, never HTML).
export type DiffLine = { key: string; before: string | null; after: string | null; changed: boolean };

const WHOLE = "(giá trị)";

function show(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if (b === undefined && a === undefined) return [];
  if ((b !== undefined && !isRecord(b)) || (a !== undefined && !isRecord(a))) {
    const [x, y] = [show(b), show(a)];
    return [{ key: WHOLE, before: x, after: y, changed: x !== y }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  return keys.map((key) => {
    const x = b ? show(b[key]) : null;
    const y = a ? show(a[key]) : null;
    return { key, before: x, after: y, changed: x !== y };
  });
}
