import Link from "next/link";
import { cellClass, DataTable, EmptyState } from "@/components/ui";
import { ROUND_KIND_LABELS } from "@/domain/voting";
import { formatDateTime } from "@/lib/format";
import { OutcomeText, RoundActions, RoundStateBadge } from "../ui";
import type { ConferenceData, ConferenceYear } from "./conference-data";

/** The year's rounds with their state, turnout and published result; actions for the secretariat. */
export function RoundsSection({
  year,
  rounds,
  manage,
  canManage,
}: {
  year: ConferenceYear;
  rounds: ConferenceData["rounds"];
  manage: ConferenceData["manage"];
  canManage: boolean;
}) {
  return (
    <section aria-labelledby="rounds-heading" className="space-y-3">
      <h2 id="rounds-heading" className="text-lg font-semibold text-slate-800">
        Các vòng bỏ phiếu
      </h2>
      {rounds.length === 0 ? (
        <EmptyState title={`Chưa có vòng bỏ phiếu nào của năm ${year.year}.`}>
          {manage ? "Tạo vòng suy tôn hoặc bầu Cụm trưởng, Cụm phó ở phần dưới." : "Thư ký cụm sẽ tạo các vòng bỏ phiếu tại hội nghị tổng kết."}
        </EmptyState>
      ) : (
        <div data-testid="rounds-table">
          <DataTable caption={`Các vòng bỏ phiếu năm ${year.year}`} headers={["Vòng bỏ phiếu", "Trạng thái", "Số suất", "Đã bỏ phiếu", "Kết quả", ""]}>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td className={cellClass}>
                  <Link href={`/conference/rounds/${r.id}`} className="font-medium text-brand-700 underline">
                    {r.title}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {ROUND_KIND_LABELS[r.kind]}
                    {r.isRunoff ? " · bỏ phiếu lại" : ""}
                    {r.closedAt ? ` · kết thúc ${formatDateTime(r.closedAt)}` : r.openedAt ? ` · mở ${formatDateTime(r.openedAt)}` : ""}
                  </span>
                </td>
                <td className={cellClass}>
                  <RoundStateBadge state={r.state} />
                </td>
                <td className={`${cellClass} tabular-nums`}>{r.seats}</td>
                <td className={`${cellClass} tabular-nums`}>{r.state === "DRAFT" ? "—" : `${r.voted}/${r.electorateSize}`}</td>
                <td className={`${cellClass} max-w-md`}>
                  {r.results ? (
                    <>
                      <OutcomeText results={r.results} kindLabel={r.kind === "ACCLAIM" ? "ACCLAIM" : "ELECTION"} />
                      <span className="text-xs text-slate-500">
                        {r.results.ballots} phiếu / {r.results.voted} đơn vị đã bỏ phiếu {r.results.consistent ? "✓" : "– KHÔNG KHỚP"}
                      </span>
                    </>
                  ) : r.state === "OPEN" ? (
                    <span className="text-slate-500">Công bố sau khi kết thúc vòng</span>
                  ) : (
                    <span className="text-slate-500">Chưa mở</span>
                  )}
                </td>
                <td className={cellClass}>
                  <div className="flex flex-col items-start gap-2">
                    <Link href={`/conference/rounds/${r.id}/screen`} className="text-sm text-brand-700 underline">
                      Trình chiếu
                    </Link>
                    {canManage && year.writable && <RoundActions round={r} />}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}
