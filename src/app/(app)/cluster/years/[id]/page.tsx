import type { Metadata } from "next";
import { Badge, LinkButton, PageHeader } from "@/components/ui";
import { PHASE_LABELS, isYearWritable, type YearPhase } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { clusterYearDetail } from "@/server/queries/cluster";
import { LeadershipCard } from "./_sections/leadership-card";
import { PhaseCard } from "./_sections/phase-card";
import { PhaseRulesCard } from "./_sections/phase-rules-card";
import { ReopenCard } from "./_sections/reopen-card";
import { appNow } from "@/server/clock";
import { SettingsCard } from "./_sections/settings-card";
import { pageOr404 } from "@/app/not-found-boundary";
import { ReminderSettings } from "./reminder-settings";

export const metadata: Metadata = { title: "Năm thi đua" };

function phaseTone(phase: YearPhase): "slate" | "green" | "blue" | "amber" {
  if (phase === "CLOSED") return "slate";
  if (phase === "SETUP") return "amber";
  if (phase === "RESULTS") return "green";
  return "blue";
}

async function YearPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const year = await clusterYearDetail(actor, id);
  const writable = isYearWritable(year.phase);
  const now = appNow();

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Năm thi đua ${year.year}`}
        description={
          <>
            {year.clusterName} · Phong trào “{year.movement}” · Giai đoạn: <Badge tone={phaseTone(year.phase)}>{PHASE_LABELS[year.phase]}</Badge>
          </>
        }
        actions={
          <LinkButton href="/cluster" variant="secondary">
            ← Về trang cụm thi đua
          </LinkButton>
        }
      />

      {!writable && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          <p className="font-semibold">Năm thi đua {year.year} đã khóa sổ{year.closedAt ? ` ngày ${formatDate(year.closedAt)}` : ""}.</p>
          <p className="mt-1 text-sm">
            Mọi thông tin dưới đây chỉ để xem, không thể chỉnh sửa. Việc điều chỉnh sau khi khóa sổ phải được thực hiện bằng văn bản sửa đổi,
            có nêu lý do.
          </p>
        </div>
      )}

      <PhaseCard year={year} writable={writable} />

      <PhaseRulesCard year={year} writable={writable} now={now} />

      {writable && <ReopenCard year={year} now={now} />}

      <LeadershipCard year={year} writable={writable} />

      <SettingsCard year={year} writable={writable} now={now} />
      <ReminderSettings yearId={year.id} settings={year.settings} writable={writable} />
    </div>
  );
}

export default pageOr404(YearPage);
