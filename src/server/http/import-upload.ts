// What the Excel import routes share (the unit's /registration/import/upload, the register's
// /commendations/import/upload): same origin, a signed-in user, the multipart body read with its bytes
// counted as they arrive (413 over the limit, never read whole), answers as JSON that is never cached.
import type { Actor } from "@/domain/permissions";
import { currentActor } from "@/server/auth/current";
import { NOT_SIGNED_IN } from "@/server/commands/command";
import { MAX_IMPORT_BYTES, UPLOAD_TOO_LARGE } from "@/server/excel/import";
import { FORM_OVERHEAD_BYTES, readFormWithin } from "./limited-body";
import { sameOrigin } from "./same-origin";

export const importJson = (state: unknown, status: number) => Response.json(state, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
const refusal = (message: string, status: number) => importJson({ ok: false, message, errors: [], errorCount: 0 }, status);

/** The acting user and the form with its file, or the refusal to answer. */
export async function readImportUpload(request: Request): Promise<{ ok: true; actor: Actor; file: File | null; form: FormData } | { ok: false; response: Response }> {
  if (!sameOrigin(request)) return { ok: false, response: refusal("Yêu cầu không hợp lệ.", 403) };
  const actor = await currentActor();
  if (!actor) return { ok: false, response: refusal(NOT_SIGNED_IN, 401) };
  const read = await readFormWithin(request, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES);
  if (!read.ok) {
    return { ok: false, response: read.status === 413 ? refusal(UPLOAD_TOO_LARGE, 413) : refusal("Không đọc được tệp tải lên; chưa có dữ liệu nào được lưu. Vui lòng thử lại.", 400) };
  }
  const file = read.form.get("file");
  return { ok: true, actor, file: file instanceof File && file.size > 0 ? file : null, form: read.form };
}
