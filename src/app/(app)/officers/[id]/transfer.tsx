// "Điều động" on the officer's page (docs/domain.md §11): the destination member unit, the effective
// date and the decision; a confirmation before saving, errors next to their fields.
import { ActionForm, SubmitButton, SelectField, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import type { TransferDestination } from "@/server/queries/transfers";
import { transferOfficerAction } from "../actions";

export function TransferCard({ officer, destinations }: { officer: { id: string; code: string; fullName: string; unitName: string }; destinations: TransferDestination[] }) {
  return (
    <Card title="Điều động">
      <p className="mb-4 text-sm text-slate-600">
        Chuyển cán bộ sang đơn vị khác theo quyết định điều động. Kết quả, sáng kiến, kỷ luật của những năm đã công tác vẫn thuộc {officer.unitName}; lịch sử
        thi đua (kể cả chuỗi năm liên tục) đi theo cán bộ.
      </p>
      {destinations.length === 0 ? (
        <p className="text-sm text-slate-600">Không có đơn vị thành viên nào khác để điều động đến.</p>
      ) : (
        <ActionForm action={transferOfficerAction} aria-label="Điều động cán bộ" className="space-y-4">
          <input type="hidden" name="officerId" value={officer.id} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="toUnitId" label="Đơn vị nhận" required placeholder="— Chọn đơn vị —" options={destinations.map((d) => ({ value: d.id, label: d.label }))} />
            <TextField name="effectiveDate" label="Ngày hiệu lực" required placeholder="dd/mm/yyyy" autoComplete="off" maxLength={10} hint="Theo dạng dd/mm/yyyy." />
            <TextField name="decisionNo" label="Số quyết định" required maxLength={60} autoComplete="off" />
            <TextField name="decisionDate" label="Ngày quyết định" required placeholder="dd/mm/yyyy" autoComplete="off" maxLength={10} />
            <TextField name="decisionSigner" label="Người ký" required maxLength={120} />
          </div>
          <SubmitButton confirm={`Điều động cán bộ ${officer.fullName} (${officer.code}) sang đơn vị đã chọn? Cán bộ sẽ rời ${officer.unitName}; việc điều động được ghi vào nhật ký và không thể hoàn tác trên ứng dụng.`}>
            Điều động
          </SubmitButton>
        </ActionForm>
      )}
    </Card>
  );
}
