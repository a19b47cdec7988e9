// What the report editor's sections share: an evidence file as the editor holds it, the save states,
// the values on screen, and how inputs and sizes are shown.
import { formatDateTime } from "@/lib/format";

export type Evidence = { id: string; criterionId: string; fileName: string; size: number };
export type SaveState = "idle" | "dirty" | "saving" | "saved" | "error" | "conflict";
/** What is typed on screen, by criterion or figure id (as the inputs hold it, not parsed). */
export type EditorValues = { scores: Record<string, string>; explanations: Record<string, string>; figures: Record<string, string>; narrative: string };
/** The first error message of a field, if any. */
export type FieldError = (field: string) => string | undefined;

export const timeOf = (iso: string) => formatDateTime(iso).slice(11);
export const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`);
export const inputClass = (error?: string) =>
  `rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 ${error ? "border-red-500" : "border-slate-300"}`;
