// POST /commendations/import/upload — the register's Excel import (multipart: file), answered as JSON
// for the import form. As the unit's import (/registration/import/upload): the body's bytes counted as
// they arrive (413 over the limit), then importCommendationFile, all or nothing.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/server/auth/current";
import { NOT_SIGNED_IN } from "@/server/commands/command";
import { MAX_ERRORS_SHOWN } from "@/server/commands/results";
import { importCommendationFile } from "@/server/commands/commendations";
import { MAX_IMPORT_BYTES, UPLOAD_TOO_LARGE } from "@/server/excel/import";
import { FORM_OVERHEAD_BYTES, readFormWithin } from "@/server/http/limited-body";
import { sameOrigin } from "@/server/http/same-origin";
import type { CommendationImportState } from "../state";

export const dynamic = "force-dynamic";

const json = (state: CommendationImportState, status: number) => Response.json(state, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
const refusal = (message: string, status: number) => json({ ok: false, message, errors: [], errorCount: 0 }, status);

export async function POST(request: Request) {
  if (!sameOrigin(request)) return refusal("Yêu cầu không hợp lệ.", 403);
  const actor = await currentActor();
  if (!actor) return refusal(NOT_SIGNED_IN, 401);
  const read = await readFormWithin(request, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES);
  if (!read.ok) return read.status === 413 ? refusal(UPLOAD_TOO_LARGE, 413) : refusal("Không đọc được tệp tải lên; chưa có dữ liệu nào được lưu. Vui lòng thử lại.", 400);
  const file = read.form.get("file");
  const outcome = await importCommendationFile(actor, file instanceof File && file.size > 0 ? file : null);
  if (outcome.ok) {
    revalidatePath("/commendations");
    return json({ ok: true, message: outcome.message, created: outcome.created }, 200);
  }
  return json({ ok: false, message: outcome.message, errors: outcome.errors.slice(0, MAX_ERRORS_SHOWN), errorCount: outcome.errors.length }, 422);
}
