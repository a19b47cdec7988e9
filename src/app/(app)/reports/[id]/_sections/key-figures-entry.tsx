"use client";
import { figureField, formatFigure, parseFigure } from "@/domain/scoring/report-form";
import type { CriteriaTableDef } from "@/domain/scoring/table";
import { inputClass, type EditorValues, type FieldError } from "./editor-parts";

/** The key figures the unit reports. */
export function KeyFiguresEntry({ form, values, err }: { form: CriteriaTableDef; values: EditorValues; err: FieldError }) {
  return (
    <section aria-labelledby="figures-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="figures-title" className="mb-3 text-lg font-semibold text-slate-800">
        Số liệu chủ yếu
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {form.keyFigures.map((f) => {
          const error = err(figureField(f.id));
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
