"use client";
import { ActionForm, SubmitButton } from "@/components/form";
import { saveOfficerRegistrationsAction, submitUnitRegistrationAction } from "../actions";
import { buttonClass } from "./eligibility-display";

/** Save this page's changes as a draft, undo them, or submit the unit's registration. */
export function RegistrationActions({
  yearId,
  year,
  changes,
  onUndo,
  submitBlockers,
  liveCst,
  officers,
}: {
  yearId: string;
  year: number;
  /** This page's changed rows, as the save action takes them. */
  changes: { officerId: string; titleCode: string; was: string }[];
  onUndo: () => void;
  /** Why the unit cannot submit yet; empty when it can. */
  submitBlockers: string[];
  liveCst: number;
  officers: number;
}) {
  const dirty = changes.length > 0;
  return (
    <div className="no-print flex flex-wrap items-start justify-between gap-4">
      <ActionForm action={saveOfficerRegistrationsAction} aria-label="Lưu đăng ký cán bộ" className="flex-1">
        <input type="hidden" name="emulationYearId" value={yearId} />
        <input type="hidden" name="rows" value={JSON.stringify(changes)} />
        <div className="flex flex-wrap items-center gap-2">
          {dirty ? <SubmitButton>Lưu nháp ({changes.length} thay đổi)</SubmitButton> : (
            <button type="button" disabled className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white opacity-50">
              Lưu nháp
            </button>
          )}
          <button type="button" className={buttonClass} disabled={!dirty} onClick={onUndo}>
            Hoàn tác thay đổi
          </button>
          {dirty && <span className="text-sm text-amber-800">Có {changes.length} thay đổi chưa lưu; hãy lưu trước khi chuyển trang.</span>}
        </div>
      </ActionForm>
      <ActionForm action={submitUnitRegistrationAction} aria-label="Gửi đăng ký của đơn vị">
        <input type="hidden" name="emulationYearId" value={yearId} />
        {submitBlockers.length === 0 ? (
          <SubmitButton
            confirm={`Gửi đăng ký thi đua năm ${year} của đơn vị (${liveCst}/${officers} cán bộ)? Sau khi gửi, đơn vị không sửa được nữa cho đến khi Thư ký cụm mở lại.`}
          >
            Gửi đăng ký của đơn vị
          </SubmitButton>
        ) : (
          <div className="text-right">
            <button type="button" disabled className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white opacity-50">
              Gửi đăng ký của đơn vị
            </button>
            <p className="mt-1 text-xs text-slate-600">Chưa thể gửi: {submitBlockers.join("; ")}.</p>
          </div>
        )}
      </ActionForm>
    </div>
  );
}
