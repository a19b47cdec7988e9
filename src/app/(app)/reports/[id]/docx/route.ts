// GET /reports/[id]/docx — the report as a Word document, for whoever may read it in full (else 404).
import { DOCX_TYPE, downloadResponse } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildReportDocx } from "@/server/documents/report-docx";
import { getReport } from "@/server/queries/reports";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = routeOr404(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  const data = await getReport(actor, id);
  if (data.content !== "live") return notFoundResponse();
  const doc = await buildReportDocx(data);
  const fileName = `${data.report.kind === "YEAR_END" ? "Báo cáo tổng kết" : "Báo cáo sơ kết 6 tháng"} ${data.report.year.year} - ${data.report.unitName}.docx`;
  return downloadResponse(doc, fileName, DOCX_TYPE);
});
