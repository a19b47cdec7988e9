// GET /reports/[id]/docx — the report as a Word document, for whoever may read it in full (else 404).
import { DOCX_TYPE, downloadResponse } from "@/lib/download";
import { REPORT_KIND_LABELS } from "@/domain/scoring";
import { buildReportDocx } from "@/server/documents/report-docx";
import { getReport } from "@/server/queries/reports";
import { notFoundResponse, signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { id }: { id: string }) => {
  const data = await getReport(actor, id);
  if (data.content !== "live") return notFoundResponse();
  const doc = await buildReportDocx(data);
  const fileName = `${REPORT_KIND_LABELS[data.report.kind]} ${data.report.year.year} - ${data.report.unitName}.docx`;
  return downloadResponse(doc, fileName, DOCX_TYPE);
});
