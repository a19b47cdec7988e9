// POST /movements/[id]/evidence — uploads one evidence file (multipart: file) for the acting unit's
// figures. Runs the uploadMovementEvidence command (unit officer or head of a participating unit, open
// movement within its period; PDF/PNG/JPEG decided from the bytes, at most 5 MB). Answers the command's
// result as JSON. A route handler rather than a server action so the size limit is ours: the body is
// counted as it streams and refused with 413 at the limit (src/server/http/evidence-files.ts).
import { executeCommand } from "@/server/commands/command";
import { uploadMovementEvidence } from "@/server/commands/movements";
import { evidenceUpload } from "@/server/http/evidence-files";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return evidenceUpload(request, (actor, form, submission) => executeCommand(uploadMovementEvidence, actor, { movementId: id, file: form.get("file") }, submission));
}
