// POST /reports/[id]/evidence — uploads one evidence file (multipart: criterionId, file) for the report.
// Runs the uploadEvidence command (unit officer of the report's own unit, editable report, open year;
// PDF/PNG/JPEG decided from the bytes, at most 5 MB). Answers the command's result as JSON.
// A route handler rather than a server action so the file size limit is ours: the body is counted as it
// streams and refused with 413 at the limit, with or without Content-Length (src/server/http/evidence-files.ts).
import { executeCommand } from "@/server/commands/command";
import { uploadEvidence } from "@/server/commands/reports";
import { evidenceUpload } from "@/server/http/evidence-files";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return evidenceUpload(request, (actor, form, submission) => executeCommand(uploadEvidence, actor, { reportId: id, criterionId: form.get("criterionId"), file: form.get("file") }, submission));
}
