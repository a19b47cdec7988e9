import { can, roleMay, type Actor } from "@/domain/permissions";
import { formatShare, thresholdLabel } from "@/domain/voting";
import { candidateOf, storedThreshold, type ClosedRoundResult } from "@/server/store/vote-results";
import { prisma } from "@/server/db";
import { assertCan, named } from "../guard";
import type { RoundResults } from "./round-results";

export function toResults(result: ClosedRoundResult, passThreshold: string | null): RoundResults {
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
export async function delegateUnit(actor: Actor, clusterId: string) {
  if (!actor.unitId || !roleMay(actor, "vote.cast") || !can(actor, "vote.cast", { unitId: actor.unitId })) return null;
  const unit = await prisma.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, name: true, clusterId: true, parentId: true, active: true } });
  if (!unit || unit.clusterId !== clusterId || unit.parentId !== null || !unit.active) return null;
  return { id: unit.id, name: unit.name };
}

/** The fields every round view starts from (lists, detail, ballot page, minutes). */
/** The name of a round's title (null: no title, or one the catalogue no longer has). */
export async function titleNameOf(code: string | null): Promise<string | null> {
  if (!code) return null;
  return (await prisma.titleDefinition.findUnique({ where: { code }, select: { name: true } }))?.name ?? null;
}

export const roundBasics = { id: true, kind: true, title: true, titleCode: true, seats: true, state: true } as const;

/** All member units of a cluster, inactive ones too (the chair rotation and past office holders need them), in Vietnamese order. */
export const memberUnits = (clusterId: string) =>
  prisma.unit.findMany({ where: { clusterId, parentId: null }, select: { id: true, name: true, active: true }, orderBy: { sortKey: "asc" } });

export async function loadRoundForView(actor: Actor, roundId: string) {
  const round = await named(roundId, (id) => prisma.voteRound.findUnique({
    where: { id },
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
  }));
  assertCan(actor, "vote.view", { clusterId: round.emulationYear.clusterId });
  return round;
}
