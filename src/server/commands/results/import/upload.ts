import { can, type Actor } from "@/domain/permissions";
import { isUuid } from "@/domain/validation";
import { readUploadedWorkbook, type UploadedFile } from "@/server/excel/import";
import { prisma } from "@/server/db";
import { parseWorkbook, type ImportError } from "@/domain/excel-rows";
import { rowErrorsMessage } from "@/server/errors";
import { executeCommand, NOT_FOUND, NOT_SIGNED_IN } from "../../command";
import { priorOutcome } from "../../submission-key";
import type { ImportSummary } from "./apply";
import { importWorkbook } from "./command";
import { loadImportContext } from "./context";

export type ImportOutcome =
  | { ok: true; message: string; summary: ImportSummary }
  | { ok: false; message: string; errors: ImportError[] };

/** Shown when the errors are many: the table lists the first ones. */
export const MAX_ERRORS_SHOWN = 300;

/**
 * The whole import of an uploaded file for a unit officer: read the file (size first, then type),
 * validate every row, then run importWorkbook (one transaction: the checks that need the database,
 * then the writes). Errors come back by sheet, row and column; nothing is written unless none is found.
 */
export async function importUploadedFile(actor: Actor | null, file: UploadedFile | null | undefined, yearId: unknown, submissionKey?: unknown): Promise<ImportOutcome> {
  if (!actor) return { ok: false, message: NOT_SIGNED_IN, errors: [] };
  if (!can(actor, "officer.manage", { unitId: actor.unitId, clusterId: actor.clusterId }) || !actor.unitId) return { ok: false, message: NOT_FOUND, errors: [] };
  const year = typeof yearId === "string" && isUuid(yearId) ? yearId : null;
  if (!year) return { ok: false, message: "Vui lòng chọn năm thi đua.", errors: [] };
  // A retry of an import that was saved (its answer lost) gets the first outcome (submission-key.ts).
  const keyed = { file, yearId: year };
  const prior = await priorOutcome(actor.userId, importWorkbook.name, submissionKey, keyed);
  if (prior) return prior.ok ? { ok: true, message: prior.message ?? "Đã nhập tệp.", summary: prior.data as ImportSummary } : { ok: false, message: prior.message, errors: [] };
  const read = await readUploadedWorkbook(file);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };
  const loaded = await loadImportContext(prisma, actor.unitId, year, new Date());
  if (!loaded) return { ok: false, message: NOT_FOUND, errors: [] };
  const parsed = parseWorkbook(read.sheets, loaded.context);
  if (parsed.errors.length > 0) {
    return { ok: false, message: rowErrorsMessage(parsed.errors.length), errors: parsed.errors };
  }
  const result = await executeCommand(importWorkbook, actor, {
    yearId: year,
    fileName: read.fileName,
    officers: parsed.officers,
    registrations: parsed.registrations,
    results: parsed.results,
  }, { submissionKey, keyedInput: keyed });
  if (result.ok) return { ok: true, message: result.message ?? "Đã nhập tệp.", summary: result.data! };
  return { ok: false, message: result.message, errors: result.rowErrors ?? [] };
}
