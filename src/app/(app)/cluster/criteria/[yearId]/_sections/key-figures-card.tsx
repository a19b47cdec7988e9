import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField } from "@/components/form";
import { Badge, Card } from "@/components/ui";
import type { KeyFigureDef } from "@/domain/scoring/table";
import { deleteKeyFigureAction, saveKeyFigureAction } from "../../actions";
import type { Ctx } from "./editor-context";
import { Details, Hidden, MoveButtons, Reason } from "./form-parts";

/** The key figures every unit reports, and the forms that edit them. */
export function KeyFiguresCard({ ctx, movementFigures = [] }: { ctx: Ctx; movementFigures?: MovementFigureOption[] }) {
  const figures = ctx.table.keyFigures;
  return (
    <Card title="Số liệu chủ yếu đơn vị phải báo cáo">
      {figures.length === 0 ? (
        <p className="text-sm text-slate-600">Chưa có số liệu nào.</p>
      ) : (
        <ol className="divide-y divide-slate-100 text-sm">
          {figures.map((f, i) => (
            <FigureRow key={f.id} ctx={ctx} figure={f} index={i} count={figures.length} movementFigures={movementFigures} />
          ))}
        </ol>
      )}
      {ctx.editable && (
        <Details summary="Thêm số liệu">
          <FigureForm ctx={ctx} movementFigures={movementFigures} />
        </Details>
      )}
    </Card>
  );
}

/** A movement figure a key figure may be taken from (issue 17). */
type MovementFigureOption = { id: string; label: string };

function FigureRow({ ctx, figure: f, index, count, movementFigures }: { ctx: Ctx; figure: KeyFigureDef; index: number; count: number; movementFigures: MovementFigureOption[] }) {
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-6 text-slate-500">{index + 1}.</span>
        <span className="flex-1">
          {f.label} <span className="text-slate-500">({f.unitLabel})</span>
        </span>
        {f.required ? <Badge tone="amber">Bắt buộc</Badge> : <Badge>Không bắt buộc</Badge>}
        {f.inMidyear && <Badge tone="blue">Sơ kết 6 tháng</Badge>}
        {f.movementFigureId && <Badge tone="green">Theo số liệu phong trào</Badge>}
      </div>
      {ctx.editable && (
        <Details summary={`Sửa số liệu ${index + 1}`}>
          <FigureForm ctx={ctx} figure={f} movementFigures={movementFigures} />
          <div className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3">
            <MoveButtons ctx={ctx} part="figure" id={f.id} first={index === 0} last={index === count - 1} label={`số liệu ${index + 1}`} />
            <ActionForm action={deleteKeyFigureAction} aria-label={`Xóa số liệu ${index + 1}`} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="yearId" value={ctx.yearId} />
              <input type="hidden" name="figureId" value={f.id} />
              <Reason ctx={ctx} />
              <SubmitButton variant="danger" confirm={`Xóa số liệu "${f.label}"?`}>
                Xóa số liệu
              </SubmitButton>
            </ActionForm>
          </div>
        </Details>
      )}
    </li>
  );
}

function FigureForm({ ctx, figure, movementFigures }: { ctx: Ctx; figure?: KeyFigureDef; movementFigures: MovementFigureOption[] }) {
  return (
    <ActionForm action={saveKeyFigureAction} aria-label={figure ? `Sửa số liệu ${figure.label}` : "Thêm số liệu"} resetOnSuccess={!figure} className="grid gap-4 sm:grid-cols-[1fr_12rem]">
      <Hidden ctx={ctx} />
      {figure && <input type="hidden" name="figureId" value={figure.id} />}
      <TextField name="label" label="Tên số liệu" required maxLength={300} defaultValue={figure?.label} />
      <TextField name="unitLabel" label="Đơn vị tính" required maxLength={40} defaultValue={figure?.unitLabel} hint="vụ, lượt người, triệu đồng…" />
      {movementFigures.length > 0 && (
        <SelectField
          name="movementFigureId"
          label="Lấy từ số liệu phong trào (không bắt buộc)"
          hint="Báo cáo sẽ hiện số liệu đơn vị đã nhập trong phong trào, không phải nhập lại."
          placeholder="— Đơn vị tự nhập trong báo cáo —"
          options={movementFigures.map((m) => ({ value: m.id, label: m.label }))}
          defaultValue={figure?.movementFigureId ?? ""}
          className="sm:col-span-2"
        />
      )}
      <div className="flex flex-wrap gap-6 sm:col-span-2">
        <CheckboxField name="required" label="Bắt buộc nhập" defaultChecked={figure ? figure.required : true} />
        <CheckboxField name="inMidyear" label="Có trong báo cáo sơ kết 6 tháng" defaultChecked={figure?.inMidyear} />
      </div>
      <Reason ctx={ctx} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton>{figure ? "Lưu số liệu" : "Thêm số liệu"}</SubmitButton>
      </div>
    </ActionForm>
  );
}
