// The secretariat's form: draft the agreement, then record it as signed with every member unit's
// signatory (the command checks it whole). The amendment variant (a closed year) adds the decision it
// rests on and the reason.
import { ActionForm, CheckboxField, SubmitButton, TextAreaField, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { defaultAgreementTitle, signatoryField } from "@/domain/joint-agreement";
import { formatDate } from "@/lib/format";
import type { JointAgreementPage } from "@/server/queries/joint-agreement";
import { amendJointAgreementAction, saveJointAgreementAction } from "../actions";

type Props = {
  year: NonNullable<JointAgreementPage["year"]>;
  agreement: JointAgreementPage["agreement"];
  memberUnits: JointAgreementPage["memberUnits"];
  amend?: boolean;
};

export function AgreementForm({ year, agreement, memberUnits, amend = false }: Props) {
  const signer = new Map(agreement?.signatories.map((s) => [s.unitId, s]) ?? []);
  return (
    <Card title={amend ? "Sửa đổi giao ước sau khóa sổ" : agreement ? "Cập nhật giao ước thi đua" : "Soạn thảo giao ước thi đua"} className="no-print">
      <ActionForm action={amend ? amendJointAgreementAction : saveJointAgreementAction} aria-label={amend ? "Sửa đổi giao ước sau khóa sổ" : "Soạn thảo giao ước thi đua"} className="space-y-4">
        {amend && (
          <p className="text-sm text-slate-600">
            Năm {year.year} đã khóa sổ. Chỉ sửa đổi hoặc ghi bổ sung giao ước theo văn bản của cấp có thẩm quyền; nội dung trước và sau, lý do và văn bản được ghi vào nhật ký.
          </p>
        )}
        <input type="hidden" name="yearId" value={year.id} />
        <TextField name="title" label="Tiêu đề" required maxLength={300} defaultValue={agreement?.title ?? defaultAgreementTitle(year.year)} />
        <TextAreaField name="commitments" label="Nội dung giao ước (các cam kết)" required rows={10} defaultValue={agreement?.commitments ?? ""} hint="Mỗi cam kết một dòng, ví dụ “1. …”." />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="place" label="Địa điểm ký" maxLength={200} defaultValue={agreement?.place ?? ""} placeholder="vd. Hà Nội" />
          <TextField name="signedOn" label="Ngày ký" maxLength={10} defaultValue={agreement?.signedOn ? formatDate(agreement.signedOn) : ""} placeholder="dd/mm/yyyy" />
        </div>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-700">Người ký của từng đơn vị thành viên</legend>
          {memberUnits.length === 0 && <p className="text-sm text-slate-600">Cụm chưa có đơn vị thành viên.</p>}
          {memberUnits.map((u) => (
            <div key={u.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
              <p className="text-sm font-medium text-slate-800 sm:col-span-2">{u.name}</p>
              <TextField name={signatoryField("name", u.id)} label={`Họ tên người ký – ${u.name}`} maxLength={120} defaultValue={signer.get(u.id)?.name ?? ""} />
              <TextField name={signatoryField("position", u.id)} label={`Chức vụ – ${u.name}`} maxLength={200} defaultValue={signer.get(u.id)?.position ?? ""} placeholder="vd. Cục trưởng" />
            </div>
          ))}
        </fieldset>
        <CheckboxField name="signed" label="Các đơn vị đã ký kết (ghi nhận giao ước chính thức: cần đủ địa điểm, ngày ký và người ký của mọi đơn vị)" defaultChecked={agreement?.status === "SIGNED"} />
        {amend && (
          <>
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField name="amendNo" label="Số văn bản làm căn cứ" required maxLength={60} placeholder="vd. 03/CTĐ2" />
              <TextField name="amendDate" label="Ngày văn bản" required maxLength={10} placeholder="dd/mm/yyyy" />
              <TextField name="amendSigner" label="Người ký văn bản" required maxLength={120} />
            </div>
            <TextAreaField name="reason" label="Lý do sửa đổi" required rows={3} />
          </>
        )}
        <SubmitButton confirm={amend ? `Sửa đổi giao ước năm ${year.year} đã khóa sổ? Thay đổi được ghi vào nhật ký cùng lý do và văn bản.` : undefined}>
          {amend ? "Ghi sửa đổi" : "Lưu giao ước"}
        </SubmitButton>
      </ActionForm>
    </Card>
  );
}
