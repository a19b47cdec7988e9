import { can, roleMay, type Actor } from "@/domain/permissions";
import { ACCLAIM_TITLE_CODES, acclaimSeatLimit, chairRotation, defaultSeats, thresholdLabel, type RoundKind, type RoundState, type Rotation } from "@/domain/voting";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { parseYearSettings, type YearSettings } from "@/domain/year-settings";
import { compareVi } from "@/domain/vietnamese";
import { closedRoundResults, electedLeadership } from "@/server/store/vote-results";
import { prisma } from "@/server/db";
import { assertCan } from "../guard";
import { isUuid } from "@/domain/validation";
import { roundBasics, memberUnits, delegateUnit, toResults } from "./shared";
import { notFound } from "@/server/errors";

const settingsSummary = (s: YearSettings, activeMembers: number) => ({
  threshold: thresholdLabel(s.passThreshold),
  quorum: s.quorumUnits === null ? `Tất cả ${activeMembers} đơn vị thành viên` : `Tối thiểu ${s.quorumUnits}/${activeMembers} đơn vị`,
  allowSelfVote: s.allowSelfVote,
  outgoingChairMayBeReelected: s.outgoingChairMayBeReelected,
  conferenceDate: s.conferenceDate,
});

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
