// What an item of a proposal dossier is checked against and carries as evidence (issue 14;
// src/domain/awards): the conference's closed acclaim rounds (aggregate results only), the year-end
// reports' final score and rank, the eligibility engine at the RESULTS stage, the CSTĐCS quota.
// Loaded in a constant number of queries per unit, whatever its size; used by the dossier commands.
import { rulesForYear } from "./title-rules";
import {
  commendationRefusal,
  eligibilityEvidence,
  officerTitleRefusal,
  quotaWithProposals,
  unitTitleRefusal,
  voteEvidence,
  type CommendationForm,
  type DossierOfficerTitle,
  type HeldUnitTitle,
  type ItemEvidence,
  type Refusal,
  type ReportEvidence,
  type VoteEvidence,
} from "@/domain/awards";
import { evaluateOfficer, evaluateUnit, individualLevel, unitResultFor, type CollectiveTitle, type EligibilitySettings, type OfficerHistory } from "@/domain/eligibility";
import type { Tx } from "@/server/db";
import { awardedTitles } from "./awarded-quota";
import { loadOfficerHistories } from "./eligibility-data";
import { memberSummary } from "./unit-members";
import { closedRoundResults, storedThreshold } from "./vote-results";

export type ConferenceFacts = {
  /** `${unitId}:${titleCode}` → the closed acclaim round that elected the unit (the latest, run-offs included). */
  acclaims: Map<string, VoteEvidence>;
  /** The same, as (unit, title) pairs in the order the rounds closed. */
  acclaimed: { unitId: string; titleCode: string }[];
  reports: Map<string, ReportEvidence>;
};

export const acclaimKey = (unitId: string, titleCode: string) => `${unitId}:${titleCode}`;

/** The year's closed acclaim rounds and its year-end reports' final scores: three queries and the tallies. */
export async function conferenceFacts(tx: Tx, yearId: string): Promise<ConferenceFacts> {
  const rounds = await tx.voteRound.findMany({
    where: { emulationYearId: yearId, kind: "ACCLAIM", state: "CLOSED", titleCode: { not: null } },
    orderBy: [{ closedAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, titleCode: true, electorateSize: true, passThreshold: true },
  });
  const results = await closedRoundResults(tx, rounds.map((r) => r.id));
  const acclaims: ConferenceFacts["acclaims"] = new Map();
  const acclaimed: ConferenceFacts["acclaimed"] = [];
  for (const round of rounds) {
    const result = results.get(round.id);
    if (!result) continue;
    for (const candidateId of result.elected) {
      const candidate = result.candidates.find((c) => c.id === candidateId)!;
      const tally = result.results.find((r) => r.candidateId === candidateId)!;
      const vote = voteEvidence(
        { id: round.id, title: round.title, electorateSize: round.electorateSize, threshold: storedThreshold(round.passThreshold) },
        { ballots: result.ballots, approvals: tally.approvals },
      );
      const key = acclaimKey(candidate.unitId, round.titleCode!);
      if (!acclaims.has(key)) acclaimed.push({ unitId: candidate.unitId, titleCode: round.titleCode! });
      acclaims.set(key, vote);
    }
  }
  const reports = await tx.unitReport.findMany({ where: { emulationYearId: yearId, kind: "YEAR_END" }, select: { unitId: true, finalTotalHalf: true, finalRank: true } });
  const rankedUnits = reports.filter((r) => r.finalRank !== null).length;
  return { acclaims, acclaimed, reports: new Map(reports.map((r) => [r.unitId, { finalTotalHalf: r.finalTotalHalf, rank: r.finalRank, rankedUnits }])) };
}

type Checked = { refusal: Refusal | null; evidence: ItemEvidence };

/** A collective title for a unit: acclaimed, eligible (members' facts of the year), within the flag allowance. */
export async function checkUnitTitle(
  tx: Tx,
  c: { unitId: string; unitName: string; year: number; title: CollectiveTitle; settings: EligibilitySettings; facts: ConferenceFacts; held: readonly HeldUnitTitle[]; asOf: string; takenAt: Date },
): Promise<Checked> {
  const vote = c.facts.acclaims.get(acclaimKey(c.unitId, c.title)) ?? null;
  const report = c.facts.reports.get(c.unitId) ?? null;
  const evaluation = evaluateUnit(
    { unitId: c.unitId, members: await memberSummary(tx, c.unitId, c.year), acclaimed: vote !== null, clusterRank: report?.rank ?? undefined },
    c.year,
    c.settings,
    { stage: "RESULTS", asOf: c.asOf },
    await rulesForYear(c.year, tx),
  );
  const eligibility = unitResultFor(evaluation, c.title);
  const refusal = unitTitleRefusal({ unitId: c.unitId, unitName: c.unitName, title: c.title, acclaimed: vote !== null, eligibility, held: c.held, settings: c.settings });
  return { refusal, evidence: { takenAt: c.takenAt.toISOString(), vote, eligibility: eligibilityEvidence(eligibility, c.asOf), report } };
}

export type OfficerSubject = { id: string; fullName: string; unitId: string };

/**
 * Individual titles for some officers of one unit: eligible at the RESULTS stage, one title each, the
 * unit's CSTĐCS quota holding with every proposal of the unit counted in turn. Four queries for any
 * number of officers.
 */
export async function checkOfficerTitles(
  tx: Tx,
  c: {
    unitId: string;
    year: number;
    settings: EligibilitySettings;
    asOf: string;
    takenAt: Date;
    candidates: readonly { officer: OfficerSubject; title: DossierOfficerTitle }[];
    /** Officer titles already proposed in the dossier (any unit; those of this unit count in its quota). */
    proposed: readonly { officerId: string; unitId: string; titleCode: string }[];
  },
): Promise<Checked[]> {
  const histories = await loadOfficerHistories(tx, c.candidates.map((x) => x.officer.id), c.year);
  const awarded = await awardedTitles(tx, c.unitId, c.year);
  const proposed = c.proposed.filter((p) => p.unitId === c.unitId).map((p) => ({ officerId: p.officerId, titleCode: p.titleCode }));
  const heldBy = new Map(c.proposed.map((p) => [p.officerId, p.titleCode]));
  const rules = await rulesForYear(c.year, tx);
  const out: Checked[] = [];
  for (const { officer, title } of c.candidates) {
    const history: OfficerHistory = histories.get(officer.id) ?? { years: [], initiatives: [], disciplines: [] };
    const eligibility = evaluateOfficer(history, c.year, c.settings, { stage: "RESULTS", asOf: c.asOf }, rules).results[individualLevel(title) - 1]!;
    const quota = quotaWithProposals(awarded, [...proposed, { officerId: officer.id, titleCode: title }], c.settings);
    const refusal = officerTitleRefusal({ officerName: officer.fullName, title, heldTitle: heldBy.get(officer.id) ?? null, eligibility, quota });
    if (!refusal) {
      proposed.push({ officerId: officer.id, titleCode: title });
      heldBy.set(officer.id, title);
    }
    out.push({ refusal, evidence: { takenAt: c.takenAt.toISOString(), vote: null, eligibility: eligibilityEvidence(eligibility, c.asOf), report: null } });
  }
  return out;
}

/** A commendation: a form the Ministry decides, once per subject, and an officer not under discipline. */
export async function checkCommendation(
  tx: Tx,
  c: { subjectName: string; officerId: string | null; year: number; form: CommendationForm; duplicate: boolean; settings: EligibilitySettings; asOf: string; takenAt: Date },
): Promise<Checked> {
  let disciplineReason: string | null = null;
  let eligibility = null;
  if (c.officerId) {
    const history = (await loadOfficerHistories(tx, [c.officerId], c.year)).get(c.officerId)!;
    const cst = evaluateOfficer(history, c.year, c.settings, { stage: "RESULTS", asOf: c.asOf }, await rulesForYear(c.year, tx)).results[0]!;
    disciplineReason = cst.reasons.find((r) => r.rule === "NO_DISCIPLINE" && !r.ok)?.message ?? null;
    eligibility = eligibilityEvidence({ ...cst, reasons: cst.reasons.filter((r) => r.rule === "NO_DISCIPLINE") }, c.asOf);
  }
  return {
    refusal: commendationRefusal({ subjectName: c.subjectName, form: c.form, duplicate: c.duplicate, disciplineReason }),
    evidence: { takenAt: c.takenAt.toISOString(), vote: null, eligibility, report: null },
  };
}
