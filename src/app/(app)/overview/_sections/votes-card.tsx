import { Badge, Card, DataTable, EmptyState } from "@/components/ui";
import { ROUND_KIND_LABELS, ROUND_STATE_LABELS } from "@/domain/voting/labels";
import type { DashboardWithYear } from "@/server/queries/dashboard";
import type { DashboardYear } from "./dashboard-parts";

/** The conference's rounds: results of the closed ones, turnout of the open ones. */
export function VotesCard({ d, year }: { d: DashboardWithYear; year: DashboardYear }) {
  const units = d.units;
  return (
    <Card title={`Kết quả bỏ phiếu tại hội nghị tổng kết năm ${year.year}`}>
      {d.votes.length === 0 ? (
        <EmptyState title="Chưa có vòng bỏ phiếu nào.">Thư ký cụm tạo các vòng bình xét, suy tôn và bầu Cụm trưởng, Cụm phó tại hội nghị tổng kết.</EmptyState>
      ) : (
        <div className="space-y-5">
          {d.votes.map((round) => (
            <section key={round.id} className="print-keep" aria-label={round.title}>
              <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-800">
                {round.title}
                <Badge tone="slate">{ROUND_KIND_LABELS[round.kind]}</Badge>
                <Badge tone={round.state === "CLOSED" ? "green" : round.state === "OPEN" ? "amber" : "slate"}>{ROUND_STATE_LABELS[round.state]}</Badge>
                {round.isRunoff && <Badge tone="blue">Bỏ phiếu lại</Badge>}
              </h3>
              {round.state === "CLOSED" ? (
                <>
                  <p className="mb-2 text-sm text-slate-600">
                    {round.ballotsCast} phiếu hợp lệ · {round.voted} đơn vị đã bỏ phiếu · {round.seats} suất
                    {round.runoffNeeded ? " · Có đơn vị bằng phiếu: phải bỏ phiếu lại" : ""}
                  </p>
                  <DataTable caption={`Kết quả ${round.title}`} headers={["Đơn vị", "Đồng ý / được chọn", "Không đồng ý", "Kết quả"]}>
                    {round.results.map((r) => (
                      <tr key={r.unitId}>
                        <td>{r.name}</td>
                        <td className="n">{r.approvals}</td>
                        <td className="n">{round.kind === "ACCLAIM" && !round.isRunoff ? r.disapprovals : "—"}</td>
                        <td>
                          {r.elected ? <Badge tone="green">{round.kind === "ACCLAIM" ? "Được suy tôn" : "Trúng cử"}</Badge> : "Không đạt"}
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                </>
              ) : (
                <p className="text-sm text-slate-600">
                  {round.state === "OPEN"
                    ? `Đang bỏ phiếu: ${round.voted}/${units.filter((u) => u.active).length} đơn vị đã bỏ phiếu. Kết quả chỉ công bố khi kết thúc vòng bỏ phiếu.`
                    : "Vòng bỏ phiếu đang được chuẩn bị."}
                </p>
              )}
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
