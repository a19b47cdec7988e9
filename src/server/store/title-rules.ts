// The title rule versions (docs/domain.md §3 "Rules as versioned data"): loaded once per request (React's
// request cache) or once per transaction, and the rule set in force for a year picked by the domain's
// pure `ruleSetForYear`, the shipped versions as fallback.
import { cache } from "react";
import { isRuleShape, ruleSetForYear, SHIPPED_RULE_VERSIONS, type RuleSet, type RuleVersion } from "@/domain/eligibility";
import { prisma, type Tx } from "@/server/db";

type Row = {
  id: string;
  titleCode: string;
  shape: string;
  firstYear: number;
  lastYear: number | null;
  params: unknown;
  legalLaw: string | null;
  legalDecree: string | null;
  legalCircular: string | null;
  legalArticle: string | null;
  citation: string;
};

export const ruleVersionOf = (r: Row): RuleVersion | null =>
  isRuleShape(r.shape)
    ? {
        id: r.id,
        titleCode: r.titleCode,
        shape: r.shape,
        firstYear: r.firstYear,
        lastYear: r.lastYear,
        params: r.params,
        legal: { law: r.legalLaw, decree: r.legalDecree, circular: r.legalCircular, article: r.legalArticle, citation: r.citation },
      }
    : null;

/** Every stored version, oldest first per title (a few dozen rows). */
export async function loadRuleVersions(db: Pick<Tx, "titleRuleVersion">): Promise<RuleVersion[]> {
  const rows = await db.titleRuleVersion.findMany({ orderBy: [{ titleCode: "asc" }, { firstYear: "asc" }] });
  return rows.map(ruleVersionOf).filter((v): v is RuleVersion => v !== null);
}

/** The stored versions, read once per request. */
export const requestRuleVersions = cache(() => loadRuleVersions(prisma));

/** The rules in force in `year`: in a transaction (a command) from it, otherwise once per request. */
export async function rulesForYear(year: number, tx?: Pick<Tx, "titleRuleVersion">): Promise<RuleSet> {
  const versions = tx ? await loadRuleVersions(tx) : await requestRuleVersions();
  return ruleSetForYear(versions, year, SHIPPED_RULE_VERSIONS);
}
