import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form";
import { Badge, Card, cellClass, DataTable, EmptyState, LinkButton, PageHeader, Pagination } from "@/components/ui";
import { INDIVIDUAL_TITLES, titleLabel, type IndividualTitle } from "@/domain/eligibility";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { parseUnitResultsParams, RESULT_FILTER_LABELS, RESULT_FILTERS, unitResults, type OfficerResultRow } from "@/server/queries/results";
import { amendClosedYearAction, recordOfficerResultAction, recordUnitResultAction, verifyOfficerResultsAction } from "../../actions";
import { PrintButton } from "@/components/print-button";
import { YearPicker } from "../../year-picker";

export const metadata: Metadata = { title: "Kết quả thi đua của đơn vị" };

type Data = Awaited<ReturnType<typeof unitResults>>;
type Loaded = Extract<Data, { rows: OfficerResultRow[] }>;

const fmt = (n: number) => n.toLocaleString("vi-VN");
const RATING_OPTIONS = (Object.keys(TASK_RATINGS) as (keyof typeof TASK_RATINGS)[]).map((k) => ({ value: k, label: TASK_RATINGS[k] }));

/** One unit's officers with their registration and result for a year; entry and verification forms. */
export default async function UnitResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const [{ unitId }, sp] = await Promise.all([params, searchParams]);
  const query = parseUnitResultsParams(sp);
  const data = await unitResults(actor, unitId, query);
  if (!data.year || !("rows" in data)) {
    return (
      <div>
        <PageHeader title={data.unit.name} />
        <EmptyState title="Cụm chưa có năm thi đua nào." />
      </div>
    );
  }
  const d = data as Loaded;
  const { unit, year, summary } = d;
  const base = `/results/units/${unit.id}`;
  const hrefWith = (changes: Record<string, string | number | null>) => {
    const p = new URLSearchParams();
    const values: Record<string, string | number | null> = { year: year.id, q: d.filters.q || null, filter: d.filters.filter === "all" ? null : d.filters.filter, page: d.page > 1 ? d.page : null, ...changes };
    for (const [k, v] of Object.entries(values)) if (v !== null && v !== "") p.set(k, String(v));
    return `${base}?${p.toString()}`;
  };
  const titleName = new Map(d.titles.map((t) => [t.code, t.name]));
  const individual = d.titles.filter((t) => t.kind === "INDIVIDUAL" && (INDIVIDUAL_TITLES as readonly string[]).includes(t.code));
  const collective = d.titles.filter((t) => t.kind === "COLLECTIVE");

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Kết quả thi đua năm ${year.year}`}
        description={`${unit.name} · ${unit.cluster.name} · Giai đoạn: ${PHASE_LABELS[year.phase]}`}
        actions={
          <>
            <LinkButton href={`/results?year=${year.id}`} variant="secondary">
              Về bảng các đơn vị
            </LinkButton>
            {d.canImport && (
              <LinkButton href={`/registration/import?year=${year.id}`} variant="secondary">
                Nhập từ Excel
              </LinkButton>
            )}
            {d.canExport && (
              <a
                href={`/registration/export?year=${year.id}&unit=${unit.id}`}
                download
                className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              >
                Tải Excel của đơn vị
              </a>
            )}
            <PrintButton />
          </>
        }
      />

      <YearPicker years={d.years} selectedId={year.id} action={base} />

      {year.resultsClosedReason && (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" role="note">
          {year.phase === "CLOSED" ? "Năm thi đua đã khóa sổ: kết quả chỉ để xem." : year.resultsClosedReason}
        </p>
      )}

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

      {d.editing && (
        <div id="result-form">
          <Card title={`Ghi kết quả: ${d.editing.fullName} (${d.editing.code})`}>
            <p className="mb-4 text-sm text-slate-600">
              {d.editing.rank} · {d.editing.position} · Đăng ký: {d.editing.registeredTitle ? (titleName.get(d.editing.registeredTitle) ?? d.editing.registeredTitle) : "chưa đăng ký"}.{" "}
              {d.editing.blocked
                ? "Cán bộ đang bị xem xét kỷ luật hoặc chịu kỷ luật trong năm: không xét danh hiệu."
                : d.editing.eligibleNow.length > 0
                  ? `Theo dữ liệu đã có, đủ điều kiện: ${d.editing.eligibleNow.map((t) => titleLabel(t)).join(", ")} (xếp loại nhập dưới đây có thể thay đổi điều này).`
                  : "Theo dữ liệu đã có, chưa đủ điều kiện danh hiệu nào (cần xếp loại từ “Hoàn thành tốt nhiệm vụ”)."}
            </p>
            <ActionForm action={recordOfficerResultAction} aria-label="Ghi kết quả cán bộ" className="space-y-4">
              <input type="hidden" name="yearId" value={year.id} />
              <input type="hidden" name="officerId" value={d.editing.id} />
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                <SelectField name="rating" label="Xếp loại" required placeholder="— Chọn xếp loại —" defaultValue={d.editing.result?.rating ?? ""} options={RATING_OPTIONS} />
                <SelectField
                  name="awardedTitleCode"
                  label="Danh hiệu được công nhận"
                  placeholder="(Không có danh hiệu)"
                  defaultValue={d.editing.result?.awardedTitleCode ?? ""}
                  options={individual.map((t) => ({ value: t.code, label: `${t.name} (${t.shortName})` }))}
                />
                <TextField name="decisionNo" label="Số quyết định" maxLength={60} defaultValue={d.editing.result?.decisionNo ?? ""} placeholder="vd. 1201/QĐ-KTNV" />
                <TextField
                  name="decisionDate"
                  label="Ngày quyết định"
                  maxLength={10}
                  defaultValue={d.editing.result?.decisionDate ? formatDate(d.editing.result.decisionDate) : ""}
                  placeholder="dd/mm/yyyy"
                  hint="Dạng dd/mm/yyyy."
                />
                <TextField name="decisionSigner" label="Người ký" maxLength={120} defaultValue={d.editing.result?.decisionSigner ?? ""} placeholder="vd. Cục trưởng" />
              </div>
              <div className="flex flex-wrap items-center gap-3">
                <SubmitButton>Lưu kết quả</SubmitButton>
                <Link href={hrefWith({})} className="text-sm text-slate-600 underline">
                  Đóng
                </Link>
              </div>
            </ActionForm>
          </Card>
        </div>
      )}

      {(d.canRecordUnit || (d.canVerify && summary.unverified > 0)) && (
        <div className="no-print grid gap-6 lg:grid-cols-2">
          {d.canRecordUnit && (
            <Card title="Danh hiệu tập thể của đơn vị">
              <ActionForm action={recordUnitResultAction} aria-label="Danh hiệu tập thể" className="space-y-4">
                <input type="hidden" name="yearId" value={year.id} />
                <input type="hidden" name="unitId" value={unit.id} />
                <SelectField
                  name="awardedTitleCode"
                  label="Danh hiệu được công nhận"
                  placeholder="(Không có danh hiệu)"
                  defaultValue={summary.unitAwarded?.code ?? ""}
                  options={collective.map((t) => ({ value: t.code, label: t.name }))}
                />
                <div className="grid gap-4 sm:grid-cols-3">
                  <TextField name="decisionNo" label="Số quyết định" maxLength={60} defaultValue={summary.unitAwarded?.decisionNo ?? ""} placeholder="vd. 912/QĐ-BCA" />
                  <TextField
                    name="decisionDate"
                    label="Ngày quyết định"
                    maxLength={10}
                    placeholder="dd/mm/yyyy"
                    defaultValue={summary.unitAwarded?.decisionDate ? formatDate(summary.unitAwarded.decisionDate) : ""}
                  />
                  <TextField name="decisionSigner" label="Người ký" maxLength={120} defaultValue={summary.unitAwarded?.decisionSigner ?? ""} placeholder="vd. Bộ trưởng Bộ Công an" />
                </div>
                <SubmitButton>Lưu danh hiệu tập thể</SubmitButton>
              </ActionForm>
            </Card>
          )}
          {d.canVerify && summary.unverified > 0 && (
            <Card title="Xác nhận kết quả">
              <ActionForm action={verifyOfficerResultsAction} aria-label="Xác nhận tất cả kết quả">
                <input type="hidden" name="yearId" value={year.id} />
                <input type="hidden" name="unitId" value={unit.id} />
                <p className="mb-3 text-sm text-slate-600">
                  {fmt(summary.unverified)} kết quả do đơn vị nhập đang chờ xác nhận. Mỗi danh hiệu được kiểm tra lại theo điều kiện trước khi xác nhận; kết quả không còn đủ
                  điều kiện sẽ được giữ lại và nêu lý do.
                </p>
                <SubmitButton confirm={`Xác nhận ${fmt(summary.unverified)} kết quả năm ${year.year} của ${unit.name}?`}>Xác nhận tất cả</SubmitButton>
              </ActionForm>
            </Card>
          )}
        </div>
      )}

      {d.canAmend && (
        <Card title="Sửa đổi sau khóa sổ" className="no-print">
          <ActionForm action={amendClosedYearAction} aria-label="Sửa đổi sau khóa sổ" className="space-y-4">
            <p className="text-sm text-slate-600">
              Năm {year.year} đã khóa sổ. Chỉ sửa đổi danh hiệu theo quyết định của cấp có thẩm quyền; nội dung trước và sau, lý do và quyết định được ghi vào nhật ký.
            </p>
            <input type="hidden" name="yearId" value={year.id} />
            <input type="hidden" name="unitId" value={unit.id} />
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                name="officerId"
                label="Đối tượng"
                placeholder={`Danh hiệu tập thể của ${unit.name}`}
                options={d.rows.map((o) => ({ value: o.id, label: `${o.fullName} (${o.code})` }))}
              />
              <SelectField
                name="awardedTitleCode"
                label="Danh hiệu sau sửa đổi"
                placeholder="(Không có danh hiệu)"
                options={[...individual, ...collective].map((t) => ({ value: t.code, label: t.name }))}
              />
              <SelectField name="rating" label="Xếp loại (cán bộ)" placeholder="(Giữ nguyên)" options={RATING_OPTIONS} />
            </div>
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField name="decisionNo" label="Số quyết định sửa đổi" maxLength={60} placeholder="vd. 07/QĐ-BCA" />
              <TextField name="decisionDate" label="Ngày quyết định" maxLength={10} placeholder="dd/mm/yyyy" />
              <TextField name="decisionSigner" label="Người ký" maxLength={120} placeholder="vd. Thứ trưởng Bộ Công an" />
            </div>
            <TextAreaField name="reason" label="Lý do sửa đổi" rows={3} />
            <SubmitButton confirm={`Sửa đổi kết quả năm ${year.year} đã khóa sổ? Thay đổi được ghi vào nhật ký cùng lý do và quyết định.`}>Ghi sửa đổi</SubmitButton>
          </ActionForm>
        </Card>
      )}

      <form method="get" action={base} role="search" aria-label="Lọc cán bộ" className="no-print flex flex-wrap items-end gap-3">
        <input type="hidden" name="year" value={year.id} />
        <TextField type="search" name="q" label="Tìm theo họ tên hoặc mã" defaultValue={d.filters.q} maxLength={100} className="min-w-64 flex-1" />
        <SelectField
          name="filter"
          label="Hiển thị"
          defaultValue={d.filters.filter}
          options={RESULT_FILTERS.map((f) => ({ value: f, label: RESULT_FILTER_LABELS[f] }))}
        />
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
          Lọc
        </button>
      </form>

      {d.total === 0 ? (
        <EmptyState title={d.filters.q || d.filters.filter !== "all" ? "Không có cán bộ phù hợp." : "Đơn vị chưa có cán bộ, chiến sĩ nào."} />
      ) : (
        <>
          <div data-testid="officer-results">
            <DataTable
              caption={`Kết quả thi đua năm ${year.year} của cán bộ ${unit.name}`}
              headers={["Mã", "Họ và tên", "Cấp bậc", "Phòng/Đội", "Đăng ký", "Xếp loại", "Được công nhận", "Quyết định", "Trạng thái", <span key="a" className="sr-only">Thao tác</span>]}
            >
              {d.rows.map((o) => (
                <OfficerRow key={o.id} o={o} canEnter={d.canEnter} canVerify={d.canVerify} editHref={`${hrefWith({ officer: o.id })}#result-form`} yearId={year.id} unitId={unit.id} />
              ))}
            </DataTable>
          </div>
          <Pagination page={d.page} pageCount={d.pageCount} total={d.total} makeHref={(page) => hrefWith({ page: page > 1 ? page : null })} />
        </>
      )}
    </div>
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

function OfficerRow({
  o,
  canEnter,
  canVerify,
  editHref,
  yearId,
  unitId,
}: {
  o: OfficerResultRow;
  canEnter: boolean;
  canVerify: boolean;
  editHref: string;
  yearId: string;
  unitId: string;
}) {
  const r = o.result;
  return (
    <tr>
      <td className={`${cellClass} font-mono text-xs`}>{o.code}</td>
      <td className={cellClass}>
        <Link href={`/officers/${o.id}`} className="font-medium text-brand-700 hover:underline">
          {o.fullName}
        </Link>
        {!o.active && <span className="block text-xs text-slate-500">Không còn công tác</span>}
      </td>
      <td className={cellClass}>{o.rank}</td>
      <td className={cellClass}>{o.subUnitName ?? <span className="text-slate-400">—</span>}</td>
      <td className={cellClass}>{o.registeredTitle ? titleLabel(o.registeredTitle as IndividualTitle) : <span className="text-slate-400">—</span>}</td>
      <td className={cellClass}>{r?.rating ? TASK_RATINGS[r.rating] : <span className="text-slate-400">—</span>}</td>
      <td className={cellClass}>{r?.awardedTitleCode ? <span className="font-medium">{titleLabel(r.awardedTitleCode as IndividualTitle)}</span> : <span className="text-slate-400">—</span>}</td>
      <td className={`${cellClass} text-xs`}>
        {r?.decisionNo ? (
          <>
            {r.decisionNo}
            {r.decisionDate && <span className="block">{formatDate(r.decisionDate)}</span>}
            {r.decisionSigner && <span className="block text-slate-500">{r.decisionSigner}</span>}
          </>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </td>
      <td className={cellClass}>
        {!r ? <Badge>Chưa có</Badge> : r.verified ? <Badge tone="green">Đã xác nhận</Badge> : <Badge tone="amber">Chờ xác nhận</Badge>}
      </td>
      <td className={`${cellClass} no-print`}>
        <div className="flex flex-col items-start gap-1">
          {canEnter && (
            <Link href={editHref} className="text-brand-700 hover:underline" aria-label={`${r ? "Sửa" : "Ghi"} kết quả của ${o.fullName}`}>
              {r ? "Sửa" : "Ghi kết quả"}
            </Link>
          )}
          {canVerify && r && !r.verified && (
            <ActionForm action={verifyOfficerResultsAction} aria-label={`Xác nhận kết quả của ${o.fullName}`}>
              <input type="hidden" name="yearId" value={yearId} />
              <input type="hidden" name="unitId" value={unitId} />
              <input type="hidden" name="officerId" value={o.id} />
              <SubmitButton variant="secondary">Xác nhận</SubmitButton>
            </ActionForm>
          )}
        </div>
      </td>
    </tr>
  );
}
