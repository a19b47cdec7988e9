// GET /registration/export?year=…&unit=…: registrations and results of one unit (registration.view on
// that unit) or, without `unit`, of the whole cluster (registration.board: secretariat, admin), as
// .xlsx in the layout a secretariat sends upward. Anything the actor may not see answers 404.
import { NextResponse, type NextRequest } from "next/server";
import { downloadResponse, XLSX_TYPE } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildResultsExport, resolveExportRequest } from "@/server/excel/export";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const actor = await currentActor();
  const url = new URL(request.url);
  if (!actor) return NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, request.url));
  const req = await resolveExportRequest(actor, { year: url.searchParams.get("year"), unit: url.searchParams.get("unit") });
  if (!req) return new NextResponse("Không tìm thấy dữ liệu hoặc bạn không có quyền truy cập.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { buffer, fileName } = await buildResultsExport(req);
  return downloadResponse(buffer, fileName, XLSX_TYPE);
}
