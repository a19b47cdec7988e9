"use client";
import { EVIDENCE_ACCEPT, EVIDENCE_RULE_TEXT } from "@/domain/scoring/evidence";
import { formatPoints } from "@/domain/scoring/points";
import { evidenceField, explainField, scoreField, EXPLANATION_MAX } from "@/domain/scoring/report-form";
import { criterionLabel, sectionLabel, SECTION_KIND_LABELS, type CriteriaTableDef, type SectionDef } from "@/domain/scoring/table";
import type { computeTotals } from "@/domain/scoring/totals";
import { inputClass, sizeText, type EditorValues, type Evidence, type FieldError } from "./editor-parts";

type SectionTotal = ReturnType<typeof computeTotals>["sections"][number];

/** One section of the report: each criterion's self-score, explanation and evidence files. */
export function SectionEntry({
  form,
  section,
  total,
  values,
  evidence,
  err,
  evidenceErrors,
  busyCriterion,
  upload,
  remove,
}: {
  form: CriteriaTableDef;
  section: SectionDef;
  total: SectionTotal;
  values: EditorValues;
  evidence: Evidence[];
  err: FieldError;
  /** Upload and deletion failures, by criterion. */
  evidenceErrors: Record<string, string>;
  /** The criterion whose files are being uploaded or deleted. */
  busyCriterion: string | null;
  upload: (criterionId: string, input: HTMLInputElement) => void;
  remove: (file: Evidence) => void;
}) {
  const heading = section.kind === "SCORED" ? `${sectionLabel(form, section.id)}. ${section.title}` : `${SECTION_KIND_LABELS[section.kind]}: ${section.title}`;
  return (
    <section aria-label={heading} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-800">{heading}</h2>
        <p className="text-sm text-slate-600">
          {section.kind === "SCORED" ? "Tự chấm" : section.kind === "BONUS" ? "Điểm thưởng" : "Điểm trừ"}: <strong>{formatPoints(total.countedHalf)}</strong>/
          {formatPoints(section.maxHalf)}
          {total.capped && <span className="ml-1 text-amber-700">(đã tính tối đa mức trần)</span>}
        </p>
      </div>
      {section.kind !== "SCORED" && (
        <p className="mb-3 text-xs text-slate-500">
          Để trống nếu không có (tính 0 điểm). {section.kind === "BONUS" ? "Tổng điểm thưởng" : "Tổng điểm trừ"} tối đa {formatPoints(section.maxHalf)} điểm.
        </p>
      )}
      <ol className="divide-y divide-slate-100">
        {section.criteria.map((c) => {
          const label = criterionLabel(form, c.id);
          const files = evidence.filter((f) => f.criterionId === c.id);
          const scoreError = err(scoreField(c.id));
          const explainError = err(explainField(c.id));
          const evidenceError = evidenceErrors[c.id] || err(evidenceField(c.id));
          return (
            <li key={c.id} id={`tieu-chi-${c.id}`} className="py-4" data-testid={`criterion-${label}`}>
              <div className="flex flex-wrap items-start gap-2">
                <span className="font-mono text-sm font-semibold text-slate-700">{label}</span>
                <p className="flex-1 font-medium text-slate-800">{c.title}</p>
                <span className="text-sm text-slate-600">Tối đa {formatPoints(c.maxHalf)}</span>
                {c.evidenceRequired && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Cần minh chứng</span>}
              </div>
              {c.guidance && <p className="mt-1 text-xs text-slate-500">Hướng dẫn chấm: {c.guidance}</p>}
              <div className="mt-3 grid gap-3 sm:grid-cols-[9rem_1fr]">
                <div className="flex flex-col gap-1">
                  <label htmlFor={`score-${c.id}`} className="text-sm font-medium text-slate-700">
                    Điểm tự chấm
                  </label>
                  <input
                    id={`score-${c.id}`}
                    name={scoreField(c.id)}
                    defaultValue={values.scores[c.id] ?? ""}
                    inputMode="decimal"
                    autoComplete="off"
                    aria-label={`Điểm tự chấm ${label}`}
                    aria-invalid={scoreError ? true : undefined}
                    aria-describedby={scoreError ? `score-${c.id}-error` : undefined}
                    placeholder={`0 – ${formatPoints(c.maxHalf)}`}
                    className={inputClass(scoreError)}
                  />
                  {scoreError && (
                    <p id={`score-${c.id}-error`} className="text-sm text-red-700">
                      {scoreError}
                    </p>
                  )}
                </div>
                <div className="flex flex-col gap-1">
                  <label htmlFor={`explain-${c.id}`} className="text-sm font-medium text-slate-700">
                    Giải trình, kết quả đạt được
                  </label>
                  <textarea
                    id={`explain-${c.id}`}
                    name={explainField(c.id)}
                    defaultValue={values.explanations[c.id] ?? ""}
                    rows={2}
                    maxLength={EXPLANATION_MAX}
                    aria-label={`Giải trình ${label}`}
                    aria-invalid={explainError ? true : undefined}
                    className={inputClass(explainError)}
                  />
                  {explainError && <p className="text-sm text-red-700">{explainError}</p>}
                </div>
              </div>
              <div className="mt-3 rounded-md bg-slate-50 px-3 py-2">
                <p className="text-xs font-medium text-slate-600">Tài liệu minh chứng{c.evidenceRequired ? " (bắt buộc khi có điểm)" : ""}</p>
                {files.length > 0 && (
                  <ul className="mt-1 space-y-1 text-sm">
                    {files.map((f) => (
                      <li key={f.id} className="flex flex-wrap items-center gap-2">
                        <a href={`/reports/evidence/${f.id}`} className="text-brand-700 underline">
                          {f.fileName}
                        </a>
                        <span className="text-xs text-slate-500">{sizeText(f.size)}</span>
                        <button
                          type="button"
                          onClick={() => remove(f)}
                          disabled={busyCriterion === c.id}
                          className="text-xs text-red-700 underline disabled:opacity-50"
                          aria-label={`Xóa tệp ${f.fileName}`}
                        >
                          Xóa
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  <input
                    type="file"
                    accept={EVIDENCE_ACCEPT}
                    aria-label={`Tệp minh chứng cho ${label}`}
                    disabled={busyCriterion === c.id}
                    onChange={(e) => upload(c.id, e.currentTarget)}
                    className="text-xs file:mr-2 file:rounded file:border file:border-slate-300 file:bg-white file:px-2 file:py-1 file:text-xs"
                  />
                  {busyCriterion === c.id && <span className="text-xs text-slate-600">Đang xử lý…</span>}
                </div>
                <p className="mt-1 text-xs text-slate-500">{EVIDENCE_RULE_TEXT}</p>
                {evidenceError && (
                  <p role="alert" className="mt-1 text-sm text-red-700">
                    {evidenceError}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
