"use client";
import { figureField, formatFigure, parseFigure } from "@/domain/scoring/report-form";
import type { CriteriaTableDef } from "@/domain/scoring/table";
import type { LinkedFigure } from "@/server/store/movement-figures";
import { inputClass, type EditorValues, type FieldError } from "./editor-parts";

/** The key figures the unit reports; those linked to a movement's figures are shown with their source, not typed (issue 17). */
export function KeyFiguresEntry({ form, values, err, linked = {} }: { form: CriteriaTableDef; values: EditorValues; err: FieldError; linked?: Record<string, LinkedFigure> }) {
  return (
    <section aria-labelledby="figures-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="figures-title" className="mb-3 text-lg font-semibold text-slate-800">
        Số liệu chủ yếu
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {form.keyFigures.map((f) => {
          const error = err(figureField(f.id));
          const source = linked[f.id];
          if (source) return <LinkedFigureValue key={f.id} label={f.label} unitLabel={f.unitLabel} source={source} error={error} />;
          const parsed = parseFigure(values.figures[f.id] ?? "");
          return (
            <div key={f.id} className="flex flex-col gap-1">
              <label htmlFor={`figure-${f.id}`} className="text-sm font-medium text-slate-700">
                {f.label} ({f.unitLabel})
                {f.required && <span className="text-brand-600" aria-hidden> *</span>}
              </label>
              <input
                id={`figure-${f.id}`}
                name={figureField(f.id)}
                defaultValue={values.figures[f.id] ? formatFigure(values.figures[f.id]) : ""}
                inputMode="decimal"
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                className={inputClass(error)}
              />
              {error ? (
                <p className="text-sm text-red-700">{error}</p>
              ) : (
                parsed.ok && parsed.value && <p className="text-xs text-slate-500">Ghi nhận: {formatFigure(parsed.value)} {f.unitLabel}</p>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** A figure taken from a movement: the unit's value there and a link to where it is entered. */
function LinkedFigureValue({ label, unitLabel, source, error }: { label: string; unitLabel: string; source: LinkedFigure; error?: string }) {
  return (
    <div className="flex flex-col gap-1" data-testid="linked-figure">
      <p className="text-sm font-medium text-slate-700">
        {label} ({unitLabel})
      </p>
      <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm tabular-nums">{source.value ? `${formatFigure(source.value)} ${unitLabel}` : "Chưa báo cáo"}</p>
      <p className="text-xs text-slate-500">
        Lấy từ số liệu của đơn vị trong{" "}
        <a href={`/movements/${source.movementId}`} className="text-brand-700 underline">
          {source.movementName}
        </a>
        {source.status === "OPEN" ? "; nhập hoặc sửa tại trang phong trào." : " (đã tổng kết)."}
      </p>
      {error && <p className="text-sm text-red-700">{error}</p>}
    </div>
  );
}
