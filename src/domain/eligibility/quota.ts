// The CSTĐCS quota (DOMAIN.md §3): at most cstdcsQuotaPercent% (default 15%) of the unit's CST,
// rounded down. It counts what is REGISTERED (or proposed), not only what was awarded, so a unit sees
// the warning while it types. Every officer registered for CSTĐCS or higher (CSTĐ CAND and CSTĐ toàn
// quốc require the CSTĐCS standard the same year) uses one place; everyone registered for any
// individual title counts in the CST base (a CSTĐCS is also a CST).
import { EligibilityInputError, type AllowanceVerdict, type EligibilitySettings, type IndividualTitle } from "./types";
import { formatPercent, individualLevel } from "./common";

export type QuotaCounts = { cstCount: number; cstdcsCount: number };

export type QuotaCheck = {
  verdict: AllowanceVerdict;
  /** The CST base. */
  cstCount: number;
  /** CSTĐCS (or higher) registered. */
  cstdcsCount: number;
  percent: number;
  /** floor(percent% × cstCount). */
  allowed: number;
  /** allowed − cstdcsCount; negative when over. */
  remaining: number;
  message: string;
};

/**
 * floor(percent% × cst), computed as cst × percent / 100 (exact for whole percents). The small epsilon
 * keeps a setting with decimals from losing a place to rounding (3000 × 33.3 / 100 is 998.9999999999999
 * in floating point, which would floor to 998 instead of 999).
 */
export function cstdcsAllowed(cstCount: number, percent: number): number {
  return Math.floor((cstCount * percent) / 100 + 1e-9);
}

/**
 * Checks a unit's CSTĐCS registrations against the quota. `registrations` is either the list of
 * individual titles registered in the unit (one per officer) or the counts themselves (e.g. the CST
 * base taken from awarded titles).
 */
export function checkQuota(
  registrations: readonly { title: IndividualTitle }[] | QuotaCounts,
  settings: Pick<EligibilitySettings, "cstdcsQuotaPercent">,
): QuotaCheck {
  let cstCount: number;
  let cstdcsCount: number;
  if (Array.isArray(registrations)) {
    cstCount = 0;
    cstdcsCount = 0;
    for (const { title } of registrations as readonly { title: IndividualTitle }[]) {
      const level = individualLevel(title);
      if (level === 0) throw new EligibilityInputError(`Danh hiệu cá nhân không hợp lệ: ${String(title)}.`);
      cstCount++;
      if (level >= 2) cstdcsCount++;
    }
  } else {
    ({ cstCount, cstdcsCount } = registrations as QuotaCounts);
    for (const n of [cstCount, cstdcsCount]) {
      if (!Number.isInteger(n) || n < 0) throw new EligibilityInputError(`Số lượng không hợp lệ: ${String(n)}.`);
    }
  }
  const percent = settings.cstdcsQuotaPercent;
  const allowed = cstdcsAllowed(cstCount, percent);
  const remaining = allowed - cstdcsCount;
  const verdict: AllowanceVerdict = remaining > 0 ? "UNDER" : remaining === 0 ? "AT" : "OVER";
  const head = `${cstCount} CST: được tối đa ${allowed} CSTĐCS (${formatPercent(percent)} số CST, làm tròn xuống)`;
  const message =
    verdict === "OVER"
      ? `${head}; đã đăng ký ${cstdcsCount}, vượt ${-remaining}.`
      : verdict === "AT"
        ? `${head}; đã đăng ký ${cstdcsCount}, vừa đủ chỉ tiêu.`
        : `${head}; đã đăng ký ${cstdcsCount}, còn ${remaining}.`;
  return { verdict, cstCount, cstdcsCount, percent, allowed, remaining, message };
}
