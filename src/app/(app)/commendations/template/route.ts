// GET /commendations/template: the register's import template (.xlsx) for the secretariat (its
// cluster's unit codes in the drop-down). Permission: commendation.enter.
import { NextResponse, type NextRequest } from "next/server";
import { roleMay } from "@/domain/permissions";
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { prisma } from "@/server/db";
import { buildCommendationTemplate } from "@/server/excel/commendation-template";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const actor = await currentActor();
  if (!actor) return NextResponse.redirect(new URL("/login?next=/commendations/import", request.url));
  const cluster = actor.clusterId && roleMay(actor, "commendation.enter") ? await prisma.cluster.findUnique({ where: { id: actor.clusterId }, select: { name: true } }) : null;
  if (!cluster) return new NextResponse("Không tìm thấy dữ liệu hoặc bạn không có quyền truy cập.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const units = await prisma.unit.findMany({ where: { clusterId: actor.clusterId!, parentId: null, active: true }, orderBy: { sortKey: "asc" }, select: { code: true, name: true } });
  return downloadResponse(await buildCommendationTemplate({ clusterName: cluster.name, units }), "mau-so-khen-thuong.xlsx", XLSX_TYPE);
}
