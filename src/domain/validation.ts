// Zod building blocks with Vietnamese messages, shared by every form.
import { z } from "zod";
import { parseVietnameseDate } from "@/lib/format";

/**
 * Text Postgres stores exactly as typed: no NUL (Postgres refuses it, even in a WHERE) and no lone
 * UTF-16 surrogate (the driver would silently store U+FFFD instead).
 */
export const isStorableText = (s: string) => !s.includes("\u0000") && s.isWellFormed();

/** Single-line text: no control characters at all, nothing Postgres cannot store. */
const isCleanLine = (s: string) => !/[\u0000-\u001f\u007f]/.test(s) && s.isWellFormed();

/**
 * Unicode's bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C). Invisible, and an override or isolate reorders
 * what follows it ("Quyết định \u202e3202" shows as "Quyết định 2023"), so a stored text could read
 * differently from what it says; Vietnamese text never needs them, so free text loses them before it
 * is checked and stored (as file names do). The marks go too: alone they cannot reorder letters, but
 * they make two texts that look identical differ.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Free text as stored: without bidirectional controls, trimmed, NFC. */
export const cleanText = (s: string) => s.replace(BIDI_CONTROLS, "").trim().normalize("NFC");

// Normalised to NFC before the length check: NFC can lengthen a string (e.g. U+0958 → U+0915 U+093C),
// and the column's limit applies to what is stored.
/** Required text, trimmed, with a length limit. Rejects control characters. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(1, `${label} là bắt buộc.`)
        .max(max, `${label} tối đa ${max} ký tự.`)
        .refine(isCleanLine, `${label} chứa ký tự không hợp lệ.`),
    );

/** Optional text: empty input becomes null. Rejects control characters. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max, `${label} tối đa ${max} ký tự.`).refine(isCleanLine, `${label} chứa ký tự không hợp lệ.`))
    .optional()
    .transform((s) => (s ? s : null));

/**
 * A written reason (returning a report, amending after closing): several lines allowed, required, and at
 * least 10 characters so that it actually says something.
 */
export const reasonText = (label: string, missing: string, max = 1000) =>
  z
    .string({ error: missing })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .min(10, `${label} cần nêu rõ (ít nhất 10 ký tự).`)
        .max(max, `${label} tối đa ${max} ký tự.`)
        .refine(isStorableText, `${label} chứa ký tự không hợp lệ.`),
    );

/** Optional text of several lines (guidance, an amendment's reason): "" when empty. */
export const optionalMultilineText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((s) => cleanText(s ?? ""))
    .pipe(z.string().max(max, `${label} tối đa ${max} ký tự.`).refine(isStorableText, `${label} chứa ký tự không hợp lệ.`));

/** A short code such as "KTNV" or "KTNV-00123": letters, digits, dot, dash, underscore. */
export const codeField = (label: string, max = 32) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .trim()
    .min(1, `${label} là bắt buộc.`)
    .max(max, `${label} tối đa ${max} ký tự.`)
    .regex(/^[A-Za-z0-9._-]+$/, `${label} chỉ gồm chữ không dấu, số và các ký tự . _ -`)
    .transform((s) => s.toUpperCase());

export const idField = (label = "Mã bản ghi") => z.uuid(`${label} không hợp lệ.`);

const uuidSchema = z.uuid();
/** Whether a value from a URL, form or cookie is a record id (the same test as idField). */
export const isUuid = (value: unknown): value is string => typeof value === "string" && uuidSchema.safeParse(value).success;

/** An optional id from a <select>: "" means none. */
export const optionalIdField = (label: string) =>
  z
    .union([z.literal(""), z.uuid(`${label} không hợp lệ.`)])
    .optional()
    .transform((s) => (s ? s : null));

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

/** A dd/mm/yyyy field → yyyy-mm-dd; absent or blank → null; a text that is no date gets `invalid(text)`. */
export const dateText = (invalid: (text: string) => string) =>
  z
    .string()
    .optional()
    .transform((s, ctx): string | null => {
      const text = (s ?? "").trim();
      if (!text) return null;
      const iso = parseVietnameseDate(text);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: invalid(text) });
        return z.NEVER;
      }
      return iso;
    });

/** dd/mm/yyyy → yyyy-mm-dd; "" → null. */
export const optionalDate = (label: string) => dateText(() => `${label} phải theo dạng dd/mm/yyyy (ví dụ 15/12/2021).`);

/** dd/mm/yyyy → yyyy-mm-dd, required. */
export const requiredDate = (label: string) =>
  optionalDate(label).refine((v): v is string => v !== null, `${label} là bắt buộc.`) as unknown as z.ZodType<string>;

/**
 * The ids of a form's ticked checkboxes named `<prefix><uuid>` (value "on" or "true"), lower-cased,
 * each once, in the form's order; a malformed id is an issue on `path` (e.g. the member units ticked
 * for a bulk reopen or a round's candidate list).
 */
export function tickedIds(raw: Record<string, unknown>, ctx: z.RefinementCtx, prefix: string, path: string): string[] {
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(prefix) || (value !== "on" && value !== "true")) continue;
    const id = key.slice(prefix.length);
    if (isUuid(id)) ids.add(id.toLowerCase());
    else ctx.addIssue({ code: "custom", path: [path], message: "Danh sách đơn vị không hợp lệ." });
  }
  return [...ids];
}
