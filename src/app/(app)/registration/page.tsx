import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, cellClass, DataTable, EmptyState, PageHeader, PickerSelect, PickerSubmit } from "@/components/ui";
import { roleMay } from "@/domain/permissions";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { parseRegistrationParams, registrationBoard, unitRegistrationPage, type RegistrationBoard } from "@/server/queries/registration";
import { PrintButton } from "@/components/print-button";
import { registrationStatusBadge, UnitRegistrationView } from "./unit-view";
import { pageOr404 } from "@/app/not-found-boundary";
import { Deadline } from "@/components/deadline";
import { appNow } from "@/server/clock";

export const metadata: Metadata = { title: "Đăng ký thi đua" };

/**
 * Unit officers and unit heads: their unit's registration for the cluster's current year (heads read
 * only). Secretariat and admins: the board of every unit's progress.
 */
async function RegistrationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = parseRegistrationParams(await searchParams);
  if (roleMay(actor, "registration.board")) {
    return <Board board={await registrationBoard(actor, { cluster: params.cluster })} picksCluster={actor.role === "ADMIN"} />;
  }
  return <UnitRegistrationView data={await unitRegistrationPage(actor, params)} basePath="/registration" />;
}

function Board({ board, picksCluster }: { board: RegistrationBoard; picksCluster: boolean }) {
  const picker =
    picksCluster && board.clusters.length > 0 ? (
      <form method="get" action="/registration" className="no-print mb-4 flex flex-wrap items-end gap-3" aria-label="Chọn cụm thi đua">
        <PickerSelect id="board-cluster" name="cluster" label="Cụm thi đua" defaultValue={board.cluster?.id ?? ""}>
          {board.clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </PickerSelect>
        <PickerSubmit variant="primary" />
      </form>
    ) : null;

  if (!board.cluster) {
    return (
      <div>
        <PageHeader title="Theo dõi đăng ký thi đua" />
        <EmptyState title="Chưa có cụm thi đua nào để theo dõi.">Tài khoản của bạn chưa được gắn với cụm thi đua.</EmptyState>
      </div>
    );
  }
  if (!board.year) {
    return (
      <div>
        <PageHeader title="Theo dõi đăng ký thi đua" description={board.cluster.name} />
        {picker}
        <EmptyState title="Cụm thi đua chưa mở năm thi đua nào.">Mở năm thi đua tại mục “Cụm thi đua” để các đơn vị đăng ký.</EmptyState>
      </div>
    );
  }
  const { year, rows, totals } = board;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Theo dõi đăng ký thi đua năm ${year.year}`}
        description={
          <>
            {board.cluster.name} · Giai đoạn: {PHASE_LABELS[year.phase]} · Hạn đăng ký: <Deadline iso={year.registrationDeadline} now={appNow()} unset="chưa đặt" />
          </>
        }
        actions={<PrintButton label="In bảng theo dõi" />}
      />
      {picker}
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Đơn vị đã gửi</dt>
            <dd className="text-lg font-semibold">
              {totals.submitted}/{totals.units}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Cán bộ đã đăng ký</dt>
            <dd className="text-lg font-semibold">
              {totals.registered.toLocaleString("vi-VN")}/{totals.officers.toLocaleString("vi-VN")} ({totals.percent}%)
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Đơn vị vượt chỉ tiêu CSTĐCS</dt>
            <dd className={`text-lg font-semibold ${totals.overQuota ? "text-red-700" : ""}`}>{totals.overQuota}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Tỷ lệ CSTĐCS tối đa</dt>
            <dd className="text-lg font-semibold">{String(year.settings.cstdcsQuotaPercent).replace(".", ",")}% số CST</dd>
          </div>
        </dl>
      </Card>
      {rows.length === 0 ? (
        <EmptyState title="Cụm chưa có đơn vị thành viên đang hoạt động." />
      ) : (
        <div data-testid="registration-board">
          <DataTable
            caption={`Tiến độ đăng ký thi đua năm ${year.year} của các đơn vị`}
            headers={["Đơn vị", "Đã đăng ký / quân số", "Danh hiệu đơn vị", "Trạng thái", "Chỉ tiêu CSTĐCS", "Giao ước", ""]}
          >
            {rows.map((r) => (
              <tr key={r.unitId} data-testid={`board-row-${r.unitCode}`}>
                <td className={`${cellClass} font-medium`}>{r.unitName}</td>
                <td className={cellClass}>
                  <span className={`font-semibold ${r.percent === 100 ? "text-green-700" : ""}`} data-testid="board-percent">
                    {r.percent}%
                  </span>
                  <span className="block text-xs text-slate-600">
                    {r.registered.toLocaleString("vi-VN")}/{r.officers.toLocaleString("vi-VN")} cán bộ
                  </span>
                  <div className="mt-1 h-1.5 w-24 rounded bg-slate-200" aria-hidden>
                    <div className="h-1.5 rounded bg-brand-600" style={{ width: `${r.percent}%` }} />
                  </div>
                </td>
                <td className={cellClass}>{r.targetTitle ? r.targetTitle.name : <span className="text-slate-400">Chưa chọn</span>}</td>
                <td className={cellClass}>
                  {registrationStatusBadge(r.status, r.registered > 0 || r.targetTitle !== null, r.submittedAt)}
                  {r.window.reason === "REOPENED" && <span className="mt-1 block text-xs text-blue-800">Mở lại đến {formatDate(r.window.until)}</span>}
                </td>
                <td className={cellClass}>
                  <Badge tone={r.quota.verdict === "OVER" ? "red" : r.quota.verdict === "AT" ? "amber" : "green"}>
                    {r.cstdcs}/{r.quota.allowed}
                    {r.quota.verdict === "OVER" ? ` · vượt ${-r.quota.remaining}` : ""}
                  </Badge>
                  <span className="sr-only">{r.quota.message}</span>
                </td>
                <td className={cellClass}>
                  {r.agreementSignedOn ? (
                    <>
                      Ký ngày {formatDate(r.agreementSignedOn)}
                      {r.hasAgreementFile && r.unitRegistrationId && (
                        <a href={`/registration/agreement/${r.unitRegistrationId}`} className="ml-1 text-brand-700 underline" download>
                          (bản chụp)
                        </a>
                      )}
                    </>
                  ) : (
                    <span className="text-slate-400">Chưa ghi nhận</span>
                  )}
                </td>
                <td className={`${cellClass} no-print`}>
                  <Link href={`/registration/units/${r.unitId}`} className="text-brand-700 hover:underline" aria-label={`Xem đăng ký của ${r.unitName}`}>
                    Xem
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

export default pageOr404(RegistrationPage);
