// What the import form shows after an upload (kept small: at most MAX_ERRORS_SHOWN rows of errors).
import type { ImportError } from "@/domain/excel-rows";
import type { ImportSummary } from "@/server/commands/results";

export type ImportState =
  | { ok: true; message: string; summary: Omit<ImportSummary, "warnings">; warnings: ImportError[]; warningCount: number }
  | { ok: false; message: string; errors: ImportError[]; errorCount: number };
