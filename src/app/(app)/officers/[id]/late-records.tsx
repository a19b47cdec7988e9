// Late records of a closed year (docs/domain.md §4 step 8): the mark on a record entered afterwards by
// amendment, and the secretariat's forms to enter a late initiative or discipline record, each with the
// decision it rests on and the reason. The closed year's results are not re-evaluated by it.
import { SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form";
import { Badge, Card } from "@/components/ui";
import { LATE_RECORD_NOT_REEVALUATED } from "@/domain/late-records";
import { formatDate } from "@/lib/format";
import { recordLateDisciplineAction, recordLateInitiativeAction } from "../../results/actions";
import { AddRecord, DisciplineFields, LEVEL_OPTIONS } from "./record-fields";

type Late = { decisionNo: string; decisionDate: Date; decisionSigner: string; reason: string; recordedAt: Date; recordedByName: string } | null;

/** "Ghi bổ sung sau khóa sổ" with the decision and the reason, under a record entered late. */
export function LateMark({ late }: { late: Late }) {
  if (!late) return null;
  return (
    <span className="mt-1 block text-xs text-slate-600" data-testid="late-mark">
      <Badge tone="blue">Ghi bổ sung sau khóa sổ</Badge>{" "}
      theo văn bản số {late.decisionNo} ngày {formatDate(late.decisionDate)} ({late.decisionSigner}); lý do: {late.reason}. Ghi ngày {formatDate(late.recordedAt)} bởi {late.recordedByName}.
    </span>
  );
}

function AmendmentFields({ years }: { years: { id: string; year: number }[] }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField name="yearId" label="Năm đã khóa sổ" required defaultValue={years[0]?.id} options={years.map((y) => ({ value: y.id, label: `Năm ${y.year}` }))} />
        <TextField name="amendNo" label="Số văn bản làm căn cứ" required maxLength={60} placeholder="vd. 12/QĐ-BCA" />
        <TextField name="amendDate" label="Ngày văn bản" required maxLength={10} placeholder="dd/mm/yyyy" />
        <TextField name="amendSigner" label="Người ký văn bản" required maxLength={120} />
      </div>
      <TextAreaField name="reason" label="Lý do ghi bổ sung" required rows={2} />
    </>
  );
}

export function LateRecordCard({ officerId, officerName, years }: { officerId: string; officerName: string; years: { id: string; year: number }[] }) {
  if (years.length === 0) return null;
  const confirm = (what: string) => `Ghi bổ sung ${what} của ${officerName} vào năm đã khóa sổ? Bản ghi được ghi vào nhật ký cùng văn bản và lý do. ${LATE_RECORD_NOT_REEVALUATED}`;
  return (
    <Card title="Ghi bổ sung sau khóa sổ" className="no-print">
      <p className="text-sm text-slate-600">
        Sáng kiến hoặc kỷ luật có ngày thuộc năm đã khóa sổ chỉ được ghi bổ sung theo văn bản của cấp có thẩm quyền, với cùng các kiểm tra như khi ghi trực tiếp. {LATE_RECORD_NOT_REEVALUATED}
      </p>
      <AddRecord title="Ghi bổ sung sáng kiến" action={recordLateInitiativeAction} officerId={officerId}>
        <AmendmentFields years={years} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="level" label="Cấp sáng kiến" required placeholder="— Chọn cấp —" options={LEVEL_OPTIONS} />
          <TextField name="decisionNo" label="Số quyết định công nhận sáng kiến" maxLength={60} />
        </div>
        <TextField name="title" label="Tên sáng kiến" required maxLength={300} />
        <SubmitButton confirm={confirm("sáng kiến")}>Ghi bổ sung sáng kiến</SubmitButton>
      </AddRecord>
      <AddRecord title="Ghi bổ sung kỷ luật" action={recordLateDisciplineAction} officerId={officerId}>
        <AmendmentFields years={years} />
        <DisciplineFields values={{ form: "", status: "", fromDate: "", toDate: "", note: "" }} />
        <SubmitButton confirm={confirm("kỷ luật")}>Ghi bổ sung kỷ luật</SubmitButton>
      </AddRecord>
    </Card>
  );
}
