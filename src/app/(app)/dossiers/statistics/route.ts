// GET /dossiers/statistics?year=2021 → the year's statistics of titles and commendations (xlsx, the
// statutory tables), over the clusters the actor sees whole ("dossier.view").
import { XLSX_TYPE, downloadResponse } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildAwardStatistics } from "@/server/excel/awards-export";
import { awardStatistics } from "@/server/queries/dossiers/documents";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = routeOr404(async (request: Request) => {
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  const year = Number(new URL(request.url).searchParams.get("year"));
  const stats = await awardStatistics(actor, year);
  return downloadResponse(await buildAwardStatistics(stats), `Thống kê khen thưởng ${year}.xlsx`, XLSX_TYPE);
});
