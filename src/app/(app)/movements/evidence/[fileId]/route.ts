// GET /movements/evidence/[fileId] — a unit's evidence for a movement's figures, for those who see that
// unit's figures on the movement's page; otherwise 404. Always a download (Content-Disposition:
// attachment), the type decided from the bytes at upload, nosniff and a sandboxing CSP.
import { evidenceDownload } from "@/server/http/evidence-files";
import { movementEvidenceForDownload } from "@/server/queries/movements";
import { signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { fileId }: { fileId: string }) => evidenceDownload(await movementEvidenceForDownload(actor, fileId)));
