"use server";
// The Excel import: reads the File from the form and hands it to importUploadedFile (size and type
// checked before parsing, every row validated, then one all-or-nothing transaction). The acting user
// comes from the session; the year from the form is checked against the user's cluster.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/server/auth/current";
import { importUploadedFile, MAX_ERRORS_SHOWN } from "@/server/commands/results";
import type { ImportState } from "./state";

export async function importWorkbookAction(_prev: ImportState | null, formData: FormData): Promise<ImportState> {
  const file = formData.get("file");
  const outcome = await importUploadedFile(await currentActor(), file instanceof File && file.size > 0 ? file : null, formData.get("yearId"));
  if (outcome.ok) {
    for (const path of ["/officers", "/registration", "/results"]) revalidatePath(path);
    const { warnings, ...summary } = outcome.summary;
    return { ok: true, message: outcome.message, summary, warnings: warnings.slice(0, MAX_ERRORS_SHOWN), warningCount: warnings.length };
  }
  return { ok: false, message: outcome.message, errors: outcome.errors.slice(0, MAX_ERRORS_SHOWN), errorCount: outcome.errors.length };
}
