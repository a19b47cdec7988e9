"use client";
// A unit's history across the years, rendered from the data the page read (page.tsx): a client
// component so that the figures travel once, as data (as the cluster dashboard's view).
import Link from "next/link";
import { Badge, Card, DataTable, EmptyState, LinkButton, PageHeader, Pagination, StoppedNote } from "@/components/ui";
import { formatStreak, formatCount } from "@/domain/dashboard";
import { formatPoints } from "@/domain/scoring/points";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import type { UnitHistory } from "@/server/queries/unit-history";
import { ChartFrame } from "../../charts/chart-frame";
import { CountChart } from "../../charts/count-chart";
import { PrintButton } from "@/components/print-button";
import { ScoreHistoryChart } from "../../charts/score-history-chart";
import { Withheld } from "../../_sections/dashboard-parts";
import { DecisionNote, SubUnitTitlesHistory } from "./sub-unit-titles-history";

export function UnitHistoryView({ h, printedOn }: { h: UnitHistory; /** dd/mm/yyyy, from the server */ printedOn: string }) {
  const { unit } = h;
  const allTitles = [...h.titles.individual, ...h.titles.collective];
  const titleName = (code: string | null) => (code ? (allTitles.find((t) => t.code === code)?.name ?? code) : "");
  const titleShort = (code: string | null) => (code ? (allTitles.find((t) => t.code === code)?.shortName ?? code) : "");
  const hasScores = h.series.some((p) => p.points !== null);
  const titleRows = h.titleSeries.map((r) => ({ ...r, label: String(r.year) }));
  const hasTitles = titleRows.some((r) => r.total > 0);
  const notable = h.notable;

  return (
    <div className="ov space-y-6">
      <PageHeader
        title={unit.name}
        description={
          <>
            {unit.clusterName} · {unit.blockName} · {formatCount(unit.activeOfficers)} cán bộ, chiến sĩ đang công tác
            <StoppedNote active={unit.active} />
          </>
        }
        actions={
          <>
            <PrintButton />
            {h.viaCluster && (
              <LinkButton href={`/overview?cluster=${unit.clusterId}`} variant="secondary">
                ← Tổng quan cụm
              </LinkButton>
            )}
          </>
        }
      />
      <p className="print-only text-sm text-slate-600">
        Lịch sử thi đua · Ngày in: {printedOn}
      </p>

      <Card title="Nhiệm kỳ Cụm trưởng, Cụm phó">
        {h.chairTerms.length === 0 ? (
          <p className="text-sm text-slate-600">Đơn vị chưa làm Cụm trưởng hoặc Cụm phó trong các năm đã ghi nhận.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" data-testid="chair-terms">
            {h.chairTerms.map((t) => (
              <li key={t.year}>
                <Badge tone={t.role === "CHAIR" ? "blue" : "green"}>
                  {t.role === "CHAIR" ? "Cụm trưởng" : "Cụm phó"} năm {t.year}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Điểm và thứ hạng qua các năm">
          {!hasScores ? (
            <EmptyState title="Chưa có kết quả chấm điểm chính thức của năm nào.">Điểm và thứ hạng hiển thị khi Thư ký cụm chốt vòng chấm điểm của năm.</EmptyState>
          ) : (
            <ChartFrame
              height={300}
              caption="Đường liền: tổng điểm chính thức; đường nét đứt: thứ hạng trong cụm (hạng 1 ở trên cùng)."
              summary={h.series.filter((p) => p.points !== null).map((p) => `Năm ${p.year}: ${p.points} điểm, hạng ${p.rank}`).join("; ")}
              testId="unit-score-chart"
            >
              <ScoreHistoryChart units={[{ id: unit.id, name: unit.name }]} byUnit={{ [unit.id]: h.series }} />
            </ChartFrame>
          )}
        </Card>
        <Card title="Danh hiệu cá nhân được công nhận qua các năm">
          {!hasTitles ? (
            <EmptyState title="Chưa có danh hiệu cá nhân nào được công nhận." />
          ) : (
            <ChartFrame
              height={300}
              caption="Số cán bộ, chiến sĩ của đơn vị được công nhận từng danh hiệu, theo năm."
              summary={titleRows.map((r) => `Năm ${r.year}: ${r.total}`).join("; ")}
              testId="unit-title-chart"
            >
              <CountChart
                title={`Danh hiệu cá nhân của ${unit.name}`}
                description="Mỗi cột là một năm, mỗi đoạn là một danh hiệu."
                series={h.titles.individual.map((t) => ({ key: t.code, label: t.name }))}
                rows={titleRows}
                height={300}
              />
            </ChartFrame>
          )}
        </Card>
      </div>

      <Card title="Kết quả thi đua qua các năm">
        {h.years.length === 0 ? (
          <EmptyState title="Cụm chưa có năm thi đua nào." />
        ) : (
          <div data-testid="unit-years">
            <DataTable
              caption={`Kết quả thi đua của ${unit.name} qua các năm`}
              headers={[
                "Năm",
                "Giai đoạn",
                "Vai trò",
                "Tổng điểm",
                "Xếp hạng",
                "Danh hiệu đăng ký",
                "Đề nghị / suy tôn",
                "Được công nhận",
                ...h.titles.individual.map((t) => `${t.shortName} (ĐK/CN)`),
              ]}
            >
              {h.years.map((y) => (
                <tr key={y.yearId}>
                  <td className="b t">{y.year}</td>
                  <td>{PHASE_LABELS[y.phase]}</td>
                  <td>{y.role === "CHAIR" ? "Cụm trưởng" : y.role === "DEPUTY" ? "Cụm phó" : ""}</td>
                  <td className="n">{y.totalHalf === null ? "—" : formatPoints(y.totalHalf)}</td>
                  <td className="t">{y.rank === null ? "—" : `${y.rank}/${y.rankedCount}`}</td>
                  <td>{y.registrationShown ? titleName(y.targetTitleCode) : <Withheld />}</td>
                  <td>{titleName(y.proposedTitleCode)}</td>
                  <td>
                    {titleName(y.awardedTitleCode)}
                    {y.revokedTitleCode && (
                      <span className="text-red-700">
                        {titleName(y.revokedTitleCode)} (đã thu hồi, QĐ số {y.revokeDecisionNo})
                      </span>
                    )}
                    <DecisionNote no={y.decisionNo} date={y.decisionDate} />
                  </td>
                  {h.titles.individual.map((t) => (
                    <td key={t.code} className="n">
                      {y.registrationShown ? formatCount(y.registered[t.code] ?? 0) : <Withheld />} / {formatCount(y.awarded[t.code] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
              {h.titleOnlyYears.map((y) => (
                <tr key={y.year} className="text-slate-600">
                  <td className="b t">{y.year}</td>
                  <td colSpan={7}>
                    Trước khi cụm dùng Sổ Thi đua: chỉ có danh hiệu cá nhân đã được công nhận
                  </td>
                  {h.titles.individual.map((t) => (
                    <td key={t.code} className="n">
                      — / {formatCount(y.awarded[t.code] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </DataTable>
            <p className="mt-2 text-xs text-slate-500">ĐK: số cán bộ đăng ký; CN: số cán bộ được công nhận. Điểm và hạng là kết quả chính thức (vòng chấm điểm đã chốt).</p>
          </div>
        )}
      </Card>

      <SubUnitTitlesHistory rows={h.subUnitTitles} titleName={titleName} unitName={unit.name} />

      <Card title="Cán bộ, chiến sĩ tiêu biểu (đạt Chiến sĩ thi đua cơ sở trở lên nhiều năm liên tục)">
        {notable === null ? (
          <p className="text-sm text-slate-600" data-testid="notable-withheld">
            Danh sách cán bộ, chiến sĩ của đơn vị chỉ đơn vị, Thư ký cụm và Cụm trưởng xem được.
          </p>
        ) : notable.total === 0 ? (
          <EmptyState title="Chưa có cán bộ, chiến sĩ nào đạt Chiến sĩ thi đua cơ sở trở lên từ 2 năm liên tục.">
            Danh sách gồm cán bộ, chiến sĩ đạt Chiến sĩ thi đua cơ sở trở lên từ 2 năm liên tục, hoặc đạt Chiến sĩ thi đua Công an nhân dân trở lên.
          </EmptyState>
        ) : (
          <>
            <div data-testid="notable-officers">
              <DataTable
                caption={`Cán bộ, chiến sĩ tiêu biểu của ${unit.name}`}
                headers={["STT", "Họ và tên", "Mã", "Cấp bậc, chức vụ", "Chuỗi năm liên tục dài nhất", "Số năm đạt CSTĐCS trở lên", "Danh hiệu cao nhất"]}
              >
                {notable.rows.map((o, i) => (
                  <tr key={o.officerId}>
                    <td className="t">{(notable.page - 1) * notable.pageSize + i + 1}</td>
                    <td>
                      <Link href={`/overview/officers/${o.officerId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {o.fullName}
                      </Link>
                      {!o.active && <span className="ml-1 text-xs text-slate-500">(không còn công tác)</span>}
                    </td>
                    <td>{o.code}</td>
                    <td>
                      {o.rank}, {o.position}
                    </td>
                    <td>{formatStreak(o)}</td>
                    <td className="n">{o.yearsAtLevel}</td>
                    <td>{titleShort(o.bestTitleCode)}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
            <Pagination page={notable.page} pageCount={notable.pageCount} total={notable.total} makeHref={(p) => `/overview/units/${unit.id}?page=${p}`} />
          </>
        )}
      </Card>

      {h.commendations.length > 0 && (
        <Card title="Hình thức khen thưởng của đơn vị">
          <DataTable caption={`Khen thưởng của ${unit.name}`} headers={["Năm", "Hình thức", "Cấp", "Số quyết định", "Ngày", "Người ký"]}>
            {h.commendations.map((c) => (
              <tr key={c.id}>
                <td className="t">{c.year}</td>
                <td>
                  {c.form}
                  {c.revokedAt && <span className="ml-1 text-red-700">(đã thu hồi)</span>}
                </td>
                <td>{c.level}</td>
                <td>{c.decisionNo}</td>
                <td>{formatDate(c.decisionDate)}</td>
                <td>{c.decisionSigner}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      )}
    </div>
  );
}
