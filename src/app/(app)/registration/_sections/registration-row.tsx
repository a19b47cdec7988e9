"use client";
import { useEffect, useRef, useState } from "react";
import { explainTitle, individualLevel, type IndividualTitle, type OfficerFacts, type TitleResult } from "@/domain/eligibility";
import type { TableRow, TitleChoice } from "../officer-table";
import { ReasonList, selectClass, STATUS_TEXT, STATUS_TONE } from "./eligibility-display";

/** One officer: the title chosen on screen (saved or not) and the engine's verdict on it. */
export function RegistrationRow({
  row: r,
  facts: f,
  title,
  savedTitle,
  over,
  canEdit,
  checked,
  onToggle,
  onSelect,
  titles,
  labelOf,
}: {
  row: TableRow;
  facts: OfficerFacts;
  title: IndividualTitle | "";
  savedTitle: string;
  /** The unit is over its CSTĐCS quota on screen. */
  over: boolean;
  canEdit: boolean;
  checked: boolean;
  onToggle: () => void;
  onSelect: (title: string) => void;
  titles: TitleChoice[];
  labelOf: Map<string, string>;
}) {
  const changed = title !== savedTitle;
  // The full list of conditions is rendered when its <details> is opened, not for every row of the page
  // up front (half of each row's HTML; docs/performance.md). Opened before hydration: shown on mount.
  const details = useRef<HTMLDetailsElement>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  useEffect(() => {
    if (details.current?.open) setDetailsOpen(true);
  }, []);
  const result: TitleResult<IndividualTitle> | null = title ? explainTitle(f, title) : null;
  const overQuota = over && title !== "" && individualLevel(title) >= 2;
  const highest = [...f.statuses].map((s, i) => (s === "ELIGIBLE" ? i : -1)).filter((i) => i >= 0).at(-1);
  const highestLabel = highest === undefined ? null : (["CST", "CSTĐCS", "CSTĐ CAND", "CSTĐ toàn quốc"] as const)[highest];
  return (
    <tr className={overQuota ? "bg-red-50" : changed ? "bg-amber-50" : undefined} data-testid={`row-${r.code}`}>
      {canEdit && (
        <td className="no-print px-3 py-2 align-top">
          <input type="checkbox" className="size-4 accent-brand-600" aria-label={`Chọn ${r.fullName}`} checked={checked} onChange={onToggle} />
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
            onChange={(e) => onSelect(e.target.value)}
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
            <details ref={details} className="mt-1 text-xs text-slate-600" onToggle={(e) => setDetailsOpen(e.currentTarget.open)}>
              <summary className="cursor-pointer">Chi tiết điều kiện</summary>
              {detailsOpen && <ReasonList reasons={result.reasons} />}
            </details>
          </>
        ) : null}
        <p className="mt-1 text-xs text-slate-500">
          {highestLabel ? `Cao nhất có thể đăng ký: ${highestLabel}` : "Không có danh hiệu nào đủ điều kiện"}
        </p>
      </td>
    </tr>
  );
}
