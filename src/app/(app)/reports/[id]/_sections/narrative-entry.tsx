import { inputClass, type EditorValues, type FieldError } from "./editor-parts";

/** The report's narrative. */
export function NarrativeEntry({ values, err }: { values: EditorValues; err: FieldError }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="mb-3 text-lg font-semibold text-slate-800" aria-hidden>
        Báo cáo thuyết minh
      </h2>
      <label htmlFor="narrative" className="sr-only">
        Báo cáo thuyết minh
      </label>
      <textarea
        id="narrative"
        name="narrative"
        defaultValue={values.narrative}
        rows={12}
        aria-invalid={err("narrative") ? true : undefined}
        className={`${inputClass(err("narrative"))} w-full`}
        placeholder="Kết quả nổi bật, hạn chế, nguyên nhân và phương hướng năm tới…"
      />
      {err("narrative") && <p className="mt-1 text-sm text-red-700">{err("narrative")}</p>}
    </section>
  );
}
