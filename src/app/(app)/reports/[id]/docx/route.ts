// GET /reports/[id]/docx — the report as a Word document, for whoever may read it in full (else 404).
import { currentActor } from "@/server/auth/current";
import { buildReportDocx } from "@/server/documents/report-docx";
import { getReport } from "@/server/queries/reports";
import { notFoundResponse, orNotFound } from "../../http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  const data = await orNotFound(() => getReport(actor, id));
  if (data instanceof Response) return data;
  if (data.content !== "live") return notFoundResponse();
  const doc = await buildReportDocx(data);
  const base = `${data.report.kind === "YEAR_END" ? "Bao cao tong ket" : "Bao cao so ket 6 thang"} ${data.report.year.year}`;
  const utf8 = `${data.report.kind === "YEAR_END" ? "Báo cáo tổng kết" : "Báo cáo sơ kết 6 tháng"} ${data.report.year.year} - ${data.report.unitName}.docx`;
  return new Response(new Uint8Array(doc), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${base}.docx"; filename*=UTF-8''${encodeURIComponent(utf8)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
