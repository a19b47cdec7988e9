// POST /registration/import/upload — the Excel import (multipart: yearId, file), answered as the import
// form's state in JSON. A route handler rather than a server action so that the upload limit is the
// import's own and counted as the body streams: a body over 5 MB (plus the form around the file) is
// refused with 413 as soon as that many bytes have arrived, with or without Content-Length, never read
// whole (src/server/http/limited-body.ts). Then importUploadedFile: the file's type and zip checks,
// every row validated, one all-or-nothing transaction (the importWorkbook command).
import { revalidatePath } from "next/cache";
import { importUploadedFile, MAX_ERRORS_SHOWN } from "@/server/commands/results";
import { SUBMISSION_KEY_FIELD } from "@/domain/submission";
import { importJson, readImportUpload } from "@/server/http/import-upload";
import type { ImportState } from "../state";

export const dynamic = "force-dynamic";

const json = (state: ImportState, status: number) => importJson(state, status);

export async function POST(request: Request) {
  const read = await readImportUpload(request);
  if (!read.ok) return read.response;
  const outcome = await importUploadedFile(read.actor, read.file, read.form.get("yearId"), read.form.get(SUBMISSION_KEY_FIELD));
  if (outcome.ok) {
    for (const path of ["/officers", "/registration", "/results"]) revalidatePath(path);
    const { warnings, ...summary } = outcome.summary;
    return json({ ok: true, message: outcome.message, summary, warnings: warnings.slice(0, MAX_ERRORS_SHOWN), warningCount: warnings.length }, 200);
  }
  return json({ ok: false, message: outcome.message, errors: outcome.errors.slice(0, MAX_ERRORS_SHOWN), errorCount: outcome.errors.length }, 422);
}
