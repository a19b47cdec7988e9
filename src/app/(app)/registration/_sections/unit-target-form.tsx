"use client";
import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/form";
import type { CollectiveTitle, TitleResult } from "@/domain/eligibility";
import { setUnitTargetAction } from "../actions";
import type { TitleChoice } from "../officer-table";
import { ReasonList, selectClass, STATUS_TEXT, STATUS_TONE } from "./eligibility-display";

/** The unit's own target title, with the engine's reasons for the title chosen (on the saved registrations). */
export function UnitTargetForm(props: {
  yearId: string;
  titles: TitleChoice[];
  current: string | null;
  results: TitleResult<CollectiveTitle>[];
  canEdit: boolean;
}) {
  const [choice, setChoice] = useState(props.current ?? "");
  const result = props.results.find((r) => r.title === choice) ?? null;
  const name = props.titles.find((t) => t.code === choice)?.name ?? choice;
  const details = result && (
    <div className="mt-3 text-sm" data-testid="unit-target-eligibility">
      <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[result.status]}`}>{STATUS_TEXT[result.status]}</span>
      <span className="ml-2 text-xs text-slate-500">theo số liệu đăng ký đã lưu</span>
      <ReasonList reasons={result.reasons} />
    </div>
  );
  if (!props.canEdit) {
    return (
      <div>
        <p className="text-sm">
          Danh hiệu đăng ký: <strong>{props.current ? name : "Chưa chọn"}</strong>
        </p>
        {details}
      </div>
    );
  }
  return (
    <ActionForm action={setUnitTargetAction} aria-label="Danh hiệu đăng ký của đơn vị">
      <input type="hidden" name="emulationYearId" value={props.yearId} />
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          Danh hiệu đăng ký của đơn vị
          <select name="titleCode" value={choice} onChange={(e) => setChoice(e.target.value)} className={`${selectClass} py-2`}>
            <option value="">— Chưa chọn —</option>
            {props.titles.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton variant="secondary">Lưu danh hiệu đơn vị</SubmitButton>
      </div>
      {details}
    </ActionForm>
  );
}
