import Link from "next/link";
import { Badge, Card, EmptyState } from "@/components/ui";
import { ROUND_KIND_LABELS } from "@/domain/voting";
import type { ConferenceData } from "./conference-data";

/** The delegate's open rounds, each with its ballot link or "already voted". */
export function DelegateCard({ delegate, openForDelegate }: { delegate: NonNullable<ConferenceData["delegate"]>; openForDelegate: ConferenceData["openForDelegate"] }) {
  return (
    <Card title={`Bỏ phiếu – đại biểu ${delegate.name}`}>
      {openForDelegate.length === 0 ? (
        <EmptyState title="Hiện chưa có vòng bỏ phiếu nào đang mở.">Khi thư ký mở một vòng bỏ phiếu, vòng đó hiện ở đây.</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="delegate-rounds">
          {openForDelegate.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 p-4">
              <div>
                <p className="text-lg font-semibold">{r.title}</p>
                <p className="text-sm text-slate-600">
                  {ROUND_KIND_LABELS[r.kind]} · {r.seats} suất · {r.candidateNames.length} đơn vị
                </p>
              </div>
              {r.delegateHasVoted ? (
                <Badge tone="green">Đơn vị đã bỏ phiếu</Badge>
              ) : (
                <Link
                  href={`/conference/rounds/${r.id}/vote`}
                  className="inline-flex min-h-12 items-center rounded-md bg-brand-600 px-6 text-base font-semibold text-white hover:bg-brand-700"
                >
                  Bỏ phiếu: {r.title}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
