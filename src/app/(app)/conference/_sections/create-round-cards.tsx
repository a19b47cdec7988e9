import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { yearsSinceLabel } from "@/domain/voting";
import { createRoundAction } from "../actions";
import type { ConferenceYear, RoundSetup } from "./conference-data";

/** The three kinds of round the secretariat creates: an acclaim, and next year's chair and deputy elections. */
export function CreateRoundCards({ year, manage }: { year: ConferenceYear; manage: RoundSetup }) {
  const nextYear = year.year + 1;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Suy tôn danh hiệu tập thể">
        {manage.acclaimTitles.length === 0 || manage.members.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có danh hiệu tập thể hoặc đơn vị thành viên đang hoạt động.</p>
        ) : (
          <ActionForm action={createRoundAction} className="space-y-4" aria-label="Tạo vòng suy tôn">
            <input type="hidden" name="yearId" value={year.id} />
            <input type="hidden" name="kind" value="ACCLAIM" />
            <SelectField
              name="titleCode"
              label="Danh hiệu suy tôn"
              required
              defaultValue="CO_BCA"
              options={manage.acclaimTitles.map((t) => ({
                value: t.code,
                label: t.seatLimit === null ? t.name : `${t.name} (tối đa ${t.seatLimit} suất)`,
              }))}
            />
            <TextField
              name="seats"
              label="Số suất"
              type="number"
              required
              defaultValue={manage.acclaimTitles.find((t) => t.code === "CO_BCA")?.defaultSeats ?? 1}
              hint={manage.acclaimTitles
                .filter((t) => t.seatLimit !== null)
                .map((t) => `${t.name}: tối đa ${t.seatLimit}`)
                .join("; ")
                .concat(" (theo thiết lập của năm).")}
            />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-700">Đơn vị được đề nghị suy tôn *</legend>
              {manage.members.map((m) => (
                <CheckboxField key={m.id} name={`unit_${m.id}`} label={m.name} />
              ))}
            </fieldset>
            <TextField name="title" label="Tên vòng bỏ phiếu" maxLength={300} hint={`Để trống: “Suy tôn <danh hiệu> năm ${year.year}”.`} />
            <SubmitButton>Tạo vòng suy tôn</SubmitButton>
          </ActionForm>
        )}
      </Card>

      <Card title={`Bầu Cụm trưởng năm ${nextYear}`}>
        <ActionForm action={createRoundAction} className="space-y-4" aria-label="Tạo vòng bầu Cụm trưởng">
          <input type="hidden" name="yearId" value={year.id} />
          <input type="hidden" name="kind" value="CHAIR_ELECTION" />
          <p className="text-sm text-slate-600">
            Danh sách xếp theo quy tắc luân phiên: đơn vị lâu nhất chưa làm Cụm trưởng đứng trước.
            {manage.rotation.outgoingChair &&
              (manage.rotation.outgoingExcluded
                ? ` ${manage.rotation.outgoingChair.name} (Cụm trưởng năm ${manage.rotation.outgoingChair.year}) không được bầu lại theo quy chế của cụm.`
                : ` Theo thiết lập của năm, Cụm trưởng năm ${manage.rotation.outgoingChair.year} được bầu lại.`)}
          </p>
          {manage.chairElect && (
            <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
              Đã bầu: {manage.chairElect.name}.
            </p>
          )}
          <fieldset className="space-y-2" data-testid="rotation-list">
            <legend className="text-sm font-medium text-slate-700">Đơn vị ứng cử (thứ tự luân phiên) *</legend>
            {manage.rotation.candidates.map((c, i) => (
              <CheckboxField key={c.unitId} name={`unit_${c.unitId}`} label={`${i + 1}. ${c.name} — ${yearsSinceLabel(c)}`} defaultChecked />
            ))}
          </fieldset>
          <SubmitButton>Tạo vòng bầu Cụm trưởng</SubmitButton>
        </ActionForm>
      </Card>

      <Card title={`Bầu Cụm phó năm ${nextYear}`}>
        <ActionForm action={createRoundAction} className="space-y-4" aria-label="Tạo vòng bầu Cụm phó">
          <input type="hidden" name="yearId" value={year.id} />
          <input type="hidden" name="kind" value="DEPUTY_ELECTION" />
          {manage.chairElect && <p className="text-sm text-slate-600">Không gồm {manage.chairElect.name} (đã trúng cử Cụm trưởng).</p>}
          {manage.deputyElect && (
            <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
              Đã bầu: {manage.deputyElect.name}.
            </p>
          )}
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-700">Đơn vị ứng cử *</legend>
            {manage.deputyCandidates.map((m) => (
              <CheckboxField key={m.id} name={`unit_${m.id}`} label={m.name} />
            ))}
          </fieldset>
          <SubmitButton>Tạo vòng bầu Cụm phó</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
