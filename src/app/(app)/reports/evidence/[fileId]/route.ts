// GET /reports/evidence/[fileId] — an evidence file, for those who may see the report in full (its own
// unit; the secretariat/admin once submitted) or who are assigned to cross-score it; otherwise 404.
// Always a download (Content-Disposition: attachment), with the type decided from the bytes at upload
// (PDF/PNG/JPEG), nosniff and a sandboxing CSP: never rendered inline as HTML.
import { evidenceDownload } from "@/server/http/evidence-files";
import { evidenceForDownload } from "@/server/queries/reports";
import { signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { fileId }: { fileId: string }) => evidenceDownload(await evidenceForDownload(actor, fileId)));
