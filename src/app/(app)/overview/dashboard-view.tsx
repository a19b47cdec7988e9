"use client";
// The cluster dashboard's content, rendered from the data the page read (page.tsx). A client
// component so that the page sends its figures once, as compact data, instead of a server-rendered
// tree of every table cell plus that tree's copy in the RSC payload (docs/performance.md): the HTML is
// the same, the page a third smaller (86 → 60 kB at Ministry scale). It holds no state and reads
// nothing by itself.
import Link from "next/link";
import { Badge, Card, DataTable, DescriptionItem, EmptyState, LinkButton, PageHeader } from "@/components/ui";
import {
  deadlineText,
  groupByWho,
  RANKING_BASIS_LABELS,
  rankChangeLabel,
  rankChangeSymbol,
  registrationStatusLabel,
  reportStatusLabel,
  sectionScoreSeries,
  whoLabel,
  formatCount,
} from "@/domain/dashboard";
import { formatPoints } from "@/domain/scoring/points";
import { ROUND_KIND_LABELS, ROUND_STATE_LABELS } from "@/domain/voting/labels";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import type { ClusterDashboard, DashboardUnit, TitleInfo } from "@/server/queries/dashboard";
import { ChartFrame } from "./charts/chart-frame";
import { CountChart } from "./charts/count-chart";
import { PrintButton } from "@/components/print-button";
import { ScoreHistoryChart } from "./charts/score-history-chart";
import { SectionScoresChart } from "./charts/section-scores-chart";

const selectClass =
  "rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="text-2xl font-semibold tabular-nums text-slate-900">{value}</p>
      {note && <p className="text-xs text-slate-500">{note}</p>}
    </div>
  );
}

const isoDate = (iso: string | null) => (iso ? formatDate(iso) : "Chưa đặt");

function RoleBadge({ role }: { role: DashboardUnit["role"] }) {
  if (role === "CHAIR") return <Badge tone="blue">Cụm trưởng</Badge>;
  if (role === "DEPUTY") return <Badge tone="green">Cụm phó</Badge>;
  return null;
}

function ChangeCell({ unit, previousYear }: { unit: DashboardUnit; previousYear: number | null }) {
  if (previousYear === null) return <span className="text-slate-400">—</span>;
  const symbol = rankChangeSymbol(unit.change);
  const label = rankChangeLabel(unit.change, previousYear);
  const tone = unit.change.kind === "UP" ? "text-green-700" : unit.change.kind === "DOWN" ? "text-red-700" : "text-slate-600";
  return (
    <span className={`tabular-nums ${tone}`} title={label}>
      <span aria-hidden="true">{symbol || "—"}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function DashboardView({
  d,
  viewer,
  printedOn,
}: {
  d: ClusterDashboard;
  viewer: { displayName: string; maySeeMinistry: boolean };
  /** Today's date (dd/mm/yyyy) for the printed page: from the server, as the page is rendered. */
  printedOn: string;
}) {

  if (!d.cluster) {
    return (
      <div className="ov space-y-6">
        <PageHeader title="Tổng quan cụm thi đua" />
        <EmptyState title="Chưa có cụm thi đua nào.">Thêm khối và cụm thi đua tại mục “Khối &amp; cụm”.</EmptyState>
      </div>
    );
  }

  const cluster = d.cluster;
  const titleName = (code: string | null, titles: TitleInfo[]) => (code ? (titles.find((t) => t.code === code)?.name ?? code) : "");
  const allTitles = [...d.titles.individual, ...d.titles.collective];

  const picker = (
    <form method="get" className="no-print flex flex-wrap items-end gap-3" aria-label="Chọn cụm và năm thi đua">
      {d.clusters.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="overview-cluster" className="text-sm font-medium text-slate-700">
            Cụm thi đua
          </label>
          <select id="overview-cluster" name="cluster" defaultValue={cluster.id} className={selectClass}>
            {d.clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </div>
      )}
      {d.years.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="overview-year" className="text-sm font-medium text-slate-700">
            Năm thi đua
          </label>
          <select id="overview-year" name="year" defaultValue={d.year?.year} className={selectClass}>
            {d.years.map((y) => (
              <option key={y.id} value={y.year}>
                {y.year} – {PHASE_LABELS[y.phase]}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
        Xem
      </button>
    </form>
  );

  const header = (
    <PageHeader
      title={`Tổng quan ${cluster.name}`}
      description={
        <>
          {cluster.blockName} · Mã cụm: {cluster.code}
          {d.year ? ` · Năm thi đua ${d.year.year}` : ""}
          {!cluster.active && (
            <>
              {" "}
              · <Badge>Ngừng hoạt động</Badge>
            </>
          )}
        </>
      }
      actions={
        <>
          <PrintButton />
          {d.year && (
            <a
              href={`/overview/export?cluster=${cluster.id}&year=${d.year.year}`}
              download
              className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            >
              Xuất Excel
            </a>
          )}
          {viewer.maySeeMinistry && (
            <LinkButton href={`/overview/ministry${d.year ? `?year=${d.year.year}` : ""}`} variant="secondary">
              Toàn Bộ Công an
            </LinkButton>
          )}
        </>
      }
    />
  );

  if (!d.year || !("units" in d) || !("ranking" in d)) {
    return (
      <div className="ov space-y-6">
        {header}
        {picker}
        <EmptyState title="Cụm chưa mở năm thi đua nào.">
          Bảng xếp hạng, danh hiệu và kết quả bỏ phiếu sẽ hiển thị khi Thư ký cụm mở năm thi đua tại mục “Cụm thi đua”.
        </EmptyState>
        {"members" in d && d.members.length > 0 && (
          <Card title="Đơn vị thành viên">
            <ul className="list-disc space-y-1 pl-6 text-sm">
              {d.members.map((m) => (
                <li key={m.id}>
                  <Link href={`/overview/units/${m.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {m.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    );
  }

  const year = d.year;
  const units = d.units;
  const individual = d.titles.individual;
  const ranked = units.filter((u) => u.rank !== null);
  const { series: sectionSeries, rows: sectionRows } = sectionScoreSeries(
    ranked.map((u) => ({ unitId: u.id, label: u.code, name: u.name })),
    d.sections.map((s) => ({ id: s.id, label: s.label, kind: s.kind })),
    d.sectionScores,
  );
  const missingGroups = groupByWho(d.missing);
  const titleRows = d.titleHistory.awarded.map((r) => ({ ...r, label: String(r.year) }));
  const hasTitleHistory = titleRows.some((r) => r.total > 0);
  const closed = year.phase === "CLOSED";

  return (
    <div className="ov space-y-6">
      {header}
      <p className="print-only text-sm text-slate-600">
        Ngày in: {printedOn} · Người in: {viewer.displayName}
      </p>
      {picker}

      <Card title={`Năm thi đua ${year.year}`}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <DescriptionItem label="Giai đoạn">{PHASE_LABELS[year.phase]}</DescriptionItem>
          <DescriptionItem label="Phong trào thi đua">“{year.movement}”</DescriptionItem>
          <DescriptionItem label="Cụm trưởng">
            {year.chairName ?? "Chưa xác định"}
            {year.chairAssignmentRef && <span className="block text-xs font-normal text-slate-500">Bộ phân công: {year.chairAssignmentRef}</span>}
          </DescriptionItem>
          <DescriptionItem label="Cụm phó">{year.deputyName ?? "Chưa xác định"}</DescriptionItem>
          <DescriptionItem label="Hạn đăng ký thi đua">{isoDate(year.deadlines.registration)}</DescriptionItem>
          {year.deadlines.midyearReport && <DescriptionItem label="Hạn nộp báo cáo sơ kết 6 tháng">{isoDate(year.deadlines.midyearReport)}</DescriptionItem>}
          <DescriptionItem label="Hạn nộp báo cáo tổng kết">{isoDate(year.deadlines.report)}</DescriptionItem>
          <DescriptionItem label="Ngày hội nghị tổng kết">{isoDate(year.deadlines.conference)}</DescriptionItem>
          {year.closedAt && <DescriptionItem label="Ngày khóa sổ">{formatDate(year.closedAt)}</DescriptionItem>}
          {year.next && (
            <DescriptionItem label={`Cụm trưởng, Cụm phó năm ${year.next.year}`}>
              {year.next.chairName ?? "Chưa xác định"} / {year.next.deputyName ?? "Chưa xác định"}
            </DescriptionItem>
          )}
        </dl>
      </Card>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Đơn vị thành viên" value={formatCount(d.totals.units)} />
        <Stat label="Cán bộ, chiến sĩ đang công tác" value={formatCount(d.totals.activeOfficers)} />
        <Stat
          label="Đã đăng ký danh hiệu cá nhân"
          value={formatCount(d.totals.registered)}
          note={d.totals.registrationPercent === null ? "Năm đã khóa sổ" : `${d.totals.registrationPercent}% số cán bộ, chiến sĩ đang công tác`}
        />
        <Stat label="Danh hiệu cá nhân được công nhận" value={formatCount(d.totals.awarded)} />
      </div>

      <Card title={`Xếp hạng thi đua năm ${year.year}`}>
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={d.ranking.basis === "FINAL" ? "green" : d.ranking.basis === "PROVISIONAL" ? "amber" : "slate"}>{RANKING_BASIS_LABELS[d.ranking.basis]}</Badge>
          {year.previousYear !== null && <span className="text-slate-600">Cột “So với năm {year.previousYear}”: ▲ tăng, ▼ giảm, = giữ nguyên thứ hạng.</span>}
        </div>
        {d.ranking.basis === "NONE" && (
          <div className="mb-4">
            {d.ranking.withheld ? (
              <EmptyState title={`Kết quả chấm điểm năm ${year.year} chưa được chốt.`}>
                Điểm và thứ hạng của các đơn vị hiển thị tại đây khi Thư ký cụm chốt kết quả chấm điểm; trước đó chỉ Thư ký cụm xem bảng tạm tính.
              </EmptyState>
            ) : (
              <EmptyState title={`Năm ${year.year} chưa có điểm để xếp hạng.`}>
                Thứ hạng sẽ hiển thị khi các đơn vị nộp báo cáo tổng kết có tự chấm điểm; kết quả chính thức khi Thư ký cụm chốt vòng chấm điểm.
                Trang này không hiển thị số liệu ước tính.
              </EmptyState>
            )}
          </div>
        )}
        <div data-testid="ranking-table">
          <DataTable
            caption={`Xếp hạng thi đua năm ${year.year} của ${cluster.name}`}
            headers={[
              "Hạng",
              "Đơn vị",
              "Tổng điểm",
              year.previousYear !== null ? `So với năm ${year.previousYear}` : "So với năm trước",
              "Báo cáo tổng kết",
              "Danh hiệu đơn vị đăng ký",
              "Đề nghị / suy tôn",
              "Được công nhận",
            ]}
          >
            {units.map((u) => (
              <tr key={u.id}>
                <td className="b t">
                  {u.rank ?? "—"}
                  {u.tied && <span className="ml-1 text-xs font-normal text-slate-500">(đồng hạng)</span>}
                  {u.tieNote && <span className="block text-xs font-normal text-slate-500">{u.tieNote}</span>}
                </td>
                <td>
                  <Link href={`/overview/units/${u.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {u.name}
                  </Link>{" "}
                  <RoleBadge role={u.role} />
                  {!u.active && <Badge>Ngừng hoạt động</Badge>}
                </td>
                <td className="n">{u.totalHalf === null ? "—" : formatPoints(u.totalHalf)}</td>
                <td className="c">
                  <ChangeCell unit={u} previousYear={year.previousYear} />
                </td>
                <td>{reportStatusLabel(u.yearEndReport)}</td>
                <td>{titleName(u.targetTitleCode, allTitles) || <span className="text-slate-400">Chưa đăng ký</span>}</td>
                <td>{titleName(u.proposedTitleCode, allTitles)}</td>
                <td>{titleName(u.awardedTitleCode, allTitles)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Điểm theo mục năm ${year.year}`}>
          {sectionRows.length === 0 ? (
            <EmptyState title="Chưa có điểm theo mục.">Biểu đồ hiển thị khi có báo cáo tổng kết đã nộp.</EmptyState>
          ) : (
            <ChartFrame
              height={70 + sectionRows.length * 46}
              caption={`Điểm từng mục của bảng tiêu chí năm ${year.year}; số ghi trên mỗi đoạn là điểm của mục, số cạnh tên đơn vị là tổng điểm.`}
              summary={sectionRows.map((r) => `${r.name}: tổng ${r.totalPoints} điểm`).join("; ")}
              testId="chart-sections"
            >
              <SectionScoresChart
                title={`Điểm theo mục năm ${year.year}`}
                series={sectionSeries.map((s) => ({ key: s.key, label: s.label, title: d.sections.find((x) => x.label === s.label)?.title ?? "" }))}
                rows={sectionRows}
              />
            </ChartFrame>
          )}
        </Card>
        <Card title="Điểm và thứ hạng qua các năm">
          {Object.values(d.scoreHistory.byUnit).every((points) => points.every((p) => p.points === null)) ? (
            <EmptyState title="Chưa có điểm của năm nào.">Biểu đồ hiển thị khi có kết quả chấm điểm.</EmptyState>
          ) : (
            <ChartFrame
              height={340}
              caption="Đường liền: tổng điểm (trục trái); đường nét đứt: thứ hạng trong cụm (trục phải). Năm chưa có điểm để trống."
              summary={`Điểm qua các năm ${d.scoreHistory.years.join(", ")}`}
              testId="chart-history"
            >
              <ScoreHistoryChart
                units={units.map((u) => ({ id: u.id, name: u.name }))}
                byUnit={d.scoreHistory.byUnit}
                initialUnitId={ranked[0]?.id ?? units[0]?.id}
              />
            </ChartFrame>
          )}
        </Card>
      </div>

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
                <td className="n">{formatCount(u.registeredTotal)}</td>
                <td className="n">{u.registrationPercent === null ? "—" : `${u.registrationPercent}%`}</td>
                <td>{registrationStatusLabel(u.registrationStatus)}</td>
                {individual.map((t) => (
                  <td key={t.code} className="n">
                    {formatCount(u.registered[t.code] ?? 0)} / {formatCount(u.awarded[t.code] ?? 0)}
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

      <Card title={`Hạn chót và việc còn thiếu năm ${year.year}`}>
        {closed ? (
          <p className="text-sm text-slate-600">Năm thi đua đã khóa sổ: không còn việc phải hoàn thành.</p>
        ) : missingGroups.length === 0 ? (
          <p className="text-sm text-slate-600">Không còn việc nào còn thiếu ở giai đoạn “{PHASE_LABELS[year.phase]}”.</p>
        ) : (
          <ul className="space-y-4" data-testid="missing-list">
            {missingGroups.map((g) => (
              <li key={g.who.kind === "UNIT" ? g.who.unitId : "secretariat"} className="print-keep">
                <h3 className="font-semibold text-slate-800">{whoLabel(g.who)}</h3>
                <ul className="mt-1 list-disc space-y-1 pl-6 text-sm">
                  {g.items.map((item, i) => (
                    <li key={i}>
                      {item.label}
                      {item.deadline && (
                        <span className={`ml-2 ${item.overdue ? "font-semibold text-red-700" : "text-slate-500"}`}>
                          {item.overdue ? "⚠ " : ""}
                          {deadlineText(item)}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>

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

      <p className="no-print text-sm text-slate-500">
        Để in, dùng nút “In trang” (hoặc Ctrl + P): các nút, menu và bộ chọn không được in; biểu đồ in được cả trên máy in đen trắng (mỗi loại có hoa văn
        riêng và ghi số trực tiếp).
      </p>
    </div>
  );
}
