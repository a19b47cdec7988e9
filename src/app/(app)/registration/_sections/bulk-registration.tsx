"use client";
import { ActionForm, SubmitButton } from "@/components/form";
import type { QuotaCheck } from "@/domain/eligibility";
import { bulkSetOfficerRegistrationsAction } from "../actions";
import type { TitleChoice } from "../officer-table";
import { buttonClass, selectClass } from "./eligibility-display";

/** Bulk choice meaning "remove the registration" (the empty value means "nothing chosen yet"). */
const REMOVE = "__REMOVE__";

/** The title code a bulk choice sets ("" removes the registration). */
export const bulkChoiceCode = (choice: string) => (choice === REMOVE ? "" : choice);

/** One title for the checked rows of this page, or saved at once for every officer matching the filters. */
export function BulkRegistration({
  yearId,
  titles,
  bulkTitle,
  setBulkTitle,
  allFiltered,
  setAllFiltered,
  checkedCount,
  applyToChecked,
  matching,
  filters,
  filterLabel,
  unsavedChanges,
  bulkQuota,
}: {
  yearId: string;
  titles: TitleChoice[];
  bulkTitle: string;
  setBulkTitle: (title: string) => void;
  allFiltered: boolean;
  setAllFiltered: (all: boolean) => void;
  checkedCount: number;
  applyToChecked: () => void;
  matching: { total: number };
  filters: { q: string; sub: string; target: string };
  filterLabel: string;
  /** Changes on this page not saved yet (a bulk save waits for them). */
  unsavedChanges: number;
  /** The quota once the bulk title applies to every matching officer; null before a title is chosen. */
  bulkQuota: QuotaCheck | null;
}) {
  const bulkCode = bulkChoiceCode(bulkTitle);
  const bulkTitleName = bulkCode ? (titles.find((t) => t.code === bulkCode)?.shortName ?? bulkCode) : "";
  const dirty = unsavedChanges > 0;
  return (
    <fieldset className="no-print rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-700">Đăng ký hàng loạt</legend>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Danh hiệu áp dụng
          <select value={bulkTitle} onChange={(e) => setBulkTitle(e.target.value)} className={selectClass}>
            <option value="">— Chọn danh hiệu —</option>
            {titles.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name} ({t.shortName})
              </option>
            ))}
            <option value={REMOVE}>Bỏ đăng ký</option>
          </select>
        </label>
        <label className="inline-flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 accent-brand-600" checked={allFiltered} onChange={(e) => setAllFiltered(e.target.checked)} />
          Chọn tất cả {matching.total} cán bộ đang lọc (mọi trang)
        </label>
        {!allFiltered && (
          <button type="button" className={buttonClass} disabled={bulkTitle === "" || checkedCount === 0} onClick={applyToChecked}>
            Áp dụng cho {checkedCount} dòng đã chọn
          </button>
        )}
      </div>
      {allFiltered ? (
        <div className="mt-3 space-y-2 text-sm">
          <p className="text-slate-600">
            Áp dụng cho <strong>tất cả {matching.total} cán bộ</strong> {filterLabel}, kể cả các trang khác, và lưu ngay.
          </p>
          {bulkQuota && (
            <p
              role={bulkQuota.verdict === "OVER" ? "alert" : undefined}
              data-testid="bulk-quota"
              className={bulkQuota.verdict === "OVER" ? "text-red-700" : "text-slate-600"}
            >
              Sau khi áp dụng: {bulkQuota.verdict === "OVER" ? "vượt chỉ tiêu CSTĐCS — " : ""}
              {bulkQuota.message}
            </p>
          )}
          {dirty ? (
            <p className="text-amber-800">Hãy lưu hoặc hoàn tác {unsavedChanges} thay đổi trên trang này trước khi áp dụng hàng loạt.</p>
          ) : (
            <ActionForm action={bulkSetOfficerRegistrationsAction} aria-label="Áp dụng cho tất cả cán bộ đang lọc">
              <input type="hidden" name="emulationYearId" value={yearId} />
              <input type="hidden" name="titleCode" value={bulkCode} />
              <input type="hidden" name="q" value={filters.q} />
              <input type="hidden" name="sub" value={filters.sub} />
              <input type="hidden" name="target" value={filters.target} />
              <input type="hidden" name="expectedCount" value={matching.total} />
              {bulkTitle === "" || matching.total === 0 ? (
                <button type="button" disabled className={buttonClass}>
                  Áp dụng cho {matching.total} cán bộ đang lọc
                </button>
              ) : (
                <SubmitButton
                  variant="secondary"
                  confirm={
                    bulkCode
                      ? `Đăng ký ${bulkTitleName} cho tất cả ${matching.total} cán bộ ${filterLabel} (mọi trang)? Đăng ký hiện có của họ sẽ được thay thế.`
                      : `Bỏ đăng ký của tất cả ${matching.total} cán bộ ${filterLabel} (mọi trang)?`
                  }
                >
                  Áp dụng cho {matching.total} cán bộ đang lọc
                </SubmitButton>
              )}
            </ActionForm>
          )}
        </div>
      ) : (
        <p className="mt-2 text-xs text-slate-500">
          Đánh dấu các dòng trên trang này rồi bấm “Áp dụng”, sau đó “Lưu nháp”. Để áp dụng cho mọi trang, chọn “Chọn tất cả cán bộ đang lọc”.
        </p>
      )}
    </fieldset>
  );
}
