import type { Metadata } from "next";
import Link from "next/link";
import { Badge, cellClass, DataTable, EmptyState, PageHeader } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { myAssignments } from "@/server/queries/scoring";
import { RoundBadge } from "../ui";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Chấm chéo" };

async function CrossListPage() {
  const actor = await requireActor();
  const data = await myAssignments(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="Chấm chéo" description={`Các báo cáo ${data.unit.name} được phân công chấm`} />
      {!data.canScore && <p className="text-sm text-slate-600">Cán bộ thi đua của đơn vị nhập và nộp phiếu chấm; lãnh đạo đơn vị có thể xem.</p>}
      {data.assignments.length === 0 ? (
        <EmptyState title="Đơn vị chưa được phân công chấm chéo báo cáo nào.">Thư ký Cụm phân công khi mở vòng chấm chéo.</EmptyState>
      ) : (
        <div data-testid="cross-assignments">
          <DataTable caption="Báo cáo được phân công chấm chéo" headers={["Năm", "Báo cáo của đơn vị", "Vòng chấm", "Phiếu chấm", ""]}>
            {data.assignments.map((a) => (
              <tr key={a.id}>
                <td className={cellClass}>{a.year}</td>
                <td className={`${cellClass} font-medium`}>{a.reportUnitName}</td>
                <td className={cellClass}>
                  <RoundBadge state={a.roundState} />
                </td>
                <td className={cellClass}>
                  {a.submittedAt ? <Badge tone="green">Đã nộp {formatDateTime(a.submittedAt)}</Badge> : a.scored > 0 ? <Badge tone="blue">Đang chấm</Badge> : <Badge>Chưa chấm</Badge>}
                </td>
                <td className={cellClass}>
                  <Link href={`/reports/cross/${a.id}`} className="font-medium text-brand-700 hover:underline" aria-label={`Mở phiếu chấm báo cáo của ${a.reportUnitName}`}>
                    Mở phiếu chấm
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </div>
  );
}

export default pageOr404(CrossListPage);
