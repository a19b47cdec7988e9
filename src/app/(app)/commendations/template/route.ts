// GET /commendations/template: the register's import template (.xlsx) for the secretariat (its
// cluster's unit codes in the drop-down). Permission: commendation.enter.
import { NextResponse, type NextRequest } from "next/server";
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildCommendationTemplate } from "@/server/excel/commendation-template";
import { commendationTemplateData } from "@/server/queries/commendations";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const actor = await currentActor();
  if (!actor) return NextResponse.redirect(new URL("/login?next=/commendations/import", request.url));
  const data = await commendationTemplateData(actor);
  if (!data) return new NextResponse("Không tìm thấy dữ liệu hoặc bạn không có quyền truy cập.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return downloadResponse(await buildCommendationTemplate(data), "mau-so-khen-thuong.xlsx", XLSX_TYPE);
}
