import { Card, DataTable, EmptyState } from "@/components/ui";
import { formatCount, registrationStatusLabel } from "@/domain/dashboard";
import type { DashboardWithYear } from "@/server/queries/dashboard";
import { ChartFrame } from "../charts/chart-frame";
import { CountChart } from "../charts/count-chart";
import { Withheld, type DashboardYear } from "./dashboard-parts";

/** Individual titles: registered against awarded per unit this year, and awarded over the years. */
export function IndividualTitles({ d, year }: { d: DashboardWithYear; year: DashboardYear }) {
  const units = d.units;
  const individual = d.titles.individual;
  const titleRows = d.titleHistory.awarded.map((r) => ({ ...r, label: String(r.year) }));
  const hasTitleHistory = titleRows.some((r) => r.total > 0);
  const closed = year.phase === "CLOSED";
  return (
    <>
      <Card title={`Danh hiệu cá nhân năm ${year.year}: đăng ký và được công nhận`}>
        <p className="mb-3 text-sm text-slate-600">
          Mỗi ô ghi “số đăng ký / số được công nhận”. Tỷ lệ đăng ký tính trên số cán bộ, chiến sĩ đang công tác{closed ? " (không tính cho năm đã khóa sổ)" : ""}.
        </p>
        <div data-testid="titles-table">
          <DataTable
            caption={`Danh hiệu cá nhân đăng ký và được công nhận năm ${year.year}`}
            headers={["Đơn vị", "CBCS đang công tác", "Đã đăng ký", "Tỷ lệ đăng ký", "Trạng thái đăng ký", ...individual.map((t) => t.shortName)]}
          >
            {units.map((u) => (
              <tr key={u.id}>
                <td className="m">{u.name}</td>
                <td className="n">{formatCount(u.activeOfficers)}</td>
                <td className="n">{u.registrationShown ? formatCount(u.registeredTotal) : <Withheld />}</td>
                <td className="n">{u.registrationPercent === null ? "—" : `${u.registrationPercent}%`}</td>
                <td>{u.registrationShown ? registrationStatusLabel(u.registrationStatus) : "Chưa gửi"}</td>
                {individual.map((t) => (
                  <td key={t.code} className="n">
                    {u.registrationShown ? formatCount(u.registered[t.code] ?? 0) : <Withheld />} / {formatCount(u.awarded[t.code] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="bg-slate-50 font-semibold">
              <td>Tổng cộng</td>
              <td className="n">{formatCount(d.totals.activeOfficers)}</td>
              <td className="n">{formatCount(d.totals.registered)}</td>
              <td className="n">{d.totals.registrationPercent === null ? "—" : `${d.totals.registrationPercent}%`}</td>
              <td />
              {individual.map((t) => (
                <td key={t.code} className="n">
                  {formatCount(d.totals.registeredByTitle[t.code] ?? 0)} / {formatCount(d.totals.awardedByTitle[t.code] ?? 0)}
                </td>
              ))}
            </tr>
          </DataTable>
        </div>
      </Card>

      <Card title="Danh hiệu cá nhân được công nhận qua các năm">
        {!hasTitleHistory ? (
          <EmptyState title="Chưa có danh hiệu nào được công nhận.">Biểu đồ hiển thị khi có quyết định công nhận danh hiệu của các năm.</EmptyState>
        ) : (
          <ChartFrame
            height={320}
            caption="Số danh hiệu cá nhân được công nhận của các đơn vị trong cụm, theo năm; số ghi trên cột là tổng."
            summary={titleRows.map((r) => `Năm ${r.year}: ${r.total}`).join("; ")}
            testId="chart-titles"
          >
            <CountChart
              title="Danh hiệu cá nhân qua các năm"
              description="Mỗi cột là một năm, mỗi đoạn là một danh hiệu."
              series={individual.map((t) => ({ key: t.code, label: t.name }))}
              rows={titleRows}
            />
          </ChartFrame>
        )}
      </Card>
    </>
  );
}
