import type { Metadata } from "next";
import Link from "next/link";
import { Card, DataTable, EmptyState, LinkButton, PageHeader, PickerSelect, PickerSubmit } from "@/components/ui";
import { formatPoints } from "@/domain/scoring/points";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatCount } from "@/domain/dashboard";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { parseDashboardParams } from "@/server/queries/dashboard";
import { ministryOverview } from "@/server/queries/ministry";
import { ChartFrame } from "../charts/chart-frame";
import { CountChart } from "../charts/count-chart";
import { PrintButton } from "@/components/print-button";
import "../overview.css";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Toàn Bộ Công an: các cụm thi đua" };

async function MinistryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = parseDashboardParams(await searchParams);
  const m = await ministryOverview(actor, { year: params.year, blockId: params.blockId });
  const blockName = m.blocks.find((b) => b.id === m.blockId)?.name;
  const chartRows = m.clusters.map((c) => ({ label: c.code, total: c.awardedTotal, ...c.awardedByTitle }));

  return (
    <div className="ov space-y-6">
      <PageHeader
        title={m.year ? `Toàn Bộ Công an: các cụm thi đua năm ${m.year}` : "Toàn Bộ Công an: các cụm thi đua"}
        description={blockName ? `Khối: ${blockName}${m.everywhere ? "" : " · Để tham khảo (chỉ xem)"}` : "Tất cả các khối thi đua"}
        actions={
          <>
            <PrintButton />
            <LinkButton href="/overview" variant="secondary">
              ← Tổng quan cụm
            </LinkButton>
          </>
        }
      />
      <p className="print-only text-sm text-slate-600">Ngày in: {formatDate(new Date())}</p>
      {!m.everywhere && (
        <p className="rounded-md border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900" data-testid="ministry-context-note">
          Cụm trưởng xem các cụm thi đua trong khối của cụm mình để tham khảo: số liệu tổng hợp của từng cụm, không xem được chi tiết của cụm khác.
        </p>
      )}

      <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn năm và khối thi đua">
        {m.years.length > 0 && (
          <PickerSelect id="ministry-year" name="year" label="Năm thi đua" defaultValue={m.year ? String(m.year) : ""}>
            {m.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </PickerSelect>
        )}
        {m.everywhere && (
          <PickerSelect id="ministry-block" name="block" label="Khối thi đua" defaultValue={m.blockId ?? ""}>
            <option value="">Tất cả các khối</option>
            {m.blocks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </PickerSelect>
        )}
        <PickerSubmit />
      </form>

      {m.clusters.length === 0 ? (
        <EmptyState title="Không có cụm thi đua nào.">{blockName ? "Khối này chưa có cụm thi đua." : "Thêm khối và cụm thi đua tại mục “Khối & cụm”."}</EmptyState>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="text-sm text-slate-500">Cụm thi đua</p>
              <p className="text-2xl font-semibold tabular-nums">{formatCount(m.totals.clusters)}</p>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="text-sm text-slate-500">Đơn vị thành viên</p>
              <p className="text-2xl font-semibold tabular-nums">{formatCount(m.totals.units)}</p>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="text-sm text-slate-500">Cán bộ, chiến sĩ đang công tác</p>
              <p className="text-2xl font-semibold tabular-nums">{formatCount(m.totals.activeOfficers)}</p>
            </div>
          </div>

          <Card title={m.year ? `Các cụm thi đua năm ${m.year}` : "Các cụm thi đua"}>
            <div data-testid="ministry-table">
              <DataTable
                caption="Các cụm thi đua, đặt cạnh nhau"
                headers={[
                  "Cụm thi đua",
                  "Khối",
                  "Giai đoạn",
                  "Cụm trưởng",
                  "Đơn vị",
                  "CBCS",
                  "Tỷ lệ đăng ký",
                  ...m.titles.individual.map((t) => t.shortName),
                  ...m.titles.collective.map((t) => t.shortName),
                  "Dẫn đầu",
                  "Báo cáo đã nộp",
                ]}
              >
                {m.clusters.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.mayOpen ? (
                        <Link href={`/overview?cluster=${c.id}${m.year ? `&year=${m.year}` : ""}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                          {c.name}
                        </Link>
                      ) : (
                        <span className="font-medium">{c.name}</span>
                      )}
                    </td>
                    <td>{c.blockName}</td>
                    <td>{c.phase ? PHASE_LABELS[c.phase] : "Chưa mở năm"}</td>
                    <td>{c.chairName ?? ""}</td>
                    <td className="n">{formatCount(c.units)}</td>
                    <td className="n">{formatCount(c.activeOfficers)}</td>
                    <td className="n">{c.registrationPercent === null ? "—" : `${c.registrationPercent}%`}</td>
                    {m.titles.individual.map((t) => (
                      <td key={t.code} className="n">
                        {formatCount(c.awardedByTitle[t.code] ?? 0)}
                      </td>
                    ))}
                    {m.titles.collective.map((t) => (
                      <td key={t.code} className="n">
                        {formatCount(c.collectiveByTitle[t.code] ?? 0)}
                      </td>
                    ))}
                    <td>{c.leader ? `${c.leader.name}${c.leader.totalHalf !== null ? ` (${formatPoints(c.leader.totalHalf)})` : ""}` : ""}</td>
                    <td className="n">{c.phase ? `${c.reports.submitted}/${c.reports.expected}` : "—"}</td>
                  </tr>
                ))}
                <tr className="bg-slate-50 font-semibold">
                  <td colSpan={4}>
                    Tổng cộng ({m.totals.clusters} cụm)
                  </td>
                  <td className="n">{formatCount(m.totals.units)}</td>
                  <td className="n">{formatCount(m.totals.activeOfficers)}</td>
                  <td />
                  {m.titles.individual.map((t) => (
                    <td key={t.code} className="n">
                      {formatCount(m.totals.awardedByTitle[t.code] ?? 0)}
                    </td>
                  ))}
                  {m.titles.collective.map((t) => (
                    <td key={t.code} className="n">
                      {formatCount(m.totals.collectiveByTitle[t.code] ?? 0)}
                    </td>
                  ))}
                  <td colSpan={2} />
                </tr>
              </DataTable>
            </div>
            <p className="mt-2 text-xs text-slate-500">
              Danh hiệu cá nhân: số cán bộ, chiến sĩ được công nhận trong năm; danh hiệu tập thể: số đơn vị được công nhận. “Dẫn đầu”: đơn vị hạng 1 theo kết quả chấm
              điểm chính thức.
            </p>
          </Card>

          {chartRows.some((r) => r.total > 0) && (
            <Card title="Danh hiệu cá nhân được công nhận theo cụm">
              <ChartFrame
                height={360}
                caption="Mỗi cột là một cụm thi đua (theo mã cụm), mỗi đoạn là một danh hiệu; số trên cột là tổng."
                summary={m.clusters.map((c) => `${c.name}: ${c.awardedTotal}`).join("; ")}
                testId="chart-ministry"
              >
                <CountChart
                  title="Danh hiệu cá nhân theo cụm"
                  description="Mỗi cột là một cụm, mỗi đoạn là một danh hiệu."
                  series={m.titles.individual.map((t) => ({ key: t.code, label: t.name }))}
                  rows={chartRows}
                  height={360}
                />
              </ChartFrame>
            </Card>
          )}
        </>
      )}
    </div>
  );
}

export default pageOr404(MinistryPage);
