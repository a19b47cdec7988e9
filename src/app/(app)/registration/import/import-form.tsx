"use client";
// The upload form: year, file, submit (to ./upload/route.ts, through ExcelUploadForm); then either the
// errors (by sheet, row and column: nothing was saved) or what changed.
import Link from "next/link";
import { useId } from "react";
import { ExcelUploadForm } from "@/components/excel-upload";
import { OUTCOME_UNKNOWN } from "@/domain/submission";
import { DataTable, PickerSelect } from "@/components/ui";
import type { ImportError } from "@/domain/excel-rows";
import type { ImportState } from "./state";

const fmt = (n: number) => n.toLocaleString("vi-VN");

export function ImportForm({ years, defaultYearId, maxBytes }: { years: { id: string; label: string }[]; defaultYearId: string; maxBytes: number }) {
  const yearId = useId();
  return (
    <ExcelUploadForm<ImportState>
      // A route handler (./upload/route.ts): it counts the upload's bytes as they arrive and answers
      // the same state as JSON, also for a refusal (413 over the limit, 422 for the file's errors).
      endpoint="/registration/import/upload"
      maxBytes={maxBytes}
      label="Nhập dữ liệu từ tệp Excel"
      submitLabel="Nhập dữ liệu"
      networkError={{ ok: false, message: OUTCOME_UNKNOWN, errors: [], errorCount: 0 }}
      fields={
        <PickerSelect id={yearId} name="yearId" label="Năm thi đua" defaultValue={defaultYearId}>
          {years.map((y) => (
            <option key={y.id} value={y.id}>
              {y.label}
            </option>
          ))}
        </PickerSelect>
      }
    >
      {(state) => <Outcome state={state} />}
    </ExcelUploadForm>
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

export function ErrorTable({ caption, errors, testId }: { caption: string; errors: ImportError[]; testId: string }) {
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
