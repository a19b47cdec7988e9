import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { ActiveBadge, Badge, Card, cellClass, DataTable, EmptyState, PageHeader } from "@/components/ui";
import { PHASE_LABELS, type YearPhase } from "@/domain/year-phases";
import { DEFAULT_MOVEMENT } from "@/domain/year-rules";
import { formatDate, formatNumber } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { clusterWorkspace } from "@/server/queries/cluster";
import { openYearAction } from "./actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Cụm thi đua" };

function phaseTone(phase: YearPhase): "slate" | "green" | "blue" | "amber" {
  if (phase === "CLOSED") return "slate";
  if (phase === "SETUP") return "amber";
  if (phase === "RESULTS") return "green";
  return "blue";
}

async function ClusterPage() {
  const actor = await requireActor();
  const { cluster, members, years, openForm } = await clusterWorkspace(actor);
  const activeMembers = members.filter((m) => m.active).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title={cluster.name}
        description={
          <>
            {cluster.blockName} · Mã cụm: {cluster.code} · {activeMembers} đơn vị thành viên đang hoạt động
          </>
        }
      />

      <Card title="Đơn vị thành viên">
        {members.length === 0 ? (
          <EmptyState title="Cụm chưa có đơn vị thành viên.">Quản trị hệ thống thêm đơn vị vào cụm tại mục “Đơn vị”.</EmptyState>
        ) : (
          <DataTable
            caption={`Đơn vị thành viên của ${cluster.name}`}
            headers={["STT", "Đơn vị", "Mã", "CBCS đang công tác", "Đơn vị trực thuộc (phòng, đội)", "Trạng thái"]}
          >
            {members.map((m, i) => (
              <tr key={m.id}>
                <td className={cellClass}>{i + 1}</td>
                <td className={`${cellClass} font-medium`}>{m.name}</td>
                <td className={cellClass}>{m.code}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{formatNumber(m.activeOfficers)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{formatNumber(m.subUnits)}</td>
                <td className={cellClass}><ActiveBadge active={m.active} /></td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title="Các năm thi đua">
        {years.length === 0 ? (
          <EmptyState title="Cụm chưa mở năm thi đua nào.">Mở năm thi đua đầu tiên bằng biểu mẫu bên dưới.</EmptyState>
        ) : (
          <DataTable caption="Các năm thi đua của cụm, năm gần nhất trước" headers={["Năm", "Giai đoạn", "Phong trào", "Cụm trưởng", "Cụm phó", "Ngày khóa sổ"]}>
            {years.map((y) => (
              <tr key={y.id}>
                <td className={cellClass}>
                  <Link href={`/cluster/years/${y.id}`} className="font-medium text-brand-700 underline">
                    Năm {y.year}
                  </Link>
                </td>
                <td className={cellClass}>
                  <Badge tone={phaseTone(y.phase)}>{PHASE_LABELS[y.phase]}</Badge>
                </td>
                <td className={cellClass}>{y.movement}</td>
                <td className={cellClass}>{y.chairName ?? <span className="text-slate-500">Chưa xác định</span>}</td>
                <td className={cellClass}>{y.deputyName ?? <span className="text-slate-500">Chưa xác định</span>}</td>
                <td className={cellClass}>{y.closedAt ? formatDate(y.closedAt) : ""}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title="Mở năm thi đua">
        {openForm.chairCandidates.length === 0 ? (
          <EmptyState title="Chưa thể mở năm thi đua.">Cụm cần có ít nhất một đơn vị thành viên đang hoạt động để chọn Cụm trưởng.</EmptyState>
        ) : (
          <ActionForm action={openYearAction} aria-label="Mở năm thi đua" className="space-y-4">
            <div className="space-y-1 text-sm text-slate-600">
              {openForm.latestYear === null ? (
                <p>Đây là năm thi đua đầu tiên của cụm; các thiết lập lấy theo giá trị mặc định.</p>
              ) : (
                <p>
                  Năm mới phải là năm liền sau năm {openForm.latestYear}. Các thiết lập (tỷ lệ, ngưỡng, quy tắc bỏ phiếu, thời hạn) được sao
                  chép từ năm {openForm.latestYear}, các thời hạn lùi sang năm sau; có thể điều chỉnh sau khi mở.
                </p>
              )}
              {openForm.outgoingChairExcluded && openForm.outgoingChairName && (
                <p>
                  {openForm.outgoingChairName} (Cụm trưởng năm {openForm.latestYear}) không có trong danh sách vì theo quy chế của cụm, Cụm
                  trưởng năm trước không được bầu lại.
                </p>
              )}
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="year" label="Năm thi đua" type="number" required defaultValue={openForm.nextYear} />
              <TextField name="movement" label="Phong trào thi đua" required defaultValue={DEFAULT_MOVEMENT} maxLength={300} />
              <SelectField
                name="chairUnitId"
                label="Cụm trưởng"
                required
                placeholder="— Chọn đơn vị —"
                defaultValue={openForm.electedChairUnitId ?? undefined}
                hint="Xếp theo thời gian chưa làm Cụm trưởng, lâu nhất trước; chọn sẵn đơn vị được hội nghị bầu."
                options={openForm.chairCandidates.map((c) => ({
                  value: c.id,
                  label: c.lastChairedYear === null ? `${c.name} (chưa từng làm Cụm trưởng)` : `${c.name} (Cụm trưởng gần nhất năm ${c.lastChairedYear})`,
                }))}
              />
              <SelectField
                name="deputyUnitId"
                label="Cụm phó"
                placeholder="— Chưa xác định —"
                defaultValue={openForm.electedDeputyUnitId ?? undefined}
                options={openForm.deputyOptions.map((d) => ({ value: d.id, label: d.name }))}
              />
            </div>
            <SubmitButton>Mở năm thi đua</SubmitButton>
          </ActionForm>
        )}
      </Card>
    </div>
  );
}

export default pageOr404(ClusterPage);
