// How the registration forms show the engine's verdict and reasons, and their shared control styles.
import type { EligibilityStatus, Reason } from "@/domain/eligibility";

export const STATUS_TEXT: Record<EligibilityStatus, string> = {
  ELIGIBLE: "Đủ điều kiện",
  NOT_YET: "Chưa đủ điều kiện",
  BLOCKED: "Không được xét",
};
export const STATUS_TONE: Record<EligibilityStatus, string> = {
  ELIGIBLE: "bg-green-100 text-green-800",
  NOT_YET: "bg-amber-100 text-amber-800",
  BLOCKED: "bg-red-100 text-red-800",
};

export const selectClass =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 disabled:bg-slate-100";
export const buttonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";

export function ReasonList({ reasons, onlyFailed }: { reasons: readonly Reason[]; onlyFailed?: boolean }) {
  const shown = onlyFailed ? reasons.filter((r) => !r.ok) : reasons;
  if (shown.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs">
      {shown.map((r, i) => (
        <li key={i} className={r.ok ? "text-slate-600" : "text-red-700"}>
          <span aria-hidden>{r.ok ? (r.assumed ? "◦ " : "✓ ") : "✗ "}</span>
          <span className="sr-only">{r.ok ? (r.assumed ? "Mục tiêu: " : "Đạt: ") : "Chưa đạt: "}</span>
          {r.message}
          {r.basis && <span className="block pl-4 text-slate-500">Căn cứ: {r.basis}</span>}
        </li>
      ))}
    </ul>
  );
}
