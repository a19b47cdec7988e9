// A unit's report form: reading what was typed (scores, explanations, key figures, narrative) and
// checking that a report is complete before the unit head may submit it.
// Field names: "score.<criterionId>", "explain.<criterionId>", "figure.<figureId>", "narrative".
import { formatPoints, parsePoints } from "./points";
import { allCriteria, criterionLabel, type CriteriaTableDef } from "./table";

export const EXPLANATION_MAX = 4000;
export const NARRATIVE_MAX = 50_000;
/** Key figures: at most 14 digits before the decimal mark, 2 after (Decimal(16,2)). */
const FIGURE_MAX_INTEGER_DIGITS = 14;

export const scoreField = (criterionId: string) => `score.${criterionId}`;
export const explainField = (criterionId: string) => `explain.${criterionId}`;
export const figureField = (figureId: string) => `figure.${figureId}`;
export const evidenceField = (criterionId: string) => `evidence.${criterionId}`;

export type FieldErrors = Record<string, string[]>;

export type ReportDraft = {
  /** criterionId → half-points (null: not scored yet) and explanation. */
  scores: Map<string, { half: number | null; explanation: string }>;
  /** figureId → value as a canonical decimal string ("1234.5"), or null when empty. */
  figures: Map<string, string | null>;
  narrative: string;
};

/** Text as stored: NFC, no control characters except line breaks and tabs, trimmed. */
export function cleanText(raw: unknown): string {
  // Form fields are strings; anything else (a crafted request) counts as empty. Lone surrogates become
  // U+FFFD here, visibly, rather than silently in the database driver.
  return (typeof raw === "string" ? raw : "")
    .toWellFormed()
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .trim();
}

/**
 * A key figure as people type it in Vietnam: "1.234" or "1 234" is one thousand two hundred
 * thirty-four (dot or space groups thousands), "12,5" is twelve and a half (comma is the decimal
 * mark); "12.5" (a dot followed by one or two digits) is also read as twelve and a half. Returns a
 * canonical decimal string, null for empty, or an error message.
 */
export function parseFigure(raw: string | null | undefined): { ok: true; value: string | null } | { ok: false; message: string } {
  let text = (raw ?? "").trim().replace(/[\s\u00a0]/g, "");
  if (text === "") return { ok: true, value: null };
  if (text.startsWith("-")) return { ok: false, message: "Số liệu không được âm." };
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replace(/\./g, "").replace(",", ".");
  else if (/^\d+,\d+$/.test(text)) text = text.replace(",", ".");
  else if (!/^\d+(\.\d{1,2})?$/.test(text)) return { ok: false, message: "Số liệu phải là một số, ví dụ 1.250 hoặc 12,5." };
  const [intPart, frac = ""] = text.split(".");
  if (frac.length > 2) return { ok: false, message: "Số liệu chỉ lấy đến 2 chữ số thập phân." };
  const digits = intPart!.replace(/^0+(?=\d)/, "");
  if (digits.length > FIGURE_MAX_INTEGER_DIGITS) return { ok: false, message: "Số liệu quá lớn." };
  const fraction = frac.replace(/0+$/, "");
  return { ok: true, value: fraction ? `${digits}.${fraction}` : digits };
}

/** A canonical decimal string ("1234.5") as Vietnamese readers write it ("1.234,5"). */
export function formatFigure(value: string | null | undefined): string {
  if (value == null || value === "") return "";
  const [intPart, frac] = value.split(".");
  const grouped = intPart!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac && !/^0+$/.test(frac) ? `${grouped},${frac.replace(/0+$/, "")}` : grouped;
}

/**
 * Reads the submitted form against the report's form (formFor(table, kind)). Any invalid field gives a
 * field error and the draft must not be saved (the caller refuses the whole save).
 */
export function readReportForm(form: CriteriaTableDef, fields: Record<string, unknown>): { draft: ReportDraft; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const scores = new Map<string, { half: number | null; explanation: string }>();
  for (const c of allCriteria(form)) {
    const parsed = parsePoints(typeof fields[scoreField(c.id)] === "string" ? (fields[scoreField(c.id)] as string) : "", c.maxHalf);
    const explanation = cleanText(fields[explainField(c.id)]);
    if (!parsed.ok) add(scoreField(c.id), `${criterionLabel(form, c.id)}: ${parsed.message}`);
    if (explanation.length > EXPLANATION_MAX) add(explainField(c.id), `${criterionLabel(form, c.id)}: giải trình tối đa ${EXPLANATION_MAX} ký tự.`);
    scores.set(c.id, { half: parsed.ok ? parsed.half : null, explanation: explanation.slice(0, EXPLANATION_MAX) });
  }
  const figures = new Map<string, string | null>();
  for (const f of form.keyFigures) {
    // A figure linked to a movement's is the movement's (issue 17): not typed in the report.
    if (f.movementFigureId) continue;
    const raw = fields[figureField(f.id)];
    const parsed = parseFigure(typeof raw === "string" ? raw : "");
    if (!parsed.ok) add(figureField(f.id), `${f.label}: ${parsed.message}`);
    figures.set(f.id, parsed.ok ? parsed.value : null);
  }
  const narrative = cleanText(fields.narrative);
  if (narrative.length > NARRATIVE_MAX) add("narrative", `Phần thuyết minh tối đa ${NARRATIVE_MAX.toLocaleString("vi-VN")} ký tự.`);
  return { draft: { scores, figures, narrative }, errors };
}

export type StoredReport = {
  scores: ReadonlyMap<string, { half: number | null; explanation: string }>;
  figures: ReadonlyMap<string, string | null>;
  narrative: string;
  /** criterionId → number of evidence files attached. */
  evidenceCounts: ReadonlyMap<string, number>;
};

/**
 * What still blocks submission, field by field (empty: the report may be submitted):
 *  - every scored criterion has a self-score and an explanation;
 *  - a bonus or penalty item left empty counts as 0; with a score above 0 it needs an explanation;
 *  - no score above its criterion's max (the table may have been amended since it was typed);
 *  - a criterion marked "evidence required" with a score above 0 has at least one evidence file;
 *  - every required key figure is filled in; the narrative is written.
 */
export function submissionProblems(form: CriteriaTableDef, report: StoredReport): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const c of allCriteria(form)) {
    const label = criterionLabel(form, c.id);
    const entry = report.scores.get(c.id);
    const h = entry?.half ?? null;
    const explained = (entry?.explanation ?? "").trim() !== "";
    if (c.section.kind === "SCORED") {
      if (h === null) add(scoreField(c.id), `${label}: chưa tự chấm điểm.`);
      if (!explained) add(explainField(c.id), `${label}: chưa có giải trình.`);
    } else if (h !== null && h > 0 && !explained) {
      add(explainField(c.id), `${label}: có điểm ${c.section.kind === "BONUS" ? "thưởng" : "trừ"} nên cần giải trình.`);
    }
    if (h !== null && h > c.maxHalf) {
      add(scoreField(c.id), `${label}: điểm tự chấm (${formatPoints(h)}) vượt quá điểm tối đa (${formatPoints(c.maxHalf)}).`);
    }
    if (c.evidenceRequired && h !== null && h > 0 && (report.evidenceCounts.get(c.id) ?? 0) === 0) {
      add(evidenceField(c.id), `${label}: cần đính kèm tài liệu minh chứng.`);
    }
  }
  for (const f of form.keyFigures) {
    if (f.required && (report.figures.get(f.id) ?? null) === null) add(figureField(f.id), `Chưa nhập số liệu "${f.label}".`);
  }
  if (report.narrative.trim() === "") add("narrative", "Chưa có phần báo cáo thuyết minh.");
  return errors;
}

/** The problems as one sentence for the page's message, plus how many there are. */
export function summariseProblems(errors: FieldErrors): string {
  const count = Object.values(errors).reduce((n, list) => n + list.length, 0);
  if (count === 0) return "";
  return `Chưa thể gửi báo cáo: còn ${count} nội dung chưa hoàn thành. Vui lòng xem các mục được đánh dấu.`;
}
