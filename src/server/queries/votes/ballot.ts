import { type Actor } from "@/domain/permissions";
import { ballotMode, mayVoteOn, type RoundKind, type RoundState } from "@/domain/voting";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import { assertCan, named } from "../guard";
import { roundBasics, delegateUnit, titleNameOf } from "./shared";
import { notFound } from "@/server/errors";

export async function ballotPage(actor: Actor, roundId: string) {
  const round = await named(roundId, (id) => prisma.voteRound.findUnique({
    where: { id },
    select: {
      ...roundBasics,
      runoffOfId: true,
      emulationYear: { select: { year: true, phase: true, clusterId: true, settings: true, cluster: { select: { name: true } } } },
      candidates: { orderBy: { position: "asc" }, select: { id: true, unitId: true, note: true, unit: { select: { name: true } } } },
    },
  }));
  if (!actor.unitId) notFound();
  assertCan(actor, "vote.cast", { unitId: actor.unitId });
  const unit = await delegateUnit(actor, round.emulationYear.clusterId);
  if (!unit) notFound();
  const settings = parseYearSettings(round.emulationYear.settings);
  const hasVoted = (await prisma.voteParticipation.count({ where: { roundId: round.id, unitId: unit.id } })) > 0;
  const rules = { voterUnitId: unit.id, allowSelfVote: settings.allowSelfVote };
  const titleName = await titleNameOf(round.titleCode);
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
