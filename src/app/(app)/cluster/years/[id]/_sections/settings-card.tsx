import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { YEAR_SETTING_LABELS } from "@/domain/year-rules";
import { CSTDCS_BASES, DEFAULT_YEAR_SETTINGS, PASS_THRESHOLDS, TIE_BREAKS, type YearSettings } from "@/domain/year-settings";
import { formatDate, formatDateTime } from "@/lib/format";
import { DeadlineStatusBadge } from "@/components/deadline";
import { earliestDeadline, latestDeadline } from "@/domain/year-deadlines";
import { displayIsoDate, vietnamToday } from "@/domain/registration-window";
import { updateYearSettingsAction } from "../../../actions";
import type { YearDetail } from "./year-detail";
import { offsetsText, workingDaysText } from "@/domain/notifications";

type Key = keyof YearSettings;

/** A number as Vietnamese readers write it (decimal comma). */
const viNumber = (n: number) => String(n).replace(".", ",");

/** A setting's value as text, for the read-only view and the "Mặc định" hints. */
function settingText(key: Key, settings: YearSettings): string {
  switch (key) {
    case "cstdcsQuotaPercent":
    case "advancedUnitMinCstPercent":
    case "determinedUnitMinGoodPercent":
    case "subUnitDeterminedQuotaPercent":
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
    case "disclosureWorkingDays":
      return workingDaysText(settings.disclosureWorkingDays);
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
  { title: "Danh hiệu tập thể", keys: ["advancedUnitMinCstPercent", "determinedUnitMinGoodPercent", "ministryFlagsPerCluster", "extraMinistryFlags", "subUnitDeterminedQuotaPercent"] },
  { title: "Bỏ phiếu tại hội nghị tổng kết", keys: ["passThreshold", "quorumUnits", "allowSelfVote", "outgoingChairMayBeReelected"] },
  { title: "Báo cáo, chấm điểm, xếp hạng", keys: ["rankingTieBreak", "crossScorersPerReport", "scoreDifferencePercent"] },
  { title: "Thời hạn", keys: ["registrationDeadline", "midyearReportDeadline", "reportDeadline", "conferenceDate", "disclosureWorkingDays"] },
];

type Bounds = { first: string; last: string };

function SettingInput({ name, settings, activeMemberCount, bounds, now }: { name: Key; settings: YearSettings; activeMemberCount: number; bounds: Bounds; now: Date }) {
  const label = YEAR_SETTING_LABELS[name];
  switch (name) {
    case "cstdcsQuotaPercent":
    case "advancedUnitMinCstPercent":
    case "determinedUnitMinGoodPercent":
    case "subUnitDeterminedQuotaPercent":
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
    case "disclosureWorkingDays":
      return <TextField name={name} label={label} type="number" required defaultValue={settings[name]} hint={`Từ 1 đến 30; không tính thứ Bảy, Chủ nhật, ngày lễ. ${defaultHint(name)}`} />;
    case "registrationDeadline":
    case "midyearReportDeadline":
    case "reportDeadline":
    case "conferenceDate":
      return (
        <div>
          <TextField
            name={name}
            label={label}
            defaultValue={settings[name] ? formatDate(settings[name]) : ""}
            placeholder="dd/mm/yyyy"
            maxLength={10}
            hint={`Nhập theo dạng dd/mm/yyyy, từ ${displayIsoDate(bounds.first)} đến ${displayIsoDate(bounds.last)}; để trống nếu chưa đặt. ${defaultHint(name)}`}
          />
          <p className="mt-1 text-xs">
            <DeadlineStatusBadge iso={settings[name]} now={now} />
          </p>
        </div>
      );
  }
}

/** The year's rates, thresholds, voting rules and deadlines: a form while the year is open, a list once closed. */
export function SettingsCard({ year, writable, now }: { year: YearDetail; writable: boolean; now: Date }) {
  // Where a deadline may fall (src/domain/year-deadlines.ts): from the year's start to the end of the next year.
  const bounds = { first: earliestDeadline(year.year, vietnamToday(year.createdAt)), last: latestDeadline(year.year) };
  return (
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
                  <SettingInput key={key} name={key} settings={year.settings} activeMemberCount={year.activeMemberCount} bounds={bounds} now={now} />
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
  );
}
