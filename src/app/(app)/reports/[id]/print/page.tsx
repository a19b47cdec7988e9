import type { Metadata } from "next";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { getReport, REPORT_STATUS_LABELS, reportTitle } from "@/server/queries/reports";
import { PrintButton } from "@/components/print-button";
import { ReportView } from "../report-view";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Bản in báo cáo" };

async function ReportPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const data = await getReport(actor, id);
  const { report } = data;
  return (
    <article className="mx-auto max-w-4xl bg-white p-6 print:p-0">
      <div className="no-print mb-4 flex justify-between gap-2">
        <a href={`/reports/${report.id}`} className="text-sm text-brand-700 underline">
          ← Về trang báo cáo
        </a>
        <PrintButton label="In trang này" primary />
      </div>
      <header className="mb-6 grid grid-cols-2 gap-4 text-center text-sm">
        <div>
          <p className="uppercase">{report.year.clusterName}</p>
          <p className="font-semibold uppercase">{report.unitName}</p>
        </div>
        <div>
          <p className="font-semibold uppercase">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
          <p className="font-semibold">Độc lập – Tự do – Hạnh phúc</p>
          {report.submittedAt && <p className="mt-2 italic">Ngày {formatDate(report.submittedAt)}</p>}
        </div>
      </header>
      <h1 className="mb-1 text-center text-xl font-bold uppercase">{reportTitle(report.kind, report.year.year)}</h1>
      <p className="mb-6 text-center">
        Trạng thái: {REPORT_STATUS_LABELS[report.status]}
        {data.content === "last-submitted" ? " (bản gửi gần nhất)" : ""}
      </p>
      <ReportView data={data} print />
      <footer className="mt-10 grid grid-cols-2 text-center text-sm">
        <div />
        <div>
          <p className="font-semibold uppercase">Lãnh đạo đơn vị</p>
          <p className="mt-16">{report.submittedByName ?? ""}</p>
        </div>
      </footer>
      <p className="mt-8 text-xs text-slate-500">In lúc {formatDateTime(new Date())} từ Sổ Thi đua.</p>
    </article>
  );
}

export default pageOr404(ReportPrintPage);
