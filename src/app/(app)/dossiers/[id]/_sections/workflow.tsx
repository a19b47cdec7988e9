// The actions of the dossier's current step: the secretariat adds items, publishes and sends; the
// Ministry office returns or accepts, then records decisions with their PDF.
import { ActionForm, CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { DECISION_LEVELS, decisionLevelFor, DOSSIER_COMMENDATION_FORMS, COMMENDATION_FORMS, isEditable, ITEM_KINDS } from "@/domain/awards";
import { titleLabel } from "@/domain/eligibility";
import type { DossierDetail } from "@/server/queries/dossiers";
import { acceptAction, addItemAction, decideAction, publishAction, returnAction, sendAction } from "../../actions";
import { itemLabel } from "./items-table";

type Subjects = { units: { id: string; name: string }[]; officers: { id: string; fullName: string; rank: string; unit: { name: string } }[] };

const hidden = (d: DossierDetail) => (
  <>
    <input type="hidden" name="pageDossierId" value={d.id} />
    <input type="hidden" name="dossierId" value={d.id} />
  </>
);

export function SecretariatActions({ d, subjects }: { d: DossierDetail; subjects: Subjects }) {
  const editable = isEditable(d.status);
  const codes = [
    ...["DV_TIEN_TIEN", "DV_QUYET_THANG", "CO_BCA", "CO_CP", "CSTD_CAND", "CSTD_TQ"].map((c) => ({ value: c, label: titleLabel(c as "CO_BCA") })),
    ...DOSSIER_COMMENDATION_FORMS.map((f) => ({ value: f, label: COMMENDATION_FORMS[f].label })),
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {editable && (
        <Card title="Thêm đề nghị">
          <ActionForm action={addItemAction} className="space-y-3" resetOnSuccess>
            {hidden(d)}
            <SelectField name="kind" label="Loại đề nghị" required options={Object.entries(ITEM_KINDS).map(([value, label]) => ({ value, label }))} />
            <SelectField
              name="subjectId"
              label="Tập thể hoặc cá nhân"
              required
              options={[
                ...subjects.units.map((u) => ({ value: u.id, label: u.name })),
                ...subjects.officers.map((o) => ({ value: o.id, label: `${o.rank} ${o.fullName} — ${o.unit.name}` })),
              ]}
            />
            <SelectField name="code" label="Danh hiệu / hình thức khen thưởng" required options={codes} />
            <p className="text-xs text-slate-600">Ứng dụng kiểm tra điều kiện, kết quả suy tôn, số cờ và tỷ lệ CSTĐCS; đề nghị không đủ điều kiện bị từ chối kèm quy định.</p>
            <SubmitButton>Thêm vào hồ sơ</SubmitButton>
          </ActionForm>
        </Card>
      )}
      <Card title="Công khai và gửi Bộ">
        <div className="space-y-3">
          {editable && (
            <ActionForm action={publishAction}>
              {hidden(d)}
              <SubmitButton confirm="Công khai danh sách đề nghị cho các đơn vị trong cụm?">{d.status === "RETURNED" ? "Công khai lại" : "Công khai cho các đơn vị"}</SubmitButton>
            </ActionForm>
          )}
          {(d.status === "DISCLOSING" || d.status === "RETURNED") && (
            <ActionForm action={sendAction}>
              {hidden(d)}
              <SubmitButton confirm="Gửi hồ sơ lên Thường trực Hội đồng Thi đua – Khen thưởng Bộ?">Gửi hồ sơ lên Bộ</SubmitButton>
            </ActionForm>
          )}
          {(d.status === "SENT" || d.status === "ACCEPTED") && <p className="text-sm text-slate-600">Hồ sơ đang ở Bộ.</p>}
        </div>
      </Card>
    </div>
  );
}

export function MinistryActions({ d }: { d: DossierDetail }) {
  const pending = d.items.filter((i) => i.status === "PROPOSED");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {d.status === "SENT" && d.can.review && (
        <Card title="Xem xét hồ sơ">
          <div className="space-y-4">
            <ActionForm action={acceptAction}>
              {hidden(d)}
              <SubmitButton>Tiếp nhận hồ sơ</SubmitButton>
            </ActionForm>
            <ActionForm action={returnAction} className="space-y-2">
              {hidden(d)}
              <TextAreaField name="reason" label="Lý do trả lại" rows={3} />
              <SubmitButton variant="danger">Trả lại cho cụm</SubmitButton>
            </ActionForm>
          </div>
        </Card>
      )}
      {d.status === "ACCEPTED" && d.can.decide && pending.length > 0 && (
        <Card title="Ghi quyết định khen thưởng">
          <ActionForm action={decideAction} className="space-y-3">
            {hidden(d)}
            <TextField name="number" label="Số quyết định" required />
            <TextField name="date" label="Ngày quyết định" placeholder="dd/mm/yyyy" required />
            <TextField name="signer" label="Người ký" required />
            <SelectField name="level" label="Cấp quyết định" required options={Object.entries(DECISION_LEVELS).map(([value, label]) => ({ value, label }))} />
            <label className="block text-sm font-medium text-slate-700">
              Tệp quyết định (PDF)
              <input type="file" name="file" accept=".pdf,application/pdf" required className="mt-1 block text-sm" />
            </label>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium text-slate-700">Đề nghị được khen thưởng theo quyết định này</legend>
              {pending.map((i) => (
                <CheckboxField key={i.id} name={`item_${i.id}`} label={`${itemLabel(i)} (${DECISION_LEVELS[decisionLevelFor(i)]})`} />
              ))}
            </fieldset>
            <CheckboxField name="closeRemaining" label="Các đề nghị không được chọn: không được khen thưởng" />
            <SubmitButton>Ghi quyết định</SubmitButton>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
