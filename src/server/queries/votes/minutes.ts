import { can, type Actor } from "@/domain/permissions";
import { thresholdLabel, type RoundKind, type RoundState } from "@/domain/voting";
import { parseYearSettings } from "@/domain/year-settings";
import { closedRoundResults, storedThreshold } from "@/server/store/vote-results";
import { prisma } from "@/server/db";
import { isUuid } from "@/domain/validation";
import type { RoundResults } from "./round-results";
import { roundBasics, toResults } from "./shared";

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
