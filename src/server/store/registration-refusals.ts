// Registrations refused by a condition already decided (docs/domain.md §4 step 2; the rule is
// registrationRefusal in src/domain/eligibility): one look-back load for any number of officers, the
// secretariat's overrides (RegistrationOverride) lifting a refusal for one officer and title.
import { rulesForYear } from "./title-rules";
import { computeFacts, REGISTRATION, registrationRefusal, titleLabel, type EligibilitySettings, type IndividualTitle, type OfficerHistory } from "@/domain/eligibility";
import type { Tx } from "@/server/db";
import { loadOfficerHistories } from "./eligibility-data";

const EMPTY: OfficerHistory = { years: [], initiatives: [], disciplines: [] };

export type RegistrationCandidate = { officerId: string; officerName: string; title: IndividualTitle };

/** officerId → the refusal's text, for the candidates refused and not lifted by an override. */
export async function registrationRefusals(
  tx: Tx,
  year: { id: string; year: number; settings: EligibilitySettings },
  candidates: readonly RegistrationCandidate[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (candidates.length === 0) return out;
  const ids = candidates.map((c) => c.officerId);
  const [histories, overrides] = await Promise.all([
    loadOfficerHistories(tx, ids, year.year),
    tx.registrationOverride.findMany({ where: { emulationYearId: year.id, officerId: { in: ids } }, select: { officerId: true, titleCode: true } }),
  ]);
  const lifted = new Set(overrides.map((o) => `${o.officerId}:${o.titleCode}`));
  const rules = await rulesForYear(year.year, tx);
  for (const c of candidates) {
    if (lifted.has(`${c.officerId}:${c.title}`)) continue;
    const facts = computeFacts(histories.get(c.officerId) ?? EMPTY, year.year, year.settings, REGISTRATION, rules);
    const refusal = registrationRefusal(c.officerName, titleLabel(c.title), facts, c.title);
    if (refusal) out.set(c.officerId, refusal);
  }
  return out;
}
