import { percentDown, rankChange, sectionLabels, titleCountSeries, unitYearSeriesByUnit, whatIsMissing, yearRange, type MissingItem, type RankChange, type ReportState, type TitleCountRow, type YearPoint } from "@/domain/dashboard";
import { can, type Actor } from "@/domain/permissions";
import { roundOutcome, type RoundKind } from "@/domain/voting";
import { storedThreshold } from "@/server/store/vote-results";
import { parseYearSettings } from "@/domain/year-settings";
import { queryRows } from "@/server/db";
import type { DashboardParams } from "./params";
import { resolveCluster } from "./cluster";
import { titleCatalogue } from "./titles";
import { unitsOfYear, reportsOfCluster, sectionTotals, roundsOfYear } from "./loaders";
import { tallyOfCluster } from "./tally";
import { yearRanking, tieBreakOf } from "./ranking";
import { missingForHead, unitForHead } from "./head-view";

export type DashboardUnit = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  role: "CHAIR" | "DEPUTY" | null;
  totalHalf: number | null;
  rank: number | null;
  tied: boolean;
  /** How a tie on the total was decided (provisional ranking), in words. */
  tieNote: string | null;
  previousRank: number | null;
  change: RankChange;
  activeOfficers: number;
  registered: Record<string, number>;
  registeredTotal: number;
  awarded: Record<string, number>;
  awardedTotal: number;
  /** Whole percent rounded down; null for a closed year (the officers of that time are not known). */
  registrationPercent: number | null;
  /** False when the viewer may not see this unit's registration (a head of another unit, not sent yet: head-view.ts). */
  registrationShown: boolean;
  registrationStatus: "DRAFT" | "SUBMITTED" | null;
  targetTitleCode: string | null;
  proposedTitleCode: string | null;
  awardedTitleCode: string | null;
  midyearReport: ReportState | null;
  yearEndReport: ReportState | null;
};

export type VoteRoundSummary = {
  id: string;
  kind: RoundKind;
  title: string;
  state: "DRAFT" | "OPEN" | "CLOSED";
  seats: number;
  isRunoff: boolean;
  ballotsCast: number;
  voted: number;
  /** CLOSED rounds only: totals per candidate, most votes first (never who voted what). */
  results: { unitId: string; name: string; approvals: number; disapprovals: number; elected: boolean }[];
  runoffNeeded: boolean;
};

export async function clusterDashboard(actor: Actor, params: DashboardParams = {}, now = new Date()) {
  const { clusters, cluster, years: yearRows } = await resolveCluster(actor, params.clusterId);
  if (!cluster) return { clusters, cluster: null, years: [], year: null } as const;
  const clusterId = cluster.id;

  const base = {
    clusters,
    cluster: { id: cluster.id, code: cluster.code, name: cluster.name, active: cluster.active, blockName: cluster.blockName },
    years: yearRows.map((y) => ({ id: y.id, year: y.year, phase: y.phase })),
  };
  const selected = (params.year !== undefined ? yearRows.find((y) => y.year === params.year) : undefined) ?? yearRows[0];
  if (!selected) {
    const [units, titles] = await Promise.all([
      queryRows<{ id: string; code: string; name: string }[]>`
        SELECT "id"::text AS "id", "code", "name" FROM "Unit" WHERE "clusterId" = ${clusterId}::uuid AND "parentId" IS NULL AND "active" ORDER BY "sortKey"`,
      titleCatalogue(),
    ]);
    return { ...base, titles: { individual: titles.individual, collective: titles.collective }, year: null, members: units } as const;
  }
  const previous = yearRows.find((y) => y.year === selected.year - 1) ?? null;
  const next = yearRows.find((y) => y.year === selected.year + 1) ?? null;
  const settings = parseYearSettings(selected.settings);

  // Everything else about the year, at once: six statements.
  const [unitRows, reports, sections, tally, titles, rounds] = await Promise.all([
    unitsOfYear(clusterId, selected.id),
    reportsOfCluster(clusterId),
    // This year's, last year's and the latest year's (the one in progress, for the history chart).
    sectionTotals([...new Set([selected.id, ...(previous ? [previous.id] : []), ...(yearRows[0] && yearRows[0].phase !== "CLOSED" ? [yearRows[0].id] : [])])]),
    tallyOfCluster(clusterId),
    titleCatalogue(),
    roundsOfYear(selected.id),
  ]);

  // Rankings: fixed where finalised; otherwise computed for the years whose section totals were read
  // (shown only to those who run the scoring).
  const nameOf = new Map(unitRows.map((u) => [u.id, u.name]));
  const mayPreview = can(actor, "scoring.manage", { clusterId });
  // Every unit's progress and drafts, or (a head of another unit) what the cluster publishes: head-view.ts.
  const mayMonitor = can(actor, "cluster.monitor", { clusterId });
  const rankings = new Map(
    yearRows.map((y) => [y.year, yearRanking(y.year, reports, sections, (id) => nameOf.get(id) ?? id, tieBreakOf(y.roundTieBreak, y.settings), mayPreview)]),
  );
  const ranking = rankings.get(selected.year)!;
  const prevRanking = previous ? rankings.get(previous.year)! : null;

  const reportStatus = new Map(reports.filter((r) => r.year === selected.year).map((r) => [`${r.unitId}:${r.kind}`, r.status]));
  const tallyThisYear = tally.filter((t) => t.year === selected.year);
  const closed = selected.phase === "CLOSED";

  // Units shown: active member units, and any other member unit with something recorded this year.
  const units: DashboardUnit[] = unitRows
    .filter(
      (u) =>
        u.active ||
        u.registrationStatus !== null ||
        u.proposedTitleCode !== null ||
        u.awardedTitleCode !== null ||
        ranking.byUnit.has(u.id) ||
        tallyThisYear.some((t) => t.unitId === u.id),
    )
    .map((u) => {
      const score = ranking.byUnit.get(u.id);
      const prevRank = prevRanking?.byUnit.get(u.id)?.rank ?? null;
      const registered: Record<string, number> = {};
      const awarded: Record<string, number> = {};
      for (const t of tallyThisYear) {
        if (t.unitId !== u.id) continue;
        if (t.registered) registered[t.titleCode] = (registered[t.titleCode] ?? 0) + t.registered;
        if (t.awarded) awarded[t.titleCode] = (awarded[t.titleCode] ?? 0) + t.awarded;
      }
      const registeredTotal = Object.values(registered).reduce((a, b) => a + b, 0);
      return {
        id: u.id,
        code: u.code,
        name: u.name,
        active: u.active,
        role: u.id === selected.chairUnitId ? "CHAIR" : u.id === selected.deputyUnitId ? "DEPUTY" : null,
        totalHalf: score?.totalHalf ?? null,
        rank: score?.rank ?? null,
        tied: score?.tied ?? false,
        tieNote: score?.tieNote ?? null,
        previousRank: prevRank,
        change: previous ? rankChange(score?.rank, prevRank) : ({ kind: score ? "NEW" : "NONE" } as RankChange),
        activeOfficers: u.activeOfficers,
        registered,
        registeredTotal,
        awarded,
        awardedTotal: Object.values(awarded).reduce((a, b) => a + b, 0),
        registrationPercent: closed ? null : percentDown(registeredTotal, u.activeOfficers),
        registrationShown: true,
        registrationStatus: u.registrationStatus,
        targetTitleCode: u.targetTitleCode,
        proposedTitleCode: u.proposedTitleCode,
        awardedTitleCode: u.awardedTitleCode,
        midyearReport: reportStatus.get(`${u.id}:MIDYEAR`) ?? null,
        yearEndReport: reportStatus.get(`${u.id}:YEAR_END`) ?? null,
      } satisfies DashboardUnit;
    })
    // Ranked units by rank, then the others in Vietnamese order (unitRows is already in that order).
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

  // Sections of the selected year (for the chart).
  const visibleSections = ranking.basis === "NONE" ? [] : sections.filter((s) => s.year === selected.year);
  const sectionMeta = new Map<string, { id: string; kind: "SCORED" | "BONUS" | "PENALTY"; position: number; title: string; maxHalf: number }>();
  for (const s of visibleSections) sectionMeta.set(s.sectionId, { id: s.sectionId, kind: s.kind, position: s.position, title: s.title, maxHalf: s.maxHalf });
  const orderedSections = sectionLabels([...sectionMeta.values()].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.position - b.position));
  const sectionScores = visibleSections.map((s) => ({ unitId: s.unitId, sectionId: s.sectionId, countedHalf: s.counted }));

  // Score and rank over the years, per unit.
  const historyYears = yearRange(yearRows.map((y) => y.year));
  const historyRows = [...rankings.entries()].flatMap(([year, r]) => [...r.byUnit.entries()].map(([unitId, v]) => ({ unitId, year, totalHalf: v.totalHalf, rank: v.rank })));
  const scoreHistory: Record<string, YearPoint[]> = unitYearSeriesByUnit(historyYears, units.map((u) => u.id), historyRows);

  // Titles over the years (the cluster's units added up), including years recorded before the cluster
  // kept its emulation years here.
  const individualCodes = titles.individual.map((t) => t.code);
  const titleYears = yearRange([...yearRows.map((y) => y.year), ...tally.map((t) => t.year)]);
  const awardedByYear: TitleCountRow[] = titleCountSeries(titleYears, individualCodes, tally.map((t) => ({ year: t.year, titleCode: t.titleCode, count: t.awarded })));
  const registeredByYear: TitleCountRow[] = titleCountSeries(titleYears, individualCodes, tally.map((t) => ({ year: t.year, titleCode: t.titleCode, count: t.registered })));

  // Votes.
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  const votes: VoteRoundSummary[] = rounds.map((round) => {
    const summary = {
      id: round.id,
      kind: round.kind,
      title: round.title,
      state: round.state,
      seats: round.seats,
      isRunoff: round.isRunoff,
      ballotsCast: round.ballots,
      voted: round.votedUnitIds.length,
    };
    if (round.state !== "CLOSED") return { ...summary, results: [], runoffNeeded: false };
    const outcome = roundOutcome({
      kind: round.kind,
      seats: round.seats,
      threshold: storedThreshold(round.passThreshold),
      ballotsCast: round.ballots,
      candidates: round.candidates.map((c) => ({ id: c.id, name: unitName.get(c.unitId) ?? "", position: c.position })),
      tallies: round.candidates.map((c) => ({ candidateId: c.id, approvals: Number(c.approvals), disapprovals: Number(c.disapprovals) })),
    });
    const unitOfCandidate = new Map(round.candidates.map((c) => [c.id, c.unitId]));
    return {
      ...summary,
      results: outcome.results.map((r) => ({
        unitId: unitOfCandidate.get(r.candidateId) ?? "",
        name: r.name,
        approvals: r.approvals,
        disapprovals: r.disapprovals,
        elected: outcome.elected.includes(r.candidateId),
      })),
      runoffNeeded: outcome.runoff !== null,
    };
  });

  // What is still missing, from whom.
  const unitRowById = new Map(unitRows.map((u) => [u.id, u]));
  const deadlines = {
    registration: settings.registrationDeadline,
    midyearReport: settings.midyearReportDeadline,
    report: settings.reportDeadline,
    conference: settings.conferenceDate,
  };
  const missing: MissingItem[] = whatIsMissing({
    phase: selected.phase,
    now,
    deadlines,
    units: units
      .filter((u) => u.active)
      .map((u) => ({
        unitId: u.id,
        name: u.name,
        registration: { status: u.registrationStatus, hasTargetTitle: u.targetTitleCode !== null, agreementSigned: unitRowById.get(u.id)?.agreementSigned ?? false },
        officers: { active: u.activeOfficers, registered: Math.min(u.registeredTotal, u.activeOfficers) },
        midyearReport: u.midyearReport,
        yearEndReport: u.yearEndReport,
        pendingCrossScores: unitRowById.get(u.id)?.pendingCrossScores ?? 0,
      })),
    openRounds: rounds.filter((r) => r.state === "OPEN").map((r) => ({ id: r.id, title: r.title, votedUnitIds: r.votedUnitIds })),
  });

  const sum = (pick: (u: DashboardUnit) => number) => units.reduce((acc, u) => acc + pick(u), 0);
  const byTitle = (pick: (u: DashboardUnit) => Record<string, number>) =>
    Object.fromEntries(individualCodes.map((code) => [code, units.reduce((acc, u) => acc + (pick(u)[code] ?? 0), 0)]));

  return {
    ...base,
    titles: { individual: titles.individual, collective: titles.collective },
    year: {
      id: selected.id,
      year: selected.year,
      phase: selected.phase,
      movement: selected.movement,
      closedAt: selected.closedAt,
      chairName: selected.chairName,
      deputyName: selected.deputyName,
      chairAssignmentRef: selected.chairAssignmentRef,
      deadlines,
      /** Chair and deputy of the following year (elected at this year's conference or assigned). */
      next: next && { year: next.year, chairName: next.chairName, deputyName: next.deputyName, chairAssignmentRef: next.chairAssignmentRef },
      previousYear: previous?.year ?? null,
      tieBreak: tieBreakOf(selected.roundTieBreak, selected.settings),
      scoringState: selected.scoringState,
    },
    ranking: { basis: ranking.basis, rankedCount: ranking.rankedCount, previousBasis: prevRanking?.basis ?? null, withheld: ranking.withheld },
    /** FULL: the secretariat, admins, the chair; HEAD: a head of another unit (head-view.ts), whose own unit is `ownUnitId`. */
    access: mayMonitor ? ({ view: "FULL", ownUnitId: null } as const) : ({ view: "HEAD", ownUnitId: actor.unitId } as const),
    units: mayMonitor ? units : units.map((u) => unitForHead(u, actor.unitId)),
    sections: orderedSections,
    sectionScores,
    scoreHistory: { years: historyYears, byUnit: scoreHistory },
    titleHistory: { awarded: awardedByYear, registered: registeredByYear },
    votes,
    missing: mayMonitor ? missing : missingForHead(missing, actor.unitId),
    totals: {
      units: units.length,
      activeOfficers: sum((u) => u.activeOfficers),
      registered: sum((u) => u.registeredTotal),
      awarded: sum((u) => u.awardedTotal),
      registeredByTitle: byTitle((u) => u.registered),
      awardedByTitle: byTitle((u) => u.awarded),
      registrationPercent: closed ? null : percentDown(sum((u) => u.registeredTotal), sum((u) => u.activeOfficers)),
    },
  } as const;
}

const kindOrder = (k: "SCORED" | "BONUS" | "PENALTY") => (k === "SCORED" ? 0 : k === "BONUS" ? 1 : 2);

export type ClusterDashboard = Awaited<ReturnType<typeof clusterDashboard>>;

export type DashboardWithYear = Extract<ClusterDashboard, { year: { id: string } }>;
