import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField } from "@/components/form";
import { Badge, Card, DescriptionItem, LinkButton, PageHeader } from "@/components/ui";
import { PHASE_LABELS, YEAR_PHASES, isYearWritable, type YearPhase } from "@/domain/year-phases";
import { movePhase, YEAR_SETTING_LABELS } from "@/domain/year-rules";
import { CSTDCS_BASES, DEFAULT_YEAR_SETTINGS, PASS_THRESHOLDS, TIE_BREAKS, type YearSettings } from "@/domain/year-settings";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { clusterYearDetail } from "@/server/queries/cluster";
import { offsetsText } from "@/domain/notifications";
import { ReminderSettings } from "./reminder-settings";
import {
  advanceYearPhaseAction,
  closeYearAction,
  revertYearPhaseAction,
  updateYearLeadershipAction,
  updateYearSettingsAction,
} from "../../actions";

export const metadata: Metadata = { title: "Năm thi đua" };

type Key = keyof YearSettings;

/** A number as Vietnamese readers write it (decimal comma). */
const viNumber = (n: number) => String(n).replace(".", ",");

/** A setting's value as text, for the read-only view and the "Mặc định" hints. */
function settingText(key: Key, settings: YearSettings): string {
  switch (key) {
    case "cstdcsQuotaPercent":
    case "advancedUnitMinCstPercent":
    case "determinedUnitMinGoodPercent":
      return `${viNumber(settings[key])}%`;
    case "ministryFlagsPerCluster":
    case "extraMinistryFlags":
      return String(settings[key]);
    case "cstdcsBasis":
      return CSTDCS_BASES[settings.cstdcsBasis];
    case "passThreshold":
      return PASS_THRESHOLDS[settings.passThreshold];
    case "quorumUnits":
      return settings.quorumUnits === null ? "Tất cả đơn vị thành viên" : `${settings.quorumUnits} đơn vị`;
    case "allowSelfVote":
    case "outgoingChairMayBeReelected":
      return settings[key] ? "Có" : "Không";
    case "rankingTieBreak":
      return TIE_BREAKS[settings.rankingTieBreak];
    case "crossScorersPerReport":
      return `${settings.crossScorersPerReport} đơn vị`;
    case "scoreDifferencePercent":
      return `${settings.scoreDifferencePercent}%`;
    case "registrationDeadline":
    case "midyearReportDeadline":
    case "reportDeadline":
    case "conferenceDate":
      return settings[key] ? formatDate(settings[key]) : "Chưa đặt";
    case "reminderOffsets":
      return offsetsText(settings.reminderOffsets);
  }
}

const defaultHint = (key: Key) => `Mặc định: ${settingText(key, DEFAULT_YEAR_SETTINGS)}`;

const SETTING_GROUPS: { title: string; keys: Key[] }[] = [
  { title: "Danh hiệu cá nhân", keys: ["cstdcsQuotaPercent", "cstdcsBasis"] },
  { title: "Danh hiệu tập thể", keys: ["advancedUnitMinCstPercent", "determinedUnitMinGoodPercent", "ministryFlagsPerCluster", "extraMinistryFlags"] },
  { title: "Bỏ phiếu tại hội nghị tổng kết", keys: ["passThreshold", "quorumUnits", "allowSelfVote", "outgoingChairMayBeReelected"] },
  { title: "Báo cáo, chấm điểm, xếp hạng", keys: ["rankingTieBreak", "crossScorersPerReport", "scoreDifferencePercent"] },
  { title: "Thời hạn", keys: ["registrationDeadline", "midyearReportDeadline", "reportDeadline", "conferenceDate"] },
];

function phaseTone(phase: YearPhase): "slate" | "green" | "blue" | "amber" {
  if (phase === "CLOSED") return "slate";
  if (phase === "SETUP") return "amber";
  if (phase === "RESULTS") return "green";
  return "blue";
}

function SettingInput({ name, settings, activeMemberCount }: { name: Key; settings: YearSettings; activeMemberCount: number }) {
  const label = YEAR_SETTING_LABELS[name];
  switch (name) {
    case "cstdcsQuotaPercent":
    case "advancedUnitMinCstPercent":
    case "determinedUnitMinGoodPercent":
      return <TextField name={name} label={label} required defaultValue={viNumber(settings[name])} hint={`Từ 0 đến 100. ${defaultHint(name)}`} />;
    case "ministryFlagsPerCluster":
    case "extraMinistryFlags":
      return <TextField name={name} label={label} type="number" required defaultValue={settings[name]} hint={`Từ 0 đến 10. ${defaultHint(name)}`} />;
    case "quorumUnits":
      return (
        <TextField
          name={name}
          label={label}
          type="number"
          defaultValue={settings.quorumUnits ?? ""}
          hint={`Để trống: tất cả ${activeMemberCount} đơn vị thành viên phải có mặt. ${defaultHint(name)}`}
        />
      );
    case "cstdcsBasis":
      return (
        <SelectField
          name={name}
          label={label}
          required
          defaultValue={settings.cstdcsBasis}
          hint={defaultHint(name)}
          options={Object.entries(CSTDCS_BASES).map(([value, text]) => ({ value, label: text }))}
        />
      );
    case "passThreshold":
      return (
        <SelectField
          name={name}
          label={label}
          required
          defaultValue={settings.passThreshold}
          hint={defaultHint(name)}
          options={Object.entries(PASS_THRESHOLDS).map(([value, text]) => ({ value, label: text }))}
        />
      );
    case "allowSelfVote":
    case "outgoingChairMayBeReelected":
      return (
        <div>
          <CheckboxField name={name} label={label} defaultChecked={settings[name]} />
          <p className="mt-1 text-xs text-slate-500">
            {name === "outgoingChairMayBeReelected" ? "Áp dụng khi bầu Cụm trưởng cho năm sau. " : ""}
            {defaultHint(name)}
          </p>
        </div>
      );
    case "rankingTieBreak":
      return (
        <SelectField
          name={name}
          label={label}
          required
          defaultValue={settings.rankingTieBreak}
          hint={defaultHint(name)}
          options={Object.entries(TIE_BREAKS).map(([value, text]) => ({ value, label: text }))}
        />
      );
    case "crossScorersPerReport":
      return <TextField name={name} label={label} type="number" required defaultValue={settings[name]} hint={`Từ 1 đến 9. ${defaultHint(name)}`} />;
    case "scoreDifferencePercent":
      return <TextField name={name} label={label} type="number" required defaultValue={settings[name]} hint={`Từ 1 đến 100. ${defaultHint(name)}`} />;
    case "registrationDeadline":
    case "midyearReportDeadline":
    case "reportDeadline":
    case "conferenceDate":
      return (
        <TextField
          name={name}
          label={label}
          defaultValue={settings[name] ? formatDate(settings[name]) : ""}
          placeholder="dd/mm/yyyy"
          maxLength={10}
          hint={`Nhập theo dạng dd/mm/yyyy; để trống nếu chưa đặt. ${defaultHint(name)}`}
        />
      );
  }
}

/** A one-button form that moves the phase; it says which phase it saw, so a stale page cannot move twice. */
function PhaseButton({
  action,
  yearId,
  phase,
  children,
  variant,
  confirm,
  label,
}: {
  action: typeof advanceYearPhaseAction;
  yearId: string;
  phase: YearPhase;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  label: string;
}) {
  return (
    <ActionForm action={action} aria-label={label}>
      <input type="hidden" name="yearId" value={yearId} />
      <input type="hidden" name="fromPhase" value={phase} />
      <SubmitButton variant={variant} confirm={confirm}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

export default async function YearPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const year = await clusterYearDetail(actor, id);
  const writable = isYearWritable(year.phase);
  const currentIndex = YEAR_PHASES.indexOf(year.phase);
  const advance = movePhase(year.phase, "advance");
  const revert = movePhase(year.phase, "revert");
  const close = movePhase(year.phase, "close");

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Năm thi đua ${year.year}`}
        description={
          <>
            {year.clusterName} · Phong trào “{year.movement}” · Giai đoạn: <Badge tone={phaseTone(year.phase)}>{PHASE_LABELS[year.phase]}</Badge>
          </>
        }
        actions={
          <LinkButton href="/cluster" variant="secondary">
            ← Về trang cụm thi đua
          </LinkButton>
        }
      />

      {!writable && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          <p className="font-semibold">Năm thi đua {year.year} đã khóa sổ{year.closedAt ? ` ngày ${formatDate(year.closedAt)}` : ""}.</p>
          <p className="mt-1 text-sm">
            Mọi thông tin dưới đây chỉ để xem, không thể chỉnh sửa. Việc điều chỉnh sau khi khóa sổ phải được thực hiện bằng văn bản sửa đổi,
            có nêu lý do.
          </p>
        </div>
      )}

      <Card title="Giai đoạn">
        <ol className="flex flex-wrap gap-2 text-sm" aria-label="Các giai đoạn của năm thi đua">
          {YEAR_PHASES.map((phase, i) => (
            <li
              key={phase}
              aria-current={phase === year.phase ? "step" : undefined}
              className={`rounded-full border px-3 py-1 ${
                phase === year.phase
                  ? "border-brand-600 bg-brand-600 font-semibold text-white"
                  : i < currentIndex
                    ? "border-slate-300 bg-slate-100 text-slate-600"
                    : "border-slate-200 bg-white text-slate-500"
              }`}
            >
              {i + 1}. {PHASE_LABELS[phase]}
            </li>
          ))}
        </ol>
        {writable && (
          <div className="no-print mt-4 flex flex-wrap items-start gap-3">
            {revert.ok && (
              <PhaseButton action={revertYearPhaseAction} yearId={year.id} phase={year.phase} variant="secondary" label="Quay lại giai đoạn trước">
                ← Quay lại “{PHASE_LABELS[revert.to]}”
              </PhaseButton>
            )}
            {advance.ok && (
              <PhaseButton action={advanceYearPhaseAction} yearId={year.id} phase={year.phase} label="Chuyển sang giai đoạn tiếp theo">
                Chuyển sang “{PHASE_LABELS[advance.to]}” →
              </PhaseButton>
            )}
            {close.ok && (
              <PhaseButton
                action={closeYearAction}
                yearId={year.id}
                phase={year.phase}
                variant="danger"
                label="Khóa sổ năm thi đua"
                confirm={`Khóa sổ năm thi đua ${year.year}? Sau khi khóa sổ, mọi thông tin của năm chỉ để xem và không thể chỉnh sửa. Không thể hoàn tác.`}
              >
                Khóa sổ năm thi đua {year.year}
              </PhaseButton>
            )}
          </div>
        )}
        {writable && !close.ok && (
          <p className="no-print mt-3 text-xs text-slate-500">
            Giai đoạn chuyển lần lượt từng bước; khóa sổ được thực hiện ở giai đoạn “{PHASE_LABELS.RESULTS}”.
          </p>
        )}
      </Card>

      <Card title="Cụm trưởng, Cụm phó">
        {writable ? (
          <ActionForm action={updateYearLeadershipAction} aria-label="Cụm trưởng, Cụm phó" className="space-y-4">
            <input type="hidden" name="yearId" value={year.id} />
            {year.previous && (
              <p className="text-sm text-slate-600">
                Cụm trưởng năm {year.previous.year}: {year.previous.chairName ?? "chưa xác định"}.
              </p>
            )}
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="chairUnitId"
                label="Cụm trưởng"
                required
                placeholder="— Chọn đơn vị —"
                defaultValue={year.chairUnitId ?? ""}
                hint="Xếp theo thời gian chưa làm Cụm trưởng, lâu nhất trước."
                options={year.chairOptions.map((c) => ({
                  value: c.id,
                  label: c.lastChairedYear === null ? c.name : `${c.name} (Cụm trưởng gần nhất năm ${c.lastChairedYear})`,
                }))}
              />
              <SelectField
                name="deputyUnitId"
                label="Cụm phó"
                placeholder="— Chưa xác định —"
                defaultValue={year.deputyUnitId ?? ""}
                options={year.deputyOptions.map((d) => ({ value: d.id, label: d.name }))}
              />
              <TextField name="movement" label="Phong trào thi đua" required defaultValue={year.movement} maxLength={300} className="sm:col-span-2" />
            </div>
            <SubmitButton>Lưu Cụm trưởng, Cụm phó</SubmitButton>
          </ActionForm>
        ) : (
          <dl className="grid gap-3 sm:grid-cols-3">
            <DescriptionItem label="Cụm trưởng">{year.chairName ?? "Chưa xác định"}</DescriptionItem>
            <DescriptionItem label="Cụm phó">{year.deputyName ?? "Chưa xác định"}</DescriptionItem>
            <DescriptionItem label="Phong trào thi đua">{year.movement}</DescriptionItem>
          </dl>
        )}
      </Card>

      <Card title="Thiết lập năm thi đua">
        <p className="mb-4 text-sm text-slate-600">
          Các tỷ lệ, ngưỡng, quy tắc bỏ phiếu và thời hạn áp dụng cho năm {year.year} của cụm. Giá trị mặc định theo quy định chung được ghi
          dưới mỗi mục.
        </p>
        {writable ? (
          <ActionForm action={updateYearSettingsAction} aria-label="Thiết lập năm thi đua" className="space-y-6">
            <input type="hidden" name="yearId" value={year.id} />
            {SETTING_GROUPS.map((group) => (
              <fieldset key={group.title} className="space-y-4">
                <legend className="mb-2 font-semibold text-slate-800">{group.title}</legend>
                <div className="grid gap-4 sm:grid-cols-2">
                  {group.keys.map((key) => (
                    <SettingInput key={key} name={key} settings={year.settings} activeMemberCount={year.activeMemberCount} />
                  ))}
                </div>
              </fieldset>
            ))}
            <SubmitButton>Lưu thiết lập</SubmitButton>
          </ActionForm>
        ) : (
          <div className="space-y-6">
            {SETTING_GROUPS.map((group) => (
              <section key={group.title}>
                <h3 className="mb-2 font-semibold text-slate-800">{group.title}</h3>
                <dl className="grid gap-3 sm:grid-cols-2">
                  {group.keys.map((key) => (
                    <div key={key}>
                      <dt className="text-sm text-slate-500">{YEAR_SETTING_LABELS[key]}</dt>
                      <dd className="font-medium">
                        {settingText(key, year.settings)} <span className="text-xs font-normal text-slate-500">({defaultHint(key)})</span>
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        )}
        <p className="mt-4 text-xs text-slate-500">Cập nhật lần cuối: {formatDateTime(year.updatedAt)}</p>
      </Card>
      <ReminderSettings yearId={year.id} settings={year.settings} writable={writable} />
    </div>
  );
}
