import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField } from "@/components/form";
import { Badge, Card, cellClass, DataTable, EmptyState, PageHeader } from "@/components/ui";
import { ROUND_KIND_LABELS, yearsSinceLabel } from "@/domain/voting";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { conferencePage } from "@/server/queries/votes";
import { createRoundAction, recordAssignedChairAction } from "./actions";
import { OutcomeText, RoundActions, RoundStateBadge } from "./ui";

export const metadata: Metadata = { title: "Hội nghị tổng kết" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export default async function ConferencePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const page = await conferencePage(actor, { yearId: first(sp.year), clusterId: first(sp.cluster) });

  if (page.pick) {
    return (
      <div className="space-y-6">
        <PageHeader title="Hội nghị tổng kết" description="Chọn cụm thi đua để xem các vòng bỏ phiếu." />
        {page.pick.length === 0 ? (
          <EmptyState title="Chưa có cụm thi đua nào." />
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {page.pick.map((c) => (
              <li key={c.id}>
                <Link href={`/conference?cluster=${c.id}`} className="block rounded-md border border-slate-200 bg-white px-4 py-3 hover:border-brand-600">
                  {c.name} <span className="text-sm text-slate-500">({c.code})</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (!page.data) {
    return (
      <div className="space-y-6">
        <PageHeader title="Hội nghị tổng kết" />
        <EmptyState title={`${page.emptyCluster?.name ?? "Cụm"} chưa có năm thi đua nào.`}>Thư ký cụm mở năm thi đua tại trang Cụm thi đua.</EmptyState>
      </div>
    );
  }

  const { year, years, rounds, delegate, openForDelegate, manage, canManage } = page.data;
  const nextYear = year.year + 1;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Hội nghị tổng kết năm ${year.year}`}
        description={
          <>
            {year.clusterName} · Giai đoạn: {PHASE_LABELS[year.phase]}
          </>
        }
        actions={
          years.length > 1 ? (
            <nav aria-label="Chọn năm thi đua" className="flex flex-wrap gap-1 text-sm">
              {years.map((y) => (
                <Link
                  key={y.id}
                  href={`/conference?year=${y.id}`}
                  aria-current={y.id === year.id ? "page" : undefined}
                  className={`rounded-md border px-3 py-2 ${y.id === year.id ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
                >
                  {y.year}
                </Link>
              ))}
            </nav>
          ) : undefined
        }
      />

      {!year.writable && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          Năm thi đua {year.year} đã khóa sổ: các vòng bỏ phiếu và kết quả chỉ để xem.
        </div>
      )}

      {delegate && (
        <Card title={`Bỏ phiếu – đại biểu ${delegate.name}`}>
          {openForDelegate.length === 0 ? (
            <EmptyState title="Hiện chưa có vòng bỏ phiếu nào đang mở.">Khi thư ký mở một vòng bỏ phiếu, vòng đó hiện ở đây.</EmptyState>
          ) : (
            <ul className="space-y-3" data-testid="delegate-rounds">
              {openForDelegate.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 p-4">
                  <div>
                    <p className="text-lg font-semibold">{r.title}</p>
                    <p className="text-sm text-slate-600">
                      {ROUND_KIND_LABELS[r.kind]} · {r.seats} suất · {r.candidateNames.length} đơn vị
                    </p>
                  </div>
                  {r.delegateHasVoted ? (
                    <Badge tone="green">Đơn vị đã bỏ phiếu</Badge>
                  ) : (
                    <Link
                      href={`/conference/rounds/${r.id}/vote`}
                      className="inline-flex min-h-12 items-center rounded-md bg-brand-600 px-6 text-base font-semibold text-white hover:bg-brand-700"
                    >
                      Bỏ phiếu: {r.title}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}

      <Card title="Quy định bỏ phiếu của năm">
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-slate-500">Tỷ lệ để được bầu, suy tôn</dt>
            <dd className="font-medium">{year.settings.threshold} (tính trên số phiếu thu về)</dd>
          </div>
          <div>
            <dt className="text-slate-500">Số đơn vị tối thiểu bỏ phiếu</dt>
            <dd className="font-medium">{year.settings.quorum}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Đơn vị tự bỏ phiếu cho mình</dt>
            <dd className="font-medium">{year.settings.allowSelfVote ? "Được phép" : "Không được phép"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Ngày hội nghị</dt>
            <dd className="font-medium">{year.settings.conferenceDate ? formatDate(year.settings.conferenceDate) : "Chưa đặt"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Cụm trưởng năm {year.year}</dt>
            <dd className="font-medium">
              {year.chairName ?? "Chưa xác định"}
              {year.chairAssignmentRef && <span className="block text-xs text-slate-500">Bộ chỉ định: {year.chairAssignmentRef}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Cụm phó năm {year.year}</dt>
            <dd className="font-medium">{year.deputyName ?? "Chưa xác định"}</dd>
          </div>
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          Bỏ phiếu kín: hệ thống chỉ ghi nhận đơn vị nào đã bỏ phiếu, không lưu ai bỏ phiếu nào; kết quả chỉ công bố sau khi kết thúc từng vòng, dưới dạng tổng số.
        </p>
      </Card>

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

      {manage && (
        <section aria-labelledby="setup-heading" className="no-print space-y-4">
          <h2 id="setup-heading" className="text-lg font-semibold text-slate-800">
            Tạo vòng bỏ phiếu
          </h2>
          <div className="grid gap-4 lg:grid-cols-3">
            <Card title="Suy tôn danh hiệu tập thể">
              {manage.acclaimTitles.length === 0 || manage.members.length === 0 ? (
                <p className="text-sm text-slate-600">Chưa có danh hiệu tập thể hoặc đơn vị thành viên đang hoạt động.</p>
              ) : (
                <ActionForm action={createRoundAction} className="space-y-4" aria-label="Tạo vòng suy tôn">
                  <input type="hidden" name="yearId" value={year.id} />
                  <input type="hidden" name="kind" value="ACCLAIM" />
                  <SelectField
                    name="titleCode"
                    label="Danh hiệu suy tôn"
                    required
                    defaultValue="CO_BCA"
                    options={manage.acclaimTitles.map((t) => ({
                      value: t.code,
                      label: t.seatLimit === null ? t.name : `${t.name} (tối đa ${t.seatLimit} suất)`,
                    }))}
                  />
                  <TextField
                    name="seats"
                    label="Số suất"
                    type="number"
                    required
                    defaultValue={manage.acclaimTitles.find((t) => t.code === "CO_BCA")?.defaultSeats ?? 1}
                    hint={manage.acclaimTitles
                      .filter((t) => t.seatLimit !== null)
                      .map((t) => `${t.name}: tối đa ${t.seatLimit}`)
                      .join("; ")
                      .concat(" (theo thiết lập của năm).")}
                  />
                  <fieldset className="space-y-2">
                    <legend className="text-sm font-medium text-slate-700">Đơn vị được đề nghị suy tôn *</legend>
                    {manage.members.map((m) => (
                      <CheckboxField key={m.id} name={`unit_${m.id}`} label={m.name} />
                    ))}
                  </fieldset>
                  <TextField name="title" label="Tên vòng bỏ phiếu" maxLength={300} hint={`Để trống: “Suy tôn <danh hiệu> năm ${year.year}”.`} />
                  <SubmitButton>Tạo vòng suy tôn</SubmitButton>
                </ActionForm>
              )}
            </Card>

            <Card title={`Bầu Cụm trưởng năm ${nextYear}`}>
              <ActionForm action={createRoundAction} className="space-y-4" aria-label="Tạo vòng bầu Cụm trưởng">
                <input type="hidden" name="yearId" value={year.id} />
                <input type="hidden" name="kind" value="CHAIR_ELECTION" />
                <p className="text-sm text-slate-600">
                  Danh sách xếp theo quy tắc luân phiên: đơn vị lâu nhất chưa làm Cụm trưởng đứng trước.
                  {manage.rotation.outgoingChair &&
                    (manage.rotation.outgoingExcluded
                      ? ` ${manage.rotation.outgoingChair.name} (Cụm trưởng năm ${manage.rotation.outgoingChair.year}) không được bầu lại theo quy chế của cụm.`
                      : ` Theo thiết lập của năm, Cụm trưởng năm ${manage.rotation.outgoingChair.year} được bầu lại.`)}
                </p>
                {manage.chairElect && (
                  <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
                    Đã bầu: {manage.chairElect.name}.
                  </p>
                )}
                <fieldset className="space-y-2" data-testid="rotation-list">
                  <legend className="text-sm font-medium text-slate-700">Đơn vị ứng cử (thứ tự luân phiên) *</legend>
                  {manage.rotation.candidates.map((c, i) => (
                    <CheckboxField key={c.unitId} name={`unit_${c.unitId}`} label={`${i + 1}. ${c.name} — ${yearsSinceLabel(c)}`} defaultChecked />
                  ))}
                </fieldset>
                <SubmitButton>Tạo vòng bầu Cụm trưởng</SubmitButton>
              </ActionForm>
            </Card>

            <Card title={`Bầu Cụm phó năm ${nextYear}`}>
              <ActionForm action={createRoundAction} className="space-y-4" aria-label="Tạo vòng bầu Cụm phó">
                <input type="hidden" name="yearId" value={year.id} />
                <input type="hidden" name="kind" value="DEPUTY_ELECTION" />
                {manage.chairElect && <p className="text-sm text-slate-600">Không gồm {manage.chairElect.name} (đã trúng cử Cụm trưởng).</p>}
                {manage.deputyElect && (
                  <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
                    Đã bầu: {manage.deputyElect.name}.
                  </p>
                )}
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium text-slate-700">Đơn vị ứng cử *</legend>
                  {manage.deputyCandidates.map((m) => (
                    <CheckboxField key={m.id} name={`unit_${m.id}`} label={m.name} />
                  ))}
                </fieldset>
                <SubmitButton>Tạo vòng bầu Cụm phó</SubmitButton>
              </ActionForm>
            </Card>
          </div>

          <Card title="Cụm trưởng do Bộ chỉ định">
            <p className="mb-3 text-sm text-slate-600">
              Khi Bộ chỉ định Cụm trưởng thay cho việc bầu tại hội nghị, ghi nhận đơn vị và số, ngày văn bản chỉ định. Quyết định của Bộ được áp dụng thay
              cho quy tắc luân phiên của cụm.
              {!manage.nextYearOpen && ` Để ghi nhận Cụm trưởng năm ${nextYear}, hãy mở năm thi đua ${nextYear} trước (trang Cụm thi đua).`}
            </p>
            <ActionForm action={recordAssignedChairAction} className="grid gap-4 sm:grid-cols-3" aria-label="Ghi nhận Cụm trưởng do Bộ chỉ định">
              <SelectField
                name="yearId"
                label="Năm thi đua"
                required
                defaultValue={manage.assignableYears.at(-1)?.id}
                options={manage.assignableYears.map((y) => ({ value: y.id, label: `Năm ${y.year}` }))}
              />
              <SelectField name="chairUnitId" label="Đơn vị Cụm trưởng" required placeholder="— Chọn đơn vị —" options={manage.members.map((m) => ({ value: m.id, label: m.name }))} />
              <TextField name="chairAssignmentRef" label="Số, ngày văn bản chỉ định" required maxLength={200} placeholder="Quyết định số …/QĐ-BCA ngày …" />
              <div className="sm:col-span-3">
                <SubmitButton variant="secondary" confirm="Ghi nhận Cụm trưởng do Bộ chỉ định? Cụm trưởng của năm được chọn sẽ được thay bằng đơn vị này.">
                  Ghi nhận Cụm trưởng do Bộ chỉ định
                </SubmitButton>
              </div>
            </ActionForm>
          </Card>
        </section>
      )}

      {page.data.canDownloadMinutes && (
        <Card title="Biên bản hội nghị" className="no-print">
          <form action="/conference/minutes" method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Tải biên bản hội nghị">
            <input type="hidden" name="year" value={year.id} />
            <TextField maxLength={200} name="date" label="Ngày hội nghị" placeholder="dd/mm/yyyy" defaultValue={year.settings.conferenceDate ? formatDate(year.settings.conferenceDate) : ""} />
            <TextField maxLength={200} name="city" label="Địa danh" defaultValue="Hà Nội" />
            <TextField maxLength={200} name="place" label="Địa điểm" placeholder="Hội trường …" />
            <TextField maxLength={200} name="chair" label="Chủ trì hội nghị" placeholder="Họ tên, chức vụ" />
            <TextField maxLength={200} name="secretary" label="Thư ký hội nghị" defaultValue={actor.role === "SECRETARIAT" ? actor.displayName : ""} />
            <div className="self-end">
              <button type="submit" className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
                Tải biên bản (.docx)
              </button>
            </div>
          </form>
          <p className="mt-3 text-xs text-slate-500">
            Biên bản gồm thành phần, từng vòng bỏ phiếu với danh sách, số phiếu phát ra và thu về, kết quả kiểm phiếu; vòng chưa kết thúc không có số liệu.
          </p>
        </Card>
      )}

    </div>
  );
}
