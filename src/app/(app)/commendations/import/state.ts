// What the register's import form shows after an upload (at most MAX_ERRORS_SHOWN rows of errors).
import type { ImportError } from "@/domain/excel-rows";

export type CommendationImportState = { ok: true; message: string; created: number } | { ok: false; message: string; errors: ImportError[]; errorCount: number };
