// An officer's emulation history for the officer page: each year's rating, awarded title and decision;
// initiatives; discipline records — with forms to add an initiative or a discipline record (and to
// update a discipline record) for users with "history.manage" on the officer's unit.
// Server component; mount it on the officer page: <OfficerHistorySection actor={actor} officerId={officer.id} />
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Badge, Card, cellClass, DataTable, EmptyState } from "@/components/ui";
import { DISCIPLINE_FORMS, DISCIPLINE_STATUSES, INITIATIVE_LEVELS, type DisciplineStatus } from "@/domain/eligibility";
import type { Actor } from "@/domain/permissions";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { formatDate } from "@/lib/format";
import { officerHistory } from "@/server/queries/results";
import { addDisciplineAction, addInitiativeAction, updateDisciplineAction } from "../../results/actions";
import { found } from "@/app/not-found-boundary";
import { LateMark, LateRecordCard } from "./late-records";
import { AddRecord, DisciplineFields, LEVEL_OPTIONS } from "./record-fields";
import { RegistrationOverrideCard } from "./registration-override";

const STATUS_TONE: Record<DisciplineStatus, "red" | "amber" | "slate"> = { IN_FORCE: "red", PENDING: "amber", CLEARED: "slate" };

export async function OfficerHistorySection({ actor, officerId }: { actor: Actor; officerId: string }) {
  const history = await found(officerHistory(actor, officerId));
  const { officer, canManage } = history;
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: "now" is the request's time
  const thisYear = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

  return (
    <section aria-labelledby="history-heading" className="space-y-6" data-testid="officer-history">
      <h2 id="history-heading" className="text-xl font-semibold text-slate-900">
        Lịch sử thi đua
      </h2>

      <Card title="Kết quả các năm">
        {history.years.length === 0 ? (
          <EmptyState title="Chưa có kết quả thi đua nào được ghi nhận." />
        ) : (
          <DataTable caption={`Kết quả thi đua các năm của ${officer.fullName}`} headers={["Năm", "Đơn vị công tác", "Xếp loại", "Danh hiệu được công nhận", "Quyết định", "Xác nhận"]}>
            {history.years.map((y) => (
              <tr key={y.id}>
                <td className={`${cellClass} font-medium`}>{y.year}</td>
                <td className={cellClass}>{y.servedUnit?.name ?? <span className="text-slate-500">—</span>}</td>
                <td className={cellClass}>{y.rating ? TASK_RATINGS[y.rating] : <span className="text-slate-500">—</span>}</td>
                <td className={cellClass}>
                  {y.awardedTitle ? (
                    y.awardedTitle.name
                  ) : y.revokedTitle ? (
                    <span className="text-red-700">
                      {y.revokedTitle.name} (đã thu hồi, QĐ số {y.revokeDecisionNo})
                    </span>
                  ) : (
                    <span className="text-slate-600">Không</span>
                  )}
                </td>
                <td className={`${cellClass} text-xs`}>
                  {y.decisionNo ? (
                    <>
                      Số {y.decisionNo}
                      {y.decisionDate && <>, ngày {formatDate(y.decisionDate)}</>}
                      {y.decisionSigner && <span className="block text-slate-500">{y.decisionSigner}</span>}
                    </>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </td>
                <td className={cellClass}>{y.verified ? <Badge tone="green">Đã xác nhận</Badge> : <Badge tone="amber">Chờ xác nhận</Badge>}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      {history.transfers.length > 0 && (
        <Card title="Quá trình điều động">
          <DataTable caption={`Quá trình điều động của ${officer.fullName}`} headers={["Ngày hiệu lực", "Từ đơn vị", "Đến đơn vị", "Quyết định", "Người ghi nhận"]} testId="officer-transfers">
            {history.transfers.map((t) => (
              <tr key={t.id}>
                <td className={`${cellClass} font-medium`}>{formatDate(t.effectiveDate)}</td>
                <td className={cellClass}>{t.fromUnitName}</td>
                <td className={cellClass}>{t.toUnitName}</td>
                <td className={`${cellClass} text-xs`}>
                  Số {t.decisionNo}, ngày {formatDate(t.decisionDate)}
                  <span className="block text-slate-500">{t.decisionSigner}</span>
                </td>
                <td className={cellClass}>{t.recordedByName}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      )}

      <Card title="Sáng kiến">
        {history.initiatives.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có sáng kiến nào được ghi nhận.</p>
        ) : (
          <DataTable caption={`Sáng kiến của ${officer.fullName}`} headers={["Năm", "Cấp", "Tên sáng kiến", "Quyết định công nhận"]}>
            {history.initiatives.map((i) => (
              <tr key={i.id}>
                <td className={cellClass}>
                  {i.year}
                  <LateMark late={i.lateRecord} />
                </td>
                <td className={cellClass}>{INITIATIVE_LEVELS[i.level]}</td>
                <td className={cellClass}>{i.title}</td>
                <td className={cellClass}>{i.decisionNo ?? <span className="text-slate-500">—</span>}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {canManage && (
          <AddRecord title="Thêm sáng kiến" action={addInitiativeAction} officerId={officer.id}>
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField name="year" type="number" label="Năm công nhận" required defaultValue={thisYear} />
              <SelectField name="level" label="Cấp sáng kiến" required placeholder="— Chọn cấp —" options={LEVEL_OPTIONS} />
              <TextField name="decisionNo" label="Số quyết định công nhận" maxLength={60} />
            </div>
            <TextField name="title" label="Tên sáng kiến" required maxLength={300} />
            {history.closedYears.length > 0 && (
              <p className="text-xs text-slate-500">
                Năm đã khóa sổ ({[...history.closedYears].sort().join(", ")}) không nhận thêm sáng kiến trực tiếp; Thư ký cụm ghi bổ sung theo văn bản (mục “Ghi bổ sung sau khóa sổ”).
              </p>
            )}
            <SubmitButton>Thêm sáng kiến</SubmitButton>
          </AddRecord>
        )}
      </Card>

      <Card title="Hình thức khen thưởng">
        {history.commendations.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có hình thức khen thưởng nào được ghi nhận.</p>
        ) : (
          <DataTable caption={`Khen thưởng của ${officer.fullName}`} headers={["Năm", "Hình thức", "Cấp quyết định", "Quyết định", "Tình trạng"]} testId="officer-commendations">
            {history.commendations.map((c) => (
              <tr key={c.id}>
                <td className={cellClass}>{c.year}</td>
                <td className={cellClass}>{c.form}</td>
                <td className={cellClass}>{c.level}</td>
                <td className={`${cellClass} text-xs`}>
                  Số {c.decisionNo}, ngày {formatDate(c.decisionDate)}
                  <span className="block text-slate-500">{c.decisionSigner}</span>
                </td>
                <td className={cellClass}>
                  {c.revokedAt ? (
                    <>
                      <Badge tone="red">Đã thu hồi</Badge>
                      <span className="mt-1 block text-xs text-slate-600">
                        QĐ số {c.revokeDecisionNo}: {c.revokeReason}
                      </span>
                    </>
                  ) : (
                    <Badge tone="green">Còn hiệu lực</Badge>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <RegistrationOverrideCard officerId={officer.id} officerName={officer.fullName} years={history.overrideYears} overrides={history.overrides} />

      <Card title="Kỷ luật">
        {history.disciplines.length === 0 ? (
          <p className="text-sm text-slate-600">Không có bản ghi kỷ luật.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {history.disciplines.map((d) => (
              <li key={d.id} className="py-3">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-medium">{DISCIPLINE_FORMS[d.form]}</span>
                  <Badge tone={STATUS_TONE[d.status]}>{DISCIPLINE_STATUSES[d.status]}</Badge>
                  <span className="text-slate-600">
                    từ {formatDate(d.fromDate)}
                    {d.toDate ? ` đến ${formatDate(d.toDate)}` : " (chưa kết thúc)"}
                  </span>
                </div>
                {d.note && <p className="mt-1 text-sm text-slate-600">{d.note}</p>}
                <LateMark late={d.lateRecord} />
                {canManage && (
                  <details className="no-print mt-2">
                    <summary className="cursor-pointer text-sm text-brand-700">Cập nhật</summary>
                    <ActionForm action={updateDisciplineAction} aria-label={`Cập nhật kỷ luật ${DISCIPLINE_FORMS[d.form]} từ ${formatDate(d.fromDate)}`} className="mt-3 space-y-4">
                      <input type="hidden" name="id" value={d.id} />
                      <DisciplineFields values={{ form: d.form, status: d.status, fromDate: formatDate(d.fromDate), toDate: d.toDate ? formatDate(d.toDate) : "", note: d.note ?? "" }} />
                      <SubmitButton>Lưu</SubmitButton>
                    </ActionForm>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
        {canManage && (
          <AddRecord title="Ghi nhận kỷ luật" action={addDisciplineAction} officerId={officer.id}>
            <DisciplineFields values={{ form: "", status: "", fromDate: "", toDate: "", note: "" }} />
            <SubmitButton confirm={`Ghi nhận kỷ luật đối với ${officer.fullName}? Cán bộ đang bị xem xét hoặc chịu kỷ luật sẽ không được xét danh hiệu.`}>
              Ghi nhận kỷ luật
            </SubmitButton>
          </AddRecord>
        )}
      </Card>

      {history.canAmend && <LateRecordCard officerId={officer.id} officerName={officer.fullName} years={history.closedYearRows} />}
    </section>
  );
}
