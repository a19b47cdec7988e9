// The accessibility check of the browser tests: axe (WCAG 2.0/2.1, A and AA rules) on the page as it
// is now. a11y.spec.ts runs it on every page of every role; a spec that brings a page into a state the
// demo data does not have (an open ballot, a dossier) runs it there too.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** What fails a page: lesser impacts (moderate, minor) are reported, not failed. */
export const FAILING_IMPACTS = new Set(["serious", "critical"]);

export type AxeFinding = { rule: string; impact: string; nodes: number; help: string; targets: string[] };

export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? "unknown",
    nodes: v.nodes.length,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}

/** No serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const serious = (await axeFindings(page)).filter((f) => FAILING_IMPACTS.has(f.impact));
  expect(serious.map((f) => `${f.rule} (${f.impact}) × ${f.nodes} — ${f.help} — ${f.targets.join(", ")}`), `serious or critical axe violations on ${page.url()}`).toEqual([]);
}
