// The register's rows (printable), with the Ministry office's revocation of a commendation.
import Link from "next/link";
import { RevokeAwardForm } from "@/components/revoke-award-form";
import { Badge, cellClass, DataTable, EmptyState, Pagination } from "@/components/ui";
import { formatDate } from "@/lib/format";
import type { commendationRegister } from "@/server/queries/commendations";
import { revokeCommendationAction } from "../actions";

type Register = Awaited<ReturnType<typeof commendationRegister>>;

const SOURCES: Record<string, string> = { DECISION: "Quyết định trong hồ sơ", MANUAL: "Nhập từng khen thưởng", IMPORT: "Nhập từ Excel" };

export function RegisterTable({ register, makeHref }: { register: Register; makeHref: (page: number) => string }) {
  const filtered = Object.values(register.filters).some(Boolean);
  if (register.total === 0) {
    return (
      <EmptyState title={filtered ? "Không có khen thưởng nào khớp với bộ lọc." : "Sổ khen thưởng chưa có khen thưởng nào."}>
        {register.canEnter && !filtered && <p className="text-sm text-slate-600">Ghi từng khen thưởng ở trên hoặc nhập từ tệp Excel theo mẫu.</p>}
      </EmptyState>
    );
  }
  return (
    <section aria-label="Danh sách khen thưởng">
      <DataTable
        caption="Sổ khen thưởng"
        headers={["Năm", "Tập thể / cá nhân", "Đơn vị", "Hình thức", "Cấp quyết định", "Quyết định", "Tình trạng", ...(register.canRevoke ? [<span key="a" className="no-print">Thu hồi</span>] : [])]}
        testId="commendation-register"
      >
        {register.rows.map((r) => (
          <tr key={r.id} data-testid="commendation-row">
            <td className={cellClass}>{r.year}</td>
            <td className={cellClass}>
              {r.officerId ? (
                <>
                  <Link href={`/officers/${r.officerId}`} className="text-brand-700 underline">
                    {r.subjectName}
                  </Link>
                  <span className="block text-xs text-slate-500">Cá nhân · {r.officerCode}</span>
                </>
              ) : (
                <>
                  {r.subjectName}
                  <span className="block text-xs text-slate-500">Tập thể</span>
                </>
              )}
            </td>
            <td className={cellClass}>{r.unitName}</td>
            <td className={cellClass}>{r.form}</td>
            <td className={cellClass}>{r.level}</td>
            <td className={`${cellClass} text-xs`}>
              Số {r.decisionNo}, ngày {formatDate(r.decisionDate)}
              <span className="block text-slate-500">{r.decisionSigner}</span>
              <span className="block text-slate-400">{SOURCES[r.source] ?? r.source}</span>
            </td>
            <td className={cellClass}>
              {r.revokedAt ? (
                <>
                  <Badge tone="red">Đã thu hồi</Badge>
                  <span className="mt-1 block text-xs text-slate-600">
                    QĐ số {r.revokeDecisionNo}, ngày {formatDate(r.revokedAt)}: {r.revokeReason}
                  </span>
                </>
              ) : (
                <Badge tone="green">Còn hiệu lực</Badge>
              )}
            </td>
            {register.canRevoke && (
              <td className={`${cellClass} no-print`}>
                <RevokeAwardForm
                  action={revokeCommendationAction}
                  kind="COMMENDATION"
                  id={r.id}
                  revoked={r.revokedAt !== null}
                  what={`${r.form} của ${r.subjectName}`}
                  confirm={`Thu hồi ${r.form} (Quyết định số ${r.decisionNo}) của ${r.subjectName}? Khen thưởng được giữ trong sổ và đánh dấu đã thu hồi; không thể hoàn tác.`}
                  button="Thu hồi khen thưởng"
                />
              </td>
            )}
          </tr>
        ))}
      </DataTable>
      <Pagination page={register.page} pageCount={register.pageCount} total={register.total} makeHref={makeHref} />
    </section>
  );
}
