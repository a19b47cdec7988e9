// The scanned agreement of a unit's registration, for those who may view that unit's registration
// ("registration.view"). Always a download (Content-Disposition: attachment) with the type the server
// found in the file's bytes (PDF, JPEG or PNG), never rendered as HTML; anything else is a 404.
import { attachmentDisposition, STORED_FILE_HEADERS } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { agreementFileFor } from "@/server/queries/registration";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";

const SAFE_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);


export const GET = routeOr404(async (_request: Request, { params }: { params: Promise<{ unitRegistrationId: string }> }) => {
  const { unitRegistrationId } = await params;
  const file = await agreementFileFor(await currentActor(), unitRegistrationId);
  if (!file) return notFoundResponse();
  const body = new Uint8Array(file.bytes);
  return new Response(body, {
    headers: {
      ...STORED_FILE_HEADERS,
      "Content-Type": SAFE_TYPES.has(file.contentType) ? file.contentType : "application/octet-stream",
      "Content-Length": String(body.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
    },
  });
});
