// One unit's registration for the cluster's current year, as the unit officer edits it and as the unit
// head, the secretariat and admins read it (server component; the table is the client part).
import Link from "next/link";
import { ActionForm, SubmitButton, TextAreaField, TextField } from "@/components/form";
import { Badge, Card, controlClass, DescriptionItem, EmptyState, LinkButton, PageHeader, Pagination, PickerSelect } from "@/components/ui";
import { REGISTRATION_SHEET } from "@/domain/excel-rows";
import { AGREEMENT_MAX_BYTES, AGREEMENT_UPLOAD_TOO_LARGE, vietnamDayAfter } from "@/domain/registration-window";
import { PHASE_LABELS } from "@/domain/year-phases";
import { formatDate, formatDateTime } from "@/lib/format";
import { NO_SUB_UNIT, TARGET_ANY, TARGET_NONE, type UnitRegistrationPage } from "@/server/queries/registration";
import { reopenUnitRegistrationAction } from "./actions";
import { AgreementForm } from "./_sections/agreement-form";
import { SubUnitTitlesCard } from "./_sections/sub-unit-titles";
import { PrintButton } from "@/components/print-button";
import { OfficerRegistrationTable, UnitTargetForm } from "./officer-table";
import { Deadline } from "@/components/deadline";
import { appNow } from "@/server/clock";

type Loaded = Extract<UnitRegistrationPage, { rows: unknown }>;

/** "Đã gửi", "Đang soạn" or "Chưa đăng ký", from the stored status and what has been entered. */
export function registrationStatusBadge(status: "DRAFT" | "SUBMITTED" | null, started: boolean, submittedAt?: Date | null) {
  if (status === "SUBMITTED") return <Badge tone="green">Đã gửi{submittedAt ? ` ${formatDate(submittedAt)}` : ""}</Badge>;
  if (started) return <Badge tone="amber">Đang soạn</Badge>;
  return <Badge tone="slate">Chưa đăng ký</Badge>;
}

/** A short hash of the saved titles shown, so the table resets its local edits when they change. */
function versionOf(data: Loaded): string {
  let h = 0x811c9dc5;
  const text = `${data.page}|${data.rows.map((r) => `${r.id}:${r.titleCode ?? ""}`).join(",")}|${data.counts.registered}|${data.counts.cstdcs}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${data.page}-${(h >>> 0).toString(36)}`;
}

export function UnitRegistrationView({ data, basePath, backHref }: { data: UnitRegistrationPage; basePath: string; backHref?: string }) {
  const { unit } = data;
  const back = backHref ? (
    <LinkButton href={backHref} variant="secondary">
      Quay lại bảng theo dõi
    </LinkButton>
  ) : undefined;
  if (!data.year) {
    return (
      <div>
        <PageHeader title="Đăng ký thi đua" description={`${unit.name} · ${unit.clusterName}`} actions={back} />
        <EmptyState title="Cụm thi đua chưa mở năm thi đua nào.">Thư ký cụm mở năm thi đua trước khi các đơn vị đăng ký.</EmptyState>
      </div>
    );
  }
  const d = data as Loaded;
  const { year, registration, window, counts, filters } = d;
  const started = counts.registered > 0 || Boolean(registration?.targetTitleCode);
  const filtered = filters.q !== "" || filters.subUnitId !== null || filters.target !== "";
  const hrefFor = (page: number) => {
    const p = new URLSearchParams();
    if (filters.q) p.set("q", filters.q);
    if (filters.subUnitId) p.set("sub", filters.subUnitId);
    if (filters.target) p.set("target", filters.target);
    if (page > 1) p.set("page", String(page));
    const query = p.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const titleName = (code: string) => d.titles.individual.find((t) => t.code === code)?.shortName ?? code;
  const filterParts = [
    filters.subUnitId && `thuộc ${filters.subUnitId === NO_SUB_UNIT ? "(chưa phân phòng/đội)" : (d.subUnits.find((s) => s.id === filters.subUnitId)?.name ?? "")}`,
    filters.q && `có tên/mã “${filters.q}”`,
    filters.target === TARGET_NONE && "chưa đăng ký",
    filters.target === TARGET_ANY && "đã đăng ký",
    filters.target && filters.target !== TARGET_NONE && filters.target !== TARGET_ANY && `đang đăng ký ${titleName(filters.target)}`,
  ].filter(Boolean);
  const filterLabel = filterParts.length ? `(${filterParts.join(", ")})` : "của đơn vị";

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Đăng ký thi đua năm ${year.year}`}
        description={
          <>
            {unit.name} · {unit.clusterName} {registrationStatusBadge(registration?.status ?? null, started, registration?.submittedAt)}
          </>
        }
        actions={
          <>
            {d.mayEdit && <ExcelLinks yearId={year.id} />}
            <PrintButton />
            {back}
          </>
        }
      />

      <Card title="Tình trạng đăng ký">
        <dl className="grid gap-3 text-sm sm:grid-cols-4">
          <DescriptionItem label="Giai đoạn">{PHASE_LABELS[year.phase]}</DescriptionItem>
          <DescriptionItem label="Hạn đăng ký">
            <Deadline iso={year.registrationDeadline} now={appNow()} />
          </DescriptionItem>
          <DescriptionItem label="Đã đăng ký">
            <span data-testid="registered-count">
              {counts.registered}/{counts.officers} cán bộ ({counts.percent}%)
            </span>
          </DescriptionItem>
          <DescriptionItem label="Cập nhật lần cuối">{registration ? formatDateTime(registration.updatedAt) : "—"}</DescriptionItem>
        </dl>
        <p
          data-testid="registration-window"
          className={`mt-4 rounded-md border px-3 py-2 text-sm ${
            window.writable
              ? "border-green-300 bg-green-50 text-green-800"
              : window.reason === "SUBMITTED"
                ? "border-blue-300 bg-blue-50 text-blue-900"
                : "border-amber-300 bg-amber-50 text-amber-900"
          }`}
        >
          {window.message}
          {!d.mayEdit && " Bạn đang xem ở chế độ chỉ đọc."}
          {d.mayEdit && !unit.active && " Đơn vị đã ngừng hoạt động."}
        </p>
        {registration?.reopenReason && window.reason === "REOPENED" && (
          <p className="mt-2 text-sm text-slate-600">Lý do mở lại: {registration.reopenReason}</p>
        )}
      </Card>

      {d.canReopen && (
        <Card title="Mở lại đăng ký cho đơn vị" className="no-print">
          <ActionForm action={reopenUnitRegistrationAction} aria-label="Mở lại đăng ký" className="space-y-4">
            <input type="hidden" name="unitId" value={unit.id} />
            <input type="hidden" name="emulationYearId" value={year.id} />
            <p className="text-sm text-slate-600">
              Đơn vị sửa được đăng ký (kể cả khi đã gửi hoặc đã hết hạn) đến hết ngày được chọn; đăng ký trở về trạng thái đang soạn và đơn vị phải gửi lại.
              Thao tác được ghi vào nhật ký.
            </p>
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField
                name="until"
                label="Mở lại đến hết ngày"
                required
                placeholder="dd/mm/yyyy"
                maxLength={10}
                defaultValue={formatDate(vietnamDayAfter(appNow(), 7))}
                hint="Nhập theo dạng dd/mm/yyyy, từ hôm nay trở đi."
              />
              <TextAreaField name="reason" label="Lý do mở lại" required rows={2} className="sm:col-span-2" />
            </div>
            <SubmitButton confirm={`Mở lại đăng ký thi đua năm ${year.year} cho ${unit.name}?`}>Mở lại đăng ký</SubmitButton>
          </ActionForm>
        </Card>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Danh hiệu đăng ký của đơn vị">
          <UnitTargetForm
            yearId={year.id}
            titles={d.titles.collective}
            current={registration?.targetTitleCode ?? null}
            results={d.unitEvaluation.results}
            canEdit={d.canEdit}
          />
        </Card>
        <AgreementCard data={d} />
      </div>

      <SubUnitTitlesCard data={d.subUnitTitles} titles={d.titles.collective} yearId={year.id} canEdit={d.canEdit} />

      <Card title="Đăng ký danh hiệu của cán bộ, chiến sĩ">
        {d.canEdit && (
          <p className="no-print mb-4 text-sm text-slate-600" data-testid="excel-hint">
            Đăng ký nhiều cán bộ cùng lúc:{" "}
            <a href="/registration/template" download className="text-brand-700 underline">
              tải tệp mẫu Excel
            </a>
            , điền trang “{REGISTRATION_SHEET.name}”, rồi{" "}
            <Link href={`/registration/import?year=${year.id}`} className="text-brand-700 underline">
              nhập từ Excel
            </Link>
            .
          </p>
        )}
        <form method="get" action={basePath} role="search" aria-label="Lọc cán bộ" className="no-print mb-4 flex flex-wrap items-end gap-3">
          <div className="flex min-w-56 flex-1 flex-col gap-1">
            <label htmlFor="reg-q" className="text-sm font-medium text-slate-700">
              Tìm theo họ tên hoặc mã
            </label>
            <input id="reg-q" type="search" name="q" defaultValue={filters.q} maxLength={100} placeholder="vd. nguyen van an" className={controlClass} />
          </div>
          <PickerSelect id="reg-sub" name="sub" label="Phòng/Đội" defaultValue={filters.subUnitId ?? ""} className={`${controlClass} max-w-xs`}>
            <option value="">Tất cả</option>
            <option value={NO_SUB_UNIT}>(Chưa phân phòng/đội)</option>
            {d.subUnits.map((s) => (
              <option key={s.id} value={s.id}>
                {s.active ? s.name : `${s.name} (ngừng hoạt động)`}
              </option>
            ))}
          </PickerSelect>
          <PickerSelect id="reg-target" name="target" label="Đăng ký hiện tại" defaultValue={filters.target}>
            <option value="">Tất cả</option>
            <option value={TARGET_NONE}>Chưa đăng ký</option>
            <option value={TARGET_ANY}>Đã đăng ký</option>
            {d.titles.individual.map((t) => (
              <option key={t.code} value={t.code}>
                {t.shortName}
              </option>
            ))}
          </PickerSelect>
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
              Lọc
            </button>
            {filtered && (
              <Link href={basePath} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
                Xóa bộ lọc
              </Link>
            )}
          </div>
        </form>

        {counts.officers === 0 ? (
          <EmptyState title="Đơn vị chưa có cán bộ, chiến sĩ nào đang công tác.">Danh sách cán bộ do cán bộ thi đua của đơn vị cập nhật.</EmptyState>
        ) : (
          <>
            <OfficerRegistrationTable
              yearId={year.id}
              year={year.year}
              settings={year.settings}
              rules={year.rules}
              rows={d.rows.map(({ evaluation: _e, ...r }) => r)}
              titles={d.titles.individual}
              unitCounts={{ officers: counts.officers, registered: counts.registered, cstdcs: counts.cstdcs }}
              matching={{ total: d.matching.total, registered: d.matching.registered, cstdcs: d.matching.cstdcs }}
              filters={{ q: filters.q, sub: filters.subUnitId ?? "", target: filters.target }}
              filterLabel={filterLabel}
              canEdit={d.canEdit}
              hasTarget={Boolean(registration?.targetTitleCode)}
              version={versionOf(d)}
              emptyText={
                filtered
                  ? "Không có cán bộ phù hợp bộ lọc. Hãy thử từ khóa khác (có thể gõ không dấu) hoặc bỏ bớt bộ lọc."
                  : "Không có cán bộ nào đang công tác."
              }
            />
            <Pagination page={d.page} pageCount={d.pageCount} total={d.matching.total} makeHref={hrefFor} />
          </>
        )}
      </Card>
    </div>
  );
}

/**
 * The unit officer's way in to registering many officers at once (issue 13 item 4): the Excel template
 * (the unit's sub-units in its lists) and the import page, for this year.
 */
function ExcelLinks({ yearId }: { yearId: string }) {
  return (
    <>
      <a
        href="/registration/template"
        download
        className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
      >
        Tải tệp mẫu Excel
      </a>
      <LinkButton href={`/registration/import?year=${yearId}`} variant="secondary">
        Nhập từ Excel
      </LinkButton>
    </>
  );
}

function AgreementCard({ data }: { data: Loaded }) {
  const { registration, year, unit } = data;
  const secretariat = !data.canEdit && data.canRecordAgreementForUnit;
  const editable = data.canEdit || secretariat;
  const summary = registration?.agreementSignedOn ? (
    <dl className="grid gap-3 text-sm sm:grid-cols-2">
      <DescriptionItem label="Ngày ký">{formatDate(registration.agreementSignedOn)}</DescriptionItem>
      <DescriptionItem label="Người ký">{registration.agreementSigner}</DescriptionItem>
      <DescriptionItem label="Bản chụp">
        {registration.hasAgreementFile ? (
          <a href={`/registration/agreement/${registration.id}`} className="text-brand-700 underline" download>
            {registration.agreementFileName}
          </a>
        ) : (
          "Chưa đính kèm"
        )}
      </DescriptionItem>
    </dl>
  ) : (
    <p className="text-sm text-slate-600">Chưa ghi nhận giao ước thi đua năm {year.year} của đơn vị.</p>
  );
  return (
    <Card title="Giao ước thi đua">
      {summary}
      {editable && (
        <AgreementForm
          yearId={year.id}
          unitId={secretariat ? unit.id : undefined}
          signedOn={registration?.agreementSignedOn ? formatDate(registration.agreementSignedOn) : ""}
          signer={registration?.agreementSigner ?? ""}
          maxBytes={AGREEMENT_MAX_BYTES}
          tooLarge={AGREEMENT_UPLOAD_TOO_LARGE}
        />
      )}
    </Card>
  );
}
