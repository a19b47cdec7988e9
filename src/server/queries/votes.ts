// Read side of the year-end conference: the year's rounds (/conference), one round (/conference/rounds/[id]),
// the delegate's ballot page, the hall's projection screen and the minutes' data.
//
// Secrecy on the read side: while a round is open nobody gets more than the turnout (which units have
// voted, in Vietnamese name order, never in voting order); tallies exist only for CLOSED rounds
// (closedRoundResults counts in SQL restricted to state = 'CLOSED'), and only as totals.
import { notFound } from "next/navigation";
import { can, roleMay, type Actor } from "@/domain/permissions";
import {
  ACCLAIM_TITLE_CODES,
  acclaimSeatLimit,
  ballotMode,
  chairRotation,
  defaultSeats,
  formatShare,
  isPassThreshold,
  mayVoteOn,
  quorumFor,
  thresholdLabel,
  type BallotMode,
  type CandidateStatus,
  type PassThreshold,
  type RoundKind,
  type RoundState,
  type Rotation,
} from "@/domain/voting";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { parseYearSettings, type YearSettings } from "@/domain/year-settings";
import { compareVi } from "@/domain/vietnamese";
import { candidateOf, closedRoundResults, electedLeadership, storedThreshold, type ClosedRoundResult } from "@/server/store/vote-results";
import { prisma } from "@/server/db";
import { assertCan } from "./guard";
import { isUuid } from "@/domain/validation";


/** Thrown when someone asks for the results of a round that is not closed. */
export class ResultsNotAvailableError extends Error {
  constructor() {
    super("Kết quả chỉ được công bố sau khi vòng bỏ phiếu kết thúc.");
  }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

export type CandidateResultRow = {
  candidateId: string;
  unitId: string;
  name: string;
  note: string | null;
  approvals: number;
  disapprovals: number;
  /** Ballots that said nothing about this candidate (not chosen / no verdict). */
  blank: number;
  share: string;
  passes: boolean;
  status: CandidateStatus;
};

export type RoundResults = {
  ballots: number;
  voted: number;
  /** ballots === voted: the check every results page shows. */
  consistent: boolean;
  votesNeeded: number;
  threshold: PassThreshold;
  thresholdLabel: string;
  rows: CandidateResultRow[];
  elected: { unitId: string; name: string }[];
  unfilledSeats: number;
  runoff: { reason: "TIE" | "NO_MAJORITY"; seats: number; candidates: { unitId: string; name: string }[] } | null;
};

function toResults(result: ClosedRoundResult, passThreshold: string | null): RoundResults {
  const threshold = storedThreshold(passThreshold);
  const cand = (id: string) => candidateOf(result, id);
  return {
    ballots: result.ballots,
    voted: result.voted,
    consistent: result.ballots === result.voted,
    votesNeeded: result.votesNeeded,
    threshold,
    thresholdLabel: thresholdLabel(threshold),
    rows: result.results.map((r) => ({
      candidateId: r.candidateId,
      unitId: cand(r.candidateId).unitId,
      name: r.name,
      note: cand(r.candidateId).note,
      approvals: r.approvals,
      disapprovals: r.disapprovals,
      blank: result.ballots - r.approvals - r.disapprovals,
      share: formatShare(r.approvals, result.ballots),
      passes: r.passes,
      status: r.status,
    })),
    elected: result.elected.map((id) => ({ unitId: cand(id).unitId, name: cand(id).name })),
    unfilledSeats: result.unfilledSeats,
    runoff: result.runoff && {
      reason: result.runoff.reason,
      seats: result.runoff.seats,
      candidates: result.runoff.candidateIds.map((id) => ({ unitId: cand(id).unitId, name: cand(id).name })),
    },
  };
}

/** The member unit the actor is the delegate of, in the given cluster (unit heads only), or null. */
async function delegateUnit(actor: Actor, clusterId: string) {
  if (!actor.unitId || !roleMay(actor, "vote.cast") || !can(actor, "vote.cast", { unitId: actor.unitId })) return null;
  const unit = await prisma.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, name: true, clusterId: true, parentId: true, active: true } });
  if (!unit || unit.clusterId !== clusterId || unit.parentId !== null || !unit.active) return null;
  return { id: unit.id, name: unit.name };
}

/**
 * The units that may vote in a round, with whether each has voted, in Vietnamese name order:
 * the active member units, plus any unit recorded as having voted (e.g. since deactivated).
 */
async function turnout(clusterId: string, roundIds: string[]) {
  const [members, participations] = await Promise.all([
    prisma.unit.findMany({ where: { clusterId, parentId: null, active: true }, select: { id: true, name: true, sortKey: true } }),
    roundIds.length
      ? prisma.voteParticipation.findMany({ where: { roundId: { in: roundIds } }, select: { roundId: true, unitId: true, unit: { select: { name: true, sortKey: true } } } })
      : Promise.resolve([]),
  ]);
  const units = new Map(members.map((m) => [m.id, { id: m.id, name: m.name, sortKey: m.sortKey }]));
  for (const p of participations) if (!units.has(p.unitId)) units.set(p.unitId, { id: p.unitId, name: p.unit.name, sortKey: p.unit.sortKey });
  const ordered = [...units.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return (roundId: string) => {
    const voted = new Set(participations.filter((p) => p.roundId === roundId).map((p) => p.unitId));
    return ordered.map((u) => ({ unitId: u.id, name: u.name, voted: voted.has(u.id) }));
  };
}

/** The fields every round view starts from (lists, detail, ballot page, minutes). */
const roundBasics = { id: true, kind: true, title: true, titleCode: true, seats: true, state: true } as const;

/** All member units of a cluster, inactive ones too (the chair rotation and past office holders need them), in Vietnamese order. */
const memberUnits = (clusterId: string) =>
  prisma.unit.findMany({ where: { clusterId, parentId: null }, select: { id: true, name: true, active: true }, orderBy: { sortKey: "asc" } });

const settingsSummary = (s: YearSettings, activeMembers: number) => ({
  threshold: thresholdLabel(s.passThreshold),
  quorum: s.quorumUnits === null ? `Tất cả ${activeMembers} đơn vị thành viên` : `Tối thiểu ${s.quorumUnits}/${activeMembers} đơn vị`,
  allowSelfVote: s.allowSelfVote,
  outgoingChairMayBeReelected: s.outgoingChairMayBeReelected,
  conferenceDate: s.conferenceDate,
});

// ---------------------------------------------------------------------------------------------
// /conference: the rounds of one year

export type ConferencePageParams = { yearId?: string | null; clusterId?: string | null };

export async function conferencePage(actor: Actor, params: ConferencePageParams = {}) {
  if (!roleMay(actor, "vote.view")) notFound();
  if (params.yearId && !isUuid(params.yearId)) notFound();
  if (params.clusterId && !isUuid(params.clusterId)) notFound();

  let year = params.yearId
    ? await prisma.emulationYear.findUnique({ where: { id: params.yearId }, select: { id: true, clusterId: true } })
    : null;
  if (!params.yearId) {
    const clusterId = params.clusterId ?? actor.clusterId;
    if (!clusterId) {
      // An admin without a cluster: choose one.
      const clusters = await prisma.cluster.findMany({ select: { id: true, name: true, code: true } });
      return { pick: clusters.sort((a, b) => compareVi(a.name, b.name)), data: null };
    }
    assertCan(actor, "vote.view", { clusterId });
    year = await prisma.emulationYear.findFirst({ where: { clusterId }, orderBy: { year: "desc" }, select: { id: true, clusterId: true } });
    if (!year) {
      const cluster = await prisma.cluster.findUnique({ where: { id: clusterId }, select: { name: true } });
      if (!cluster) notFound();
      return { pick: null, data: null, emptyCluster: { name: cluster.name } };
    }
  }
  assertCan(actor, "vote.view", year && { clusterId: year.clusterId });
  const clusterId = year!.clusterId;

  const [y, years, rounds, members] = await Promise.all([
    prisma.emulationYear.findUniqueOrThrow({
      where: { id: year!.id },
      select: {
        id: true,
        year: true,
        phase: true,
        settings: true,
        chairAssignmentRef: true,
        cluster: { select: { name: true } },
        chairUnit: { select: { name: true } },
        deputyUnit: { select: { name: true } },
      },
    }),
    prisma.emulationYear.findMany({ where: { clusterId }, orderBy: { year: "desc" }, select: { id: true, year: true, phase: true, chairUnitId: true } }),
    prisma.voteRound.findMany({
      where: { emulationYearId: year!.id },
      orderBy: [{ createdAt: "asc" }, { openedAt: "asc" }, { id: "asc" }],
      select: {
        ...roundBasics,
        passThreshold: true,
        quorum: true,
        electorateSize: true,
        runoffOfId: true,
        openedAt: true,
        closedAt: true,
        candidates: { orderBy: { position: "asc" }, select: { unit: { select: { name: true } } } },
        _count: { select: { participations: true, runoffs: true } },
      },
    }),
    memberUnits(clusterId),
  ]);
  const settings = parseYearSettings(y.settings);
  const phase = y.phase as YearPhase;
  const writable = isYearWritable(phase);
  const canManage = can(actor, "vote.manage", { clusterId });
  const delegate = await delegateUnit(actor, clusterId);
  const activeMembers = members.filter((m) => m.active);

  const closedIds = rounds.filter((r) => r.state === "CLOSED").map((r) => r.id);
  const openIds = rounds.filter((r) => r.state === "OPEN").map((r) => r.id);
  const [results, myVotes] = await Promise.all([
    closedRoundResults(prisma, closedIds),
    delegate && openIds.length
      ? prisma.voteParticipation.findMany({ where: { roundId: { in: openIds }, unitId: delegate.id }, select: { roundId: true } })
      : Promise.resolve([]),
  ]);
  const votedRounds = new Set(myVotes.map((v) => v.roundId));
  const titleNames = new Map(
    (await prisma.titleDefinition.findMany({ where: { code: { in: [...ACCLAIM_TITLE_CODES] } }, select: { code: true, name: true, level: true, active: true } })).map((t) => [
      t.code,
      t,
    ]),
  );

  const roundRows = rounds.map((r) => {
    const result = results.get(r.id);
    return {
      id: r.id,
      kind: r.kind as RoundKind,
      title: r.title,
      titleName: r.titleCode ? (titleNames.get(r.titleCode)?.name ?? r.titleCode) : null,
      seats: r.seats,
      state: r.state as RoundState,
      isRunoff: r.runoffOfId !== null,
      hasRunoff: r._count.runoffs > 0,
      candidateNames: r.candidates.map((c) => c.unit.name),
      voted: r._count.participations,
      electorateSize: r.electorateSize ?? activeMembers.length,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      delegateHasVoted: votedRounds.has(r.id),
      results: result ? toResults(result, r.passThreshold) : null,
    };
  });

  let manage = null;
  if (canManage && writable) {
    const history = years.filter((h) => h.year <= y.year).map((h) => ({ year: h.year, chairUnitId: h.chairUnitId }));
    const rotation: Rotation = chairRotation(y.year + 1, members, history, { outgoingChairMayBeReelected: settings.outgoingChairMayBeReelected });
    const elected = await electedLeadership(prisma, y.id);
    const nameOf = (id: string | null) => (id ? (members.find((m) => m.id === id)?.name ?? null) : null);
    const nextYear = years.find((h) => h.year === y.year + 1) ?? null;
    manage = {
      members: activeMembers.map((m) => ({ id: m.id, name: m.name })),
      acclaimTitles: ACCLAIM_TITLE_CODES.map((code) => titleNames.get(code))
        .filter((t): t is NonNullable<typeof t> => !!t && t.active)
        .map((t) => ({ code: t.code, name: t.name, seatLimit: acclaimSeatLimit(t.code, settings), defaultSeats: defaultSeats("ACCLAIM", t.code, settings) })),
      rotation,
      chairElect: elected.chairUnitId ? { unitId: elected.chairUnitId, name: nameOf(elected.chairUnitId) } : null,
      deputyElect: elected.deputyUnitId ? { unitId: elected.deputyUnitId, name: nameOf(elected.deputyUnitId) } : null,
      deputyCandidates: activeMembers.filter((m) => m.id !== elected.chairUnitId).map((m) => ({ id: m.id, name: m.name })),
      /** Years whose chair the Ministry may assign from here: this year and the next (if open and writable). */
      assignableYears: [
        { id: y.id, year: y.year },
        ...(nextYear && isYearWritable(nextYear.phase as YearPhase) ? [{ id: nextYear.id, year: nextYear.year }] : []),
      ],
      nextYearOpen: nextYear !== null,
    };
  }

  return {
    pick: null,
    data: {
      year: {
        id: y.id,
        year: y.year,
        phase,
        writable,
        clusterName: y.cluster.name,
        chairName: y.chairUnit?.name ?? null,
        deputyName: y.deputyUnit?.name ?? null,
        chairAssignmentRef: y.chairAssignmentRef,
        settings: settingsSummary(settings, activeMembers.length),
      },
      years: years.map((h) => ({ id: h.id, year: h.year })),
      canManage,
      canDownloadMinutes: canManage || can(actor, "vote.view", { clusterId }),
      delegate,
      rounds: roundRows,
      openForDelegate: delegate ? roundRows.filter((r) => r.state === "OPEN") : [],
      manage,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One round

async function loadRoundForView(actor: Actor, roundId: string) {
  if (!isUuid(roundId)) notFound();
  const round = await prisma.voteRound.findUnique({
    where: { id: roundId },
    select: {
      ...roundBasics,
      passThreshold: true,
      quorum: true,
      electorateSize: true,
      openedAt: true,
      closedAt: true,
      runoffOf: { select: { id: true, title: true } },
      runoffs: { select: { id: true, title: true, state: true }, orderBy: { createdAt: "asc" } },
      emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true, cluster: { select: { name: true } } } },
      candidates: { orderBy: { position: "asc" }, select: { id: true, unitId: true, position: true, note: true, unit: { select: { name: true } } } },
    },
  });
  assertCan(actor, "vote.view", round && { clusterId: round.emulationYear.clusterId });
  return round!;
}

/** The results of a CLOSED round. Refuses (throws) for a round that is not closed: nothing is counted. */
export async function roundResults(actor: Actor, roundId: string): Promise<RoundResults> {
  const round = await loadRoundForView(actor, roundId);
  if (round.state !== "CLOSED") throw new ResultsNotAvailableError();
  const result = await closedRoundResults(prisma, [round.id]);
  const r = result.get(round.id);
  if (!r) throw new ResultsNotAvailableError();
  return toResults(r, round.passThreshold);
}

export async function roundDetail(actor: Actor, roundId: string) {
  const round = await loadRoundForView(actor, roundId);
  const clusterId = round.emulationYear.clusterId;
  const state = round.state as RoundState;
  const phase = round.emulationYear.phase as YearPhase;
  const settings = parseYearSettings(round.emulationYear.settings);
  const canManage = can(actor, "vote.manage", { clusterId });
  const [turnoutOf, delegate, results] = await Promise.all([
    turnout(clusterId, [round.id]),
    delegateUnit(actor, clusterId),
    state === "CLOSED" ? roundResults(actor, round.id) : Promise.resolve(null),
  ]);
  const units = turnoutOf(round.id);
  const voted = units.filter((u) => u.voted).length;
  const electorateSize = round.electorateSize ?? units.length;
  const isRunoff = round.runoffOf !== null;

  // What has been recorded from the outcome (for the "Ghi nhận kết quả" state).
  let applied: { kind: "ACCLAIM"; unitNames: string[] } | { kind: "LEADERSHIP"; nextYear: number; open: boolean; currentName: string | null } | null = null;
  if (state === "CLOSED" && results && results.elected.length) {
    if (round.kind === "ACCLAIM" && round.titleCode) {
      const rows = await prisma.unitYearResult.findMany({
        where: { emulationYearId: round.emulationYear.id, proposedTitleCode: round.titleCode, unitId: { in: results.elected.map((e) => e.unitId) } },
        select: { unit: { select: { name: true } } },
      });
      applied = { kind: "ACCLAIM", unitNames: rows.map((r) => r.unit.name) };
    } else if (round.kind !== "ACCLAIM") {
      const next = await prisma.emulationYear.findUnique({
        where: { clusterId_year: { clusterId, year: round.emulationYear.year + 1 } },
        select: { chairUnit: { select: { name: true } }, deputyUnit: { select: { name: true } } },
      });
      applied = {
        kind: "LEADERSHIP",
        nextYear: round.emulationYear.year + 1,
        open: next !== null,
        currentName: next ? ((round.kind === "CHAIR_ELECTION" ? next.chairUnit?.name : next.deputyUnit?.name) ?? null) : null,
      };
    }
  }

  const titleName = round.titleCode
    ? ((await prisma.titleDefinition.findUnique({ where: { code: round.titleCode }, select: { name: true } }))?.name ?? round.titleCode)
    : null;
  const threshold: PassThreshold = isPassThreshold(round.passThreshold) ? round.passThreshold : settings.passThreshold;
  return {
    id: round.id,
    kind: round.kind as RoundKind,
    title: round.title,
    titleName,
    seats: round.seats,
    state,
    mode: ballotMode(round.kind as RoundKind, isRunoff) as BallotMode,
    thresholdLabel: thresholdLabel(threshold),
    /** Copied at opening; before that, what the year's settings say now. */
    quorum: round.quorum ?? quorumFor(settings.quorumUnits, electorateSize),
    electorateSize,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    isRunoff,
    runoffOf: round.runoffOf,
    runoffs: round.runoffs.map((r) => ({ ...r, state: r.state as RoundState })),
    year: { id: round.emulationYear.id, year: round.emulationYear.year, writable: isYearWritable(phase), clusterName: round.emulationYear.cluster.name },
    allowSelfVote: settings.allowSelfVote,
    candidates: round.candidates.map((c) => ({ id: c.id, unitId: c.unitId, name: c.unit.name, note: c.note })),
    turnout: units,
    voted,
    results,
    applied,
    canManage,
    delegate: delegate && { ...delegate, hasVoted: units.some((u) => u.unitId === delegate.id && u.voted) },
    edit:
      canManage && state === "DRAFT" && !isRunoff
        ? await draftEditData(round.kind as RoundKind, clusterId, round.emulationYear.id, round.emulationYear.year, settings, round.titleCode)
        : null,
  };
}

/** What the edit form of a DRAFT round offers (the same lists as the create forms). */
async function draftEditData(kind: RoundKind, clusterId: string, yearId: string, year: number, settings: YearSettings, titleCode: string | null) {
  const members = await memberUnits(clusterId);
  const active = members.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name, note: null as string | null }));
  if (kind === "CHAIR_ELECTION") {
    const history = await prisma.emulationYear.findMany({ where: { clusterId, year: { lte: year } }, select: { year: true, chairUnitId: true } });
    const rotation = chairRotation(year + 1, members, history, { outgoingChairMayBeReelected: settings.outgoingChairMayBeReelected });
    return { options: rotation.candidates.map((c) => ({ id: c.unitId, name: c.name, note: c.lastChairedYear === null ? "Chưa từng làm Cụm trưởng" : `${c.yearsSinceLastChaired} năm` })), seatLimit: 1 };
  }
  if (kind === "DEPUTY_ELECTION") {
    const { chairUnitId } = await electedLeadership(prisma, yearId);
    return { options: active.filter((m) => m.id !== chairUnitId), seatLimit: 1 };
  }
  return { options: active, seatLimit: acclaimSeatLimit(titleCode, settings) };
}

// ---------------------------------------------------------------------------------------------
// The delegate's ballot page

export async function ballotPage(actor: Actor, roundId: string) {
  if (!isUuid(roundId)) notFound();
  const round = await prisma.voteRound.findUnique({
    where: { id: roundId },
    select: {
      ...roundBasics,
      runoffOfId: true,
      emulationYear: { select: { year: true, phase: true, clusterId: true, settings: true, cluster: { select: { name: true } } } },
      candidates: { orderBy: { position: "asc" }, select: { id: true, unitId: true, note: true, unit: { select: { name: true } } } },
    },
  });
  if (!round || !actor.unitId) notFound();
  assertCan(actor, "vote.cast", { unitId: actor.unitId });
  const unit = await delegateUnit(actor, round.emulationYear.clusterId);
  if (!unit) notFound();
  const settings = parseYearSettings(round.emulationYear.settings);
  const hasVoted = (await prisma.voteParticipation.count({ where: { roundId: round.id, unitId: unit.id } })) > 0;
  const rules = { voterUnitId: unit.id, allowSelfVote: settings.allowSelfVote };
  const titleName = round.titleCode
    ? ((await prisma.titleDefinition.findUnique({ where: { code: round.titleCode }, select: { name: true } }))?.name ?? null)
    : null;
  return {
    id: round.id,
    kind: round.kind as RoundKind,
    title: round.title,
    titleName,
    seats: round.seats,
    state: round.state as RoundState,
    yearWritable: isYearWritable(round.emulationYear.phase as YearPhase),
    mode: ballotMode(round.kind as RoundKind, round.runoffOfId !== null),
    clusterName: round.emulationYear.cluster.name,
    year: round.emulationYear.year,
    unit,
    hasVoted,
    allowSelfVote: settings.allowSelfVote,
    candidates: round.candidates.map((c) => ({
      id: c.id,
      name: c.unit.name,
      note: c.note,
      isOwn: c.unitId === unit.id,
      mayVote: mayVoteOn(rules, { unitId: c.unitId }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The hall's projection screen: turnout while open, totals after closing.

export async function roundScreen(actor: Actor, roundId: string) {
  const detail = await roundDetail(actor, roundId);
  return {
    id: detail.id,
    title: detail.title,
    kind: detail.kind,
    state: detail.state,
    seats: detail.seats,
    clusterName: detail.year.clusterName,
    year: detail.year.year,
    turnout: detail.turnout,
    voted: detail.voted,
    electorateSize: detail.electorateSize,
    quorum: detail.quorum,
    thresholdLabel: detail.thresholdLabel,
    results: detail.results,
    runoffs: detail.runoffs,
  };
}

// ---------------------------------------------------------------------------------------------
// The minutes (biên bản) of one year's conference

export type MinutesRound = {
  title: string;
  kind: RoundKind;
  titleName: string | null;
  seats: number;
  state: RoundState;
  isRunoff: boolean;
  thresholdLabel: string;
  electorateSize: number;
  candidates: { name: string; note: string | null }[];
  results: RoundResults | null;
  openedAt: Date | null;
  closedAt: Date | null;
};

export type MinutesData = {
  clusterName: string;
  blockName: string;
  year: number;
  conferenceDate: string | null;
  chairName: string | null;
  unitsPresent: string[];
  members: string[];
  rounds: MinutesRound[];
};

/** The minutes' data, or null when the year does not exist or the actor may not see it. */
export async function minutesData(actor: Actor, yearId: string): Promise<MinutesData | null> {
  if (!isUuid(yearId)) return null;
  const year = await prisma.emulationYear.findUnique({
    where: { id: yearId },
    select: {
      id: true,
      year: true,
      clusterId: true,
      settings: true,
      cluster: { select: { name: true, block: { select: { name: true } } } },
      chairUnit: { select: { name: true } },
    },
  });
  if (!year) return null;
  if (!can(actor, "vote.manage", { clusterId: year.clusterId }) && !can(actor, "vote.view", { clusterId: year.clusterId })) return null;
  const [rounds, members, present] = await Promise.all([
    prisma.voteRound.findMany({
      where: { emulationYearId: year.id, state: { not: "DRAFT" } },
      orderBy: [{ openedAt: "asc" }, { createdAt: "asc" }],
      select: {
        ...roundBasics,
        passThreshold: true,
        electorateSize: true,
        runoffOfId: true,
        openedAt: true,
        closedAt: true,
        candidates: { orderBy: { position: "asc" }, select: { note: true, unit: { select: { name: true } } } },
      },
    }),
    prisma.unit.findMany({ where: { clusterId: year.clusterId, parentId: null, active: true }, select: { name: true }, orderBy: { sortKey: "asc" } }),
    prisma.$queryRaw<{ name: string }[]>`
      SELECT u.name FROM "Unit" u
      WHERE EXISTS (SELECT 1 FROM "VoteParticipation" p JOIN "VoteRound" r ON r.id = p."roundId" WHERE p."unitId" = u.id AND r."emulationYearId" = ${year.id}::uuid)
      ORDER BY u."sortKey"`,
  ]);
  const results = await closedRoundResults(prisma, rounds.filter((r) => r.state === "CLOSED").map((r) => r.id));
  const titleNames = new Map(
    (await prisma.titleDefinition.findMany({ where: { code: { in: rounds.map((r) => r.titleCode).filter((c): c is string => !!c) } }, select: { code: true, name: true } })).map(
      (t) => [t.code, t.name],
    ),
  );
  return {
    clusterName: year.cluster.name,
    blockName: year.cluster.block.name,
    year: year.year,
    conferenceDate: parseYearSettings(year.settings).conferenceDate,
    chairName: year.chairUnit?.name ?? null,
    unitsPresent: present.map((p) => p.name),
    members: members.map((m) => m.name),
    rounds: rounds.map((r) => {
      const result = results.get(r.id);
      const threshold = storedThreshold(r.passThreshold);
      return {
        title: r.title,
        kind: r.kind as RoundKind,
        titleName: r.titleCode ? (titleNames.get(r.titleCode) ?? r.titleCode) : null,
        seats: r.seats,
        state: r.state as RoundState,
        isRunoff: r.runoffOfId !== null,
        thresholdLabel: thresholdLabel(threshold),
        electorateSize: r.electorateSize ?? members.length,
        candidates: r.candidates.map((c) => ({ name: c.unit.name, note: c.note })),
        results: result ? toResults(result, r.passThreshold) : null,
        openedAt: r.openedAt,
        closedAt: r.closedAt,
      };
    }),
  };
}
