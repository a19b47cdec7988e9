import type { Metadata } from "next";
import { Badge, Card, PageHeader } from "@/components/ui";
import { DECISION_LEVELS, DOSSIER_STATUSES, isEditable, isWindowOpen, type DecisionLevel } from "@/domain/awards";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { dossierDetail, dossierSubjects, DOSSIER_DOCUMENTS, DOSSIER_DOCUMENT_NAMES } from "@/server/queries/dossiers";
import { pageOr404 } from "@/app/not-found-boundary";
import { ItemsTable } from "./_sections/items-table";
import { Objections } from "./_sections/objections";
import { MinistryActions, SecretariatActions } from "./_sections/workflow";

export const metadata: Metadata = { title: "Hồ sơ đề nghị khen thưởng" };

const EVENT_LABELS = { PUBLISHED: "Công khai", SENT: "Gửi Bộ", RETURNED: "Bộ trả lại", ACCEPTED: "Bộ tiếp nhận", DECIDED: "Ghi quyết định" } as const;

async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const d = await dossierDetail(actor, id);
  const subjects = d.can.manage ? await dossierSubjects(actor, id) : { units: [], officers: [] };
  const windowOpen = d.status === "DISCLOSING" && d.disclosureEndsOn !== null && isWindowOpen(d.today, d.disclosureEndsOn);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Hồ sơ đề nghị khen thưởng năm ${d.year.year}`}
        description={
          <>
            {d.year.cluster.name} {d.memoNo ? `· Tờ trình số ${d.memoNo}` : ""} · <Badge tone="blue">{DOSSIER_STATUSES[d.status]}</Badge>
          </>
        }
      />
      {d.status === "DISCLOSING" && d.disclosureEndsOn && (
        <div role="status" className="rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-blue-900">
          Công khai {d.disclosureDays} ngày làm việc, {windowOpen ? `các đơn vị gửi ý kiến đến hết ngày ${formatDate(d.disclosureEndsOn)}` : `đã kết thúc ngày ${formatDate(d.disclosureEndsOn)}`}.
        </div>
      )}
      {d.status === "RETURNED" && d.returnReason && (
        <div role="status" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900">
          Bộ đã trả lại hồ sơ: {d.returnReason}
        </div>
      )}
      <ItemsTable d={d} editable={d.can.manage && isEditable(d.status)} objecting={d.can.object && windowOpen} />
      <Objections d={d} answering={d.can.manage && d.status !== "SENT" && d.status !== "ACCEPTED"} />
      {d.can.manage && <SecretariatActions d={d} subjects={subjects} />}
      {(d.can.review || d.can.decide) && <MinistryActions d={d} />}
      <Card title="Văn bản của hồ sơ">
        <ul className="flex flex-wrap gap-x-6 gap-y-2" data-testid="dossier-documents">
          {DOSSIER_DOCUMENTS.filter((k) => k !== "memo" || d.can.view).map((k) => (
            <li key={k}>
              <a className="inline-flex min-h-11 items-center text-brand-700 underline" href={`/dossiers/${d.id}/documents/${k}`}>
                {DOSSIER_DOCUMENT_NAMES[k]} (.docx)
              </a>
            </li>
          ))}
        </ul>
      </Card>
      {d.decisions.length > 0 && (
        <Card title="Quyết định khen thưởng">
          <ul className="space-y-1" data-testid="decisions">
            {d.decisions.map((q) => (
              <li key={q.id}>
                Quyết định số {q.number} ngày {formatDate(q.date)} của {DECISION_LEVELS[q.level as DecisionLevel]} ({q.signer}): {q._count.items} đề nghị được khen thưởng ·{" "}
                <a className="text-brand-700 underline" href={`/dossiers/decisions/${q.id}`}>
                  {q.fileName}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {d.events.length > 0 && (
        <Card title="Lịch sử hồ sơ">
          <ol className="space-y-1 text-sm">
            {d.events.map((e) => (
              <li key={e.id}>
                {formatDateTime(e.at)} · {EVENT_LABELS[e.kind]} · {e.actorName}
                {e.reason ? ` — ${e.reason}` : ""}
              </li>
            ))}
          </ol>
        </Card>
      )}
    </div>
  );
}

export default pageOr404(DossierPage);
