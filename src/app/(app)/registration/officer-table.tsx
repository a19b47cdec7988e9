"use client";
// The interactive parts of a unit's registration page: the officers' table (a target title per row,
// bulk set, live eligibility and CSTĐCS quota warnings computed in the browser with the same pure
// engine the server uses), save as draft, submit; and the unit's own target with its reasons.
import { useEffect, useMemo, useState } from "react";
import { ActionForm, SubmitButton } from "@/components/form";
import {
  countQuotaTitles,
  checkQuota,
  computeFacts,
  explainTitle,
  individualLevel,
  REGISTRATION,
  type CollectiveTitle,
  type EligibilitySettings,
  type EligibilityStatus,
  type IndividualTitle,
  type OfficerHistory,
  type Reason,
  type TitleResult,
} from "@/domain/eligibility";
import {
  bulkSetOfficerRegistrationsAction,
  saveOfficerRegistrationsAction,
  setUnitTargetAction,
  submitUnitRegistrationAction,
} from "./actions";

export type TableRow = {
  id: string;
  code: string;
  fullName: string;
  rank: string;
  position: string;
  subUnitName: string | null;
  /** As saved. */
  titleCode: IndividualTitle | null;
  history: OfficerHistory;
};

export type TitleChoice = { code: string; name: string; shortName: string };

const STATUS_TEXT: Record<EligibilityStatus, string> = {
  ELIGIBLE: "Đủ điều kiện",
  NOT_YET: "Chưa đủ điều kiện",
  BLOCKED: "Không được xét",
};
const STATUS_TONE: Record<EligibilityStatus, string> = {
  ELIGIBLE: "bg-green-100 text-green-800",
  NOT_YET: "bg-amber-100 text-amber-800",
  BLOCKED: "bg-red-100 text-red-800",
};

/** Bulk choice meaning "remove the registration" (the empty value means "nothing chosen yet"). */
const REMOVE = "__REMOVE__";

const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 disabled:bg-slate-100";
const buttonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";

function countTitles(titles: Iterable<string | null | undefined>) {
  const { cstCount, cstdcsCount } = countQuotaTitles([...titles].map((titleCode) => ({ titleCode })));
  return { cst: cstCount, cstdcs: cstdcsCount };
}

function ReasonList({ reasons, onlyFailed }: { reasons: readonly Reason[]; onlyFailed?: boolean }) {
  const shown = onlyFailed ? reasons.filter((r) => !r.ok) : reasons;
  if (shown.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs">
      {shown.map((r, i) => (
        <li key={i} className={r.ok ? "text-slate-600" : "text-red-700"}>
          <span aria-hidden>{r.ok ? (r.assumed ? "◦ " : "✓ ") : "✗ "}</span>
          <span className="sr-only">{r.ok ? (r.assumed ? "Mục tiêu: " : "Đạt: ") : "Chưa đạt: "}</span>
          {r.message}
        </li>
      ))}
    </ul>
  );
}

export function OfficerRegistrationTable(props: {
  yearId: string;
  year: number;
  settings: EligibilitySettings;
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
  const { rows, settings, year, titles, unitCounts, matching, canEdit } = props;
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
  const facts = useMemo(() => new Map(rows.map((r) => [r.id, computeFacts(r.history, year, settings, REGISTRATION)])), [rows, year, settings]);
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
  const quota = checkQuota({ cstCount: liveCst, cstdcsCount: liveCstdcs }, settings);
  const over = quota.verdict === "OVER";
  const livePercent = unitCounts.officers > 0 ? Math.floor((liveCst * 100) / unitCounts.officers) : 0;

  // Bulk over every officer matching the filters (server-side, all pages): its effect on the quota.
  const bulkCode = bulkTitle === REMOVE ? "" : bulkTitle;
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
        );
  const bulkTitleName = bulkCode ? (labelOf.get(bulkCode) ?? bulkCode) : "";

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
              <button type="button" className={buttonClass} disabled={bulkTitle === "" || checked.size === 0} onClick={applyToChecked}>
                Áp dụng cho {checked.size} dòng đã chọn
              </button>
            )}
          </div>
          {allFiltered ? (
            <div className="mt-3 space-y-2 text-sm">
              <p className="text-slate-600">
                Áp dụng cho <strong>tất cả {matching.total} cán bộ</strong> {props.filterLabel}, kể cả các trang khác, và lưu ngay.
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
                <p className="text-amber-800">Hãy lưu hoặc hoàn tác {changes.length} thay đổi trên trang này trước khi áp dụng hàng loạt.</p>
              ) : (
                <ActionForm action={bulkSetOfficerRegistrationsAction} aria-label="Áp dụng cho tất cả cán bộ đang lọc">
                  <input type="hidden" name="emulationYearId" value={props.yearId} />
                  <input type="hidden" name="titleCode" value={bulkCode} />
                  <input type="hidden" name="q" value={props.filters.q} />
                  <input type="hidden" name="sub" value={props.filters.sub} />
                  <input type="hidden" name="target" value={props.filters.target} />
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
                          ? `Đăng ký ${bulkTitleName} cho tất cả ${matching.total} cán bộ ${props.filterLabel} (mọi trang)? Đăng ký hiện có của họ sẽ được thay thế.`
                          : `Bỏ đăng ký của tất cả ${matching.total} cán bộ ${props.filterLabel} (mọi trang)?`
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
            {rows.map((r) => {
              const f = facts.get(r.id)!;
              const title = (selected[r.id] ?? "") as IndividualTitle | "";
              const changed = title !== (saved[r.id] ?? "");
              const result: TitleResult<IndividualTitle> | null = title ? explainTitle(f, title) : null;
              const overQuota = over && title !== "" && individualLevel(title) >= 2;
              const highest = [...f.statuses].map((s, i) => (s === "ELIGIBLE" ? i : -1)).filter((i) => i >= 0).at(-1);
              const highestLabel = highest === undefined ? null : (["CST", "CSTĐCS", "CSTĐ CAND", "CSTĐ toàn quốc"] as const)[highest];
              return (
                <tr key={r.id} className={overQuota ? "bg-red-50" : changed ? "bg-amber-50" : undefined} data-testid={`row-${r.code}`}>
                  {canEdit && (
                    <td className="no-print px-3 py-2 align-top">
                      <input type="checkbox" className="size-4 accent-brand-600" aria-label={`Chọn ${r.fullName}`} checked={checked.has(r.id)} onChange={() => toggle(r.id)} />
                    </td>
                  )}
                  <td className="px-3 py-2 align-top font-mono text-xs">{r.code}</td>
                  <td className="px-3 py-2 align-top">
                    <span className="font-medium text-slate-900">{r.fullName}</span>
                    <span className="block text-xs text-slate-500">
                      {r.rank} · {r.position}
                    </span>
                  </td>
                  <td className="px-3 py-2 align-top">{r.subUnitName ?? <span className="text-slate-400">—</span>}</td>
                  <td className="px-3 py-2 align-top">
                    {canEdit ? (
                      <select
                        aria-label={`Danh hiệu đăng ký của ${r.fullName}`}
                        value={title}
                        onChange={(e) => setSelected((prev) => ({ ...prev, [r.id]: e.target.value }))}
                        className={selectClass}
                      >
                        <option value="">— Chưa đăng ký —</option>
                        {titles.map((t) => (
                          <option key={t.code} value={t.code} title={t.name}>
                            {t.shortName}
                          </option>
                        ))}
                        {title && !labelOf.has(title) && <option value={title}>{title} (ngừng áp dụng)</option>}
                      </select>
                    ) : title ? (
                      <span className="font-medium">{labelOf.get(title) ?? title}</span>
                    ) : (
                      <span className="text-slate-400">Chưa đăng ký</span>
                    )}
                    {changed && <span className="ml-2 text-xs text-amber-800">(chưa lưu)</span>}
                  </td>
                  <td className="px-3 py-2 align-top">
                    {result ? (
                      <>
                        <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[result.status]}`}>{STATUS_TEXT[result.status]}</span>
                        {overQuota && <span className="ml-1 inline-block rounded bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800">Vượt chỉ tiêu CSTĐCS</span>}
                        <ReasonList reasons={result.reasons} onlyFailed />
                        <details className="mt-1 text-xs text-slate-600">
                          <summary className="cursor-pointer">Chi tiết điều kiện</summary>
                          <ReasonList reasons={result.reasons} />
                        </details>
                      </>
                    ) : null}
                    <p className="mt-1 text-xs text-slate-500">
                      {highestLabel ? `Cao nhất có thể đăng ký: ${highestLabel}` : "Không có danh hiệu nào đủ điều kiện"}
                    </p>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {canEdit && (
        <div className="no-print flex flex-wrap items-start justify-between gap-4">
          <ActionForm action={saveOfficerRegistrationsAction} aria-label="Lưu đăng ký cán bộ" className="flex-1">
            <input type="hidden" name="emulationYearId" value={props.yearId} />
            <input type="hidden" name="rows" value={JSON.stringify(changes.map((r) => ({ officerId: r.id, titleCode: selected[r.id] ?? "", was: saved[r.id] ?? "" })))} />
            <div className="flex flex-wrap items-center gap-2">
              {dirty ? <SubmitButton>Lưu nháp ({changes.length} thay đổi)</SubmitButton> : (
                <button type="button" disabled className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white opacity-50">
                  Lưu nháp
                </button>
              )}
              <button type="button" className={buttonClass} disabled={!dirty} onClick={() => setSelected(saved)}>
                Hoàn tác thay đổi
              </button>
              {dirty && <span className="text-sm text-amber-800">Có {changes.length} thay đổi chưa lưu; hãy lưu trước khi chuyển trang.</span>}
            </div>
          </ActionForm>
          <ActionForm action={submitUnitRegistrationAction} aria-label="Gửi đăng ký của đơn vị">
            <input type="hidden" name="emulationYearId" value={props.yearId} />
            {submitBlockers.length === 0 ? (
              <SubmitButton
                confirm={`Gửi đăng ký thi đua năm ${year} của đơn vị (${liveCst}/${unitCounts.officers} cán bộ)? Sau khi gửi, đơn vị không sửa được nữa cho đến khi Thư ký cụm mở lại.`}
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
      )}
    </div>
  );
}

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
