import { can, type Actor } from "@/domain/permissions";
import { acclaimSeatLimit, ballotMode, chairRotation, isPassThreshold, quorumFor, thresholdLabel, type BallotMode, type PassThreshold, type RoundKind, type RoundState } from "@/domain/voting";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { parseYearSettings, type YearSettings } from "@/domain/year-settings";
import { electedLeadership } from "@/server/store/vote-results";
import { prisma } from "@/server/db";
import { loadRoundForView, delegateUnit, memberUnits, titleNameOf } from "./shared";
import { roundResults } from "./round-results";

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

  const titleName = round.titleCode ? ((await titleNameOf(round.titleCode)) ?? round.titleCode) : null;
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
