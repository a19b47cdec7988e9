// Every zod schema the app validates input with, found automatically: each command's `input` (every
// module of src/server/commands and its sub-folders) and every exported schema of src/domain, plus the field builders of
// src/domain/validation.ts. Also what a schema promises about its output (the length bound).
import { z } from "zod";
import type { Command } from "@/server/commands/command";
import * as validation from "@/domain/validation";

type AnyCommand = Command<unknown, unknown>;

const commandModules = import.meta.glob<Record<string, unknown>>("../../src/server/commands/**/*.ts", { eager: true });
const domainModules = import.meta.glob<Record<string, unknown>>("../../src/domain/**/*.ts", { eager: true });

export function isCommand(value: unknown): value is AnyCommand {
  const v = value as Partial<AnyCommand> | null;
  return (
    !!v && typeof v === "object" && typeof v.name === "string" && typeof v.permission === "string" &&
    v.input instanceof z.ZodType && typeof v.target === "function" && typeof v.run === "function"
  );
}

/** Every command, once, by its audit name. */
export function allCommands(): Map<string, AnyCommand> {
  const out = new Map<string, AnyCommand>();
  for (const mod of Object.values(commandModules)) {
    for (const value of Object.values(mod)) if (isCommand(value)) out.set(value.name, value);
  }
  return out;
}

/** Every exported zod schema of src/domain, and the validation.ts builders instantiated. */
export function domainSchemas(): Map<string, z.ZodType> {
  const out = new Map<string, z.ZodType>();
  for (const [file, mod] of Object.entries(domainModules)) {
    for (const [name, value] of Object.entries(mod)) {
      if (value instanceof z.ZodType) out.set(`${file.replace(/^.*src\//, "")}:${name}`, value);
    }
  }
  out.set("validation:requiredText(50)", validation.requiredText("Trường", 50));
  out.set("validation:optionalText(50)", validation.optionalText("Trường", 50));
  out.set("validation:codeField()", validation.codeField("Mã"));
  out.set("validation:idField()", validation.idField());
  out.set("validation:optionalIdField()", validation.optionalIdField("Đơn vị"));
  return out;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; values?: unknown[]; entries?: Record<string, unknown>; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def; bag?: { maximum?: number } } })._zod;

/** The tightest length bound the schema states for a string output (Infinity when none). */
export function maxLengthOf(schema: z.ZodType): number {
  const zod = defOf(schema);
  const def = zod.def;
  switch (def.type) {
    case "string":
      return zod.bag?.maximum ?? Infinity;
    case "pipe":
      return Math.min(maxLengthOf(def.in!), maxLengthOf(def.out!));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return maxLengthOf(def.innerType!);
    case "union":
      return Math.max(...def.options!.map(maxLengthOf));
    case "literal":
      return Math.max(...def.values!.map((v) => (typeof v === "string" ? v.length : Infinity)));
    case "enum":
      return Math.max(...Object.values(def.entries!).map((v) => (typeof v === "string" ? v.length : Infinity)));
    default:
      return Infinity;
  }
}

/** The keys of an object schema (through pipes and transforms), or [] when it is not one. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(schema).def;
  if (def.type === "object") return def.shape!;
  if (def.type === "pipe") return objectShape(def.in!);
  if (def.innerType) return objectShape(def.innerType);
  return {};
}

/** Every string inside a parsed value, with its path. */
export function stringsIn(value: unknown, path = "$", out: { path: string; value: string }[] = [], seen = new Set<unknown>()): { path: string; value: string }[] {
  if (typeof value === "string") out.push({ path, value });
  else if (value && typeof value === "object" && !seen.has(value) && !(value instanceof Blob)) {
    seen.add(value);
    for (const [k, v] of Object.entries(value)) stringsIn(v, `${path}.${k}`, out, seen);
  }
  return out;
}
