"use client";
// The register's upload form (ExcelUploadForm, posting to ./upload/route.ts); then either the errors by
// row and column (nothing saved) or how many commendations were entered.
import Link from "next/link";
import { ExcelUploadForm } from "@/components/excel-upload";
import { OUTCOME_UNKNOWN } from "@/domain/submission";
import { ErrorTable } from "../../registration/import/import-form";
import type { CommendationImportState } from "./state";

const fmt = (n: number) => n.toLocaleString("vi-VN");

export function CommendationImportForm({ maxBytes }: { maxBytes: number }) {
  return (
    <ExcelUploadForm<CommendationImportState>
      endpoint="/commendations/import/upload"
      maxBytes={maxBytes}
      label="Nhập sổ khen thưởng từ tệp Excel"
      submitLabel="Nhập sổ khen thưởng"
      networkError={{ ok: false, message: OUTCOME_UNKNOWN, errors: [], errorCount: 0 }}
    >
      {(state) => (
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
    </ExcelUploadForm>
  );
}
