import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/form";
import { Card, cellClass, DataTable, EmptyState, LinkButton, PageHeader } from "@/components/ui";
import { roleMay } from "@/domain/permissions";
import { P } from "@/domain/scoring/permissions";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { reportsIndex, type ReportsIndexRow } from "@/server/queries/reports";
import { startReportAction } from "./actions";
import { Notice, pts, RoundBadge, StatusBadge, YearPicker } from "./ui";
import { pageOr404 } from "@/app/not-found-boundary";
import { REPORT_KIND_LABELS } from "@/domain/scoring";

export const metadata: Metadata = { title: "Báo cáo, chấm điểm" };

async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = await searchParams;
  const yearParam = typeof query.year === "string" ? query.year : null;
  const data = await reportsIndex(actor, yearParam);
  const { year, table } = data;
  const unitView = actor.role === "UNIT_OFFICER" || actor.role === "UNIT_HEAD";
  const manages = roleMay(actor, P.scoringManage);

  if (!year) {
    return (
      <div>
        <PageHeader title="Báo cáo, chấm điểm" />
        <EmptyState title="Chưa có năm thi đua nào.">Thư ký Cụm mở năm thi đua trước khi các đơn vị soạn báo cáo.</EmptyState>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title="Báo cáo, chấm điểm"
        description={`${year.clusterName} · Năm thi đua ${year.year} · Giai đoạn: ${PHASE_LABELS[year.phase]}`}
        actions={
          <>
            {data.years.length > 1 && <YearPicker years={data.years} selectedId={year.id} action="/reports" />}
          </>
        }
      />

      {!table ? (
        <Notice title={`Năm ${year.year} chưa có bảng tiêu chí, thang điểm.`}>
          {manages ? (
            <Link href={`/cluster/criteria/${year.id}`} className="underline">
              Tạo bảng tiêu chí
            </Link>
          ) : (
            "Thư ký Cụm sẽ công bố bảng tiêu chí trước khi các đơn vị soạn báo cáo."
          )}
        </Notice>
      ) : !table.publishedAt ? (
        <Notice title={`Bảng tiêu chí năm ${year.year} đang được xây dựng, chưa công bố.`}>
          {manages ? (
            <Link href={`/cluster/criteria/${year.id}`} className="underline">
              Mở bảng tiêu chí để hoàn thiện và công bố
            </Link>
          ) : (
            "Các đơn vị soạn báo cáo sau khi bảng tiêu chí được công bố."
          )}
        </Notice>
      ) : (
        <p className="text-sm text-slate-600">
          Bảng tiêu chí công bố ngày {formatDate(table.publishedAt)}
          {table.frozenAt ? `, cố định từ ngày ${formatDate(table.frozenAt)} (phiên bản ${table.version})` : ""}.{" "}
          <Link href={manages ? `/cluster/criteria/${year.id}` : `/reports/criteria/${year.id}`} className="text-brand-700 underline">
            Xem bảng tiêu chí
          </Link>
        </p>
      )}

      {unitView ? <UnitReports data={data} /> : <ClusterReports data={data} />}

      {manages && (
        <Card title="Chấm chéo, thống nhất điểm và xếp hạng">
          <div className="flex flex-wrap items-center gap-3">
            {data.round ? <RoundBadge state={data.round.state as "OPEN" | "CLOSED" | "FINALISED"} /> : <span className="text-sm text-slate-600">Chưa mở vòng chấm chéo.</span>}
            <LinkButton href={`/reports/scoring/${year.id}`}>Quản lý chấm chéo</LinkButton>
            <LinkButton href={`/reports/scoring/${year.id}/ranking`} variant="secondary">
              Bảng xếp hạng
            </LinkButton>
            {table && (
              <a href={`/reports/scoring/${year.id}/export`} className="text-sm text-brand-700 underline">
                Tải bảng điểm (Excel)
              </a>
            )}
          </div>
        </Card>
      )}
      {!manages && roleMay(actor, P.rankingView) && data.round?.state === "FINALISED" && (
        <LinkButton href={`/reports/scoring/${year.id}/ranking`} variant="secondary">
          Bảng xếp hạng năm {year.year}
        </LinkButton>
      )}
    </div>
  );
}

type Data = Awaited<ReturnType<typeof reportsIndex>>;

function UnitReports({ data }: { data: Data }) {
  const { year } = data;
  const rows = data.rows;
  return (
    <>
      <Card title={`Báo cáo của ${data.ownUnit?.name ?? "đơn vị"}`}>
        <DataTable caption={`Báo cáo của đơn vị năm ${year!.year}`} headers={["Loại báo cáo", "Trạng thái", "Số lần gửi", "Tự chấm", "Kết quả", ""]}>
          {rows.map((r) => (
            <tr key={r.kind}>
              <td className={`${cellClass} font-medium`}>{REPORT_KIND_LABELS[r.kind]}</td>
              <td className={cellClass}>
                {r.reportId ? <StatusBadge status={r.status} /> : <span className="text-slate-500">Chưa soạn</span>}
                {r.submittedAt && <div className="mt-1 text-xs text-slate-500">Gửi lúc {formatDateTime(r.submittedAt)}</div>}
              </td>
              <td className={cellClass}>{r.submissionCount || "—"}</td>
              <td className={cellClass}>{r.kind === "YEAR_END" ? pts(r.selfTotalHalf) : "—"}</td>
              <td className={cellClass}>{r.finalRank ? `Hạng ${r.finalRank} · ${pts(r.finalTotalHalf)} điểm` : "—"}</td>
              <td className={cellClass}>
                <RowAction row={r} canStart={data.canStart} yearId={year!.id} hasMidyearForm={data.table?.hasMidyearForm ?? false} />
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
      {data.assignmentsCount > 0 && (
        <Card title="Chấm chéo">
          <p className="mb-3 text-sm text-slate-600">Đơn vị được phân công chấm chéo {data.assignmentsCount} báo cáo của đơn vị khác trong năm {year!.year}.</p>
          <LinkButton href="/reports/cross">Mở phiếu chấm chéo</LinkButton>
        </Card>
      )}
    </>
  );
}

function RowAction({ row, canStart, yearId, hasMidyearForm }: { row: ReportsIndexRow; canStart: boolean; yearId: string; hasMidyearForm: boolean }) {
  if (row.reportId) {
    return (
      <Link href={`/reports/${row.reportId}`} className="font-medium text-brand-700 hover:underline">
        Mở báo cáo
      </Link>
    );
  }
  if (!canStart) return <span className="text-sm text-slate-500">—</span>;
  if (row.kind === "MIDYEAR" && !hasMidyearForm) return <span className="text-xs text-slate-500">Cụm chưa chọn nội dung sơ kết</span>;
  return (
    <ActionForm action={startReportAction} aria-label={`Soạn ${REPORT_KIND_LABELS[row.kind].toLowerCase()}`}>
      <input type="hidden" name="yearId" value={yearId} />
      <input type="hidden" name="kind" value={row.kind} />
      <SubmitButton variant="secondary">Soạn {REPORT_KIND_LABELS[row.kind].toLowerCase()}</SubmitButton>
    </ActionForm>
  );
}

function ClusterReports({ data }: { data: Data }) {
  const byUnit = new Map<string, ReportsIndexRow[]>();
  for (const r of data.rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  const submitted = data.rows.filter((r) => r.kind === "YEAR_END" && r.status !== "NONE").length;
  const units = byUnit.size;
  if (units === 0) return <EmptyState title="Cụm chưa có đơn vị thành viên." />;
  return (
    <Card title={`Báo cáo của các đơn vị (${submitted}/${units} đơn vị đã gửi báo cáo tổng kết)`}>
      <p className="mb-3 text-sm text-slate-600">Báo cáo đang soạn của đơn vị không hiển thị cho đến khi lãnh đạo đơn vị duyệt và gửi.</p>
      <div data-testid="cluster-reports">
        <DataTable caption="Báo cáo của các đơn vị" headers={["Đơn vị", "Báo cáo tổng kết", "Tự chấm", "Kết quả", "Sơ kết 6 tháng"]}>
          {[...byUnit.entries()].map(([unitId, rows]) => {
            const yearEnd = rows.find((r) => r.kind === "YEAR_END")!;
            const midyear = rows.find((r) => r.kind === "MIDYEAR")!;
            return (
              <tr key={unitId}>
                <td className={`${cellClass} font-medium`}>{yearEnd.unitName}</td>
                <td className={cellClass}>
                  <ReportCell row={yearEnd} />
                </td>
                <td className={cellClass}>{pts(yearEnd.selfTotalHalf)}</td>
                <td className={cellClass}>{yearEnd.finalRank ? `Hạng ${yearEnd.finalRank} · ${pts(yearEnd.finalTotalHalf)}` : "—"}</td>
                <td className={cellClass}>
                  <ReportCell row={midyear} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </div>
    </Card>
  );
}

function ReportCell({ row }: { row: ReportsIndexRow }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <StatusBadge status={row.status} />
      {row.submissionCount > 1 && <span className="text-xs text-slate-500">gửi {row.submissionCount} lần</span>}
      {row.viewable && row.reportId && (
        <Link href={`/reports/${row.reportId}`} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`Xem ${REPORT_KIND_LABELS[row.kind].toLowerCase()} của ${row.unitName}`}>
          Xem
        </Link>
      )}
    </div>
  );
}

export default pageOr404(ReportsPage);
