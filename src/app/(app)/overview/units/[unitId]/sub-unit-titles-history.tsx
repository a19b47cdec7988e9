// The unit's sub-units' collective titles by year on its history page (docs/domain.md §3 "Sub-units"):
// what was registered (where the year's registration is shown to the reader) and what was awarded.
import { Card, DataTable, EmptyState } from "@/components/ui";
import { formatDate } from "@/lib/format";
import type { UnitHistory } from "@/server/queries/unit-history";

/** "QĐ số … ngày …" under an awarded title (nothing without a decision number). */
export function DecisionNote({ no, date }: { no: string | null; date: Date | string | null }) {
  if (!no) return null;
  return (
    <span className="block text-xs text-slate-500">
      QĐ số {no}
      {date ? ` ngày ${formatDate(date)}` : ""}
    </span>
  );
}

export function SubUnitTitlesHistory({ rows, titleName, unitName }: { rows: UnitHistory["subUnitTitles"]; titleName: (code: string | null) => string; unitName: string }) {
  return (
    <Card title="Danh hiệu của các đơn vị trực thuộc qua các năm">
      {rows.length === 0 ? (
        <EmptyState title="Chưa có đơn vị trực thuộc nào đăng ký hoặc được công nhận danh hiệu." />
      ) : (
        <div data-testid="sub-unit-history">
          <DataTable caption={`Danh hiệu của các đơn vị trực thuộc ${unitName}`} headers={["Năm", "Đơn vị trực thuộc", "Danh hiệu đăng ký", "Được công nhận"]}>
            {rows.map((r) => (
              <tr key={`${r.year}-${r.subUnitName}`}>
                <td className="b t">{r.year}</td>
                <td>{r.subUnitName}</td>
                <td>{titleName(r.targetTitleCode) || "—"}</td>
                <td>
                  {titleName(r.awardedTitleCode) || "—"}
                  <DecisionNote no={r.decisionNo} date={r.decisionDate} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </Card>
  );
}
