// Who may run a command of the valid-input table, as the permission table alone says, and who runs it
// where one allowed actor is enough (the closed-year lock, the fuzzers).
import { can, PERMISSIONS, roleMay, type Actor, type Permission, type Target } from "@/domain/permissions";
import type { AnyCommand } from "../../support/all-commands";
import type { Fixture } from "./valid-inputs";
import type { ActorKey, World } from "./world";

export const isPermission = (p: string): p is Permission => Object.hasOwn(PERMISSIONS, p);

/** The scope the command lands on for this actor, per its fixture. */
export function targetOf(fixture: Fixture, w: World, actor: Actor): Target {
  const s = fixture.scope;
  if (typeof s === "function") return s(w, actor);
  switch (s) {
    case "A1":
      return { clusterId: w.clusterA.id, unitId: w.A1.id };
    case "A":
      return { clusterId: w.clusterA.id };
    case "none":
      return {};
    case "own-unit":
      return actor.unitId ? { clusterId: actor.clusterId, unitId: actor.unitId } : {};
    case "own-cluster":
      return actor.clusterId ? { clusterId: actor.clusterId } : {};
  }
}

/** The single source of truth: the role has a rule for the permission and its scope covers the target. */
export function expectedAllowed(permission: Permission, fixture: Fixture, w: World, actor: Actor): boolean {
  return roleMay(actor, permission) && can(actor, permission, targetOf(fixture, w, actor));
}

// Tried in this order when the fixture names no actor.
const PREFERRED: ActorKey[] = ["SECRETARIAT_A", "UNIT_OFFICER_A1", "UNIT_HEAD_A1", "ADMIN", "MINISTRY"];

/** The actor the fixture names, or the first the permission table allows; undefined when none is. */
export function runnerOf(command: AnyCommand, fixture: Fixture, w: World): ActorKey | undefined {
  return fixture.actor ?? PREFERRED.find((k) => expectedAllowed(command.permission as Permission, fixture, w, w.actors[k]));
}
