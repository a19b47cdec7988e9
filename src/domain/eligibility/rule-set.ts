// Title rules as versioned data (docs/domain.md §3 "Rules as versioned data", §10 "Legal basis").
//
// A rule version gives one title its parameters — what the engine reads for that title — for a range of
// years (firstYear … lastYear, lastYear open when null), with the legal reference it rests on. The
// engine evaluates year Y under the RuleSet in force in Y: one version per built-in title, picked by
// `ruleSetForYear` (pure; the store loads the stored versions once per request). A title with no stored
// version in force for Y falls back to the shipped version in force for Y (the same versions the
// migration `title_rule_versions` seeds), so the engine always has a complete set.
//
// Parameters are per rule shape: each built-in title (CST … CO_CP) is a shape, and a title the admin
// adds names the shape it follows. Percentages a cluster sets for itself (the CSTĐCS quota percent, the
// unit shares, the Ministry flags) stay year settings (year-settings.ts); the rule fixes what the law
// fixes: ratings, initiative levels, streak length, discipline thresholds, rounding, the Government flag.
import { z } from "zod";
import {
  DISCIPLINE_FORMS,
  INITIATIVE_LEVELS,
  type DisciplineForm,
  type InitiativeLevel,
  type RuleCode,
  type TaskRating,
  type TitleCode,
} from "./types";
import { TASK_RATINGS } from "../title-catalogue";

/** The shapes a title's rules can take: the built-in titles. */
export const RULE_SHAPES = ["CST", "CSTDCS", "CSTD_CAND", "CSTD_TQ", "DV_TIEN_TIEN", "DV_QUYET_THANG", "CO_BCA", "CO_CP"] as const satisfies readonly TitleCode[];
export type RuleShape = (typeof RULE_SHAPES)[number];
export const isRuleShape = (v: unknown): v is RuleShape => typeof v === "string" && (RULE_SHAPES as readonly string[]).includes(v);

export const QUOTA_ROUNDINGS = { FLOOR: "Làm tròn xuống", ROUND: "Làm tròn gần nhất", CEIL: "Làm tròn lên" } as const;
export type QuotaRounding = keyof typeof QUOTA_ROUNDINGS;

const rating = z.enum(Object.keys(TASK_RATINGS) as [TaskRating, ...TaskRating[]]);
const form = z.enum(Object.keys(DISCIPLINE_FORMS) as [DisciplineForm, ...DisciplineForm[]]);
const level = z.enum(Object.keys(INITIATIVE_LEVELS) as [InitiativeLevel, ...InitiativeLevel[]]);
const count = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * The longest CSTĐ CAND streak a version may set: the history loaders read Y-5…Y (HISTORY_YEARS in
 * src/server/store/eligibility-data.ts), two cycles of at most three years.
 */
export const MAX_STREAK_YEARS = 3;

/**
 * Each shape's parameters, as the engine reads them (and as stored in TitleRuleVersion.params). Built on
 * first use, not when the module loads: the registration table imports this module in the browser, and
 * zod probes `new Function` when it builds an object schema, which the page's CSP reports as a violation.
 */
const buildParamSchemas = () => ({
  /** Rating of the year at least minRating; any discipline from disciplineFrom up blocks every individual title. */
  CST: z.strictObject({ minRating: rating, disciplineFrom: form }),
  /** An initiative of at least initiativeLevel recognised in the year; the unit quota rounded by quotaRounding. */
  CSTDCS: z.strictObject({ initiativeLevel: level, quotaRounding: z.enum(Object.keys(QUOTA_ROUNDINGS) as [QuotaRounding, ...QuotaRounding[]]) }),
  /** streakYears consecutive CSTĐCS years (the cycle) and an initiative of at least initiativeLevel in the cycle. */
  CSTD_CAND: z.strictObject({ streakYears: count(2, MAX_STREAK_YEARS), initiativeLevel: level }),
  /** Two back-to-back CSTĐ CAND cycles and an initiative of at least initiativeLevel within them. */
  CSTD_TQ: z.strictObject({ initiativeLevel: level }),
  /** Members' discipline from disciplineFrom up blocks the unit's titles. */
  DV_TIEN_TIEN: z.strictObject({ disciplineFrom: form }),
  /** At least minCstdcsMembers members with CSTĐCS or higher. */
  DV_QUYET_THANG: z.strictObject({ minCstdcsMembers: count(0, 1000) }),
  CO_BCA: z.strictObject({}),
  /** At most maxPerCluster Government flags per cluster-year. */
  CO_CP: z.strictObject({ maxPerCluster: count(0, 10) }),
}) satisfies Record<RuleShape, z.ZodType>;
let paramSchemas: ReturnType<typeof buildParamSchemas> | undefined;
export const ruleParamSchemas = () => (paramSchemas ??= buildParamSchemas());

export type RuleParams = { [S in RuleShape]: z.infer<ReturnType<typeof buildParamSchemas>[S]> };

/** A rule version's legal reference: the texts, the article, and what is shown ("citation"). */
export type LegalReference = {
  law: string | null;
  decree: string | null;
  circular: string | null;
  article: string | null;
  /** Shown beside every reason the title's rules give. */
  citation: string;
};

/** The display string made from the structured fields: "Điều 25, Luật …; Nghị định …; Thông tư …". */
export function composeCitation(ref: Omit<LegalReference, "citation">): string {
  const law = ref.article && ref.law ? `${ref.article}, ${ref.law}` : (ref.law ?? ref.article);
  return [law, ref.decree, ref.circular].filter((p): p is string => !!p && p.trim() !== "").join("; ");
}

export type TitleRule<S extends RuleShape = RuleShape> = {
  params: RuleParams[S];
  legal: LegalReference;
  firstYear: number;
  lastYear: number | null;
  /** The stored version's id; absent for the shipped fallback. */
  versionId?: string;
};

/** The rules in force for one year: one rule per built-in title. */
export type RuleSet = { [S in RuleShape]: TitleRule<S> };

/** A stored (or shipped) version, as loaded: params still unchecked JSON. */
export type RuleVersion = {
  id?: string;
  titleCode: string;
  shape: RuleShape;
  firstYear: number;
  lastYear: number | null;
  params: unknown;
  legal: LegalReference;
};

export const inForce = (v: { firstYear: number; lastYear: number | null }, year: number) =>
  v.firstYear <= year && (v.lastYear === null || year <= v.lastYear);

/** Two year ranges share a year. */
export const rangesOverlap = (a: { firstYear: number; lastYear: number | null }, b: { firstYear: number; lastYear: number | null }) =>
  a.firstYear <= (b.lastYear ?? Infinity) && b.firstYear <= (a.lastYear ?? Infinity);

export const yearsLabel = (v: { firstYear: number; lastYear: number | null }) =>
  v.lastYear === null ? `từ năm ${v.firstYear}` : v.firstYear === v.lastYear ? `năm ${v.firstYear}` : `${v.firstYear}–${v.lastYear}`;

/**
 * Why a version's years cannot be saved for its title, or null: the range must be well formed and must
 * not share a year with another version of the same title (`others`: the title's versions, the one being
 * edited left out by id).
 */
export function versionYearsProblem(
  candidate: { id?: string; firstYear: number; lastYear: number | null },
  others: readonly { id?: string; firstYear: number; lastYear: number | null }[],
): string | null {
  if (candidate.lastYear !== null && candidate.lastYear < candidate.firstYear) {
    return `Năm cuối (${candidate.lastYear}) trước năm đầu (${candidate.firstYear}).`;
  }
  const clash = others
    .filter((o) => o.id === undefined || o.id !== candidate.id)
    .filter((o) => rangesOverlap(o, candidate))
    .sort((a, b) => a.firstYear - b.firstYear)[0];
  return clash
    ? `Trùng năm áp dụng với phiên bản ${yearsLabel(clash)} của cùng danh hiệu; mỗi năm chỉ có một phiên bản quy tắc. Hãy sửa năm cuối của phiên bản đó trước.`
    : null;
}

/** The shape's parameters, checked; null when the stored JSON does not fit the shape. */
export function parseRuleParams<S extends RuleShape>(shape: S, params: unknown): RuleParams[S] | null {
  const parsed = ruleParamSchemas()[shape].safeParse(params);
  return parsed.success ? (parsed.data as RuleParams[S]) : null;
}

/** Which title's version a reason rests on (the title that introduces the rule on the ladder). */
export const RULE_TITLE: Record<RuleCode, RuleShape> = {
  RATING: "CST",
  NO_DISCIPLINE: "CST",
  CSTDCS_INITIATIVE: "CSTDCS",
  CSTDCS_STREAK: "CSTD_CAND",
  CSTD_CAND_CYCLE: "CSTD_CAND",
  MINISTRY_INITIATIVE: "CSTD_CAND",
  CSTD_CAND_TWICE: "CSTD_TQ",
  NATIONAL_INITIATIVE: "CSTD_TQ",
  CST_SHARE: "DV_TIEN_TIEN",
  NO_SERIOUS_DISCIPLINE: "DV_TIEN_TIEN",
  ALL_COMPLETE: "DV_QUYET_THANG",
  GOOD_SHARE: "DV_QUYET_THANG",
  HAS_CSTDCS: "DV_QUYET_THANG",
  ACCLAIMED: "CO_BCA",
  MINISTRY_FLAG_ALLOCATION: "CO_BCA",
  MINISTRY_FLAG_STANDARD: "CO_CP",
  LEADS_CLUSTER: "CO_CP",
};

/** The citation shown with a reason of `rule`. */
export const citationOf = (rules: RuleSet, rule: RuleCode): string => rules[RULE_TITLE[rule]].legal.citation;

/** Sets each reason's legal basis from the rule set (reasons are fresh objects of one evaluation). */
export function citeReasons<R extends { rule: RuleCode; basis?: string }>(reasons: readonly R[], rules: RuleSet): void {
  for (const reason of reasons) reason.basis ??= citationOf(rules, reason.rule);
}

/** `typed`: params the code itself typed (the shipped versions), used as they are — no zod parse, which in
 * the browser (the registration table explains titles client-side) would probe `new Function` and break the CSP. */
function ruleOf<S extends RuleShape>(shape: S, v: RuleVersion, typed = false): TitleRule<S> | null {
  const params = typed ? (v.params as RuleParams[S]) : parseRuleParams(shape, v.params);
  if (!params) return null;
  return { params, legal: v.legal, firstYear: v.firstYear, lastYear: v.lastYear, ...(v.id ? { versionId: v.id } : {}) };
}

/**
 * The rules in force in `year`: for each built-in title, its version whose years contain `year` (among
 * `versions`, the stored ones), else the fallback's (the shipped versions), else the fallback's latest.
 * A stored version whose params do not fit its shape is skipped (the fallback applies); the fallback's
 * are the code's own, typed. Pure.
 */
export function ruleSetForYear(versions: readonly RuleVersion[], year: number, fallback: readonly RuleVersion[]): RuleSet {
  const out: Partial<Record<RuleShape, TitleRule>> = {};
  for (const shape of RULE_SHAPES) {
    const pick = (list: readonly RuleVersion[], typed = false) => {
      for (const v of list) if (v.titleCode === shape && inForce(v, year)) return ruleOf(shape, v, typed);
      return null;
    };
    const latest = () => {
      const own = fallback.filter((v) => v.titleCode === shape).sort((a, b) => b.firstYear - a.firstYear)[0];
      return own ? ruleOf(shape, own, true) : null;
    };
    const rule = pick(versions) ?? pick(fallback, true) ?? latest();
    if (!rule) throw new Error(`Không có quy tắc cho danh hiệu ${shape}.`);
    out[shape] = rule;
  }
  return out as RuleSet;
}
