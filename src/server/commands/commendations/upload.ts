import { parseCommendationSheet, type ImportError } from "@/domain/excel-rows";
import { roleMay, type Actor } from "@/domain/permissions";
import { vietnamToday } from "@/domain/registration-window";
import { appNow } from "@/server/clock";
import { readUploadedWorkbook, type UploadedFile } from "@/server/excel/import";
import { rowErrorsMessage } from "@/server/errors";
import { executeCommand, NOT_FOUND, NOT_SIGNED_IN } from "../command";
import { priorOutcome } from "../submission-key";
import { importCommendations } from "./import";

export type CommendationImportOutcome = { ok: true; message: string; created: number } | { ok: false; message: string; errors: ImportError[] };

/**
 * The whole import of an uploaded register file by the secretariat: read the file (size, zip, exceljs:
 * src/server/excel/import.ts), validate every row (parseCommendationSheet), then importCommendations
 * (one transaction). Nothing is written unless no error is found.
 */
export async function importCommendationFile(actor: Actor | null, file: UploadedFile | null | undefined, submissionKey?: unknown): Promise<CommendationImportOutcome> {
  if (!actor) return { ok: false, message: NOT_SIGNED_IN, errors: [] };
  if (!roleMay(actor, "commendation.enter")) return { ok: false, message: NOT_FOUND, errors: [] };
  // A retry of an import that was saved (its answer lost) gets the first outcome (submission-key.ts).
  const keyed = { file };
  const prior = await priorOutcome(actor.userId, importCommendations.name, submissionKey, keyed);
  if (prior) return prior.ok ? { ok: true, message: prior.message ?? "Đã nhập tệp.", created: (prior.data as { created: number }).created } : { ok: false, message: prior.message, errors: [] };
  const read = await readUploadedWorkbook(file);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };
  const parsed = parseCommendationSheet(read.sheets, vietnamToday(appNow()));
  if (parsed.errors.length > 0) return { ok: false, message: rowErrorsMessage(parsed.errors.length), errors: parsed.errors };
  const result = await executeCommand(importCommendations, actor, { fileName: read.fileName, rows: parsed.rows }, { submissionKey, keyedInput: keyed });
  if (result.ok) return { ok: true, message: result.message ?? "Đã nhập tệp.", created: result.data!.created };
  return { ok: false, message: result.message, errors: result.rowErrors ?? [] };
}
