import type { Metadata } from "next";
import Link from "next/link";
import { Badge, cellClass, DataTable, EmptyState, PageHeader } from "@/components/ui";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { criteriaIndex } from "@/server/queries/reports";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Tiêu chí, thang điểm" };

async function CriteriaIndexPage() {
  const actor = await requireActor();
  const years = await criteriaIndex(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="Tiêu chí, thang điểm" description="Bảng tiêu chí chấm điểm thi đua của Cụm theo từng năm." />
      {years.length === 0 ? (
        <EmptyState title="Cụm chưa có năm thi đua nào.">
          <Link href="/cluster" className="text-brand-700 underline">
            Mở năm thi đua
          </Link>
        </EmptyState>
      ) : (
        <DataTable caption="Bảng tiêu chí theo năm" headers={["Năm", "Giai đoạn", "Bảng tiêu chí", "Số mục / tiêu chí", ""]}>
          {years.map((y) => {
            const t = y.criteriaTable;
            return (
              <tr key={y.id}>
                <td className={`${cellClass} font-medium`}>{y.year}</td>
                <td className={cellClass}>{PHASE_LABELS[y.phase]}</td>
                <td className={cellClass}>
                  {!t ? (
                    <Badge>Chưa có</Badge>
                  ) : t.frozenAt ? (
                    <Badge tone="green">Đã cố định từ {formatDate(t.frozenAt)} · phiên bản {t.version}</Badge>
                  ) : t.publishedAt ? (
                    <Badge tone="blue">Đã công bố {formatDate(t.publishedAt)}</Badge>
                  ) : (
                    <Badge tone="amber">Đang xây dựng</Badge>
                  )}
                </td>
                <td className={cellClass}>{t ? `${t._count.sections} / ${t._count.criteria}` : "—"}</td>
                <td className={cellClass}>
                  <Link href={`/cluster/criteria/${y.id}`} className="font-medium text-brand-700 hover:underline" aria-label={`${t ? "Mở" : "Tạo"} bảng tiêu chí năm ${y.year}`}>
                    {t ? "Mở" : "Tạo bảng"}
                  </Link>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}

export default pageOr404(CriteriaIndexPage);
