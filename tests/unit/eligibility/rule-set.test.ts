import { describe, expect, it } from "vitest";
import {
  checkFlagAllocation,
  checkQuota,
  composeCitation,
  cstdcsAllowed,
  evaluateOfficer,
  evaluateUnit,
  officerStatuses,
  ruleSetForYear,
  SHIPPED_PARAMS,
  SHIPPED_RULE_VERSIONS,
  shippedRules,
  versionYearsProblem,
  type OfficerHistory,
  type RuleSet,
  type RuleVersion,
} from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

const S = DEFAULT_YEAR_SETTINGS;
const legal = (citation: string) => ({ law: null, decree: null, circular: null, article: null, citation });
const version = (over: Partial<RuleVersion> & Pick<RuleVersion, "titleCode" | "firstYear" | "lastYear">): RuleVersion => ({
  shape: over.titleCode as RuleVersion["shape"],
  params: SHIPPED_PARAMS[over.titleCode as keyof typeof SHIPPED_PARAMS],
  legal: legal(`v ${over.titleCode} ${over.firstYear}`),
  ...over,
});
const withParams = (base: RuleSet, patch: Partial<{ [K in keyof RuleSet]: Partial<RuleSet[K]["params"]> }>): RuleSet => {
  const out = { ...base } as Record<string, RuleSet[keyof RuleSet]>;
  for (const [k, p] of Object.entries(patch)) out[k] = { ...out[k]!, params: { ...out[k]!.params, ...p } } as RuleSet[keyof RuleSet];
  return out as RuleSet;
};

describe("the shipped versions", () => {
  it("cite the text in force each year: Decree 91/2017 up to 2023, 98/2023 for 2024–2025, 152/2025 from 2026", () => {
    expect(shippedRules(2019).CSTD_CAND.legal.citation).toContain("Nghị định 91/2017/NĐ-CP");
    expect(shippedRules(2023).CSTD_CAND.legal.citation).toContain("năm 2003");
    expect(shippedRules(2024).CSTD_CAND.legal.citation).toBe("Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP");
    expect(shippedRules(2025).CSTD_CAND.legal.decree).toBe("Nghị định 98/2023/NĐ-CP");
    expect(shippedRules(2026).CSTD_CAND.legal.decree).toBe("Nghị định 152/2025/NĐ-CP");
    expect(shippedRules(2040).CST.legal.citation).toBe("Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 152/2025/NĐ-CP; Thông tư 12/2019/TT-BCA");
  });

  it("keep the parameters the engine always had, in every period (no past result changes)", () => {
    for (const year of [2010, 2024, 2026]) {
      const rules = shippedRules(year);
      for (const [code, params] of Object.entries(SHIPPED_PARAMS)) expect(rules[code as keyof RuleSet].params).toEqual(params);
    }
    expect(SHIPPED_RULE_VERSIONS).toHaveLength(24);
  });

  it("never overlap for one title", () => {
    for (const v of SHIPPED_RULE_VERSIONS) {
      const others = SHIPPED_RULE_VERSIONS.filter((o) => o !== v && o.titleCode === v.titleCode);
      expect(versionYearsProblem(v, others)).toBeNull();
    }
  });
});

describe("ruleSetForYear: the version in force", () => {
  const stored = [
    version({ id: "a", titleCode: "CSTD_CAND", firstYear: 2024, lastYear: 2026 }),
    version({ id: "b", titleCode: "CSTD_CAND", firstYear: 2027, lastYear: null, params: { streakYears: 2, initiativeLevel: "BASE" } }),
  ];

  it("picks by year, both bounds inclusive, an open last year running on", () => {
    expect(ruleSetForYear(stored, 2024, SHIPPED_RULE_VERSIONS).CSTD_CAND.versionId).toBe("a");
    expect(ruleSetForYear(stored, 2026, SHIPPED_RULE_VERSIONS).CSTD_CAND.versionId).toBe("a");
    expect(ruleSetForYear(stored, 2027, SHIPPED_RULE_VERSIONS).CSTD_CAND).toMatchObject({ versionId: "b", params: { streakYears: 2 } });
    expect(ruleSetForYear(stored, 2099, SHIPPED_RULE_VERSIONS).CSTD_CAND.versionId).toBe("b");
  });

  it("falls back to the shipped version of the year when no stored one is in force, and for other titles", () => {
    const rules = ruleSetForYear(stored, 2020, SHIPPED_RULE_VERSIONS);
    expect(rules.CSTD_CAND.versionId).toBeUndefined();
    expect(rules.CSTD_CAND.legal.decree).toBe("Nghị định 91/2017/NĐ-CP");
    expect(ruleSetForYear(stored, 2027, SHIPPED_RULE_VERSIONS).CST.legal.decree).toBe("Nghị định 152/2025/NĐ-CP");
  });

  it("skips a stored version whose parameters do not fit its shape", () => {
    const broken = [version({ id: "x", titleCode: "CST", firstYear: 2000, lastYear: null, params: { minRating: "SUPERB" } })];
    expect(ruleSetForYear(broken, 2026, SHIPPED_RULE_VERSIONS).CST).toMatchObject({ params: SHIPPED_PARAMS.CST });
    expect(ruleSetForYear(broken, 2026, SHIPPED_RULE_VERSIONS).CST.versionId).toBeUndefined();
  });

  it("uses the latest shipped version before and after every range", () => {
    expect(ruleSetForYear([], 1950, SHIPPED_RULE_VERSIONS).CO_CP.legal.decree).toBe("Nghị định 152/2025/NĐ-CP");
  });
});

describe("versionYearsProblem: one version per title and year", () => {
  const existing = [
    { id: "old", firstYear: 2000, lastYear: 2025 },
    { id: "now", firstYear: 2026, lastYear: null },
  ];
  it("refuses a range that shares a year with another version, naming it", () => {
    expect(versionYearsProblem({ firstYear: 2027, lastYear: null }, existing)).toContain("từ năm 2026");
    expect(versionYearsProblem({ firstYear: 2020, lastYear: 2024 }, existing)).toContain("2000–2025");
    expect(versionYearsProblem({ firstYear: 2025, lastYear: 2025 }, existing)).not.toBeNull();
  });
  it("accepts an adjacent range, and a version edited within its own years", () => {
    expect(versionYearsProblem({ firstYear: 2026, lastYear: null }, existing.slice(0, 1))).toBeNull();
    expect(versionYearsProblem({ id: "now", firstYear: 2027, lastYear: null }, existing)).toBeNull();
  });
  it("refuses a last year before the first", () => {
    expect(versionYearsProblem({ firstYear: 2027, lastYear: 2026 }, [])).toBe("Năm cuối (2026) trước năm đầu (2027).");
  });
});

describe("composeCitation", () => {
  it("joins the texts, the article with its law", () => {
    expect(composeCitation({ law: "Luật A", decree: "Nghị định B", circular: null, article: "Điều 5" })).toBe("Điều 5, Luật A; Nghị định B");
    expect(composeCitation({ law: null, decree: null, circular: "Thông tư C", article: null })).toBe("Thông tư C");
  });
});

describe("the engine under a rule set", () => {
  const year = 2027;
  const base = shippedRules(year);
  // CSTĐCS awarded 2025 and 2026, a base-level initiative in 2027, rated excellent.
  const officer: OfficerHistory = {
    years: [
      { year: 2025, awardedTitle: "CSTDCS" },
      { year: 2026, awardedTitle: "CSTDCS" },
      { year: 2027, rating: "EXCELLENT" },
    ],
    initiatives: [{ year: 2027, level: "BASE", title: "Sổ tay" }],
    disciplines: [],
  };

  it("defaults to the shipped rules of the year evaluated (the reasons cite them)", () => {
    const evaluation = evaluateOfficer(officer, year, S);
    expect(evaluation.results[2]!.status).toBe("NOT_YET");
    for (const reason of evaluation.results[3]!.reasons) expect(reason.basis).toBeTruthy();
    expect(evaluation.results[0]!.reasons[0]!.basis).toContain("Nghị định 152/2025/NĐ-CP");
  });

  it("reads the initiative level of CSTĐ CAND from the rule", () => {
    const rules = withParams(base, { CSTD_CAND: { initiativeLevel: "BASE" } });
    expect(officerStatuses(officer, year, S, undefined, rules).CSTD_CAND).toBe("ELIGIBLE");
  });

  it("reads the streak length: two years instead of three", () => {
    const short: OfficerHistory = { ...officer, years: officer.years.filter((y) => y.year !== 2025), initiatives: [{ year: 2027, level: "MINISTRY", title: "X" }] };
    expect(officerStatuses(short, year, S).CSTD_CAND).toBe("NOT_YET");
    const rules = withParams(base, { CSTD_CAND: { streakYears: 2 } });
    const evaluation = evaluateOfficer(short, year, S, undefined, rules);
    expect(evaluation.results[2]!.status).toBe("ELIGIBLE");
    expect(evaluation.results[2]!.reasons.find((r) => r.rule === "CSTDCS_STREAK")!.message).toContain("2 năm liên tục");
  });

  it("reads the rating required for CST and the discipline that blocks", () => {
    const good: OfficerHistory = { years: [{ year, rating: "GOOD" }], initiatives: [], disciplines: [] };
    expect(officerStatuses(good, year, S, undefined, withParams(base, { CST: { minRating: "EXCELLENT" } })).CST).toBe("NOT_YET");
    const reprimanded: OfficerHistory = { ...good, disciplines: [{ form: "KHIEN_TRACH", status: "IN_FORCE", from: `${year}-02-01`, to: `${year}-07-31` }] };
    expect(officerStatuses(reprimanded, year, S).CST).toBe("BLOCKED");
    expect(officerStatuses(reprimanded, year, S, undefined, withParams(base, { CST: { disciplineFrom: "CANH_CAO" } })).CST).toBe("ELIGIBLE");
  });

  it("reads the CSTĐCS initiative level", () => {
    expect(officerStatuses(officer, year, S, undefined, withParams(base, { CSTDCS: { initiativeLevel: "MINISTRY" } })).CSTDCS).toBe("NOT_YET");
  });

  it("reads the unit rules: discipline threshold, CSTĐCS members, Government flags, quota rounding", () => {
    const unit = {
      unitId: "u",
      members: [
        { officerId: "a", rating: "GOOD" as const, title: "CST" as const, disciplines: [{ form: "KHIEN_TRACH" as const, status: "IN_FORCE" as const, from: `${year}-01-10` }] },
        { officerId: "b", rating: "GOOD" as const, title: "CSTDCS" as const },
      ],
    };
    expect(evaluateUnit(unit, year, S).results[1]!.status).toBe("ELIGIBLE");
    const strict = withParams(base, { DV_TIEN_TIEN: { disciplineFrom: "KHIEN_TRACH" }, DV_QUYET_THANG: { minCstdcsMembers: 2 } });
    const evaluation = evaluateUnit(unit, year, S, undefined, strict);
    expect(evaluation.results[0]!.status).toBe("BLOCKED");
    expect(evaluation.results[1]!.reasons.find((r) => r.rule === "HAS_CSTDCS")).toMatchObject({ ok: false, basis: base.DV_QUYET_THANG.legal.citation });
    const two = [{ unitId: "a", title: "CO_CP" as const }, { unitId: "b", title: "CO_CP" as const }];
    expect(checkFlagAllocation(two, S).ok).toBe(false);
    expect(checkFlagAllocation(two, S, withParams(base, { CO_CP: { maxPerCluster: 2 } })).ok).toBe(true);
    expect(cstdcsAllowed(10, 15)).toBe(1);
    expect(cstdcsAllowed(10, 15, "ROUND")).toBe(2);
    expect(cstdcsAllowed(20, 15, "CEIL")).toBe(3);
    const quota = checkQuota({ cstCount: 10, cstdcsCount: 2 }, S, withParams(base, { CSTDCS: { quotaRounding: "CEIL" } }));
    expect(quota).toMatchObject({ allowed: 2, verdict: "AT", basis: base.CSTDCS.legal.citation });
    expect(quota.message).toContain("làm tròn lên");
  });
});

describe("the migration seeds the shipped versions", () => {
  it("writes every shipped version with the same parameters and citation (title_rule_versions)", async () => {
    const { readFileSync } = await import("node:fs");
    const sql = readFileSync("prisma/migrations/20261209020000_title_rule_versions/migration.sql", "utf8");
    const rows = sql.split("\n").filter((l) => l.trimStart().startsWith("(gen_random_uuid()"));
    expect(rows).toHaveLength(SHIPPED_RULE_VERSIONS.length);
    for (const v of SHIPPED_RULE_VERSIONS) {
      const head = `'${v.titleCode}', '${v.shape}', ${v.firstYear}, ${v.lastYear ?? "NULL"}, '${JSON.stringify(v.params)}'::jsonb`;
      const row = rows.find((r) => r.includes(head));
      expect(row, head).toBeDefined();
      expect(row).toContain(`'${v.legal.citation}'`);
    }
  });
});
