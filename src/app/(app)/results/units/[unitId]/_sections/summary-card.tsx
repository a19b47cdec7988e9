import { Card } from "@/components/ui";
import { INDIVIDUAL_TITLES, titleLabel } from "@/domain/eligibility";
import { formatDate } from "@/lib/format";
import { fmt, type UnitResults } from "./unit-results";

/** The unit's figures for the year, and registered against awarded per title. */
export function SummaryCard({ summary }: { summary: UnitResults["summary"] }) {
  return (
    <Card title="Tổng hợp">
      <dl className="grid gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Quân số" value={fmt(summary.members)} />
        <Figure label="Đã đăng ký" value={`${fmt(summary.registeredTotal)}/${fmt(summary.members)}`} />
        <Figure label="Đã xếp loại" value={`${fmt(summary.rated)}/${fmt(summary.members)}`} />
        <Figure label="Chờ xác nhận" value={fmt(summary.unverified)} tone={summary.unverified > 0 ? "text-amber-700" : undefined} />
        <Figure
          label="CSTĐCS được công nhận / chỉ tiêu"
          value={`${fmt(summary.quota.cstdcs)}/${fmt(summary.quota.allowed)}`}
          tone={summary.quota.cstdcs > summary.quota.allowed ? "text-red-700" : undefined}
        />
        <Figure label="Danh hiệu đơn vị" value={summary.unitAwarded?.name ?? "Chưa có quyết định"} small />
      </dl>
      <div className="mt-4 overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Đăng ký và được công nhận theo danh hiệu</caption>
          <thead>
            <tr className="text-left text-slate-600">
              <th scope="col" className="py-1 pr-4 font-medium">
                Danh hiệu
              </th>
              {INDIVIDUAL_TITLES.map((t) => (
                <th key={t} scope="col" className="py-1 pr-4 font-medium">
                  {titleLabel(t)}
                </th>
              ))}
              <th scope="col" className="py-1 pr-4 font-medium">
                Danh hiệu đơn vị
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row" className="py-1 pr-4 text-left font-normal text-slate-600">
                Đăng ký
              </th>
              {INDIVIDUAL_TITLES.map((t) => (
                <td key={t} className="py-1 pr-4">
                  {fmt(summary.registered[t])}
                </td>
              ))}
              <td className="py-1 pr-4">{summary.unitTarget?.name ?? "—"}</td>
            </tr>
            <tr>
              <th scope="row" className="py-1 pr-4 text-left font-normal text-slate-600">
                Được công nhận
              </th>
              {INDIVIDUAL_TITLES.map((t) => (
                <td key={t} className="py-1 pr-4 font-semibold">
                  {fmt(summary.awarded[t])}
                </td>
              ))}
              <td className="py-1 pr-4 font-semibold">
                {summary.unitAwarded ? (
                  <>
                    {summary.unitAwarded.name}
                    <span className="block text-xs font-normal text-slate-500">
                      {[
                        summary.unitAwarded.decisionNo && `Quyết định số ${summary.unitAwarded.decisionNo}`,
                        summary.unitAwarded.decisionDate && `ngày ${formatDate(summary.unitAwarded.decisionDate)}`,
                        summary.unitAwarded.decisionSigner,
                      ]
                        .filter(Boolean)
                        .join(", ")}
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function Figure({ label, value, tone, small }: { label: string; value: string; tone?: string; small?: boolean }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className={`${small ? "text-sm" : "text-lg"} font-semibold ${tone ?? ""}`}>{value}</dd>
    </div>
  );
}
