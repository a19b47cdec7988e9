"use client";
// The register's upload form: the file, checked for size here first, posted to ./upload/route.ts; then
// either the errors by row and column (nothing saved) or how many commendations were entered.
import Link from "next/link";
import { startTransition, useActionState, useId, useState } from "react";
import { controlClass } from "@/components/ui";
import { ErrorTable } from "../../registration/import/import-form";
import type { CommendationImportState } from "./state";

const fmt = (n: number) => n.toLocaleString("vi-VN");

export function CommendationImportForm({ maxBytes }: { maxBytes: number }) {
  const [state, formAction, pending] = useActionState(async (_prev: CommendationImportState | null, formData: FormData): Promise<CommendationImportState> => {
    try {
      const response = await fetch("/commendations/import/upload", { method: "POST", body: formData, headers: { Accept: "application/json" } });
      return (await response.json()) as CommendationImportState;
    } catch {
      return { ok: false, message: "Không gửi được tệp lên máy chủ; chưa có dữ liệu nào được lưu. Vui lòng thử lại.", errors: [], errorCount: 0 };
    }
  }, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const fileId = useId();
  const hintId = useId();
  return (
    <div className="space-y-6">
      <form
        action={formAction}
        aria-label="Nhập sổ khen thưởng từ tệp Excel"
        aria-busy={pending}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const formData = new FormData(event.currentTarget);
          const file = formData.get("file");
          if (!(file instanceof File) || file.size === 0) return setLocalError("Vui lòng chọn tệp Excel (.xlsx) để nhập.");
          if (file.size > maxBytes) return setLocalError(`Tệp quá lớn; chỉ nhận tệp tối đa ${fmt(maxBytes / (1024 * 1024))} MB.`);
          setLocalError(null);
          startTransition(() => formAction(formData));
        }}
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
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
        <button type="submit" disabled={pending} aria-busy={pending} className="min-h-11 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Đang kiểm tra và nhập…" : "Nhập sổ khen thưởng"}
        </button>
      </form>
      {localError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {localError}
        </p>
      )}
      {!localError && state && !pending && (
        <section aria-label="Kết quả nhập tệp" className="space-y-3">
          <p role={state.ok ? "status" : "alert"} className={`rounded-md border px-3 py-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}>
            {state.message}
          </p>
          {!state.ok && state.errors.length > 0 && (
            <>
              {state.errorCount > state.errors.length && (
                <p className="text-sm text-slate-600">
                  Hiển thị {fmt(state.errors.length)} lỗi đầu tiên trong tổng số {fmt(state.errorCount)} lỗi.
                </p>
              )}
              <ErrorTable caption="Các lỗi trong tệp, theo dòng và cột" errors={state.errors} testId="import-errors" />
            </>
          )}
          {state.ok && (
            <Link href="/commendations" className="text-sm text-brand-700 underline">
              Xem sổ khen thưởng
            </Link>
          )}
        </section>
      )}
    </div>
  );
}
