// Every command of src/server/commands, found by listing the folder and its sub-folders (not by a
// hand-kept list), each once. Shared by the permission matrix, the closed-year lock and the fuzzers.
import { z } from "zod";
import type { Command } from "@/server/commands/command";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any, any>;

export function isCommand(value: unknown): value is AnyCommand {
  const v = value as Partial<AnyCommand> | null;
  return (
    !!v && typeof v === "object" && typeof v.name === "string" && typeof v.permission === "string" &&
    v.input instanceof z.ZodType && typeof v.target === "function" && typeof v.run === "function"
  );
}

export type CommandListing = {
  /** Every command, by its audit name. */
  commands: Map<string, AnyCommand>;
  /** Names used by two different command objects. */
  duplicates: string[];
  /** Commands an index.ts exports that no other file does (a barrel must only re-export). */
  onlyInBarrels: string[];
};

const isBarrel = (file: string) => /(^|\/)index\.ts$/.test(file);

/**
 * The commands of loaded modules, by file. An index.ts barrel re-exports the same objects as its
 * folder's files, so it is not read as a source (nor is a re-export counted twice); a command found
 * only in a barrel is reported rather than dropped.
 */
export function commandsOf(modules: Record<string, Record<string, unknown>>): CommandListing {
  const commands = new Map<string, AnyCommand>();
  const duplicates: string[] = [];
  const files = Object.keys(modules).sort();
  for (const file of files.filter((f) => !isBarrel(f))) {
    for (const value of Object.values(modules[file]!)) {
      if (!isCommand(value)) continue;
      const seen = commands.get(value.name);
      if (seen && seen !== value) duplicates.push(value.name);
      commands.set(value.name, value);
    }
  }
  const found = new Set(commands.values());
  const onlyInBarrels = files
    .filter(isBarrel)
    .flatMap((file) => Object.values(modules[file]!).filter((v): v is AnyCommand => isCommand(v) && !found.has(v)).map((c) => `${file}: ${c.name}`));
  return { commands, duplicates, onlyInBarrels };
}

// Eager: the command modules load with this file, every depth of the folder.
const commandModules = import.meta.glob<Record<string, unknown>>("../../src/server/commands/**/*.ts", { eager: true });

/** The commands of src/server/commands and its sub-folders. */
export function listCommands(): CommandListing {
  return commandsOf(commandModules);
}

/** Every command, once, by its audit name. */
export function allCommands(): Map<string, AnyCommand> {
  return listCommands().commands;
}
