// POST /reports/[id]/evidence — uploads one evidence file (multipart: criterionId, file) for the report.
// Runs the uploadEvidence command (unit officer of the report's own unit, editable report, open year;
// PDF/PNG/JPEG decided from the bytes, at most 5 MB). Answers the command's result as JSON.
// A route handler rather than a server action so the file size limit is ours (server actions stop at 1 MB).
import { EVIDENCE_MAX_BYTES } from "@/domain/scoring/evidence";
import { currentActor } from "@/server/auth/current";
import { executeCommand, NOT_SIGNED_IN, type ActionResult } from "@/server/commands/command";
import { uploadEvidence } from "@/server/commands/reports";

export const dynamic = "force-dynamic";

const json = (result: ActionResult<unknown>, status = result.ok ? 200 : 422) =>
  Response.json(result, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/** Same-origin only: a form on another site must not post files into a report with the user's cookie. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // same-origin fetches from older browsers; cookies are SameSite=Lax anyway
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!sameOrigin(request)) return json({ ok: false, message: "Yêu cầu không hợp lệ." }, 403);
  const actor = await currentActor();
  if (!actor) return json({ ok: false, message: NOT_SIGNED_IN }, 401);
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > EVIDENCE_MAX_BYTES + 64 * 1024) {
    const message = `Tệp vượt quá giới hạn ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`;
    return json({ ok: false, message, fieldErrors: { file: [message] } }, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ ok: false, message: "Không đọc được tệp tải lên. Vui lòng thử lại." }, 400);
  }
  const result = await executeCommand(uploadEvidence, actor, { reportId: id, criterionId: form.get("criterionId"), file: form.get("file") });
  return json(result);
}
