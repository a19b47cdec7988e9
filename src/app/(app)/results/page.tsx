import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, cellClass, DataTable, EmptyState, PageHeader } from "@/components/ui";
import { INDIVIDUAL_TITLES, titleLabel } from "@/domain/eligibility";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { resultsOverview, type UnitResultRow } from "@/server/queries/results";
import { PrintButton } from "@/components/print-button";
import { YearPicker } from "./year-picker";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Kết quả thi đua" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const fmt = (n: number) => n.toLocaleString("vi-VN");

/** Per unit: registered vs awarded per title for one emulation year (the year picker lists the cluster's years). */
async function ResultsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const data = await resultsOverview(actor, { yearId: first(sp.year) });
  const { year, rows } = data;

  if (!year) {
    return (
      <div>
        <PageHeader title="Kết quả thi đua" />
        <EmptyState title="Chưa có năm thi đua nào.">Kết quả được ghi nhận theo từng năm thi đua của Cụm.</EmptyState>
      </div>
    );
  }

  const totals = rows.reduce(
    (t, r) => {
      t.members += r.members;
      t.rated += r.rated;
      t.unverified += r.unverified;
      for (const code of INDIVIDUAL_TITLES) {
        t.registered[code] += r.registered[code];
        t.awarded[code] += r.awarded[code];
      }
      return t;
    },
    { members: 0, rated: 0, unverified: 0, registered: { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 }, awarded: { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 } },
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Kết quả thi đua năm ${year.year}`}
        description={`${year.clusterName} · Giai đoạn: ${PHASE_LABELS[year.phase]}`}
        actions={
          <>
            {data.canExportCluster && (
              <a
                href={`/registration/export?year=${year.id}`}
                download
                className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              >
                Tải Excel toàn cụm
              </a>
            )}
            <PrintButton label="In bảng kết quả" />
          </>
        }
      />

      <YearPicker years={data.years} selectedId={year.id} action="/results" />

      {year.resultsClosedReason && (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" role="note">
          {year.phase === "CLOSED" ? "Năm thi đua đã khóa sổ: kết quả chỉ để xem." : year.resultsClosedReason}
        </p>
      )}

      {rows.length === 0 ? (
        <EmptyState title="Cụm chưa có đơn vị thành viên." />
      ) : (
        <div data-testid="results-units">
          <DataTable
            caption={`Đăng ký và kết quả danh hiệu thi đua năm ${year.year} theo đơn vị (ĐK: đăng ký, CN: được công nhận)`}
            headers={[
              "Đơn vị",
              "Quân số",
              ...INDIVIDUAL_TITLES.map((t) => (
                <span key={t} title="Đăng ký / được công nhận">
                  {titleLabel(t)}
                  <span className="block text-xs font-normal text-slate-500">ĐK / CN</span>
                </span>
              )),
              "Đã xếp loại",
              "Chờ xác nhận",
              "CSTĐCS / chỉ tiêu",
              "Danh hiệu đơn vị",
              <span key="a" className="sr-only">Thao tác</span>,
            ]}
          >
            {rows.map((r) => (
              <UnitRow key={r.unitId} row={r} yearId={year.id} />
            ))}
            {rows.length > 1 && (
              <tr className="bg-slate-50 font-semibold">
                <td className={cellClass}>Tổng cộng</td>
                <td className={cellClass}>{fmt(totals.members)}</td>
                {INDIVIDUAL_TITLES.map((t) => (
                  <td key={t} className={cellClass}>
                    {fmt(totals.registered[t])} / {fmt(totals.awarded[t])}
                  </td>
                ))}
                <td className={cellClass}>{fmt(totals.rated)}</td>
                <td className={cellClass}>{fmt(totals.unverified)}</td>
                <td className={cellClass} colSpan={3} />
              </tr>
            )}
          </DataTable>
        </div>
      )}

      <Card title="Cách đọc bảng">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600">
          <li>ĐK: số cán bộ đăng ký danh hiệu đầu năm; CN: số cán bộ được công nhận danh hiệu theo quyết định.</li>
          <li>“Chờ xác nhận”: kết quả do cán bộ thi đua đơn vị nhập, Thư ký cụm chưa xác nhận.</li>
          <li>
            Chỉ tiêu CSTĐCS: tối đa {String(data.settings?.cstdcsQuotaPercent ?? 15).replace(".", ",")}% số cán bộ được công nhận Chiến sĩ tiên tiến (làm tròn
            xuống).
          </li>
        </ul>
      </Card>
    </div>
  );
}

function UnitRow({ row: r, yearId }: { row: UnitResultRow; yearId: string }) {
  const overQuota = r.quota.cstdcs > r.quota.allowed;
  return (
    <tr data-testid={`results-row-${r.code}`}>
      <td className={`${cellClass} font-medium`}>
        <Link href={`/results/units/${r.unitId}?year=${yearId}`} className="text-brand-700 hover:underline">
          {r.name}
        </Link>
      </td>
      <td className={cellClass}>{fmt(r.members)}</td>
      {INDIVIDUAL_TITLES.map((t) => (
        <td key={t} className={cellClass}>
          {fmt(r.registered[t])} / <span className="font-semibold">{fmt(r.awarded[t])}</span>
        </td>
      ))}
      <td className={cellClass}>
        {fmt(r.rated)}/{fmt(r.members)}
      </td>
      <td className={cellClass}>{r.unverified > 0 ? <Badge tone="amber">{fmt(r.unverified)}</Badge> : <span className="text-slate-500">0</span>}</td>
      <td className={cellClass}>
        <Badge tone={overQuota ? "red" : r.quota.cstdcs === r.quota.allowed && r.quota.allowed > 0 ? "amber" : "green"}>
          {fmt(r.quota.cstdcs)}/{fmt(r.quota.allowed)}
        </Badge>
        {overQuota && <span className="block text-xs text-red-700">Vượt chỉ tiêu</span>}
      </td>
      <td className={cellClass}>
        <span className="block text-xs text-slate-500">ĐK: {r.unitTarget?.name ?? "—"}</span>
        {r.unitAwarded ? (
          <>
            <span className="font-medium">{r.unitAwarded.name}</span>
            <span className="block text-xs text-slate-500">
              {[r.unitAwarded.decisionNo && `QĐ ${r.unitAwarded.decisionNo}`, r.unitAwarded.decisionDate && formatDate(r.unitAwarded.decisionDate)].filter(Boolean).join(", ")}
            </span>
          </>
        ) : (
          <span className="text-slate-600">Chưa có quyết định</span>
        )}
      </td>
      <td className={`${cellClass} no-print`}>
        <Link href={`/results/units/${r.unitId}?year=${yearId}`} className="text-brand-700 hover:underline" aria-label={`Chi tiết kết quả của ${r.name}`}>
          Chi tiết
        </Link>
      </td>
    </tr>
  );
}

export default pageOr404(ResultsPage);
