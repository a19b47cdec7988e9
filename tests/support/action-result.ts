// Reading a command's answer (ActionResult) in a test: what was expected is said, and a failure shows
// the refusal's message and field errors instead of a type cast hiding them.
import { assert, expect } from "vitest";
import type { Actor } from "@/domain/permissions";
import { executeCommand, type ActionResult, type Command } from "@/server/commands/command";
import { NotFoundError } from "@/server/errors";

/** The command was done; its data (undefined for a command that returns none). */
export function expectOk<T>(result: ActionResult<T>): T {
  if (!result.ok) assert.fail(`refused: ${result.message} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data as T;
}

/** The command was refused, with this message when given (a string, or a matcher such as expect.stringContaining); its message. */
export function expectRefused(result: ActionResult<unknown>, message?: string): string {
  if (result.ok) assert.fail(`done, expected a refusal${typeof message === "string" ? `: ${message}` : ""} (${result.message ?? "no message"})`);
  if (message !== undefined) expect(result.message).toEqual(message);
  return result.message;
}

/** Runs a command that must be done (a step of a test's set-up); its data. */
export async function runOk<I, R>(command: Command<I, R>, actor: Actor | null, input: unknown): Promise<R> {
  return expectOk(await executeCommand(command, actor, input));
}

/** The read refused with the one "not found" (missing, or not the actor's): a page answers 404 for it. */
export async function expectNotFound(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(NotFoundError);
}
