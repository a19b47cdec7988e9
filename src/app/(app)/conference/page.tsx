import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui";
import { PHASE_LABELS } from "@/domain/year-phases";
import { requireActor } from "@/server/auth/current";
import { conferencePage } from "@/server/queries/votes";
import { AssignedChairCard } from "./_sections/assigned-chair-card";
import { ClusterPick } from "./_sections/cluster-pick";
import { CreateRoundCards } from "./_sections/create-round-cards";
import { DelegateCard } from "./_sections/delegate-card";
import { MinutesCard } from "./_sections/minutes-card";
import { RoundsSection } from "./_sections/rounds-section";
import { VotingRulesCard } from "./_sections/voting-rules-card";
import { YearNav } from "./_sections/year-nav";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Hội nghị tổng kết" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

async function ConferencePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const page = await conferencePage(actor, { yearId: first(sp.year), clusterId: first(sp.cluster) });

  if (page.pick) {
    return (
      <div className="space-y-6">
        <PageHeader title="Hội nghị tổng kết" description="Chọn cụm thi đua để xem các vòng bỏ phiếu." />
        <ClusterPick clusters={page.pick} />
      </div>
    );
  }
  if (!page.data) {
    return (
      <div className="space-y-6">
        <PageHeader title="Hội nghị tổng kết" />
        <EmptyState title={`${page.emptyCluster?.name ?? "Cụm"} chưa có năm thi đua nào.`}>Thư ký cụm mở năm thi đua tại trang Cụm thi đua.</EmptyState>
      </div>
    );
  }

  const { year, years, rounds, delegate, openForDelegate, manage, canManage } = page.data;
  const nextYear = year.year + 1;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Hội nghị tổng kết năm ${year.year}`}
        description={
          <>
            {year.clusterName} · Giai đoạn: {PHASE_LABELS[year.phase]}
          </>
        }
        actions={years.length > 1 ? <YearNav years={years} selectedId={year.id} /> : undefined}
      />

      {!year.writable && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          Năm thi đua {year.year} đã khóa sổ: các vòng bỏ phiếu và kết quả chỉ để xem.
        </div>
      )}

      {delegate && <DelegateCard delegate={delegate} openForDelegate={openForDelegate} />}

      <VotingRulesCard year={year} />

      <RoundsSection year={year} rounds={rounds} manage={manage} canManage={canManage} />

      {manage && (
        <section aria-labelledby="setup-heading" className="no-print space-y-4">
          <h2 id="setup-heading" className="text-lg font-semibold text-slate-800">
            Tạo vòng bỏ phiếu
          </h2>
          <CreateRoundCards year={year} manage={manage} />

          <AssignedChairCard nextYear={nextYear} manage={manage} />
        </section>
      )}

      {page.data.canDownloadMinutes && <MinutesCard year={year} actor={actor} />}

    </div>
  );
}

export default pageOr404(ConferencePage);
