// GET /movements/evidence/[fileId] — a unit's evidence for a movement's figures, for those who see that
// unit's figures on the movement's page; otherwise 404. Always a download (Content-Disposition:
// attachment), the type decided from the bytes at upload, nosniff and a sandboxing CSP.
import { EVIDENCE_TYPES } from "@/domain/scoring/evidence";
import { attachmentDisposition, STORED_FILE_HEADERS } from "@/lib/download";
import { movementEvidenceForDownload } from "@/server/queries/movements";
import { signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { fileId }: { fileId: string }) => {
  const file = await movementEvidenceForDownload(actor, fileId);
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
