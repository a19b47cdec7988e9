import { ActionForm, CheckboxField, SubmitButton, TextAreaField, TextField } from "@/components/form";
import { Badge } from "@/components/ui";
import { pointsInputValue } from "@/domain/scoring/points";
import { criterionLabel, sectionLabel, SECTION_KIND_LABELS, type CriterionDef, type SectionDef } from "@/domain/scoring/table";
import { pts } from "../../../../reports/ui";
import { deleteCriterionAction, deleteSectionAction, saveCriterionAction, saveSectionAction } from "../../actions";
import { lowerFirst, type Ctx } from "./editor-context";
import { Details, Hidden, MoveButtons, Reason } from "./form-parts";

/** One section of the table with its criteria, and the forms that edit them. */
export function SectionCard({ ctx, section, first, last }: { ctx: Ctx; section: SectionDef; first: boolean; last: boolean }) {
  const t = ctx.table;
  const label = section.kind === "SCORED" ? `Mục ${sectionLabel(t, section.id)}` : SECTION_KIND_LABELS[section.kind];
  const sum = section.criteria.reduce((a, c) => a + c.maxHalf, 0);
  const noun = section.kind === "SCORED" ? "tiêu chí" : "khoản";
  return (
    <section aria-label={`${label}: ${section.title}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={`section-${label}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-800">
            {label}. {section.title}
          </h2>
          <p className="text-sm text-slate-600">
            {section.kind === "SCORED" ? "Điểm tối đa" : "Mức trần"}: <strong>{pts(section.maxHalf)}</strong> · Tổng điểm tối đa các {noun}:{" "}
            <strong className={section.kind === "SCORED" && sum !== section.maxHalf ? "text-amber-700" : undefined}>{pts(sum)}</strong>
            {section.kind !== "SCORED" && " (được cộng tối đa bằng mức trần)"}
          </p>
        </div>
        <MoveButtons ctx={ctx} part="section" id={section.id} first={first} last={last} label={lowerFirst(label)} />
      </div>

      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">Các {noun} của {lowerFirst(label)}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="w-14 py-1">TT</th>
            <th scope="col" className="py-1">Nội dung</th>
            <th scope="col" className="w-20 py-1 text-right">Tối đa</th>
            <th scope="col" className="w-48 py-1">Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {section.criteria.map((c, i) => (
            <CriterionRow key={c.id} ctx={ctx} section={section} criterion={c} first={i === 0} last={i === section.criteria.length - 1} />
          ))}
        </tbody>
      </table>
      {section.criteria.length === 0 && <p className="mt-2 text-sm text-slate-500">Chưa có {noun} nào.</p>}

      {ctx.editable && (
        <>
          <Details summary={`Thêm ${noun} vào ${lowerFirst(label)}`}>
            <CriterionForm ctx={ctx} sectionId={section.id} />
          </Details>
          <Details summary={`Sửa hoặc xóa ${lowerFirst(label)}`}>
            <ActionForm action={saveSectionAction} aria-label={`Sửa ${label}`} className="grid gap-4 sm:grid-cols-[1fr_10rem]">
              <Hidden ctx={ctx} />
              <input type="hidden" name="sectionId" value={section.id} />
              <TextField name="title" label="Tên mục" required maxLength={300} defaultValue={section.title} />
              <TextField name="max" label={section.kind === "SCORED" ? "Điểm tối đa" : "Mức trần"} required defaultValue={pointsInputValue(section.maxHalf)} />
              <Reason ctx={ctx} className="sm:col-span-2" />
              <div className="sm:col-span-2">
                <SubmitButton>Lưu mục</SubmitButton>
              </div>
            </ActionForm>
            <ActionForm action={deleteSectionAction} aria-label={`Xóa ${label}`} className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3">
              <input type="hidden" name="yearId" value={ctx.yearId} />
              <input type="hidden" name="sectionId" value={section.id} />
              <Reason ctx={ctx} />
              <SubmitButton variant="danger" confirm={`Xóa ${lowerFirst(label)} "${section.title}" cùng ${section.criteria.length} ${noun}? Điểm đơn vị đã nhập nháp cho các ${noun} này cũng bị xóa.`}>
                Xóa {lowerFirst(label)}
              </SubmitButton>
            </ActionForm>
          </Details>
        </>
      )}
    </section>
  );
}

function CriterionRow({ ctx, section, criterion: c, first, last }: { ctx: Ctx; section: SectionDef; criterion: CriterionDef; first: boolean; last: boolean }) {
  const label = criterionLabel(ctx.table, c.id);
  return (
    <tr className="border-b border-slate-100 align-top" data-testid={`criterion-${label}`}>
      <td className="py-2 font-mono">{label}</td>
      <td className="py-2">
        <p>{c.title}</p>
        {c.guidance && <p className="text-xs text-slate-500">Hướng dẫn chấm: {c.guidance}</p>}
        {ctx.editable && (
          <Details summary={`Sửa ${label}`}>
            <CriterionForm ctx={ctx} criterion={c} sectionId={section.id} />
            <div className="mt-3 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3">
              <MoveButtons ctx={ctx} part="criterion" id={c.id} first={first} last={last} label={`tiêu chí ${label}`} />
              <ActionForm action={deleteCriterionAction} aria-label={`Xóa ${label}`} className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="yearId" value={ctx.yearId} />
                <input type="hidden" name="criterionId" value={c.id} />
                <Reason ctx={ctx} />
                <SubmitButton variant="danger" confirm={`Xóa ${label} "${c.title}"? Điểm đơn vị đã nhập nháp cho tiêu chí này cũng bị xóa.`}>
                  Xóa {label}
                </SubmitButton>
              </ActionForm>
            </div>
          </Details>
        )}
      </td>
      <td className="py-2 text-right">{pts(c.maxHalf)}</td>
      <td className="py-2">
        <div className="flex flex-wrap gap-1">
          {c.evidenceRequired && <Badge tone="amber">Cần minh chứng</Badge>}
          {c.inMidyear && <Badge tone="blue">Sơ kết 6 tháng</Badge>}
        </div>
      </td>
    </tr>
  );
}

function CriterionForm({ ctx, criterion, sectionId }: { ctx: Ctx; criterion?: CriterionDef; sectionId: string }) {
  return (
    <ActionForm
      action={saveCriterionAction}
      aria-label={criterion ? `Sửa tiêu chí ${criterionLabel(ctx.table, criterion.id)}` : "Thêm tiêu chí"}
      resetOnSuccess={!criterion}
      className="grid gap-4 sm:grid-cols-[1fr_9rem]"
    >
      <input type="hidden" name="yearId" value={ctx.yearId} />
      <input type="hidden" name="sectionId" value={sectionId} />
      {criterion && <input type="hidden" name="criterionId" value={criterion.id} />}
      <TextAreaField name="title" label="Nội dung" required rows={2} defaultValue={criterion?.title} />
      <TextField name="max" label="Điểm tối đa" required defaultValue={criterion ? pointsInputValue(criterion.maxHalf) : ""} hint="Ví dụ 4 hoặc 2,5" />
      <TextAreaField name="guidance" label="Hướng dẫn chấm (không bắt buộc)" rows={2} defaultValue={criterion?.guidance ?? ""} className="sm:col-span-2" />
      <div className="flex flex-wrap gap-6 sm:col-span-2">
        <CheckboxField name="evidenceRequired" label="Cần tài liệu minh chứng khi có điểm" defaultChecked={criterion?.evidenceRequired} />
        <CheckboxField name="inMidyear" label="Có trong báo cáo sơ kết 6 tháng" defaultChecked={criterion?.inMidyear} />
      </div>
      <Reason ctx={ctx} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton>{criterion ? "Lưu tiêu chí" : "Thêm tiêu chí"}</SubmitButton>
      </div>
    </ActionForm>
  );
}
