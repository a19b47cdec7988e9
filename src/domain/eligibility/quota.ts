// The CSTĐCS quota (docs/domain.md §3): at most cstdcsQuotaPercent% (default 15%) of the unit's CST,
// rounded down. It counts what is REGISTERED (or proposed), not only what was awarded, so a unit sees
// the warning while it types. Every officer registered for CSTĐCS or higher (CSTĐ CAND and CSTĐ toàn
// quốc require the CSTĐCS standard the same year) uses one place; everyone registered for any
// individual title counts in the CST base (a CSTĐCS is also a CST).
import { EligibilityInputError, type AllowanceVerdict, type EligibilitySettings, type IndividualTitle } from "./types";
import { formatPercent, individualLevel } from "./common";
import { QUOTA_ROUNDINGS, type QuotaRounding, type RuleSet } from "./rule-set";

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
  /** The CSTĐCS rule's legal basis, when the caller gave the rules in force. */
  basis?: string;
};

/**
 * The quota's two counts from titles held or registered, `n` officers per code: every individual
 * title counts in the CST base, CSTĐCS and above also use a CSTĐCS place. Anything else (no title, a
 * collective code) counts nowhere. The one place this count is made.
 */
export function countQuotaTitles(groups: Iterable<{ titleCode: string | null | undefined; n?: number }>): QuotaCounts {
  let cstCount = 0;
  let cstdcsCount = 0;
  for (const { titleCode, n = 1 } of groups) {
    const level = titleCode ? individualLevel(titleCode as IndividualTitle) : 0;
    if (level === 0) continue;
    cstCount += n;
    if (level >= 2) cstdcsCount += n;
  }
  return { cstCount, cstdcsCount };
}

/**
 * floor(percent% × cst), computed as cst × percent / 100 (exact for whole percents). The small epsilon
 * keeps a setting with decimals from losing a place to rounding (3000 × 33.3 / 100 is 998.9999999999999
 * in floating point, which would floor to 998 instead of 999). A rule version may round otherwise
 * (the CSTĐCS rule's quotaRounding; floor is the shipped one).
 */
export function cstdcsAllowed(cstCount: number, percent: number, rounding: QuotaRounding = "FLOOR"): number {
  const exact = (cstCount * percent) / 100;
  if (rounding === "CEIL") return Math.ceil(exact - 1e-9);
  if (rounding === "ROUND") return Math.round(exact + 1e-9);
  return Math.floor(exact + 1e-9);
}

/**
 * An allowance of floor(percent% × base) places of which `used` are taken: what is left and the verdict.
 * The CSTĐCS quota and the member unit's quota of its sub-units' Đơn vị Quyết thắng (sub-unit.ts). The
 * CSTĐCS rule version may round otherwise (`rounding`).
 */
export function percentAllowance(
  base: number,
  percent: number,
  used: number,
  rounding: QuotaRounding = "FLOOR",
): { allowed: number; remaining: number; verdict: AllowanceVerdict } {
  for (const n of [base, used]) {
    if (!Number.isInteger(n) || n < 0) throw new EligibilityInputError(`Số lượng không hợp lệ: ${String(n)}.`);
  }
  const allowed = cstdcsAllowed(base, percent, rounding);
  const remaining = allowed - used;
  return { allowed, remaining, verdict: remaining > 0 ? "UNDER" : remaining === 0 ? "AT" : "OVER" };
}

/**
 * Checks a unit's CSTĐCS registrations against the quota. `registrations` is either the list of
 * individual titles registered in the unit (one per officer) or the counts themselves (e.g. the CST
 * base taken from awarded titles).
 */
export function checkQuota(
  registrations: readonly { title: IndividualTitle }[] | QuotaCounts,
  settings: Pick<EligibilitySettings, "cstdcsQuotaPercent">,
  rules?: Pick<RuleSet, "CSTDCS">,
): QuotaCheck {
  let cstCount: number;
  let cstdcsCount: number;
  if (Array.isArray(registrations)) {
    const list = registrations as readonly { title: IndividualTitle }[];
    const invalid = list.find(({ title }) => individualLevel(title) === 0);
    if (invalid) throw new EligibilityInputError(`Danh hiệu cá nhân không hợp lệ: ${String(invalid.title)}.`);
    ({ cstCount, cstdcsCount } = countQuotaTitles(list.map(({ title }) => ({ titleCode: title }))));
  } else {
    ({ cstCount, cstdcsCount } = registrations as QuotaCounts);
  }
  const percent = settings.cstdcsQuotaPercent;
  const rounding = rules?.CSTDCS.params.quotaRounding ?? "FLOOR";
  const { allowed, remaining, verdict } = percentAllowance(cstCount, percent, cstdcsCount, rounding);
  const head = `${cstCount} CST: được tối đa ${allowed} CSTĐCS (${formatPercent(percent)} số CST, ${QUOTA_ROUNDINGS[rounding].toLowerCase()})`;
  const message =
    verdict === "OVER"
      ? `${head}; đã đăng ký ${cstdcsCount}, vượt ${-remaining}.`
      : verdict === "AT"
        ? `${head}; đã đăng ký ${cstdcsCount}, vừa đủ chỉ tiêu.`
        : `${head}; đã đăng ký ${cstdcsCount}, còn ${remaining}.`;
  const check: QuotaCheck = { verdict, cstCount, cstdcsCount, percent, allowed, remaining, message };
  if (rules) check.basis = rules.CSTDCS.legal.citation;
  return check;
}
