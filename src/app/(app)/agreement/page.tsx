// /agreement — the cluster's joint emulation agreement of a year (docs/domain.md §10): every unit of the
// cluster reads and prints it or downloads it as .docx; the secretariat drafts and records it during the
// conference; a closed year's is corrected only by the audited amendment.
import type { Metadata } from "next";
import { PrintButton } from "@/components/print-button";
import { EmptyState, PageHeader } from "@/components/ui";
import { PHASE_ACTIONS } from "@/domain/year-phase-rules";
import { PHASE_LABELS } from "@/domain/year-phases";
import { requireActor } from "@/server/auth/current";
import { jointAgreementPage } from "@/server/queries/joint-agreement";
import { pageOr404 } from "@/app/not-found-boundary";
import { YearPicker } from "../results/year-picker";
import { AgreementDocument } from "./_sections/agreement-document";
import { AgreementForm } from "./_sections/agreement-form";

export const metadata: Metadata = { title: "Giao ước thi đua" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function AgreementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const data = await jointAgreementPage(actor, first(sp.year));
  const { year, agreement } = data;
  if (!year) {
    return (
      <div>
        <PageHeader title="Giao ước thi đua" />
        <EmptyState title="Chưa có năm thi đua nào.">Giao ước thi đua được ký kết theo từng năm thi đua của Cụm.</EmptyState>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Giao ước thi đua năm ${year.year}`}
        description={`${year.clusterName} · Giai đoạn: ${PHASE_LABELS[year.phase]}`}
        actions={
          agreement && (
            <>
              <a
                href={`/agreement/${year.id}/docx`}
                download
                className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              >
                Tải bản Word (.docx)
              </a>
              <PrintButton label="In giao ước" />
            </>
          )
        }
      />
      <YearPicker years={data.years} selectedId={year.id} action="/agreement" />
      {year.phase === "CLOSED" && (
        <p className="no-print rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" role="note">
          Năm thi đua đã khóa sổ: giao ước chỉ để xem{data.canAmend ? "; mọi sửa đổi phải theo văn bản và được ghi vào nhật ký" : ""}.
        </p>
      )}
      {agreement ? (
        <AgreementDocument year={year} agreement={agreement} />
      ) : (
        <EmptyState title={`Chưa có giao ước thi đua năm ${year.year}.`}>Thư ký cụm soạn thảo và ghi nhận giao ước tại Hội nghị tổng kết.</EmptyState>
      )}
      {data.canManage && !data.inPhase && (
        <p className="no-print rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="note">
          “{PHASE_ACTIONS.jointAgreement.label}” làm trong giai đoạn “{PHASE_LABELS.CONFERENCE}”; năm đang ở giai đoạn “{PHASE_LABELS[year.phase]}”. Thư ký cụm có thể chuyển giai đoạn hoặc cho phép làm ngoài giai đoạn trên trang Cụm thi đua.
        </p>
      )}
      {data.canManage && <AgreementForm year={year} agreement={agreement} memberUnits={data.memberUnits} />}
      {data.canAmend && <AgreementForm year={year} agreement={agreement} memberUnits={data.memberUnits} amend />}
    </div>
  );
}

export default pageOr404(AgreementPage);
