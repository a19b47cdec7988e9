// The phase a command of the valid-input table runs in (src/domain/year-phase-rules.ts): the world's
// years are in REGISTRATION; a case of another action first moves the open years of both clusters to
// the action's first phase, as the secretariat would before doing it. Actions done in every phase, and
// years already in an allowed phase, are left as they are.
import { PHASE_ACTIONS, type PhaseActionKey } from "@/domain/year-phase-rules";
import type { YearPhase } from "@/domain/year-phases";
import type { AnyCommand } from "../../support/all-commands";
import { prisma } from "../fixtures";
import type { World } from "./world";

/** Where a command of `action` runs by rule: its first phase. */
export const homePhaseOf = (action: PhaseActionKey): YearPhase => PHASE_ACTIONS[action].phases[0]!;

/** Moves every open year of clusters A and B that is not in one of the command's phases to its first one. */
export async function enterPhaseOf(w: World, command: AnyCommand) {
  const action = command.phases as PhaseActionKey | undefined;
  if (!action || PHASE_ACTIONS[action].lift === "none") return;
  const allowed = PHASE_ACTIONS[action].phases as readonly YearPhase[];
  await prisma.emulationYear.updateMany({
    where: { clusterId: { in: [w.clusterA.id, w.clusterB.id] }, phase: { notIn: [...allowed, "CLOSED"] } },
    data: { phase: homePhaseOf(action) },
  });
}

/** Sets the phase of every year of cluster A (and B), as the phase matrix needs. */
export async function setPhase(w: World, phase: YearPhase) {
  await prisma.emulationYear.updateMany({ where: { clusterId: { in: [w.clusterA.id, w.clusterB.id] } }, data: { phase, closedAt: phase === "CLOSED" ? new Date() : null } });
}
