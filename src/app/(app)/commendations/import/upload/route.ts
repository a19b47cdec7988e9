// POST /commendations/import/upload — the register's Excel import (multipart: file), answered as JSON
// for the import form; read as the unit's import is (readImportUpload), then importCommendationFile,
// all or nothing.
import { revalidatePath } from "next/cache";
import { MAX_ERRORS_SHOWN } from "@/server/commands/results";
import { importCommendationFile } from "@/server/commands/commendations";
import { SUBMISSION_KEY_FIELD } from "@/domain/submission";
import { importJson, readImportUpload } from "@/server/http/import-upload";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const read = await readImportUpload(request);
  if (!read.ok) return read.response;
  const outcome = await importCommendationFile(read.actor, read.file, read.form.get(SUBMISSION_KEY_FIELD));
  if (outcome.ok) {
    revalidatePath("/commendations");
    return importJson({ ok: true, message: outcome.message, created: outcome.created }, 200);
  }
  return importJson({ ok: false, message: outcome.message, errors: outcome.errors.slice(0, MAX_ERRORS_SHOWN), errorCount: outcome.errors.length }, 422);
}
