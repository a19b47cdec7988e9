// GET /movements/[id]/docx — a closed movement's summary as a Word document, for those who see the
// movement (docs/domain.md §10); a movement still open, not theirs or missing answers 404.
import { DOCX_TYPE, downloadResponse } from "@/lib/download";
import { buildMovementSummaryDocx } from "@/server/documents/movement-docx";
import { movementDetail } from "@/server/queries/movements";
import { notFoundResponse, signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { id }: { id: string }) => {
  const detail = await movementDetail(actor, id);
  if (detail.movement.status !== "CLOSED") return notFoundResponse();
  return downloadResponse(await buildMovementSummaryDocx(detail), `Tổng hợp ${detail.movement.name}.docx`, DOCX_TYPE);
});
