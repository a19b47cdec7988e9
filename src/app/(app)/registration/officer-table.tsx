"use client";
// The interactive parts of a unit's registration page: the officers' table (a target title per row,
// bulk set, live eligibility and CSTĐCS quota warnings computed in the browser with the same pure
// engine the server uses), save as draft, submit; and the unit's own target with its reasons.
import { useEffect, useMemo, useState } from "react";
import {
  countQuotaTitles,
  checkQuota,
  computeFacts,
  individualLevel,
  REGISTRATION,
  type EligibilitySettings,
  type IndividualTitle,
  type RuleSet,
} from "@/domain/eligibility";
import { BulkRegistration, bulkChoiceCode } from "./_sections/bulk-registration";
import { RegistrationActions } from "./_sections/registration-actions";
import { RegistrationRow } from "./_sections/registration-row";

import type { RegistrationRow as StoredRow } from "@/server/queries/registration";

export { UnitTargetForm } from "./_sections/unit-target-form";

/** A row as the page read it (titleCode as saved); its evaluation is recomputed here as the choice changes. */
export type TableRow = Pick<StoredRow, "id" | "code" | "fullName" | "rank" | "position" | "subUnitName" | "titleCode" | "history">;

export type TitleChoice = { code: string; name: string; shortName: string };

function countTitles(titles: Iterable<string | null | undefined>) {
  const { cstCount, cstdcsCount } = countQuotaTitles([...titles].map((titleCode) => ({ titleCode })));
  return { cst: cstCount, cstdcs: cstdcsCount };
}

export function OfficerRegistrationTable(props: {
  yearId: string;
  year: number;
  settings: EligibilitySettings;
  /** The title rules in force in the year (rule-set.ts); the shipped ones when absent. */
  rules?: RuleSet;
  rows: TableRow[];
  titles: TitleChoice[];
  /** The whole unit as saved (all pages). */
  unitCounts: { officers: number; registered: number; cstdcs: number };
  /** The officers matching the filters (all pages) as saved. */
  matching: { total: number; registered: number; cstdcs: number };
  filters: { q: string; sub: string; target: string };
  filterLabel: string;
  canEdit: boolean;
  hasTarget: boolean;
  /** Changes whenever the saved registrations shown change: resets the local edits. */
  version: string;
  /** Shown in the table when no officer matches the filters. */
  emptyText: string;
}) {
  const { rows, settings, rules, year, titles, unitCounts, matching, canEdit } = props;
  const saved = useMemo(() => Object.fromEntries(rows.map((r) => [r.id, r.titleCode ?? ""])), [rows]);
  const [selected, setSelected] = useState<Record<string, string>>(saved);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [allFiltered, setAllFiltered] = useState(false);
  const [bulkTitle, setBulkTitle] = useState("");
  const [version, setVersion] = useState(props.version);
  if (version !== props.version) {
    // New data from the server (after a save, a bulk change, another page): start from it. The bulk
    // mode stays as it was, so the result of "apply to all" remains on screen.
    setVersion(props.version);
    setSelected(saved);
    setChecked(new Set());
  }

  // The engine's facts for each officer: computed once per page of data, re-explained as titles change.
  const facts = useMemo(() => new Map(rows.map((r) => [r.id, computeFacts(r.history, year, settings, REGISTRATION, rules)])), [rows, year, settings, rules]);
  const labelOf = useMemo(() => new Map(titles.map((t) => [t.code, t.shortName])), [titles]);

  const changes = rows.filter((r) => (selected[r.id] ?? "") !== (saved[r.id] ?? ""));
  const dirty = changes.length > 0;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Live quota: the unit as saved, with this page's saved titles replaced by what is on screen.
  const pageSaved = countTitles(rows.map((r) => saved[r.id]));
  const pageNow = countTitles(rows.map((r) => selected[r.id]));
  const liveCst = Math.max(0, unitCounts.registered - pageSaved.cst + pageNow.cst);
  const liveCstdcs = Math.min(liveCst, Math.max(0, unitCounts.cstdcs - pageSaved.cstdcs + pageNow.cstdcs));
  const quota = checkQuota({ cstCount: liveCst, cstdcsCount: liveCstdcs }, settings, rules);
  const over = quota.verdict === "OVER";
  const livePercent = unitCounts.officers > 0 ? Math.floor((liveCst * 100) / unitCounts.officers) : 0;

  // Bulk over every officer matching the filters (server-side, all pages): its effect on the quota.
  const bulkCode = bulkChoiceCode(bulkTitle);
  const bulkLevel = bulkCode ? individualLevel(bulkCode as IndividualTitle) : 0;
  const bulkQuota =
    bulkTitle === ""
      ? null
      : checkQuota(
          {
            cstCount: Math.max(0, unitCounts.registered - matching.registered + (bulkCode ? matching.total : 0)),
            cstdcsCount: Math.max(0, unitCounts.cstdcs - matching.cstdcs + (bulkLevel >= 2 ? matching.total : 0)),
          },
          settings,
          rules,
        );

  const allOnPage = rows.length > 0 && rows.every((r) => checked.has(r.id));
  const toggleAllOnPage = () => setChecked(allOnPage ? new Set() : new Set(rows.map((r) => r.id)));
  const toggle = (id: string) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const applyToChecked = () => {
    if (bulkTitle === "") return;
    setSelected((prev) => {
      const next = { ...prev };
      for (const id of checked) next[id] = bulkCode;
      return next;
    });
  };

  const submitBlockers = [
    dirty && "còn thay đổi chưa lưu",
    over && "vượt chỉ tiêu CSTĐCS",
    !props.hasTarget && "chưa chọn danh hiệu của đơn vị",
    liveCst === 0 && "chưa đăng ký cho cán bộ nào",
  ].filter(Boolean) as string[];

  return (
    <div className="space-y-4">
      {/* Live figures for the whole unit. */}
      <div
        role={over ? "alert" : "status"}
        data-testid="quota-status"
        className={`rounded-md border px-3 py-2 text-sm ${over ? "border-red-300 bg-red-50 text-red-800" : "border-slate-200 bg-slate-50 text-slate-700"}`}
      >
        <p>
          <span className="font-medium">Đã đăng ký:</span> {liveCst}/{unitCounts.officers} cán bộ ({livePercent}%)
          {dirty && <span className="text-slate-500"> — tính cả {changes.length} thay đổi chưa lưu trên trang này</span>}
        </p>
        <p>
          <span className="font-medium">{over ? "Vượt chỉ tiêu CSTĐCS:" : "Chỉ tiêu CSTĐCS:"}</span> {quota.message}
          {over && " Hãy giảm số cán bộ đăng ký CSTĐCS (hoặc cao hơn) trước khi lưu."}
        </p>
      </div>

      {canEdit && (
        <BulkRegistration
          yearId={props.yearId}
          titles={titles}
          bulkTitle={bulkTitle}
          setBulkTitle={setBulkTitle}
          allFiltered={allFiltered}
          setAllFiltered={setAllFiltered}
          checkedCount={checked.size}
          applyToChecked={applyToChecked}
          matching={matching}
          filters={props.filters}
          filterLabel={props.filterLabel}
          unsavedChanges={changes.length}
          bulkQuota={bulkQuota}
        />
      )}


      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="registration-table">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Đăng ký danh hiệu của cán bộ, chiến sĩ năm {year}</caption>
          <thead className="bg-slate-50">
            <tr>
              {canEdit && (
                <th scope="col" className="no-print px-3 py-2 text-left">
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    aria-label="Chọn tất cả cán bộ trên trang này"
                    checked={allOnPage}
                    onChange={toggleAllOnPage}
                  />
                </th>
              )}
              {["Mã cán bộ", "Họ và tên", "Phòng/Đội", "Danh hiệu đăng ký", "Điều kiện"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 && (
              <tr>
                <td colSpan={canEdit ? 6 : 5} className="px-3 py-6 text-center text-slate-600">
                  {props.emptyText}
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <RegistrationRow
                key={r.id}
                row={r}
                facts={facts.get(r.id)!}
                title={(selected[r.id] ?? "") as IndividualTitle | ""}
                savedTitle={saved[r.id] ?? ""}
                over={over}
                canEdit={canEdit}
                checked={checked.has(r.id)}
                onToggle={() => toggle(r.id)}
                onSelect={(title) => setSelected((prev) => ({ ...prev, [r.id]: title }))}
                titles={titles}
                labelOf={labelOf}
              />
            ))}
          </tbody>
        </table>
      </div>

      {canEdit && (
        <RegistrationActions
          yearId={props.yearId}
          year={year}
          changes={changes.map((r) => ({ officerId: r.id, titleCode: selected[r.id] ?? "", was: saved[r.id] ?? "" }))}
          onUndo={() => setSelected(saved)}
          submitBlockers={submitBlockers}
          liveCst={liveCst}
          officers={unitCounts.officers}
        />
      )}
    </div>
  );
}
