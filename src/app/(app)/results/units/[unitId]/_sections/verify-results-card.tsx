import { ActionForm, SubmitButton } from "@/components/form";
import { Card } from "@/components/ui";
import { verifyOfficerResultsAction } from "../../../actions";
import { fmt } from "./unit-results";

/** Verifies every result the unit entered that still waits for it. */
export function VerifyResultsCard({ year, unit, unverified }: { year: { id: string; year: number }; unit: { id: string; name: string }; unverified: number }) {
  return (
    <Card title="Xác nhận kết quả">
      <ActionForm action={verifyOfficerResultsAction} aria-label="Xác nhận tất cả kết quả">
        <input type="hidden" name="yearId" value={year.id} />
        <input type="hidden" name="unitId" value={unit.id} />
        <p className="mb-3 text-sm text-slate-600">
          {fmt(unverified)} kết quả do đơn vị nhập đang chờ xác nhận. Mỗi danh hiệu được kiểm tra lại theo điều kiện trước khi xác nhận; kết quả không còn đủ
          điều kiện sẽ được giữ lại và nêu lý do.
        </p>
        <SubmitButton confirm={`Xác nhận ${fmt(unverified)} kết quả năm ${year.year} của ${unit.name}?`}>Xác nhận tất cả</SubmitButton>
      </ActionForm>
    </Card>
  );
}
