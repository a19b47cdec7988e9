"use client";
// The upload form: year, file, submit (to ./upload/route.ts); then either the errors (by sheet, row and
// column: nothing was saved) or what changed. The size is checked here too, so a file over the limit is never uploaded.
import Link from "next/link";
import { startTransition, useActionState, useId, useState } from "react";
import { controlClass, DataTable, PickerSelect } from "@/components/ui";
import type { ImportError } from "@/domain/excel-rows";
import type { ImportState } from "./state";

const fmt = (n: number) => n.toLocaleString("vi-VN");

export function ImportForm({ years, defaultYearId, maxBytes }: { years: { id: string; label: string }[]; defaultYearId: string; maxBytes: number }) {
  const [state, formAction, pending] = useActionState(async (_prev: ImportState | null, formData: FormData): Promise<ImportState> => {
    try {
      // A route handler (./upload/route.ts): it counts the upload's bytes as they arrive and answers
      // the same state as JSON, also for a refusal (413 over the limit, 422 for the file's errors).
      const response = await fetch("/registration/import/upload", { method: "POST", body: formData, headers: { Accept: "application/json" } });
      return (await response.json()) as ImportState;
    } catch {
      return { ok: false, message: "Không gửi được tệp lên máy chủ (tệp quá lớn hoặc kết nối bị gián đoạn); chưa có dữ liệu nào được lưu. Vui lòng thử lại.", errors: [], errorCount: 0 };
    }
  }, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const yearId = useId();
  const fileId = useId();
  const hintId = useId();

  return (
    <div className="space-y-6">
      <form
        action={formAction}
        aria-label="Nhập dữ liệu từ tệp Excel"
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
        <PickerSelect id={yearId} name="yearId" label="Năm thi đua" defaultValue={defaultYearId}>
          {years.map((y) => (
            <option key={y.id} value={y.id}>
              {y.label}
            </option>
          ))}
        </PickerSelect>
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
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700 aria-disabled:opacity-60"
        >
          {pending ? "Đang kiểm tra và nhập…" : "Nhập dữ liệu"}
        </button>
      </form>

      {localError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {localError}
        </p>
      )}
      {!localError && state && !pending && <Outcome state={state} />}
    </div>
  );
}

function Outcome({ state }: { state: ImportState }) {
  if (!state.ok) {
    return (
      <section aria-label="Kết quả kiểm tra tệp" className="space-y-3">
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
        {state.errors.length > 0 && (
          <>
            {state.errorCount > state.errors.length && (
              <p className="text-sm text-slate-600">
                Hiển thị {fmt(state.errors.length)} lỗi đầu tiên trong tổng số {fmt(state.errorCount)} lỗi.
              </p>
            )}
            <ErrorTable caption="Các lỗi trong tệp, theo trang tính, dòng và cột" errors={state.errors} testId="import-errors" />
          </>
        )}
      </section>
    );
  }
  const { summary } = state;
  const rows: [string, { created: number; updated: number; unchanged: number }][] = [
    ["Cán bộ", summary.officers],
    ["Đăng ký danh hiệu", summary.registrations],
    ["Kết quả", summary.results],
  ];
  return (
    <section aria-label="Kết quả nhập tệp" className="space-y-3">
      <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
        {state.message}
      </p>
      <DataTable caption="Số dòng đã nhập theo trang tính" headers={["Trang tính", "Thêm mới", "Cập nhật", "Không thay đổi"]} testId="import-summary">
        {rows.map(([label, c]) => (
          <tr key={label}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {label}
            </th>
            <td className="px-3 py-2">{fmt(c.created)}</td>
            <td className="px-3 py-2">{fmt(c.updated)}</td>
            <td className="px-3 py-2">{fmt(c.unchanged)}</td>
          </tr>
        ))}
      </DataTable>
      {state.warnings.length > 0 && (
        <>
          <p className="text-sm text-amber-800">
            Đã lưu, nhưng {fmt(state.warningCount)} đăng ký chưa đủ điều kiện theo dữ liệu hiện có (xem lại trước khi gửi đăng ký):
          </p>
          <ErrorTable caption="Đăng ký chưa đủ điều kiện" errors={state.warnings} testId="import-warnings" />
        </>
      )}
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href="/officers" className="text-brand-700 underline">
          Xem danh sách cán bộ
        </Link>
        <Link href="/registration" className="text-brand-700 underline">
          Xem đăng ký thi đua
        </Link>
        <Link href="/results" className="text-brand-700 underline">
          Xem kết quả thi đua
        </Link>
      </p>
    </section>
  );
}

function ErrorTable({ caption, errors, testId }: { caption: string; errors: ImportError[]; testId: string }) {
  return (
    <DataTable caption={caption} headers={["Trang tính", "Dòng", "Cột", "Nội dung lỗi"]} testId={testId}>
      {errors.map((e, i) => (
        <tr key={i}>
          <td className="px-3 py-2 align-top">{e.sheet}</td>
          <td className="px-3 py-2 align-top">{e.row ?? "—"}</td>
          <td className="px-3 py-2 align-top">
            {e.column ?? "—"}
            {e.cell && <span className="block text-xs text-slate-500">Ô {e.cell}</span>}
          </td>
          <td className="px-3 py-2 align-top">{e.message}</td>
        </tr>
      ))}
    </DataTable>
  );
}
