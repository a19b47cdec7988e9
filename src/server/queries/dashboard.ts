// The cluster dashboard (/overview, issue 6): for one cluster and one emulation year, the ranking of
// the member units (total, rank, change since last year), registered vs awarded titles, report and
// registration status, vote outcomes, deadlines and what is still missing from whom, and the series
// the charts draw. Permission "cluster.overview": admins any cluster, the secretariat its own, the
// heads of the unit chairing the cluster's latest year. Anything else: 404.
//
// FAST AT MINISTRY SCALE (docs/performance.md): a fixed number of queries, whatever the number of units
// or officers (tests/integration/dashboard.test.ts counts them), all run at once after the permission
// check. Nothing counts officer rows here: officers' titles (registered and awarded) are read from the
// summary table "UnitTitleTally" and active officers from "UnitOfficerCount", both kept up to date by
// database triggers (src/server/summary-tables.ts); everything else is small per cluster (reports,
// criteria, rounds, ballots).
import { notFound } from "next/navigation";
import { z } from "zod";
import {
  percentDown,
  rankChange,
  sectionLabels,
  titleCountSeries,
  unitYearSeriesByUnit,
  whatIsMissing,
  yearRange,
  type MissingItem,
  type RankChange,
  type RankingBasis,
  type ReportState,
  type TitleCountRow,
  type YearPoint,
} from "@/domain/dashboard";
import { can, type Actor } from "@/domain/permissions";
import { rankUnits } from "@/domain/scoring/ranking";
import { TIE_BREAK_KEYS, type TieBreak } from "@/domain/scoring/settings";
import { vietnamToday } from "@/domain/registration-window";
import { compareVi } from "@/domain/vietnamese";
import { roundOutcome, isPassThreshold, type RoundKind, type PassThreshold } from "@/domain/voting";
import type { YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { clusterDataVersion, reuseUntilWrite, viewerScope } from "@/server/cache/data-version";
import { VersionedCache } from "@/server/cache/versioned-cache";
import { queryRows } from "@/server/db";
import { assertCan } from "./guard";

const uuid = z.uuid();

export type TallyRow = { unitId: string; year: number; titleCode: string; registered: number; awarded: number };

/** The tally rows of one member unit (every year): one range scan on the primary key. */
export function tallyOfUnit(unitId: string): Promise<TallyRow[]> {
  return queryRows<TallyRow[]>`
    SELECT "unitId"::text AS "unitId", "year", "titleCode", "registered", "awarded"
    FROM "UnitTitleTally" WHERE "unitId" = ${unitId}::uuid AND ("registered" <> 0 OR "awarded" <> 0)`;
}

/** The tally rows of a cluster's member units (every year). */
function tallyOfCluster(clusterId: string): Promise<TallyRow[]> {
  return queryRows<TallyRow[]>`
    SELECT t."unitId"::text AS "unitId", t."year", t."titleCode", t."registered", t."awarded"
    FROM "Unit" u JOIN "UnitTitleTally" t ON t."unitId" = u."id"
    WHERE u."clusterId" = ${clusterId}::uuid AND u."parentId" IS NULL AND (t."registered" <> 0 OR t."awarded" <> 0)`;
}

// ---------------------------------------------------------------------------------------------
// Shared loaders (also used by the unit, officer and ministry views). Raw SQL throughout: each page
// sends a handful of statements, each planned and run in well under a millisecond at Ministry scale.

export type TitleInfo = { code: string; name: string; shortName: string; kind: "INDIVIDUAL" | "COLLECTIVE"; level: number };

/** The title catalogue, lowest first within a kind (a few rows). */
export async function titleCatalogue(): Promise<{ individual: TitleInfo[]; collective: TitleInfo[]; byCode: Map<string, TitleInfo> }> {
  const titles = await queryRows<TitleInfo[]>`
    SELECT "code", "name", "shortName", "kind"::text AS "kind", "level" FROM "TitleDefinition" ORDER BY "kind", "level"`;
  return {
    individual: titles.filter((t) => t.kind === "INDIVIDUAL"),
    collective: titles.filter((t) => t.kind === "COLLECTIVE"),
    byCode: new Map(titles.map((t) => [t.code, t])),
  };
}

const firstString = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  cluster: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  year: z.preprocess(firstString, z.coerce.number().int().min(1900).max(2200).optional().catch(undefined)),
  block: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
});

export type DashboardParams = { clusterId?: string; year?: number; blockId?: string };

/** ?cluster=&year=&block= from the URL; bad values are dropped. */
export function parseDashboardParams(searchParams: Record<string, string | string[] | undefined>): DashboardParams {
  const p = paramsSchema.parse(searchParams);
  return { clusterId: p.cluster || undefined, year: p.year, blockId: p.block || undefined };
}

const isTieBreak = (v: unknown): v is TieBreak => typeof v === "string" && (TIE_BREAK_KEYS as readonly string[]).includes(v);

/** The ranking tie-break of a year: the scoring round's (copied when it opened), else the settings'. */
function tieBreakOf(roundTieBreak: string | null, settings: unknown): TieBreak {
  if (isTieBreak(roundTieBreak)) return roundTieBreak;
  const stored = settings && typeof settings === "object" ? (settings as Record<string, unknown>).rankingTieBreak : undefined;
  return isTieBreak(stored) ? stored : "FIRST_SECTION";
}

type ReportRow = { unitId: string; year: number; kind: "MIDYEAR" | "YEAR_END"; status: ReportState; finalTotalHalf: number | null; finalRank: number | null };
type SectionRow = {
  year: number;
  unitId: string;
  sectionId: string;
  kind: "SCORED" | "BONUS" | "PENALTY";
  position: number;
  title: string;
  maxHalf: number;
  counted: number;
};

/** Every report of the cluster's years: status and, once the scoring round is finalised, the fixed result. */
function reportsOfCluster(clusterId: string) {
  return queryRows<ReportRow[]>`
    SELECT r."unitId"::text AS "unitId", y."year", r."kind"::text AS "kind", r."status"::text AS "status", r."finalTotalHalf", r."finalRank"
    FROM "EmulationYear" y JOIN "UnitReport" r ON r."emulationYearId" = y."id"
    WHERE y."clusterId" = ${clusterId}::uuid`;
}

/**
 * Section totals of the submitted year-end reports of some years (the final score of a criterion when
 * the secretariat has fixed it, else the unit's own), each criterion within 0..its max and each
 * section within its max — the arithmetic of src/domain/scoring/totals.ts, in SQL. Sections without
 * any score are absent (they count 0).
 */
function sectionTotals(yearIds: string[]) {
  return queryRows<SectionRow[]>`
    SELECT y."year", r."unitId"::text AS "unitId", s."id"::text AS "sectionId", s."kind"::text AS "kind", s."position", s."title", s."maxHalf",
      LEAST(SUM(LEAST(GREATEST(COALESCE(rs."finalHalf", rs."selfHalf", 0), 0), c."maxHalf")), GREATEST(s."maxHalf", 0))::int AS "counted"
    FROM "UnitReport" r
    JOIN "EmulationYear" y ON y."id" = r."emulationYearId"
    JOIN "ReportScore" rs ON rs."reportId" = r."id"
    JOIN "Criterion" c ON c."id" = rs."criterionId"
    JOIN "CriteriaSection" s ON s."id" = c."sectionId"
    WHERE r."emulationYearId" = ANY(${yearIds}::uuid[]) AND r."kind" = 'YEAR_END' AND r."status" IN ('SUBMITTED', 'ACCEPTED')
    GROUP BY y."year", r."unitId", s."id"`;
}

export type YearRanking = {
  basis: RankingBasis;
  /** unitId → the unit's result; units without a score are absent. */
  byUnit: Map<string, { totalHalf: number; rank: number | null; tied: boolean; tieNote: string | null }>;
  /** Units ranked that year. */
  rankedCount: number;
  /** A provisional ranking exists but the actor may not see it before the scoring round is finalised. */
  withheld: boolean;
};

/**
 * A year's ranking: the fixed one when every submitted year-end report carries its final rank (the
 * scoring round is finalised); otherwise, when the year's section totals were read and the actor runs
 * the scoring ("scoring.manage": the secretariat), a provisional one ranked with the scoring module's
 * rankUnits and the year's tie-break. Everyone else sees results only once they are final, as on the
 * scoring pages.
 */
function yearRanking(
  year: number,
  reports: readonly ReportRow[],
  sections: readonly SectionRow[],
  nameOf: (unitId: string) => string,
  tieBreak: TieBreak,
  mayPreview: boolean,
): YearRanking {
  const yearEnd = reports.filter((r) => r.year === year && r.kind === "YEAR_END");
  const finals = yearEnd.filter((r) => r.finalTotalHalf !== null);
  if (finals.length > 0 && finals.every((r) => r.finalRank !== null)) {
    const ranks = finals.map((r) => r.finalRank!);
    return {
      basis: "FINAL",
      byUnit: new Map(
        finals.map((r) => [r.unitId, { totalHalf: r.finalTotalHalf!, rank: r.finalRank, tied: ranks.filter((x) => x === r.finalRank).length > 1, tieNote: null }]),
      ),
      rankedCount: finals.length,
      withheld: false,
    };
  }
  const perUnit = new Map<string, { scored: [number, number][]; bonus: number; penalty: number }>();
  for (const s of sections) {
    if (s.year !== year) continue;
    const u = perUnit.get(s.unitId) ?? { scored: [], bonus: 0, penalty: 0 };
    if (s.kind === "SCORED") u.scored.push([s.position, s.counted]);
    else if (s.kind === "BONUS") u.bonus += s.counted;
    else u.penalty += s.counted;
    perUnit.set(s.unitId, u);
  }
  if (perUnit.size === 0) return { basis: "NONE", byUnit: new Map(), rankedCount: 0, withheld: false };
  if (!mayPreview) return { basis: "NONE", byUnit: new Map(), rankedCount: 0, withheld: true };
  const entries = [...perUnit.entries()].map(([unitId, u]) => {
    const scoredSectionHalves = u.scored.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
    const scored = scoredSectionHalves.reduce((a, b) => a + b, 0);
    return { unitId, unitName: nameOf(unitId), totalHalf: Math.max(0, scored + u.bonus - u.penalty), scoredSectionHalves, penaltyHalf: u.penalty };
  });
  const ranked = rankUnits(entries, tieBreak, compareVi);
  return {
    basis: "PROVISIONAL",
    byUnit: new Map(ranked.map((r) => [r.unitId, { totalHalf: r.totalHalf, rank: r.rank, tied: r.shared, tieNote: r.tieNote }])),
    rankedCount: ranked.length,
    withheld: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Which cluster the actor is looking at

type ClusterRow = { id: string; code: string; name: string; active: boolean; blockName: string };
type YearRow = {
  id: string;
  year: number;
  phase: YearPhase;
  movement: string;
  settings: unknown;
  closedAt: Date | null;
  chairUnitId: string | null;
  deputyUnitId: string | null;
  chairAssignmentRef: string | null;
  chairName: string | null;
  deputyName: string | null;
  scoringState: "OPEN" | "CLOSED" | "FINALISED" | null;
  roundTieBreak: string | null;
};

function clusterRow(clusterId: string) {
  return queryRows<ClusterRow[]>`
    SELECT c."id"::text AS "id", c."code", c."name", c."active", b."name" AS "blockName"
    FROM "Cluster" c JOIN "Block" b ON b."id" = c."blockId" WHERE c."id" = ${clusterId}::uuid`;
}

/** The cluster's years, newest first, with chair and deputy names and the scoring round's state. */
function yearsOf(clusterId: string) {
  return queryRows<YearRow[]>`
    SELECT y."id"::text AS "id", y."year", y."phase"::text AS "phase", y."movement", y."settings", y."closedAt",
      y."chairUnitId"::text AS "chairUnitId", y."deputyUnitId"::text AS "deputyUnitId", y."chairAssignmentRef",
      cu."name" AS "chairName", du."name" AS "deputyName", sr."state"::text AS "scoringState", sr."tieBreak" AS "roundTieBreak"
    FROM "EmulationYear" y
    LEFT JOIN "Unit" cu ON cu."id" = y."chairUnitId"
    LEFT JOIN "Unit" du ON du."id" = y."deputyUnitId"
    LEFT JOIN "ScoringRound" sr ON sr."emulationYearId" = y."id"
    WHERE y."clusterId" = ${clusterId}::uuid
    ORDER BY y."year" DESC`;
}

/**
 * The cluster (checked against "cluster.overview": 404 otherwise) and its years, read together. Admins
 * choose any cluster (the first in Vietnamese order by default); others look at their own.
 */
async function resolveCluster(actor: Actor, requested: string | undefined) {
  if (requested && !uuid.safeParse(requested).success) notFound();
  let clusters: { id: string; name: string; code: string }[] = [];
  let clusterId: string | null;
  if (actor.role === "ADMIN") {
    clusters = (await queryRows<{ id: string; name: string; code: string }[]>`SELECT "id"::text AS "id", "name", "code" FROM "Cluster"`).sort(
      (a, b) => compareVi(a.name, b.name) || compareVi(a.code, b.code),
    );
    clusterId = requested ?? clusters[0]?.id ?? null;
    if (!clusterId) return { clusters, cluster: null, years: [] as YearRow[] };
  } else {
    clusterId = requested ?? actor.chairOfClusterIds[0] ?? actor.clusterId;
  }
  if (!clusterId) notFound();
  // The years are read alongside the cluster and only returned once the permission check has passed.
  const [[cluster], years] = await Promise.all([clusterRow(clusterId), yearsOf(clusterId)]);
  assertCan(actor, "cluster.overview", cluster && { clusterId: cluster.id });
  return { clusters, cluster: cluster!, years };
}

// ---------------------------------------------------------------------------------------------
// The dashboard

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

type UnitRow = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  sortKey: string;
  activeOfficers: number;
  registrationStatus: "DRAFT" | "SUBMITTED" | null;
  targetTitleCode: string | null;
  agreementSigned: boolean;
  proposedTitleCode: string | null;
  awardedTitleCode: string | null;
  pendingCrossScores: number;
};

/** The member units with their own figures of one year: one statement (per-unit counts from indexes). */
function unitsOfYear(clusterId: string, yearId: string) {
  return queryRows<UnitRow[]>`
    SELECT u."id"::text AS "id", u."code", u."name", u."active", u."sortKey",
      coalesce(oc."active", 0) AS "activeOfficers",
      reg."status"::text AS "registrationStatus", reg."targetTitleCode", reg."agreementSignedOn" IS NOT NULL AS "agreementSigned",
      res."proposedTitleCode", res."awardedTitleCode",
      (SELECT count(*) FROM "CrossAssignment" ca JOIN "ScoringRound" sr ON sr."id" = ca."roundId"
        WHERE ca."scorerUnitId" = u."id" AND ca."submittedAt" IS NULL AND sr."emulationYearId" = ${yearId}::uuid AND sr."state" = 'OPEN')::int AS "pendingCrossScores"
    FROM "Unit" u
    LEFT JOIN "UnitOfficerCount" oc ON oc."unitId" = u."id"
    LEFT JOIN "UnitRegistration" reg ON reg."emulationYearId" = ${yearId}::uuid AND reg."unitId" = u."id"
    LEFT JOIN "UnitYearResult" res ON res."emulationYearId" = ${yearId}::uuid AND res."unitId" = u."id"
    WHERE u."clusterId" = ${clusterId}::uuid AND u."parentId" IS NULL
    ORDER BY u."sortKey", u."id"`;
}

type RoundRow = {
  id: string;
  kind: RoundKind;
  title: string;
  seats: number;
  state: "DRAFT" | "OPEN" | "CLOSED";
  passThreshold: string | null;
  isRunoff: boolean;
  ballots: number;
  votedUnitIds: string[];
  candidates: { id: string; unitId: string; position: number; approvals: number; disapprovals: number }[];
};

/**
 * The year's vote rounds in one statement: who has voted (participation), and for CLOSED rounds only
 * the number of ballots and each candidate's totals — counted by the database, never ballot by ballot.
 */
function roundsOfYear(yearId: string) {
  return queryRows<RoundRow[]>`
    SELECT r."id"::text AS "id", r."kind"::text AS "kind", r."title", r."seats", r."state"::text AS "state", r."passThreshold",
      r."runoffOfId" IS NOT NULL AS "isRunoff",
      CASE WHEN r."state" = 'CLOSED' THEN (SELECT count(*) FROM "Ballot" b WHERE b."roundId" = r."id") ELSE 0 END::int AS "ballots",
      (SELECT coalesce(json_agg(p."unitId"), '[]'::json) FROM "VoteParticipation" p WHERE p."roundId" = r."id") AS "votedUnitIds",
      (SELECT coalesce(json_agg(json_build_object('id', c."id", 'unitId', c."unitId", 'position', c."position",
          'approvals', coalesce(t.a, 0), 'disapprovals', coalesce(t.d, 0)) ORDER BY c."position"), '[]'::json)
        FROM "VoteCandidate" c
        LEFT JOIN (
          SELECT bc."candidateId", count(*) FILTER (WHERE bc."approve") AS a, count(*) FILTER (WHERE NOT bc."approve") AS d
          FROM "Ballot" b JOIN "BallotChoice" bc ON bc."ballotId" = b."id"
          WHERE b."roundId" = r."id" AND r."state" = 'CLOSED' GROUP BY bc."candidateId"
        ) t ON t."candidateId" = c."id"
        WHERE c."roundId" = r."id") AS "candidates"
    FROM "VoteRound" r
    WHERE r."emulationYearId" = ${yearId}::uuid
    ORDER BY r."createdAt", r."id"`;
}

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
      threshold: isPassThreshold(round.passThreshold) ? round.passThreshold : settings.passThreshold,
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
    units,
    sections: orderedSections,
    sectionScores,
    scoreHistory: { years: historyYears, byUnit: scoreHistory },
    titleHistory: { awarded: awardedByYear, registered: registeredByYear },
    votes,
    missing,
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

// A few hundred dashboards (cluster × year × kind of viewer) of a few dozen kB each.
const dashboards = new VersionedCache<ClusterDashboard>(300);

/**
 * clusterDashboard, reused until the data changes (src/server/cache/data-version.ts): the page and its
 * Excel export. What the dashboard shows depends on the viewer only through the role and scope (the
 * permission, the admin's list of clusters, the provisional ranking for those who run the scoring) and
 * on the clock only through the Vietnamese calendar day (deadlines are whole days), so those are the
 * key; the acting user is still loaded afresh on every request.
 */
export function cachedClusterDashboard(actor: Actor, params: DashboardParams = {}, now = new Date()): Promise<ClusterDashboard> {
  // The cluster resolveCluster will show (the admin's default is unknown before: every scope's version).
  const clusterId = params.clusterId ?? (actor.role === "ADMIN" ? null : (actor.chairOfClusterIds[0] ?? actor.clusterId));
  return reuseUntilWrite(
    dashboards,
    [...viewerScope(actor), params.clusterId, params.year, vietnamToday(now)],
    () => clusterDataVersion(clusterId),
    () => clusterDashboard(actor, params, now),
  );
}
