// Every command of src/server/commands, found by listing the folder (not by a hand-kept list), and the
// expected answer of the permission table for an actor and a command's fixture.
import fs from "node:fs";
import path from "node:path";
import { can, PERMISSIONS, roleMay, type Actor, type Permission, type Target } from "@/domain/permissions";
import type { Command } from "@/server/commands/command";
import type { Fixture } from "./command-fixtures";
import type { World } from "./world";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
const COMMANDS_DIR = path.join(ROOT, "src/server/commands");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any, any>;

const isCommand = (value: unknown): value is AnyCommand =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as AnyCommand).name === "string" &&
  typeof (value as AnyCommand).permission === "string" &&
  typeof (value as AnyCommand).target === "function" &&
  typeof (value as AnyCommand).run === "function" &&
  typeof (value as AnyCommand).input === "object";

/** The modules of the folder and its sub-folders; an index.ts only re-exports its folder's modules. */
function commandFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? commandFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") && e.name !== "index.ts" ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Every exported command of every module of the folder, by name (a re-export counts once). */
export async function collectCommands(): Promise<{ commands: Map<string, AnyCommand>; duplicates: string[] }> {
  const commands = new Map<string, AnyCommand>();
  const duplicates: string[] = [];
  for (const file of commandFiles(COMMANDS_DIR)) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (!isCommand(value)) continue;
      const seen = commands.get(value.name);
      if (seen && seen !== value) duplicates.push(value.name);
      commands.set(value.name, value);
    }
  }
  return { commands, duplicates };
}

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
