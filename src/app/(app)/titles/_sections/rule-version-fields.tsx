// The fields of a rule version (docs/domain.md §3 "Rules as versioned data"): the years, the shape's
// parameters, the legal reference, and the confirmation for a closed year.
import { CheckboxField, SelectField, TextField } from "@/components/form";
import { DISCIPLINE_FORMS, INITIATIVE_LEVELS, MAX_STREAK_YEARS, PARAM_LABELS, QUOTA_ROUNDINGS, ruleParamSchemas, type RuleShape } from "@/domain/eligibility";
import { TASK_RATINGS } from "@/domain/title-catalogue";

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const SELECTS: Record<string, { value: string; label: string }[]> = {
  minRating: options(TASK_RATINGS),
  disciplineFrom: options(DISCIPLINE_FORMS),
  initiativeLevel: options(INITIATIVE_LEVELS),
  quotaRounding: options(QUOTA_ROUNDINGS),
};
const NUMBERS: Record<string, { min: number; max: number }> = {
  streakYears: { min: 2, max: MAX_STREAK_YEARS },
  minCstdcsMembers: { min: 0, max: 1000 },
  maxPerCluster: { min: 0, max: 10 },
};

export type VersionDefaults = {
  firstYear?: number;
  lastYear?: number | null;
  params?: Record<string, unknown>;
  legalLaw?: string | null;
  legalDecree?: string | null;
  legalCircular?: string | null;
  legalArticle?: string | null;
  citation?: string | null;
};

export function RuleVersionFields({ shape, defaults, closedYears }: { shape: RuleShape; defaults: VersionDefaults; closedYears: number[] }) {
  const keys = Object.keys(ruleParamSchemas()[shape].shape) as (keyof typeof PARAM_LABELS)[];
  return (
    <>
      <TextField name="firstYear" label="Năm bắt đầu áp dụng" type="number" required defaultValue={defaults.firstYear} />
      <TextField name="lastYear" label="Năm cuối áp dụng" type="number" defaultValue={defaults.lastYear ?? undefined} hint="Để trống: áp dụng đến khi có phiên bản sau." />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium text-slate-700">Tham số quy tắc</legend>
        {keys.length === 0 && <p className="text-sm text-slate-600 sm:col-span-2">Quy tắc này không có tham số (điều kiện cố định theo danh hiệu).</p>}
        {keys.map((key) =>
          SELECTS[key] ? (
            <SelectField key={key} name={key} label={PARAM_LABELS[key]} required options={SELECTS[key]!} defaultValue={String(defaults.params?.[key] ?? "")} />
          ) : (
            <TextField
              key={key}
              name={key}
              label={PARAM_LABELS[key]}
              type="number"
              required
              defaultValue={defaults.params?.[key] as number | undefined}
              hint={`Từ ${NUMBERS[key]!.min} đến ${NUMBERS[key]!.max}.`}
            />
          ),
        )}
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:col-span-2 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium text-slate-700">Căn cứ pháp lý</legend>
        <TextField name="legalLaw" label="Luật" maxLength={300} defaultValue={defaults.legalLaw ?? undefined} placeholder="Luật Thi đua, khen thưởng số 06/2022/QH15" />
        <TextField name="legalArticle" label="Điều, khoản" maxLength={300} defaultValue={defaults.legalArticle ?? undefined} placeholder="Điều 25" />
        <TextField name="legalDecree" label="Nghị định" maxLength={300} defaultValue={defaults.legalDecree ?? undefined} placeholder="Nghị định 152/2025/NĐ-CP" />
        <TextField name="legalCircular" label="Thông tư" maxLength={300} defaultValue={defaults.legalCircular ?? undefined} placeholder="Thông tư 12/2019/TT-BCA" />
        <div className="sm:col-span-2">
          <TextField
            name="citation"
            label="Căn cứ hiển thị cùng lý do xét"
            maxLength={1000}
            defaultValue={defaults.citation ?? undefined}
            hint="Để trống: ghép từ các văn bản trên."
          />
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <CheckboxField
          name="confirmClosed"
          label={`Tôi xác nhận: nếu phiên bản chạm tới năm đã khóa sổ${closedYears.length > 0 ? ` (${closedYears.join(", ")})` : ""}, việc lưu không đánh giá lại năm đó — các năm đã khóa sổ giữ nguyên kết quả đã ghi.`}
        />
      </div>
    </>
  );
}
