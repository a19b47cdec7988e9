"use client";
// An Excel upload form posting to an import route handler (which counts the body's bytes as they
// arrive and answers JSON, also for a refusal): the file checked for presence and size here first, so a
// file over the limit is never uploaded; then the route's answer, shown by the caller (`children`).
import { startTransition, useActionState, useId, useRef, useState, type ReactNode } from "react";
import { controlClass } from "@/components/ui";
import { newSubmissionKey, SUBMISSION_KEY_FIELD } from "@/domain/submission";
import { postForm } from "./post-form";

const fmt = (n: number) => n.toLocaleString("vi-VN");

export function ExcelUploadForm<S>({
  endpoint,
  maxBytes,
  label,
  submitLabel,
  networkError,
  fields,
  children,
}: {
  endpoint: string;
  maxBytes: number;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  /**
   * The state shown when no answer came (the connection dropped, a proxy's error page): the import may
   * have been saved — say so (OUTCOME_UNKNOWN), never "nothing was saved".
   */
  networkError: S;
  /** Fields before the file (e.g. the year). */
  fields?: ReactNode;
  /** What the route answered. */
  children: (state: S) => ReactNode;
}) {
  // The submission key (src/domain/submission.ts): the same when the user sends the form again after a
  // lost answer (the route then answers the first import's outcome instead of importing twice), a new
  // one once the route has answered.
  const submissionKey = useRef<string | null>(null);
  const [state, formAction, pending] = useActionState(async (_prev: S | null, formData: FormData): Promise<S> => {
    formData.set(SUBMISSION_KEY_FIELD, (submissionKey.current ??= newSubmissionKey()));
    try {
      const answer = await postForm<S>(endpoint, formData);
      submissionKey.current = null;
      return answer;
    } catch {
      return networkError;
    }
  }, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const fileId = useId();
  const hintId = useId();
  return (
    <div className="space-y-6">
      <form
        action={formAction}
        aria-label={label}
        aria-busy={pending}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (pending) return;
          const formData = new FormData(event.currentTarget);
          const file = formData.get("file");
          if (!(file instanceof File) || file.size === 0) {
            setLocalError("Vui lòng chọn tệp Excel (.xlsx) để nhập.");
            return;
          }
          if (file.size > maxBytes) {
            setLocalError(`Tệp quá lớn (${(file.size / (1024 * 1024)).toLocaleString("vi-VN", { maximumFractionDigits: 1 })} MB); chỉ nhận tệp tối đa ${fmt(maxBytes / (1024 * 1024))} MB.`);
            return;
          }
          setLocalError(null);
          startTransition(() => formAction(formData));
        }}
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        {fields}
        <div className="flex min-w-72 flex-1 flex-col gap-1">
          <label htmlFor={fileId} className="text-sm font-medium text-slate-700">
            Tệp Excel (.xlsx)
          </label>
          <input
            id={fileId}
            name="file"
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={hintId}
            aria-invalid={localError ? true : undefined}
            className={`${controlClass} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1`}
            onChange={() => setLocalError(null)}
          />
          <p id={hintId} className="text-xs text-slate-500">
            Tối đa {fmt(maxBytes / (1024 * 1024))} MB. Nếu tệp có lỗi, không dòng nào được lưu.
          </p>
        </div>
        <button
          type="submit"
          // aria-disabled, not disabled: focus stays on the button instead of falling to <body>.
          aria-disabled={pending || undefined}
          aria-busy={pending}
          className="min-h-11 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 aria-disabled:opacity-60"
        >
          {pending ? "Đang kiểm tra và nhập…" : submitLabel}
        </button>
      </form>

      {localError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {localError}
        </p>
      )}
      {!localError && state && !pending && children(state)}
    </div>
  );
}
