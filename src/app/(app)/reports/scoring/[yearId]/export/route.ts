// GET /reports/scoring/[yearId]/export — every score of the year (criteria × units) as an Excel
// workbook, for the secretariat of the year's cluster; anything else answers 404.
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { buildScoresWorkbook } from "@/server/excel/scores-export";
import { scoresMatrix } from "@/server/queries/scoring";
import { signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { yearId }: { yearId: string }) => {
  const matrix = await scoresMatrix(actor, yearId);
  const body = await buildScoresWorkbook(matrix);
  const name = `Bảng điểm thi đua ${matrix.year.year}.xlsx`;
  return downloadResponse(body, name, XLSX_TYPE);
});
