import type { Metadata } from "next";
import { Badge, Card, DataTable, EmptyState, LinkButton, PageHeader } from "@/components/ui";
import { formatStreak } from "@/domain/dashboard";
import { DISCIPLINE_FORMS, DISCIPLINE_STATUSES, INITIATIVE_LEVELS } from "@/domain/eligibility";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { officerHistory } from "@/server/queries/officer-history";
import { PrintButton } from "@/components/print-button";
import "../../overview.css";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Lịch sử danh hiệu của cán bộ" };

async function OfficerHistoryPage({ params }: { params: Promise<{ officerId: string }> }) {
  const actor = await requireActor();
  const { officerId } = await params;
  const h = await officerHistory(actor, officerId);
  const { officer } = h;
  const title = (code: string | null) => (code ? (h.titles.byCode[code]?.name ?? code) : "");

  return (
    <div className="ov space-y-6">
      <PageHeader
        title={officer.fullName}
        description={
          <>
            {officer.code} · {officer.rank} · {officer.position} · {officer.subUnitName ? `${officer.subUnitName}, ` : ""}
            {officer.unitName}
            {!officer.active && (
              <>
                {" "}
                · <Badge>Không còn công tác</Badge>
              </>
            )}
          </>
        }
        actions={
          <>
            <PrintButton />
            <LinkButton href={`/overview/units/${officer.unitId}`} variant="secondary">
              ← Lịch sử đơn vị
            </LinkButton>
          </>
        }
      />
      <p className="print-only text-sm text-slate-600">Lịch sử danh hiệu thi đua · Ngày in: {formatDate(new Date())}</p>

      <Card title="Chuỗi năm liên tục">
        <dl className="grid gap-4 sm:grid-cols-2" data-testid="officer-streaks">
          <div>
            <dt className="text-sm text-slate-500">Chiến sĩ thi đua cơ sở trở lên, dài nhất</dt>
            <dd className="font-medium">{h.streaks.longestCstdcs ? formatStreak(h.streaks.longestCstdcs) : "Chưa đạt"}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">Chiến sĩ tiên tiến trở lên, dài nhất</dt>
            <dd className="font-medium">{h.streaks.longestCst ? formatStreak(h.streaks.longestCst) : "Chưa đạt"}</dd>
          </div>
        </dl>
        {h.streaks.cstdcs.length > 1 && (
          <p className="mt-3 text-sm text-slate-600">Các chuỗi Chiến sĩ thi đua cơ sở trở lên: {h.streaks.cstdcs.map(formatStreak).join("; ")}.</p>
        )}
      </Card>

      <Card title="Danh hiệu thi đua qua các năm">
        {h.rows.length === 0 ? (
          <EmptyState title="Chưa có kết quả thi đua nào được ghi nhận." />
        ) : (
          <div data-testid="officer-years">
            <DataTable
              caption={`Danh hiệu thi đua của ${officer.fullName} qua các năm`}
              headers={["Năm", "Đơn vị công tác", "Xếp loại", "Danh hiệu đăng ký", "Danh hiệu được công nhận", "Số quyết định", "Ngày quyết định", "Người ký", "Xác nhận"]}
            >
              {h.rows.map((r) => (
                <tr key={r.year}>
                  <td className="b t">{r.year}</td>
                  <td>{r.servedUnitName ?? ""}</td>
                  <td>{r.rating ? TASK_RATINGS[r.rating] : ""}</td>
                  <td>{title(r.registeredTitleCode)}</td>
                  <td className="m">
                    {title(r.awardedTitleCode)}
                    {r.revokedTitleCode && (
                      <span className="text-red-700">
                        {title(r.revokedTitleCode)} (đã thu hồi, QĐ số {r.revokeDecisionNo})
                      </span>
                    )}
                  </td>
                  <td>{r.decisionNo ?? ""}</td>
                  <td>{formatDate(r.decisionDate)}</td>
                  <td>{r.decisionSigner ?? ""}</td>
                  <td>{r.verified === null ? "" : r.verified ? "Đã xác nhận" : "Chưa xác nhận"}</td>
                </tr>
              ))}
            </DataTable>
          </div>
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Sáng kiến">
          {h.initiatives.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa có sáng kiến nào được ghi nhận.</p>
          ) : (
            <DataTable caption={`Sáng kiến của ${officer.fullName}`} headers={["Năm", "Tên sáng kiến", "Cấp", "Số quyết định"]}>
              {h.initiatives.map((i) => (
                <tr key={i.id}>
                  <td className="t">{i.year}</td>
                  <td>
                    {i.title}
                    {i.lateNo && <LateNote no={i.lateNo} />}
                  </td>
                  <td>{INITIATIVE_LEVELS[i.level]}</td>
                  <td>{i.decisionNo ?? ""}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
        <Card title="Hình thức khen thưởng">
          {h.commendations.length === 0 ? (
            <p className="text-sm text-slate-600">Chưa có hình thức khen thưởng nào được ghi nhận.</p>
          ) : (
            <DataTable caption={`Khen thưởng của ${officer.fullName}`} headers={["Năm", "Hình thức", "Cấp", "Quyết định"]}>
              {h.commendations.map((c) => (
                <tr key={c.id}>
                  <td className="t">{c.year}</td>
                  <td>
                    {c.form}
                    {c.revokedAt && <span className="ml-1 text-red-700">(đã thu hồi)</span>}
                  </td>
                  <td>{c.level}</td>
                  <td>
                    Số {c.decisionNo}, ngày {formatDate(c.decisionDate)}, {c.decisionSigner}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>

      {h.disciplines !== null && (
        <Card title="Kỷ luật">
          {h.disciplines.length === 0 ? (
            <p className="text-sm text-slate-600">Không có hồ sơ kỷ luật.</p>
          ) : (
            <DataTable caption={`Kỷ luật của ${officer.fullName}`} headers={["Hình thức", "Trạng thái", "Từ ngày", "Đến ngày", "Ghi chú"]}>
              {h.disciplines.map((x) => (
                <tr key={x.id}>
                  <td>
                    {DISCIPLINE_FORMS[x.form]}
                    {x.lateNo && <LateNote no={x.lateNo} />}
                  </td>
                  <td>{DISCIPLINE_STATUSES[x.status]}</td>
                  <td>{formatDate(x.fromDate)}</td>
                  <td>{formatDate(x.toDate)}</td>
                  <td>{x.note ?? ""}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      )}
    </div>
  );
}

export default pageOr404(OfficerHistoryPage);

/** A record of a closed year entered later by the audited amendment (docs/domain.md §4 step 8). */
function LateNote({ no }: { no: string }) {
  return <span className="block text-xs text-slate-600">Ghi bổ sung sau khóa sổ (văn bản số {no})</span>;
}
