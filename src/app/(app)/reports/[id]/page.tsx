import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton, TextAreaField } from "@/components/form";
import { Card, LinkButton, PageHeader } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { getReport, reportTitle } from "@/server/queries/reports";
import { acceptReportAction, returnReportAction, submitReportAction } from "../actions";
import { Notice, pts, StatusBadge } from "../ui";
import { ReportEditor } from "./report-editor";
import { ReportView } from "./report-view";
import { pageOr404 } from "@/app/not-found-boundary";
import { REPORT_KIND_LABELS } from "@/domain/scoring";
import { Deadline } from "@/components/deadline";
import { appNow } from "@/server/clock";

export const metadata: Metadata = { title: "Báo cáo" };

const EVENT_LABELS = { SUBMITTED: "Lãnh đạo đơn vị duyệt và gửi", RETURNED: "Thư ký Cụm trả lại", ACCEPTED: "Thư ký Cụm chấp nhận" } as const;

async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const data = await getReport(actor, id);
  const { report } = data;
  const kindLabel = REPORT_KIND_LABELS[report.kind];
  const own = actor.unitId === report.unitId;
  const writable = report.year.phase !== "CLOSED";

  return (
    <div className="space-y-6">
      <PageHeader
        title={reportTitle(report.kind, report.year.year)}
        description={
          <>
            {report.unitName} · {report.year.clusterName} · <StatusBadge status={report.status} />
          </>
        }
        actions={
          <>
            <LinkButton href={`/reports?year=${report.year.id}`} variant="secondary">
              ← Danh sách báo cáo
            </LinkButton>
            {data.content === "live" && (
              <>
                <LinkButton href={`/reports/${report.id}/print`} variant="secondary">
                  Bản in
                </LinkButton>
                <a
                  href={`/reports/${report.id}/docx`}
                  className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
                >
                  Tải bản Word
                </a>
              </>
            )}
          </>
        }
      />

      {!writable && <Notice title={`Năm thi đua ${report.year.year} đã khóa sổ.`}>Báo cáo chỉ để xem, không thể chỉnh sửa.</Notice>}
      {report.status === "RETURNED" && (
        <Notice tone="amber" title="Báo cáo bị Thư ký Cụm trả lại">
          <p data-testid="return-reason">Lý do: {report.returnReason}</p>
          {own ? (
            <p className="mt-1">Cán bộ thi đua chỉnh sửa theo yêu cầu, sau đó lãnh đạo đơn vị duyệt và gửi lại.</p>
          ) : (
            <p className="mt-1">Đơn vị đang chỉnh sửa; nội dung dưới đây là bản gửi gần nhất.</p>
          )}
        </Notice>
      )}
      {report.status === "DRAFT" && own && (
        <p className="text-sm text-slate-600">
          Hạn nộp: <Deadline iso={data.deadline} now={appNow()} unset="chưa đặt" />.
          {data.pastDeadline && <strong className="ml-1 text-red-700">Đã quá hạn nộp; liên hệ Thư ký Cụm.</strong>}
        </p>
      )}
      {report.status === "SUBMITTED" && own && (
        <Notice tone="blue" title={`Đã gửi lúc ${formatDateTime(report.submittedAt)}${report.submittedByName ? ` (${report.submittedByName})` : ""}.`}>
          Báo cáo đang chờ Thư ký Cụm xem xét; đơn vị không thể chỉnh sửa trừ khi báo cáo được trả lại.
        </Notice>
      )}
      {report.status === "ACCEPTED" && data.can.seeFinal && report.finalRank && (
        <Notice tone="green" title={`Kết quả: ${pts(report.finalTotalHalf)} điểm, xếp hạng ${report.finalRank} trong Cụm.`} />
      )}

      {data.can.edit ? (
        <ReportEditor
          reportId={report.id}
          kindLabel={kindLabel}
          form={data.form}
          initialVersion={report.draftVersion}
          initialSavedAt={report.savedAt ? report.savedAt.toISOString() : null}
          initialScores={Object.fromEntries(Object.entries(data.scores).map(([k, v]) => [k, { selfHalf: v.selfHalf, explanation: v.explanation }]))}
          initialFigures={data.figures}
          linkedFigures={data.linkedFigures}
          initialNarrative={report.narrative}
          initialEvidence={data.evidence.map((e) => ({ id: e.id, criterionId: e.criterionId, fileName: e.fileName, size: e.size }))}
        />
      ) : (
        <ReportView data={data} />
      )}

      {data.can.submit && <ApprovePanel data={data} kindLabel={kindLabel} />}
      {own && !data.can.submit && !data.can.edit && (report.status === "DRAFT" || report.status === "RETURNED") && writable && (
        <p className="text-sm text-slate-600">Cán bộ thi đua của đơn vị soạn báo cáo; lãnh đạo đơn vị duyệt và gửi.</p>
      )}
      {data.can.review && <ReviewPanel reportId={report.id} unitName={report.unitName} />}

      <Card title="Lịch sử báo cáo">
        {data.events.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa gửi lần nào.{report.savedAt && own ? ` Bản nháp lưu lần cuối lúc ${formatDateTime(report.savedAt)}.` : ""}</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="report-history">
            {data.events.map((e) => (
              <li key={e.id} className="border-l-2 border-slate-300 pl-3">
                <span className="font-medium">{EVENT_LABELS[e.kind]}</span> · {formatDateTime(e.at)} · {e.actorName}
                {e.totalHalf !== null && e.kind === "SUBMITTED" && <span className="text-slate-600"> · tự chấm {pts(e.totalHalf)} điểm</span>}
                {e.reason && <p className="text-slate-700">Lý do: {e.reason}</p>}
              </li>
            ))}
          </ol>
        )}
        {data.table.frozenAt && report.tableVersion && report.tableVersion < data.table.version && (
          <p className="mt-3 text-xs text-amber-700">
            Bảng tiêu chí đã được sửa đổi (phiên bản {data.table.version}) sau lần gửi gần nhất (phiên bản {report.tableVersion}).
          </p>
        )}
      </Card>
    </div>
  );
}

function ApprovePanel({ data, kindLabel }: { data: Awaited<ReturnType<typeof getReport>>; kindLabel: string }) {
  const problems = Object.values(data.problems).flat();
  const { report } = data;
  const again = report.submissionCount > 0;
  return (
    <Card title={again ? "Duyệt và gửi lại báo cáo" : "Duyệt và gửi báo cáo"}>
      <p className="mb-3 text-sm text-slate-600">
        Bản nháp lưu lần cuối {report.savedAt ? `lúc ${formatDateTime(report.savedAt)}` : ""}
        {report.savedByName ? ` bởi ${report.savedByName}` : ""}. Tổng điểm tự chấm: <strong>{pts(data.selfTotals.totalHalf)}</strong> điểm. Hạn nộp:{" "}
        <Deadline iso={data.deadline} now={appNow()} unset="chưa đặt" />.
      </p>
      {problems.length > 0 && (
        <div role="alert" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="font-semibold">Báo cáo còn {problems.length} nội dung chưa hoàn thành:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.slice(0, 30).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {data.pastDeadline && !again && <p className="mb-3 text-sm font-medium text-red-700">Đã quá hạn nộp; không thể gửi. Vui lòng liên hệ Thư ký Cụm.</p>}
      <ActionForm action={submitReportAction} aria-label="Duyệt và gửi báo cáo">
        <input type="hidden" name="reportId" value={report.id} />
        <input type="hidden" name="version" value={report.draftVersion} />
        <SubmitButton
          confirm={`Duyệt và ${again ? "gửi lại" : "gửi"} ${kindLabel.toLowerCase()} năm ${report.year.year} của ${report.unitName} đến Thư ký Cụm? Sau khi gửi, đơn vị không thể chỉnh sửa trừ khi Thư ký Cụm trả lại.`}
        >
          {again ? "Duyệt và gửi lại" : "Duyệt và gửi báo cáo"}
        </SubmitButton>
      </ActionForm>
    </Card>
  );
}

function ReviewPanel({ reportId, unitName }: { reportId: string; unitName: string }) {
  return (
    <Card title="Xem xét báo cáo">
      <div className="grid gap-6 md:grid-cols-2">
        <ActionForm action={acceptReportAction} aria-label="Chấp nhận báo cáo" className="space-y-3">
          <input type="hidden" name="reportId" value={reportId} />
          <p className="text-sm text-slate-600">Báo cáo đủ nội dung, số liệu và minh chứng: chấp nhận để đưa vào chấm chéo.</p>
          <SubmitButton confirm={`Chấp nhận báo cáo của ${unitName}? Sau khi chấp nhận, đơn vị không thể sửa báo cáo.`}>Chấp nhận báo cáo</SubmitButton>
        </ActionForm>
        <ActionForm action={returnReportAction} aria-label="Trả lại báo cáo" className="space-y-3">
          <input type="hidden" name="reportId" value={reportId} />
          <TextAreaField name="reason" label="Lý do trả lại" required rows={3} hint="Nêu rõ nội dung đơn vị cần bổ sung, chỉnh sửa (ít nhất 10 ký tự)." />
          <SubmitButton variant="danger" confirm={`Trả lại báo cáo cho ${unitName} kèm lý do đã nhập?`}>
            Trả lại báo cáo
          </SubmitButton>
        </ActionForm>
      </div>
      <p className="mt-4 text-xs text-slate-500">
        <Link href={`/reports`} className="underline">
          Về danh sách báo cáo của các đơn vị
        </Link>
      </p>
    </Card>
  );
}

export default pageOr404(ReportPage);
