"use client";
// The unit officer's report editor. Every change is saved automatically after a short pause (and with
// "Lưu nháp" or Ctrl+S); each save names the version it edits, so a second window cannot overwrite it
// silently. Evidence files upload as soon as they are chosen. Saves, uploads and deletions run one at
// a time, in order. The checklist of what still blocks submission and the totals update as one types.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { postForm } from "@/components/post-form";
import type { ActionResult } from "@/server/commands/command";
import { newSubmissionKey, OUTCOME_UNKNOWN, SUBMISSION_KEY_FIELD } from "@/domain/submission";
import { formatPoints, parsePoints } from "@/domain/scoring/points";
import { parseFigure, submissionProblems } from "@/domain/scoring/report-form";
import type { CriteriaTableDef } from "@/domain/scoring/table";
import { computeTotals } from "@/domain/scoring/totals";
import { deleteEvidenceAction, saveReportDraftAction } from "../actions";
import type { EditorValues, Evidence, SaveState } from "./_sections/editor-parts";
import { KeyFiguresEntry } from "./_sections/key-figures-entry";
import type { LinkedFigure } from "@/server/store/movement-figures";
import { NarrativeEntry } from "./_sections/narrative-entry";
import { SaveBar } from "./_sections/save-bar";
import { SectionEntry } from "./_sections/section-entry";
import { SubmissionChecklist } from "./_sections/submission-checklist";

const AUTOSAVE_DELAY_MS = 1500;

export function ReportEditor({
  reportId,
  kindLabel,
  form,
  initialVersion,
  initialSavedAt,
  initialScores,
  initialFigures,
  linkedFigures = {},
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
  /** Key figures taken from a movement's figures (issue 17): shown, not typed. */
  linkedFigures?: Record<string, LinkedFigure>;
  initialNarrative: string;
  initialEvidence: Evidence[];
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // An evidence upload whose answer was lost keeps its submission key: the same file sent again is stored once.
  const unansweredUploads = useRef(new Map<string, { file: File; key: string }>());
  const [state, setState] = useState<SaveState>("idle");
  const [savedAt, setSavedAt] = useState<string | null>(initialSavedAt);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [evidence, setEvidence] = useState<Evidence[]>(initialEvidence);
  const [evidenceErrors, setEvidenceErrors] = useState<Record<string, string>>({});
  const [busyCriterion, setBusyCriterion] = useState<string | null>(null);
  const [values, setValues] = useState<EditorValues>(() => ({
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

  /** The last save sent without an answer (the connection dropped): sent again, as it was, before the next. */
  const unanswered = useRef<FormData | null>(null);
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
        let result: ActionResult<{ version: number; savedAt: string }>;
        try {
          // A save whose answer was lost is sent again first, as it was (same submission key): if it was
          // saved, the server answers its outcome (the new version) instead of "saved elsewhere".
          if (unanswered.current) {
            const first = await saveReportDraftAction(unanswered.current);
            unanswered.current = null;
            if (first.ok) applyVersion(first.data);
          }
          const data = new FormData(formRef.current);
          data.set("reportId", reportId);
          data.set("version", String(version.current));
          data.set(SUBMISSION_KEY_FIELD, newSubmissionKey());
          unanswered.current = data;
          result = await saveReportDraftAction(data);
          unanswered.current = null;
        } catch {
          dirty.current = true;
          setState("error");
          setMessage("Không nhận được trả lời của máy chủ; thay đổi có thể chưa được lưu. Hệ thống sẽ thử lưu lại khi bạn tiếp tục nhập.");
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
      const prior = unansweredUploads.current.get(criterionId);
      const same = prior && prior.file.name === file.name && prior.file.size === file.size && prior.file.lastModified === file.lastModified;
      const key = same ? prior.key : newSubmissionKey();
      unansweredUploads.current.set(criterionId, { file, key });
      data.set(SUBMISSION_KEY_FIELD, key);
      try {
        const result = await postForm<ActionResult<{ file: Evidence; version: number; savedAt: string }>>(`/reports/${reportId}/evidence`, data);
        unansweredUploads.current.delete(criterionId);
        if (result.ok && result.data) {
          setEvidence((list) => [...list, result.data!.file]);
          applyVersion(result.data);
          setState("saved");
        } else if (!result.ok) {
          setEvidenceErrors((e) => ({ ...e, [criterionId]: result.fieldErrors?.file?.[0] ?? result.message }));
        }
      } catch {
        setEvidenceErrors((e) => ({ ...e, [criterionId]: OUTCOME_UNKNOWN }));
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
      <SaveBar state={state} savedAt={savedAt} message={message} totalHalf={live.totals.totalHalf} />

      <SubmissionChecklist problemList={problemList} />

      {form.sections.map((section) => (
        <SectionEntry
          key={section.id}
          form={form}
          section={section}
          total={live.totals.sections.find((t) => t.sectionId === section.id)!}
          values={values}
          evidence={evidence}
          err={err}
          evidenceErrors={evidenceErrors}
          busyCriterion={busyCriterion}
          upload={upload}
          remove={remove}
        />
      ))}

      {form.keyFigures.length > 0 && <KeyFiguresEntry form={form} values={values} err={err} linked={linkedFigures} />}

      <NarrativeEntry values={values} err={err} />
    </form>
  );
}
