import { Card } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import type { criteriaEditor } from "@/server/queries/reports";

type Amendment = Awaited<ReturnType<typeof criteriaEditor>>["amendments"][number];

/** The amendments made after the table was frozen, each with its version and reason. */
export function AmendmentsCard({ amendments, frozen }: { amendments: Amendment[]; frozen: boolean }) {
  return (
    <Card title="Lịch sử sửa đổi">
      {amendments.length === 0 ? (
        <p className="text-sm text-slate-600">{frozen ? "Chưa có sửa đổi nào sau khi cố định." : "Bảng chưa cố định; các thay đổi được ghi trong nhật ký thao tác."}</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="amendments">
          {amendments.map((a) => (
            <li key={a.id} className="border-l-2 border-slate-300 pl-3">
              <span className="font-medium">Phiên bản {a.version}</span> · {formatDateTime(a.at)} · {a.actorName}
              <p>{a.summary}</p>
              <p className="text-slate-600">Lý do: {a.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
