// POST /registration/agreement — records a unit's signed emulation agreement (multipart: emulationYearId,
// signedOn, signer, an optional scanned file; unitId when the secretariat records it for a unit). Runs
// recordAgreement (the unit officer, their own unit) or recordAgreementForUnit (the secretariat) and
// answers the command's result as JSON. A route handler rather than a server action so that the upload
// limit is the agreement's own, in Vietnamese: the body is counted as it streams and refused with 413
// as soon as it passes 5 MB and the form around the file, with or without Content-Length, before
// anything is written (src/server/http/limited-body.ts). Next's server actions stop at their own limit
// with a generic error instead.
import { revalidatePath } from "next/cache";
import { AGREEMENT_MAX_BYTES, AGREEMENT_UPLOAD_TOO_LARGE } from "@/domain/registration-window";
import { currentActor } from "@/server/auth/current";
import { executeCommand, formToObject, NOT_SIGNED_IN, type ActionResult } from "@/server/commands/command";
import { recordAgreement, recordAgreementForUnit } from "@/server/commands/registration";
import { SUBMISSION_KEY_FIELD } from "@/server/commands/submission-key";
import { FORM_OVERHEAD_BYTES, readFormWithin } from "@/server/http/limited-body";
import { sameOrigin } from "@/server/http/same-origin";

export const dynamic = "force-dynamic";

const json = (result: ActionResult<unknown>, status = result.ok ? 200 : 422) =>
  Response.json(result, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

export async function POST(request: Request) {
  if (!sameOrigin(request)) return json({ ok: false, message: "Yêu cầu không hợp lệ." }, 403);
  const actor = await currentActor();
  if (!actor) return json({ ok: false, message: NOT_SIGNED_IN }, 401);
  const read = await readFormWithin(request, AGREEMENT_MAX_BYTES + FORM_OVERHEAD_BYTES);
  if (!read.ok && read.status === 413) return json({ ok: false, message: AGREEMENT_UPLOAD_TOO_LARGE, fieldErrors: { file: [AGREEMENT_UPLOAD_TOO_LARGE] } }, 413);
  if (!read.ok) return json({ ok: false, message: "Không đọc được tệp tải lên; giao ước chưa được lưu. Vui lòng thử lại." }, 400);
  // formToObject leaves the submission key out of the input; the pipeline takes it as the dedupe key.
  const form = formToObject(read.form);
  // The secretariat's form names the unit; the unit officer's is always their own unit.
  const result = await executeCommand("unitId" in form ? recordAgreementForUnit : recordAgreement, actor, form, { submissionKey: read.form.get(SUBMISSION_KEY_FIELD) });
  if (result.ok) revalidatePath("/registration", "layout");
  return json(result);
}
