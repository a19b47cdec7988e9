// POST /movements/[id]/evidence — uploads one evidence file (multipart: file) for the acting unit's
// figures. Runs the uploadMovementEvidence command (unit officer or head of a participating unit, open
// movement within its period; PDF/PNG/JPEG decided from the bytes, at most 5 MB). Answers the command's
// result as JSON. A route handler rather than a server action so the size limit is ours: the body is
// counted as it streams and refused with 413 at the limit (src/server/http/limited-body.ts).
import { EVIDENCE_MAX_BYTES } from "@/domain/scoring/evidence";
import { currentActor } from "@/server/auth/current";
import { executeCommand, NOT_SIGNED_IN, type ActionResult } from "@/server/commands/command";
import { uploadMovementEvidence } from "@/server/commands/movements";
import { FORM_OVERHEAD_BYTES, readFormWithin } from "@/server/http/limited-body";
import { sameOrigin } from "@/server/http/same-origin";

export const dynamic = "force-dynamic";

const json = (result: ActionResult<unknown>, status = result.ok ? 200 : 422) =>
  Response.json(result, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!sameOrigin(request)) return json({ ok: false, message: "Yêu cầu không hợp lệ." }, 403);
  const actor = await currentActor();
  if (!actor) return json({ ok: false, message: NOT_SIGNED_IN }, 401);
  const read = await readFormWithin(request, EVIDENCE_MAX_BYTES + FORM_OVERHEAD_BYTES);
  if (!read.ok && read.status === 413) {
    const message = `Tệp vượt quá giới hạn ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`;
    return json({ ok: false, message, fieldErrors: { file: [message] } }, 413);
  }
  if (!read.ok) return json({ ok: false, message: "Không đọc được tệp tải lên. Vui lòng thử lại." }, 400);
  return json(await executeCommand(uploadMovementEvidence, actor, { movementId: id, file: read.form.get("file") }));
}
