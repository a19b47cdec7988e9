// GET /registration/template: the import template (.xlsx) for the signed-in user (their unit's
// sub-units in its drop-down lists). Permission: registration.view (anyone who may see registrations).
import { NextResponse, type NextRequest } from "next/server";
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildTemplateWorkbook, templateOptionsFor } from "@/server/excel/template";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const actor = await currentActor();
  if (!actor) return NextResponse.redirect(new URL("/login?next=/registration/import", request.url));
  const options = await templateOptionsFor(actor);
  if (!options) return new NextResponse("Không tìm thấy dữ liệu hoặc bạn không có quyền truy cập.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const buffer = await buildTemplateWorkbook(options);
  return downloadResponse(buffer, "mau-nhap-thi-dua.xlsx", XLSX_TYPE);
}
