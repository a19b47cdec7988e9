// Whether an item may enter a dossier (docs/domain.md §3, §9). Each refusal names its rule. The rules
// are the eligibility engine's (src/domain/eligibility: the title's reasons, the flag allocation, the
// CSTĐCS quota) applied to what the dossier would hold with the item; nothing is re-derived here.
import {
  checkFlagAllocation,
  checkQuota,
  countQuotaTitles,
  titleLabel,
  type CollectiveTitle,
  type EligibilitySettings,
  type QuotaCheck,
  type RuleSet,
  type TitleResult,
} from "../eligibility";
import { COMMENDATION_FORMS, isFlag, type CommendationForm, type DossierOfficerTitle } from "./catalogue";

export const ADMISSIBILITY_RULES = {
  ONE_TITLE: "Mỗi thành tích chỉ đề nghị một danh hiệu",
  DUPLICATE: "Đã có trong hồ sơ",
  NOT_ACCLAIMED: "Chưa được hội nghị suy tôn",
  NOT_ELIGIBLE: "Chưa đủ điều kiện",
  FLAG_ALLOWANCE: "Vượt số cờ thi đua của năm",
  QUOTA: "Vượt tỷ lệ Chiến sĩ thi đua cơ sở",
  DISCIPLINE: "Đang bị xem xét kỷ luật hoặc chịu kỷ luật",
  NOT_PROPOSABLE: "Hình thức không đề nghị qua hồ sơ",
} as const;
export type AdmissibilityRule = keyof typeof ADMISSIBILITY_RULES;

export type Refusal = { rule: AdmissibilityRule; message: string };

const refusal = (rule: AdmissibilityRule, detail: string): Refusal => ({ rule, message: `${ADMISSIBILITY_RULES[rule]}: ${detail}` });

const failing = (result: TitleResult) =>
  result.reasons
    .filter((r) => !r.ok)
    .map((r) => r.message)
    .join(" ");

/** An item of the dossier as the rules see it. */
export type HeldUnitTitle = { unitId: string; unitName: string; title: CollectiveTitle };

/**
 * A collective title for a unit: one title per unit, acclaimed for that title in a closed round of the
 * conference, eligible (the engine's RESULTS stage), and for a flag within the year's allowance
 * counting the flags already in the dossier (or already awarded to other units that year).
 */
export function unitTitleRefusal(input: {
  unitId: string;
  unitName: string;
  title: CollectiveTitle;
  /** The unit was elected in a closed acclaim round for this title. */
  acclaimed: boolean;
  eligibility: TitleResult;
  /** Collective titles already held in the dossier (proposed) or awarded for the year. */
  held: readonly HeldUnitTitle[];
  settings: Pick<EligibilitySettings, "ministryFlagsPerCluster" | "extraMinistryFlags">;
}): Refusal | null {
  const own = input.held.find((h) => h.unitId === input.unitId);
  if (own) return refusal("ONE_TITLE", `${input.unitName} đã được đề nghị ${titleLabel(own.title)} trong năm.`);
  if (!input.acclaimed) {
    return refusal("NOT_ACCLAIMED", `${input.unitName} chưa được suy tôn ${titleLabel(input.title)} trong một vòng bỏ phiếu đã kết thúc của hội nghị tổng kết.`);
  }
  if (input.eligibility.status !== "ELIGIBLE") return refusal("NOT_ELIGIBLE", `${input.unitName} — ${titleLabel(input.title)}. ${failing(input.eligibility)}`);
  if (isFlag(input.title)) {
    const flags = [...input.held, { unitId: input.unitId, unitName: input.unitName, title: input.title }]
      .filter((h) => isFlag(h.title))
      .map((h) => ({ unitId: h.unitId, unitName: h.unitName, title: h.title as "CO_BCA" | "CO_CP" }));
    const allocation = checkFlagAllocation(flags, input.settings);
    if (!allocation.ok) return refusal("FLAG_ALLOWANCE", allocation.issues.join(" "));
  }
  return null;
}

/**
 * The unit's CSTĐCS quota with the proposals counted: each officer's title is the one awarded for the
 * year, or the proposed one where it is higher (CSTĐ CAND and CSTĐ toàn quốc need the CSTĐCS standard
 * the same year, so they use a CSTĐCS place). The one counter is countQuotaTitles.
 */
export function quotaWithProposals(
  awarded: readonly { officerId: string; titleCode: string | null }[],
  proposed: readonly { officerId: string; titleCode: string }[],
  settings: Pick<EligibilitySettings, "cstdcsQuotaPercent">,
  rules?: Pick<RuleSet, "CSTDCS">,
): QuotaCheck {
  const titles = new Map<string, string | null>(awarded.map((a) => [a.officerId, a.titleCode]));
  for (const p of proposed) titles.set(p.officerId, p.titleCode);
  return checkQuota(countQuotaTitles([...titles.values()].map((titleCode) => ({ titleCode }))), settings, rules);
}

/**
 * An individual title for an officer: one title per officer, eligible at the RESULTS stage, and the
 * unit's CSTĐCS quota not exceeded with this proposal counted.
 */
export function officerTitleRefusal(input: {
  officerName: string;
  title: DossierOfficerTitle;
  /** A title of the officer already in the dossier. */
  heldTitle: string | null;
  eligibility: TitleResult;
  quota: QuotaCheck;
}): Refusal | null {
  if (input.heldTitle) return refusal("ONE_TITLE", `${input.officerName} đã được đề nghị ${titleLabel(input.heldTitle as DossierOfficerTitle)} trong năm.`);
  if (input.eligibility.status !== "ELIGIBLE") return refusal("NOT_ELIGIBLE", `${input.officerName} — ${titleLabel(input.title)}. ${failing(input.eligibility)}`);
  if (input.quota.verdict === "OVER") return refusal("QUOTA", input.quota.message);
  return null;
}

/**
 * A commendation proposed through the dossier: a form the Ministry decides, not twice for the same
 * subject, and for an officer no pending or in-force discipline that year (the engine's CST reason).
 */
export function commendationRefusal(input: { subjectName: string; form: CommendationForm; duplicate: boolean; disciplineReason: string | null }): Refusal | null {
  const form = COMMENDATION_FORMS[input.form];
  if (!form.inDossier) return refusal("NOT_PROPOSABLE", `${form.label} do thủ trưởng đơn vị quyết định; ghi vào sổ khen thưởng, không đề nghị Bộ.`);
  if (input.duplicate) return refusal("DUPLICATE", `${input.subjectName} đã được đề nghị ${form.label}.`);
  if (input.disciplineReason) return refusal("DISCIPLINE", `${input.subjectName}. ${input.disciplineReason}`);
  return null;
}
