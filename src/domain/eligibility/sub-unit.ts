// Sub-units' collective titles (docs/domain.md §3 "Sub-units"). A member unit's sub-units (phòng, đội,
// đồn, trung đoàn) may receive Đơn vị tiên tiến and Đơn vị Quyết thắng; the flags are the cluster's
// acclaim of its member units and are never a sub-unit's.
// - Prerequisites: the collective rules of collective.ts (evaluateUnit: the CST share, no member with
//   discipline of "Cảnh cáo" or above, and for Quyết thắng 100% completing, the "tốt" share, one
//   CSTĐCS), computed over the sub-unit's own officers — at REGISTRATION their registered titles, at
//   RESULTS their awarded ones, as for a member unit.
// - The member unit's quota: at most subUnitDeterminedQuotaPercent% (default 50%) of its active
//   sub-units, rounded down, Đơn vị Quyết thắng in a year, counting what is registered (at
//   registration) or awarded (at results), the one being saved included. Đơn vị tiên tiến has no quota.
// - One achievement, one title: one collective title per sub-unit and year (one row per sub-unit-year).
// Sub-unit titles count nowhere else: not in the CSTĐCS quota (officers' titles), not in the cluster's
// flag allocation, not in the member unit's own collective title.
import { evaluateUnit } from "./collective";
import type { RuleSet } from "./rule-set";
import { shippedRules } from "./shipped-rules";
import { formatPercent, highestEligible, titleLabel } from "./common";
import { percentAllowance } from "./quota";
import {
  RESULTS,
  type AllowanceVerdict,
  type CollectiveTitle,
  type EligibilitySettings,
  type EvaluationStage,
  type MemberYearFacts,
  type TitleResult,
  type UnitMemberSummary,
} from "./types";

/** The collective titles a sub-unit may have, lowest first. */
export const SUB_UNIT_TITLES = ["DV_TIEN_TIEN", "DV_QUYET_THANG"] as const satisfies readonly CollectiveTitle[];
export type SubUnitTitle = (typeof SUB_UNIT_TITLES)[number];

export const isSubUnitTitle = (code: string | null | undefined): code is SubUnitTitle => (SUB_UNIT_TITLES as readonly string[]).includes(code ?? "");

/** The title that uses a place of the member unit's quota. */
export const SUB_UNIT_QUOTA_TITLE: SubUnitTitle = "DV_QUYET_THANG";

export type SubUnitQuotaSettings = { subUnitDeterminedQuotaPercent: number };

/** Why `code` cannot be a sub-unit's title (Vietnamese), or null when it can. */
export function subUnitTitleRefusal(code: string): string | null {
  if (isSubUnitTitle(code)) return null;
  const allowed = SUB_UNIT_TITLES.map((t) => `“${titleLabel(t)}”`).join(" hoặc ");
  return `Đơn vị trực thuộc chỉ được đăng ký, công nhận danh hiệu ${allowed}; cờ thi đua do Cụm suy tôn cho đơn vị thành viên.`;
}

export type SubUnitEvaluation = {
  subUnitId: string;
  year: number;
  stage: EvaluationStage["stage"];
  results: TitleResult<SubUnitTitle>[];
  highestEligible: SubUnitTitle | null;
};

/** The sub-unit titles for the sub-unit and `year`, lowest first, each with its reasons (collective.ts's rules). */
export function evaluateSubUnit(
  subUnit: { subUnitId: string; members: UnitMemberSummary | readonly MemberYearFacts[] },
  year: number,
  settings: EligibilitySettings,
  stage: EvaluationStage = RESULTS,
  rules: RuleSet = shippedRules(year),
): SubUnitEvaluation {
  const unit = evaluateUnit({ unitId: subUnit.subUnitId, members: subUnit.members }, year, settings, stage, rules);
  const results = unit.results.filter((r): r is TitleResult<SubUnitTitle> => isSubUnitTitle(r.title));
  return { subUnitId: subUnit.subUnitId, year, stage: stage.stage, results, highestEligible: highestEligible(results) };
}

export function subUnitResultFor(evaluation: SubUnitEvaluation, title: SubUnitTitle): TitleResult<SubUnitTitle> {
  return evaluation.results.find((r) => r.title === title)!;
}

export type SubUnitQuotaCheck = {
  verdict: AllowanceVerdict;
  /** The member unit's active sub-units (the base). */
  subUnitCount: number;
  /** Sub-units registered (or awarded) Đơn vị Quyết thắng. */
  determinedCount: number;
  percent: number;
  /** floor(percent% × subUnitCount). */
  allowed: number;
  /** allowed − determinedCount; negative when over. */
  remaining: number;
  message: string;
};

/** The member unit's sub-units' Đơn vị Quyết thắng against its quota (see the header). */
export function checkSubUnitQuota(
  counts: { subUnitCount: number; determinedCount: number },
  settings: SubUnitQuotaSettings,
  verb = "đã đăng ký",
): SubUnitQuotaCheck {
  const { subUnitCount, determinedCount } = counts;
  const percent = settings.subUnitDeterminedQuotaPercent;
  const { allowed, remaining, verdict } = percentAllowance(subUnitCount, percent, determinedCount);
  const head = `${subUnitCount} đơn vị trực thuộc: được tối đa ${allowed} ${titleLabel(SUB_UNIT_QUOTA_TITLE)} (${formatPercent(percent)} số đơn vị trực thuộc, làm tròn xuống)`;
  const tail = verdict === "OVER" ? `, vượt ${-remaining}.` : verdict === "AT" ? ", vừa đủ chỉ tiêu." : `, còn ${remaining}.`;
  return { verdict, subUnitCount, determinedCount, percent, allowed, remaining, message: `${head}; ${verb} ${determinedCount}${tail}` };
}

/**
 * Whether saving `next` in place of `previous` for one sub-unit keeps the member unit within its quota:
 * `othersDetermined` counts the other sub-units' Quyết thắng. A unit already over may still save what
 * does not make it worse (lowering or keeping a title).
 */
export function subUnitQuotaAfter(
  args: { subUnitCount: number; othersDetermined: number; previous: string | null; next: string | null },
  settings: SubUnitQuotaSettings,
  verb?: string,
): { ok: boolean; check: SubUnitQuotaCheck } {
  const uses = (code: string | null) => (code === SUB_UNIT_QUOTA_TITLE ? 1 : 0);
  const check = checkSubUnitQuota({ subUnitCount: args.subUnitCount, determinedCount: args.othersDetermined + uses(args.next) }, settings, verb);
  const ok = check.verdict !== "OVER" || uses(args.next) <= uses(args.previous);
  return { ok, check };
}
