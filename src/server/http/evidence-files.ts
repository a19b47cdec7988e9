// What the evidence routes share (a report's criterion evidence, a unit's evidence for a movement's
// figures): the upload — same origin, signed in, the body counted as it streams against the evidence
// limit (413, in Vietnamese, nothing saved; src/server/http/limited-body.ts), the command's answer as
// JSON — and the download of a stored file: always an attachment, its type as decided from the bytes at
// upload, nosniff and the sandboxing CSP.
import type { Actor } from "@/domain/permissions";
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from "@/domain/scoring/evidence";
import { attachmentDisposition, STORED_FILE_HEADERS } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { NOT_SIGNED_IN, type ActionResult } from "@/server/commands/command";
import { SUBMISSION_KEY_FIELD } from "@/server/commands/submission-key";
import { FORM_OVERHEAD_BYTES, readFormWithin } from "./limited-body";
import { sameOrigin } from "./same-origin";

const json = (result: ActionResult<unknown>, status = result.ok ? 200 : 422) =>
  Response.json(result, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/**
 * Reads an evidence upload within the limit and answers what `run` (one command) gives, as JSON; `run`
 * gets the form's submission key for executeCommand (a retry after a lost answer stores the file once).
 */
export async function evidenceUpload(request: Request, run: (actor: Actor, form: FormData, submission: { submissionKey: unknown }) => Promise<ActionResult<unknown>>): Promise<Response> {
  if (!sameOrigin(request)) return json({ ok: false, message: "Yêu cầu không hợp lệ." }, 403);
  const actor = await currentActor();
  if (!actor) return json({ ok: false, message: NOT_SIGNED_IN }, 401);
  const read = await readFormWithin(request, EVIDENCE_MAX_BYTES + FORM_OVERHEAD_BYTES);
  if (!read.ok && read.status === 413) {
    const message = `Tệp vượt quá giới hạn ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`;
    return json({ ok: false, message, fieldErrors: { file: [message] } }, 413);
  }
  if (!read.ok) return json({ ok: false, message: "Không đọc được tệp tải lên. Vui lòng thử lại." }, 400);
  return json(await run(actor, read.form, { submissionKey: read.form.get(SUBMISSION_KEY_FIELD) }));
}

/** A stored evidence file as its download. */
export function evidenceDownload(file: { data: Uint8Array; contentType: string; fileName: string }): Response {
  const body = new Uint8Array(file.data);
  return new Response(body, {
    headers: {
      ...STORED_FILE_HEADERS,
      "Content-Type": file.contentType in EVIDENCE_TYPES ? file.contentType : "application/octet-stream",
      "Content-Length": String(body.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
    },
  });
}
