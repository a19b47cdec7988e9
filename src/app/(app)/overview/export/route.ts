// GET /overview/export?cluster=&year= — the cluster dashboard of one year as an Excel workbook
// (workbook.ts). Same permission and same figures as the page (cachedClusterDashboard); anyone else gets 404.
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { cachedClusterDashboard, parseDashboardParams, type DashboardWithYear } from "@/server/queries/dashboard";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";
import { buildDashboardWorkbook } from "./workbook";

export const dynamic = "force-dynamic";

export const GET = routeOr404(async (request: Request) => {
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  const params = parseDashboardParams(Object.fromEntries(new URL(request.url).searchParams));
  const d = await cachedClusterDashboard(actor, params); // NotFoundError when out of scope
  if (!d.cluster || !d.year || !("units" in d)) return notFoundResponse();
  const body = await buildDashboardWorkbook(d as DashboardWithYear, actor.displayName);
  const name = `Tổng quan ${d.cluster.name} năm ${d.year.year}.xlsx`;
  return downloadResponse(body, name, XLSX_TYPE);
});
