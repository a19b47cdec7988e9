// The PDF of a recorded decision (issue 14), for those who see the whole dossier ("dossier.view"):
// always a download, typed application/pdf (the command accepted nothing else); anything else is a 404.
import { attachmentDisposition, STORED_FILE_HEADERS } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { decisionFile } from "@/server/queries/dossiers";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";
import { isUuid } from "@/domain/validation";

export const GET = routeOr404(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor || !isUuid(id)) return notFoundResponse();
  const file = await decisionFile(actor, id);
  const body = new Uint8Array(file.file);
  return new Response(body, {
    headers: { ...STORED_FILE_HEADERS, "Content-Type": "application/pdf", "Content-Length": String(body.byteLength), "Content-Disposition": attachmentDisposition(file.fileName) },
  });
});
