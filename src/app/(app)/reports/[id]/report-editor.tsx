"use client";
// The unit officer's report editor. Every change is saved automatically after a short pause (and with
// "Lưu nháp" or Ctrl+S); each save names the version it edits, so a second window cannot overwrite it
// silently. Evidence files upload as soon as they are chosen. Saves, uploads and deletions run one at
// a time, in order. The checklist of what still blocks submission and the totals update as one types.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ActionResult } from "@/server/commands/command";
import { EVIDENCE_ACCEPT, EVIDENCE_RULE_TEXT } from "@/domain/scoring/evidence";
import { formatPoints, parsePoints } from "@/domain/scoring/points";
import {
  evidenceField,
  explainField,
  figureField,
  formatFigure,
  parseFigure,
  scoreField,
  submissionProblems,
  EXPLANATION_MAX,
} from "@/domain/scoring/report-form";
import { criterionLabel, sectionLabel, SECTION_KIND_LABELS, type CriteriaTableDef } from "@/domain/scoring/table";
import { computeTotals } from "@/domain/scoring/totals";
import { formatDateTime } from "@/lib/format";
import { deleteEvidenceAction, saveReportDraftAction } from "../actions";

type Evidence = { id: string; criterionId: string; fileName: string; size: number };
type SaveState = "idle" | "dirty" | "saving" | "saved" | "error" | "conflict";

const AUTOSAVE_DELAY_MS = 1500;

const timeOf = (iso: string) => formatDateTime(iso).slice(11);
const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`);
const inputClass = (error?: string) =>
  `rounded-md border px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 ${error ? "border-red-500" : "border-slate-300"}`;

export function ReportEditor({
  reportId,
  kindLabel,
  form,
  initialVersion,
  initialSavedAt,
  initialScores,
  initialFigures,
  initialNarrative,
  initialEvidence,
}: {
  reportId: string;
  kindLabel: string;
  form: CriteriaTableDef;
  initialVersion: number;
  initialSavedAt: string | null;
  initialScores: Record<string, { selfHalf: number | null; explanation: string }>;
  initialFigures: Record<string, string | null>;
  initialNarrative: string;
  initialEvidence: Evidence[];
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>("idle");
  const [savedAt, setSavedAt] = useState<string | null>(initialSavedAt);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [evidence, setEvidence] = useState<Evidence[]>(initialEvidence);
  const [evidenceErrors, setEvidenceErrors] = useState<Record<string, string>>({});
  const [busyCriterion, setBusyCriterion] = useState<string | null>(null);
  const [values, setValues] = useState(() => ({
    scores: Object.fromEntries(Object.entries(initialScores).map(([id, s]) => [id, s.selfHalf === null ? "" : formatPoints(s.selfHalf)])) as Record<string, string>,
    explanations: Object.fromEntries(Object.entries(initialScores).map(([id, s]) => [id, s.explanation])) as Record<string, string>,
    figures: Object.fromEntries(Object.entries(initialFigures).map(([id, v]) => [id, v ?? ""])) as Record<string, string>,
    narrative: initialNarrative,
  }));

  /** Runs one task after the previous ones (saves, uploads and deletions never overlap). */
  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const applyVersion = (data: { version: number; savedAt: string } | undefined) => {
    if (!data) return;
    version.current = data.version;
    setSavedAt(data.savedAt);
  };

  const save = useCallback(
    () =>
      enqueue(async () => {
        if (!formRef.current) return;
        dirty.current = false;
        setState("saving");
        const data = new FormData(formRef.current);
        data.set("reportId", reportId);
        data.set("version", String(version.current));
        let result: ActionResult<{ version: number; savedAt: string }>;
        try {
          result = await saveReportDraftAction(data);
        } catch {
          dirty.current = true;
          setState("error");
          setMessage("Không kết nối được máy chủ; thay đổi chưa được lưu. Hệ thống sẽ thử lưu lại khi bạn tiếp tục nhập.");
          return;
        }
        if (result.ok) {
          applyVersion(result.data);
          setErrors({});
          setMessage(null);
          setState(dirty.current ? "dirty" : "saved");
        } else {
          setErrors(result.fieldErrors ?? {});
          setMessage(result.message);
          const conflict = result.message.startsWith("Báo cáo vừa được lưu từ nơi khác") || result.message.startsWith("Báo cáo đã được gửi");
          setState(conflict ? "conflict" : "error");
        }
      }),
    [enqueue, reportId],
  );

  const schedule = useCallback(() => {
    if (state === "conflict") return;
    dirty.current = true;
    setState("dirty");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (dirty.current) void save();
    }, AUTOSAVE_DELAY_MS);
  }, [save, state]);

  // Warn before leaving with unsaved changes; Ctrl+S saves now.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current || state === "saving") e.preventDefault();
    };
    const keydown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (timer.current) clearTimeout(timer.current);
        void save();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("keydown", keydown);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("keydown", keydown);
    };
  }, [save, state]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // Live totals and checklist from what is on screen (invalid numbers count as empty here; the save refuses them).
  const live = useMemo(() => {
    const scoreOf = (id: string, maxHalf: number) => {
      const p = parsePoints(values.scores[id] ?? "", maxHalf);
      return p.ok ? p.half : null;
    };
    const halves = new Map<string, number | null>();
    for (const s of form.sections) for (const c of s.criteria) halves.set(c.id, scoreOf(c.id, c.maxHalf));
    const totals = computeTotals(form, (id) => halves.get(id));
    const evidenceCounts = new Map<string, number>();
    for (const f of evidence) evidenceCounts.set(f.criterionId, (evidenceCounts.get(f.criterionId) ?? 0) + 1);
    const problems = submissionProblems(form, {
      scores: new Map([...halves.entries()].map(([id, h]) => [id, { half: h, explanation: values.explanations[id] ?? "" }])),
      figures: new Map(form.keyFigures.map((f) => {
        const p = parseFigure(values.figures[f.id] ?? "");
        return [f.id, p.ok ? p.value : null] as const;
      })),
      narrative: values.narrative,
      evidenceCounts,
    });
    return { totals, problems };
  }, [values, evidence, form]);

  const onInput = (e: React.FormEvent<HTMLFormElement>) => {
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (!el.name) return;
    const [kind, id] = el.name.split(".");
    setValues((v) => {
      if (kind === "score") return { ...v, scores: { ...v.scores, [id!]: el.value } };
      if (kind === "explain") return { ...v, explanations: { ...v.explanations, [id!]: el.value } };
      if (kind === "figure") return { ...v, figures: { ...v.figures, [id!]: el.value } };
      if (el.name === "narrative") return { ...v, narrative: el.value };
      return v;
    });
    schedule();
  };

  async function upload(criterionId: string, input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setBusyCriterion(criterionId);
    setEvidenceErrors((e) => ({ ...e, [criterionId]: "" }));
    if (dirty.current) await save();
    await enqueue(async () => {
      const data = new FormData();
      data.set("criterionId", criterionId);
      data.set("file", file);
      try {
        const response = await fetch(`/reports/${reportId}/evidence`, { method: "POST", body: data, headers: { Accept: "application/json" } });
        const result = (await response.json()) as ActionResult<{ file: Evidence; version: number; savedAt: string }>;
        if (result.ok && result.data) {
          setEvidence((list) => [...list, result.data!.file]);
          applyVersion(result.data);
          setState("saved");
        } else if (!result.ok) {
          setEvidenceErrors((e) => ({ ...e, [criterionId]: result.fieldErrors?.file?.[0] ?? result.message }));
        }
      } catch {
        setEvidenceErrors((e) => ({ ...e, [criterionId]: "Không tải lên được tệp. Vui lòng kiểm tra kết nối và thử lại." }));
      }
    });
    input.value = "";
    setBusyCriterion(null);
  }

  async function remove(file: Evidence) {
    if (!window.confirm(`Xóa tệp minh chứng "${file.fileName}"?`)) return;
    setBusyCriterion(file.criterionId);
    if (dirty.current) await save();
    await enqueue(async () => {
      const data = new FormData();
      data.set("fileId", file.id);
      const result = await deleteEvidenceAction(data);
      if (result.ok) {
        setEvidence((list) => list.filter((f) => f.id !== file.id));
        applyVersion(result.data);
      } else {
        setEvidenceErrors((e) => ({ ...e, [file.criterionId]: result.message }));
      }
    });
    setBusyCriterion(null);
  }

  const problemList = Object.values(live.problems).flat();
  const err = (field: string) => errors[field]?.[0];

  return (
    <form
      ref={formRef}
      aria-label={`Soạn ${kindLabel.toLowerCase()}`}
      onInput={onInput}
      onSubmit={(e) => {
        e.preventDefault();
        if (timer.current) clearTimeout(timer.current);
        void save();
      }}
      noValidate
      className="space-y-6"
    >
      <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white/95 px-4 py-2 shadow-sm backdrop-blur no-print">
        <p className="text-sm" role="status" aria-live="polite" data-testid="save-status" data-state={state}>
          {state === "saving" && <span className="text-slate-600">Đang lưu…</span>}
          {state === "dirty" && <span className="text-amber-700">Có thay đổi chưa lưu…</span>}
          {(state === "saved" || state === "idle") && savedAt && <span className="text-green-700">Đã lưu lúc {timeOf(savedAt)}</span>}
          {state === "idle" && !savedAt && <span className="text-slate-600">Chưa có nội dung.</span>}
          {(state === "error" || state === "conflict") && <span className="font-medium text-red-700">{message}</span>}
        </p>
        <div className="flex items-center gap-3 text-sm">
          <span>
            Tự chấm: <strong data-testid="live-total">{formatPoints(live.totals.totalHalf)}</strong> điểm
          </span>
          {state === "conflict" ? (
            <button type="button" onClick={() => window.location.reload()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
              Tải lại trang
            </button>
          ) : (
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700" disabled={state === "saving"}>
              Lưu nháp
            </button>
          )}
        </div>
      </div>

      <section aria-labelledby="checklist-title" className={`rounded-lg border px-4 py-3 ${problemList.length ? "border-amber-300 bg-amber-50" : "border-green-300 bg-green-50"}`}>
        <h2 id="checklist-title" className="font-semibold">
          {problemList.length ? `Còn ${problemList.length} nội dung cần hoàn thành trước khi trình lãnh đạo duyệt` : "Báo cáo đã đủ nội dung; đề nghị lãnh đạo đơn vị duyệt và gửi."}
        </h2>
        {problemList.length > 0 && (
          <details className="mt-1 text-sm">
            <summary className="cursor-pointer">Xem danh sách</summary>
            <ul className="mt-2 list-disc space-y-0.5 pl-5">
              {problemList.slice(0, 50).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {problemList.length > 50 && <li>… và {problemList.length - 50} nội dung khác</li>}
            </ul>
          </details>
        )}
      </section>

      {form.sections.map((section) => {
        const total = live.totals.sections.find((t) => t.sectionId === section.id)!;
        const heading = section.kind === "SCORED" ? `${sectionLabel(form, section.id)}. ${section.title}` : `${SECTION_KIND_LABELS[section.kind]}: ${section.title}`;
        return (
          <section key={section.id} aria-label={heading} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
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
      })}

      {form.keyFigures.length > 0 && (
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
      )}

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
    </form>
  );
}
