// GET /reports/scoring/[yearId]/export — every score of the year (criteria × units) as an Excel
// workbook, for the secretariat of the year's cluster; anything else answers 404.
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildScoresWorkbook } from "@/server/excel/scores-export";
import { scoresMatrix } from "@/server/queries/scoring";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = routeOr404(async (_request: Request, { params }: { params: Promise<{ yearId: string }> }) => {
  const { yearId } = await params;
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  const matrix = await scoresMatrix(actor, yearId);
  const body = await buildScoresWorkbook(matrix);
  const name = `Bảng điểm thi đua ${matrix.year.year}.xlsx`;
  return downloadResponse(body, name, XLSX_TYPE);
});
