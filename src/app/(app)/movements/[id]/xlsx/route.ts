// GET /movements/[id]/xlsx — a closed movement's summary as a workbook, for those who see the movement
// (docs/domain.md §10); a movement still open, not theirs or missing answers 404.
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { buildMovementSummaryWorkbook } from "@/server/excel/movement-summary";
import { movementDetail } from "@/server/queries/movements";
import { notFoundResponse, signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { id }: { id: string }) => {
  const detail = await movementDetail(actor, id);
  if (detail.movement.status !== "CLOSED") return notFoundResponse();
  return downloadResponse(await buildMovementSummaryWorkbook(detail), `Tổng hợp ${detail.movement.name}.xlsx`, XLSX_TYPE);
});
