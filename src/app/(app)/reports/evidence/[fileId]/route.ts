// GET /reports/evidence/[fileId] — an evidence file, for those who may see the report in full (its own
// unit; the secretariat/admin once submitted) or who are assigned to cross-score it; otherwise 404.
// Always a download (Content-Disposition: attachment), with the type decided from the bytes at upload
// (PDF/PNG/JPEG), nosniff and a sandboxing CSP: never rendered inline as HTML.
import { EVIDENCE_TYPES } from "@/domain/scoring/evidence";
import { attachmentDisposition, STORED_FILE_HEADERS } from "@/lib/download";
import { evidenceForDownload } from "@/server/queries/reports";
import { signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { fileId }: { fileId: string }) => {
  const file = await evidenceForDownload(actor, fileId);
  const body = new Uint8Array(file.data);
  return new Response(body, {
    headers: {
      ...STORED_FILE_HEADERS,
      "Content-Type": file.contentType in EVIDENCE_TYPES ? file.contentType : "application/octet-stream",
      "Content-Length": String(body.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
    },
  });
});
