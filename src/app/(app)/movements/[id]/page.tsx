// One movement or drive (docs/domain.md §10): what it is; the manager's edit and close; a participating
// unit's figures and evidence while it runs; the units' figures with ranks and totals — the printable
// summary once closed, with its .xlsx and .docx downloads.
import type { Metadata } from "next";
import { MOVEMENT_SCOPE_LABELS, MOVEMENT_STATUS_LABELS } from "@/domain/movements";
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, EVIDENCE_RULE_TEXT } from "@/domain/scoring/evidence";
import { formatFigure } from "@/domain/scoring/report-form";
import { formatDate, formatDateTime } from "@/lib/format";
import { Badge, Card, DescriptionItem, LinkButton, RecordHeader } from "@/components/ui";
import { PrintButton } from "@/components/print-button";
import { requireActor } from "@/server/auth/current";
import { movementDetail } from "@/server/queries/movements";
import { pageOr404 } from "@/app/not-found-boundary";
import { EvidenceRemove } from "../_sections/evidence-remove";
import { EvidenceUpload } from "../_sections/evidence-upload";
import { FiguresEntry } from "../_sections/figures-entry";
import { CloseMovementForm } from "../_sections/manager-actions";
import { SummaryTable } from "../_sections/summary-table";

export const metadata: Metadata = { title: "Phong trào thi đua" };

async function MovementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const detail = await movementDetail(actor, id);
  const m = detail.movement;
  const closed = m.status === "CLOSED";
  const entry = detail.entry;
  return (
    <div className="space-y-6">
      <RecordHeader title={m.name} backHref="/movements" backLabel="Phong trào thi đua">
        <Badge tone={closed ? "slate" : "green"}>{MOVEMENT_STATUS_LABELS[m.status]}</Badge>
      </RecordHeader>
      <Card>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <DescriptionItem label="Phạm vi">{m.reach ? `${MOVEMENT_SCOPE_LABELS[m.scope]}: ${m.reach}` : MOVEMENT_SCOPE_LABELS[m.scope]}</DescriptionItem>
          <DescriptionItem label="Thời gian">
            {formatDate(m.fromDate)} – {formatDate(m.toDate)}
          </DescriptionItem>
          <DescriptionItem label="Phát động">
            {m.launchedByName}, {formatDate(m.createdAt)}
          </DescriptionItem>
          <DescriptionItem label="Tổng kết">{closed ? `${m.closedByName}, ${formatDateTime(m.closedAt)}` : "Chưa tổng kết"}</DescriptionItem>
        </dl>
        <p className="mt-4 whitespace-pre-line text-sm text-slate-700">{m.purpose}</p>
      </Card>

      {detail.canManage && (
        <Card title="Quản lý phong trào" className="no-print">
          <div className="flex flex-wrap items-start justify-between gap-6">
            <LinkButton href={`/movements/${m.id}/edit`} variant="secondary">
              Sửa phong trào
            </LinkButton>
            <CloseMovementForm movementId={m.id} name={m.name} />
          </div>
        </Card>
      )}

      {entry && !closed && (
        <Card title={`Số liệu của ${entry.unitName}`} className="no-print">
          {entry.refusal ? (
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {entry.refusal}
            </p>
          ) : (
            <div className="space-y-6">
              <FiguresEntry
                movementId={m.id}
                figures={m.figures.map((f) => ({ id: f.id, label: f.label, unitLabel: f.unitLabel, value: formatFigure(entry.values[f.id] ?? null) }))}
              />
              <div className="space-y-3 border-t border-slate-200 pt-4">
                <h3 className="text-sm font-semibold text-slate-800">Minh chứng</h3>
                {entry.evidence.length > 0 && (
                  <ul className="space-y-2 text-sm">
                    {entry.evidence.map((e) => (
                      <li key={e.id} className="flex flex-wrap items-center gap-3">
                        <a href={`/movements/evidence/${e.id}`} className="text-brand-700 underline">
                          {e.fileName}
                        </a>
                        <span className="text-xs text-slate-500">
                          {formatDateTime(e.uploadedAt)}, {e.uploadedByName}
                        </span>
                        <EvidenceRemove movementId={m.id} fileId={e.id} fileName={e.fileName} />
                      </li>
                    ))}
                  </ul>
                )}
                <EvidenceUpload
                  movementId={m.id}
                  maxBytes={EVIDENCE_MAX_BYTES}
                  tooLarge={`Tệp vượt quá giới hạn ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`}
                  rule={EVIDENCE_RULE_TEXT}
                  accept={EVIDENCE_ACCEPT}
                />
              </div>
            </div>
          )}
        </Card>
      )}

      <section aria-labelledby="summary-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="summary-title" className="text-lg font-semibold text-slate-800">
              {closed ? "Tổng hợp kết quả phong trào" : detail.seesAll ? "Số liệu các đơn vị (đến nay)" : "Số liệu đã báo cáo"}
            </h2>
            <p className="text-sm text-slate-600">
              {detail.units.length} / {detail.allUnits} đơn vị tham gia. Thứ hạng theo từng số liệu, cao nhất xếp thứ nhất; bằng nhau cùng hạng.
            </p>
          </div>
          {closed && (
            <div className="no-print flex flex-wrap gap-2">
              <a href={`/movements/${m.id}/xlsx`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
                Tải bảng tổng hợp (.xlsx)
              </a>
              <a href={`/movements/${m.id}/docx`} className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
                Tải báo cáo tổng kết (.docx)
              </a>
              <PrintButton label="In bản tổng hợp" />
            </div>
          )}
        </div>
        <SummaryTable detail={detail} />
        {detail.units.some((u) => u.evidence.length > 0) && (
          <div className="text-sm">
            <h3 className="font-semibold text-slate-800">Minh chứng của các đơn vị</h3>
            <ul className="mt-2 space-y-1">
              {detail.units.flatMap((u) =>
                u.evidence.map((e) => (
                  <li key={e.id}>
                    {u.name}:{" "}
                    <a href={`/movements/evidence/${e.id}`} className="text-brand-700 underline">
                      {e.fileName}
                    </a>
                  </li>
                )),
              )}
            </ul>
          </div>
        )}
      </section>
    </div>
  );
}

export default pageOr404(MovementPage);
