import Link from "next/link";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { titleLabel } from "@/domain/eligibility";
import { formatDate } from "@/lib/format";
import { recordOfficerResultAction } from "../../../actions";
import { RATING_OPTIONS, type TitleOption, type UnitResults } from "./unit-results";

/** The result of the officer picked in the table: rating, title and the decision awarding it. */
export function OfficerResultForm({
  editing,
  yearId,
  titles,
  individual,
  closeHref,
}: {
  editing: NonNullable<UnitResults["editing"]>;
  yearId: string;
  titles: TitleOption[];
  individual: TitleOption[];
  closeHref: string;
}) {
  const titleName = new Map(titles.map((t) => [t.code, t.name]));
  return (
    <div id="result-form">
      <Card title={`Ghi kết quả: ${editing.fullName} (${editing.code})`}>
        <p className="mb-4 text-sm text-slate-600">
          {editing.rank} · {editing.position} · Đăng ký: {editing.registeredTitle ? (titleName.get(editing.registeredTitle) ?? editing.registeredTitle) : "chưa đăng ký"}.{" "}
          {editing.blocked
            ? "Cán bộ đang bị xem xét kỷ luật hoặc chịu kỷ luật trong năm: không xét danh hiệu."
            : editing.eligibleNow.length > 0
              ? `Theo dữ liệu đã có, đủ điều kiện: ${editing.eligibleNow.map((t) => titleLabel(t)).join(", ")} (xếp loại nhập dưới đây có thể thay đổi điều này).`
              : "Theo dữ liệu đã có, chưa đủ điều kiện danh hiệu nào (cần xếp loại từ “Hoàn thành tốt nhiệm vụ”)."}
        </p>
        <ActionForm action={recordOfficerResultAction} aria-label="Ghi kết quả cán bộ" className="space-y-4">
          <input type="hidden" name="yearId" value={yearId} />
          <input type="hidden" name="officerId" value={editing.id} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <SelectField name="rating" label="Xếp loại" required placeholder="— Chọn xếp loại —" defaultValue={editing.result?.rating ?? ""} options={RATING_OPTIONS} />
            <SelectField
              name="awardedTitleCode"
              label="Danh hiệu được công nhận"
              placeholder="(Không có danh hiệu)"
              defaultValue={editing.result?.awardedTitleCode ?? ""}
              options={individual.map((t) => ({ value: t.code, label: `${t.name} (${t.shortName})` }))}
            />
            <TextField name="decisionNo" label="Số quyết định" maxLength={60} defaultValue={editing.result?.decisionNo ?? ""} placeholder="vd. 1201/QĐ-KTNV" />
            <TextField
              name="decisionDate"
              label="Ngày quyết định"
              maxLength={10}
              defaultValue={editing.result?.decisionDate ? formatDate(editing.result.decisionDate) : ""}
              placeholder="dd/mm/yyyy"
              hint="Dạng dd/mm/yyyy."
            />
            <TextField name="decisionSigner" label="Người ký" maxLength={120} defaultValue={editing.result?.decisionSigner ?? ""} placeholder="vd. Cục trưởng" />
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton>Lưu kết quả</SubmitButton>
            <Link href={closeHref} className="text-sm text-slate-600 underline">
              Đóng
            </Link>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}
