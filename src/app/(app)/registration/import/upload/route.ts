// POST /registration/import/upload — the Excel import (multipart: yearId, file), answered as the import
// form's state in JSON. A route handler rather than a server action so that the upload limit is the
// import's own and counted as the body streams: a body over 5 MB (plus the form around the file) is
// refused with 413 as soon as that many bytes have arrived, with or without Content-Length, never read
// whole (src/server/http/limited-body.ts). Then importUploadedFile: the file's type and zip checks,
// every row validated, one all-or-nothing transaction (the importWorkbook command).
import { revalidatePath } from "next/cache";
import { currentActor } from "@/server/auth/current";
import { NOT_SIGNED_IN } from "@/server/commands/command";
import { importUploadedFile, MAX_ERRORS_SHOWN } from "@/server/commands/results";
import { MAX_IMPORT_BYTES, UPLOAD_TOO_LARGE } from "@/server/excel/import";
import { FORM_OVERHEAD_BYTES, readFormWithin } from "@/server/http/limited-body";
import { sameOrigin } from "@/server/http/same-origin";
import type { ImportState } from "../state";

export const dynamic = "force-dynamic";

const json = (state: ImportState, status: number) => Response.json(state, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
const refusal = (message: string, status: number) => json({ ok: false, message, errors: [], errorCount: 0 }, status);

export async function POST(request: Request) {
  if (!sameOrigin(request)) return refusal("Yêu cầu không hợp lệ.", 403);
  const actor = await currentActor();
  if (!actor) return refusal(NOT_SIGNED_IN, 401);
  const read = await readFormWithin(request, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES);
  if (!read.ok) return read.status === 413 ? refusal(UPLOAD_TOO_LARGE, 413) : refusal("Không đọc được tệp tải lên; chưa có dữ liệu nào được lưu. Vui lòng thử lại.", 400);
  const file = read.form.get("file");
  const outcome = await importUploadedFile(actor, file instanceof File && file.size > 0 ? file : null, read.form.get("yearId"));
  if (outcome.ok) {
    for (const path of ["/officers", "/registration", "/results"]) revalidatePath(path);
    const { warnings, ...summary } = outcome.summary;
    return json({ ok: true, message: outcome.message, summary, warnings: warnings.slice(0, MAX_ERRORS_SHOWN), warningCount: warnings.length }, 200);
  }
  return json({ ok: false, message: outcome.message, errors: outcome.errors.slice(0, MAX_ERRORS_SHOWN), errorCount: outcome.errors.length }, 422);
}
