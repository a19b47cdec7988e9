import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ActionForm, CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/form";
import { Badge, Card, LinkButton, PageHeader } from "@/components/ui";
import { pointsInputValue } from "@/domain/scoring/points";
import { checkTableComplete, criterionLabel, maxReachableHalf, sectionLabel, SECTION_KIND_LABELS, type CriterionDef, type KeyFigureDef, type SectionDef } from "@/domain/scoring/table";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import type { LoadedTable } from "@/server/store/criteria-table";
import { criteriaEditor } from "@/server/queries/reports";
import { pts } from "../../../reports/ui";
import {
  createCriteriaTableAction,
  deleteCriterionAction,
  deleteKeyFigureAction,
  deleteSectionAction,
  moveCriteriaPartAction,
  publishCriteriaTableAction,
  saveCriterionAction,
  saveKeyFigureAction,
  saveSectionAction,
} from "../actions";

export const metadata: Metadata = { title: "Bảng tiêu chí" };

/** "Mục I" → "mục I", "Điểm thưởng" → "điểm thưởng" (Roman numerals keep their case). */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

type Ctx = { yearId: string; tableId: string; frozen: boolean; editable: boolean; table: LoadedTable };

export default async function CriteriaEditorPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await requireActor();
  const data = await criteriaEditor(actor, yearId);
  const { year, table } = data;

  if (!table) {
    return (
      <div className="max-w-3xl space-y-6">
        <PageHeader title={`Tiêu chí, thang điểm năm ${year.year}`} description={year.clusterName} actions={<LinkButton href="/cluster/criteria" variant="secondary">← Các năm</LinkButton>} />
        {year.writable ? (
          <Card title="Tạo bảng tiêu chí">
            <ActionForm action={createCriteriaTableAction} aria-label="Tạo bảng tiêu chí" className="space-y-4">
              <input type="hidden" name="yearId" value={year.id} />
              <SelectField
                name="source"
                label="Cách tạo"
                required
                defaultValue={data.previousYearWithTable ? "previous" : "empty"}
                options={[
                  ...(data.previousYearWithTable ? [{ value: "previous", label: `Sao chép bảng tiêu chí năm ${data.previousYearWithTable}, sau đó chỉnh sửa` }] : []),
                  { value: "empty", label: "Bảng trống (thang điểm 100)" },
                ]}
              />
              <SubmitButton>Tạo bảng tiêu chí</SubmitButton>
            </ActionForm>
          </Card>
        ) : (
          <p className="text-sm text-slate-600">Năm thi đua đã khóa sổ và không có bảng tiêu chí.</p>
        )}
      </div>
    );
  }

  const frozen = !!table.frozenAt;
  const editable = year.writable;
  const ctx: Ctx = { yearId: year.id, tableId: table.id, frozen, editable, table };
  const issues = checkTableComplete(table);
  const scale = table.sections.filter((s) => s.kind === "SCORED").reduce((a, s) => a + s.maxHalf, 0);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Tiêu chí, thang điểm năm ${year.year}`}
        description={
          <>
            {year.clusterName} ·{" "}
            {frozen ? (
              <Badge tone="green">Đã cố định từ {formatDate(table.frozenAt)} · phiên bản {table.version}</Badge>
            ) : table.publishedAt ? (
              <Badge tone="blue">Đã công bố {formatDate(table.publishedAt)}</Badge>
            ) : (
              <Badge tone="amber">Đang xây dựng, chưa công bố</Badge>
            )}
            {table.copiedFromYear ? ` · Sao chép từ năm ${table.copiedFromYear}` : ""}
          </>
        }
        actions={
          <>
            <LinkButton href="/cluster/criteria" variant="secondary">
              ← Các năm
            </LinkButton>
            <LinkButton href={`/reports/criteria/${year.id}`} variant="secondary">
              Bản in
            </LinkButton>
          </>
        }
      />

      {!editable && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          Năm thi đua đã khóa sổ; bảng tiêu chí chỉ để xem.
        </div>
      )}
      {frozen && editable && (
        <div role="status" className="rounded-lg border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-900">
          <p className="font-semibold">Bảng tiêu chí đã cố định từ khi đơn vị đầu tiên gửi báo cáo ({formatDate(table.frozenAt)}).</p>
          <p>Mọi thay đổi sau đó là sửa đổi: phải ghi lý do, được lưu vào lịch sử sửa đổi và tăng số phiên bản. Không thể xóa tiêu chí đã có đơn vị chấm điểm.</p>
        </div>
      )}

      <Card title="Tình trạng bảng">
        <p className="text-sm">
          Thang điểm: <strong>{pts(scale)}</strong>/{pts(table.totalHalf)} điểm · Điểm tối đa có thể đạt (kể cả điểm thưởng): <strong>{pts(maxReachableHalf(table))}</strong> ·{" "}
          {table.sections.reduce((n, s) => n + s.criteria.length, 0)} tiêu chí · {table.keyFigures.length} số liệu · {data.reportsSubmitted} báo cáo đã gửi
        </p>
        {issues.length > 0 ? (
          <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="table-issues">
            <p className="font-semibold">Cần hoàn thiện trước khi công bố:</p>
            <ul className="mt-1 list-disc pl-5">
              {issues.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="mt-2 text-sm text-green-800">Bảng tiêu chí đầy đủ: các mục cộng đủ thang điểm, tiêu chí của mỗi mục cộng đủ điểm tối đa của mục.</p>
        )}
        {editable && !table.publishedAt && (
          <ActionForm action={publishCriteriaTableAction} aria-label="Công bố bảng tiêu chí" className="mt-4">
            <input type="hidden" name="tableId" value={table.id} />
            <input type="hidden" name="yearId" value={year.id} />
            <SubmitButton confirm={`Công bố bảng tiêu chí năm ${year.year}? Các đơn vị sẽ soạn báo cáo theo bảng này; bảng được cố định khi đơn vị đầu tiên gửi báo cáo.`}>
              Công bố bảng tiêu chí
            </SubmitButton>
          </ActionForm>
        )}
      </Card>

      {table.sections.map((section, i) => (
        <SectionCard key={section.id} ctx={ctx} section={section} first={i === 0} last={i === table.sections.length - 1} />
      ))}

      {editable && (
        <Card title="Thêm mục">
          <ActionForm action={saveSectionAction} aria-label="Thêm mục" resetOnSuccess className="grid gap-4 sm:grid-cols-[12rem_1fr_8rem]">
            <Hidden ctx={ctx} />
            <SelectField
              name="kind"
              label="Loại"
              required
              defaultValue="SCORED"
              options={(["SCORED", "BONUS", "PENALTY"] as const)
                .filter((k) => k === "SCORED" || !table.sections.some((s) => s.kind === k))
                .map((k) => ({ value: k, label: SECTION_KIND_LABELS[k] }))}
            />
            <TextField name="title" label="Tên mục" required maxLength={300} />
            <TextField name="max" label="Điểm tối đa / mức trần" required hint="Ví dụ 20 hoặc 2,5" />
            <Reason ctx={ctx} className="sm:col-span-3" />
            <div className="sm:col-span-3">
              <SubmitButton>Thêm mục</SubmitButton>
            </div>
          </ActionForm>
        </Card>
      )}

      <KeyFiguresCard ctx={ctx} />

      <Card title="Lịch sử sửa đổi">
        {data.amendments.length === 0 ? (
          <p className="text-sm text-slate-600">{frozen ? "Chưa có sửa đổi nào sau khi cố định." : "Bảng chưa cố định; các thay đổi được ghi trong nhật ký thao tác."}</p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="amendments">
            {data.amendments.map((a) => (
              <li key={a.id} className="border-l-2 border-slate-300 pl-3">
                <span className="font-medium">Phiên bản {a.version}</span> · {formatDateTime(a.at)} · {a.actorName}
                <p>{a.summary}</p>
                <p className="text-slate-600">Lý do: {a.reason}</p>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}

function Hidden({ ctx }: { ctx: Ctx }) {
  return (
    <>
      <input type="hidden" name="yearId" value={ctx.yearId} />
      <input type="hidden" name="tableId" value={ctx.tableId} />
    </>
  );
}

function Reason({ ctx, className }: { ctx: Ctx; className?: string }) {
  if (!ctx.frozen) return null;
  return <TextField name="amendmentReason" label="Lý do sửa đổi" required maxLength={1000} className={className} hint="Bắt buộc vì bảng đã cố định." />;
}

function Details({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="mt-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

function MoveButtons({ ctx, part, id, first, last, label }: { ctx: Ctx; part: "section" | "criterion" | "figure"; id: string; first: boolean; last: boolean; label: string }) {
  if (!ctx.editable) return null;
  const button = (direction: "up" | "down", disabled: boolean) =>
    disabled ? null : (
      <ActionForm action={moveCriteriaPartAction} aria-label={`Chuyển ${label} ${direction === "up" ? "lên" : "xuống"}`} className="flex items-end gap-2">
        <input type="hidden" name="yearId" value={ctx.yearId} />
        <input type="hidden" name="part" value={part} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="direction" value={direction} />
        {ctx.frozen && <input name="amendmentReason" aria-label="Lý do sửa đổi" placeholder="Lý do sửa đổi" className="w-40 rounded border border-slate-300 px-2 py-1 text-xs" />}
        <SubmitButton variant="secondary">{direction === "up" ? "↑" : "↓"}</SubmitButton>
      </ActionForm>
    );
  return (
    <div className="no-print flex flex-wrap gap-1" aria-label={`Thứ tự ${label}`}>
      {button("up", first)}
      {button("down", last)}
    </div>
  );
}

function SectionCard({ ctx, section, first, last }: { ctx: Ctx; section: SectionDef; first: boolean; last: boolean }) {
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

function KeyFiguresCard({ ctx }: { ctx: Ctx }) {
  const figures = ctx.table.keyFigures;
  return (
    <Card title="Số liệu chủ yếu đơn vị phải báo cáo">
      {figures.length === 0 ? (
        <p className="text-sm text-slate-600">Chưa có số liệu nào.</p>
      ) : (
        <ol className="divide-y divide-slate-100 text-sm">
          {figures.map((f, i) => (
            <FigureRow key={f.id} ctx={ctx} figure={f} index={i} count={figures.length} />
          ))}
        </ol>
      )}
      {ctx.editable && (
        <Details summary="Thêm số liệu">
          <FigureForm ctx={ctx} />
        </Details>
      )}
    </Card>
  );
}

function FigureRow({ ctx, figure: f, index, count }: { ctx: Ctx; figure: KeyFigureDef; index: number; count: number }) {
  return (
    <li className="py-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-6 text-slate-500">{index + 1}.</span>
        <span className="flex-1">
          {f.label} <span className="text-slate-500">({f.unitLabel})</span>
        </span>
        {f.required ? <Badge tone="amber">Bắt buộc</Badge> : <Badge>Không bắt buộc</Badge>}
        {f.inMidyear && <Badge tone="blue">Sơ kết 6 tháng</Badge>}
      </div>
      {ctx.editable && (
        <Details summary={`Sửa số liệu ${index + 1}`}>
          <FigureForm ctx={ctx} figure={f} />
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

function FigureForm({ ctx, figure }: { ctx: Ctx; figure?: KeyFigureDef }) {
  return (
    <ActionForm action={saveKeyFigureAction} aria-label={figure ? `Sửa số liệu ${figure.label}` : "Thêm số liệu"} resetOnSuccess={!figure} className="grid gap-4 sm:grid-cols-[1fr_12rem]">
      <Hidden ctx={ctx} />
      {figure && <input type="hidden" name="figureId" value={figure.id} />}
      <TextField name="label" label="Tên số liệu" required maxLength={300} defaultValue={figure?.label} />
      <TextField name="unitLabel" label="Đơn vị tính" required maxLength={40} defaultValue={figure?.unitLabel} hint="vụ, lượt người, triệu đồng…" />
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
