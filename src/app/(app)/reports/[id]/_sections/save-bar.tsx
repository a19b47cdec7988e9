"use client";
import { formatPoints } from "@/domain/scoring/points";
import { timeOf, type SaveState } from "./editor-parts";

/** The sticky bar: what the autosave is doing, the live total and the save (or reload) button. */
export function SaveBar({ state, savedAt, message, totalHalf }: { state: SaveState; savedAt: string | null; message: string | null; totalHalf: number }) {
  return (
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
          Tự chấm: <strong data-testid="live-total">{formatPoints(totalHalf)}</strong> điểm
        </span>
        {state === "conflict" ? (
          <button type="button" onClick={() => window.location.reload()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
            Tải lại trang
          </button>
        ) : (
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 aria-disabled:opacity-60" aria-disabled={state === "saving" || undefined}>
            Lưu nháp
          </button>
        )}
      </div>
    </div>
  );
}
