// The rule versions the app ships (docs/domain.md §3, §10): the same rows migration
// `20261209020000_title_rule_versions` writes into TitleRuleVersion, and the engine's default when no
// stored version is given. Three periods, the same parameters in each (the law changed the texts, not
// the standards the engine checks): up to 2023 the Law of 2003 as amended and Decree 91/2017/NĐ-CP;
// 2024–2025 Luật Thi đua, khen thưởng 2022 and Decree 98/2023/NĐ-CP; from 2026 the Law of 2022 and
// Decree 152/2025/NĐ-CP. Discipline (CST, Đơn vị tiên tiến) rests on Thông tư 12/2019/TT-BCA.
// Articles are left empty: the project has not checked them against the texts (docs/domain.md §10).
import { composeCitation, ruleSetForYear, type LegalReference, type RuleParams, type RuleSet, type RuleShape, type RuleVersion } from "./rule-set";

export const SHIPPED_PARAMS: RuleParams = {
  CST: { minRating: "GOOD", disciplineFrom: "KHIEN_TRACH" },
  CSTDCS: { initiativeLevel: "BASE", quotaRounding: "FLOOR" },
  CSTD_CAND: { streakYears: 3, initiativeLevel: "MINISTRY" },
  CSTD_TQ: { initiativeLevel: "NATIONAL" },
  DV_TIEN_TIEN: { disciplineFrom: "CANH_CAO" },
  DV_QUYET_THANG: { minCstdcsMembers: 1 },
  CO_BCA: {},
  CO_CP: { maxPerCluster: 1 },
};

export const LAW_2003 = "Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2005, 2013)";
export const LAW_2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15";
export const DISCIPLINE_CIRCULAR = "Thông tư 12/2019/TT-BCA";

const PERIODS = [
  { firstYear: 2000, lastYear: 2023, law: LAW_2003, decree: "Nghị định 91/2017/NĐ-CP" },
  { firstYear: 2024, lastYear: 2025, law: LAW_2022, decree: "Nghị định 98/2023/NĐ-CP" },
  { firstYear: 2026, lastYear: null, law: LAW_2022, decree: "Nghị định 152/2025/NĐ-CP" },
] as const;

/** Titles whose own rules include a discipline threshold: they cite the CAND circular as well. */
const WITH_DISCIPLINE = new Set<RuleShape>(["CST", "DV_TIEN_TIEN"]);

function legal(shape: RuleShape, law: string, decree: string): LegalReference {
  const ref = { law, decree, circular: WITH_DISCIPLINE.has(shape) ? DISCIPLINE_CIRCULAR : null, article: null };
  return { ...ref, citation: composeCitation(ref) };
}

export const SHIPPED_RULE_VERSIONS: readonly RuleVersion[] = PERIODS.flatMap((p) =>
  (Object.keys(SHIPPED_PARAMS) as RuleShape[]).map(
    (shape): RuleVersion => ({
      titleCode: shape,
      shape,
      firstYear: p.firstYear,
      lastYear: p.lastYear,
      params: SHIPPED_PARAMS[shape],
      legal: legal(shape, p.law, p.decree),
    }),
  ),
);

const shippedByYear = new Map<number, RuleSet>();

/** The shipped rules in force in `year` (memoised: the engine's default for callers that give none). */
export function shippedRules(year: number): RuleSet {
  let set = shippedByYear.get(year);
  if (!set) {
    set = ruleSetForYear([], year, SHIPPED_RULE_VERSIONS);
    shippedByYear.set(year, set);
  }
  return set;
}
