// Property-based fuzzing of every zod schema (each command's input, every exported schema of src/domain
// and the validation.ts field builders) with hostile input: parsing never throws, and what it accepts
// keeps the schema's promises: within the stated length (counted as Postgres counts, in code points),
// nothing Postgres cannot store as sent (NUL, lone surrogates), no control characters in text fields.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { fuzzParams, fuzzRuns, hostileInput, hostileValue, LISTED_PAYLOADS, unstorable } from "../../fuzz/hostile";
import { domainSchemas, maxLengthOf, objectShape, stringsIn } from "../../fuzz/schemas";
import { allCommands } from "../../support/all-commands";

const RUNS = fuzzRuns(40);
/**
 * Raw strings a command parses itself in run() (and refuses there), or hashes: never stored or queried
 * as text. A password may hold any character (argon2 hashes bytes), but not a lone surrogate.
 */
const PARSED_IN_RUN = new Set([
  "criteria.section.save.max",
  "criteria.criterion.save.max",
  "user.create.password",
  "user.create.confirmPassword",
  "user.resetPassword.password",
  "user.resetPassword.confirmPassword",
  "account.password.currentPassword",
  "account.password.password",
  "account.password.confirmPassword",
]);
let cases = 0;

/** Throws (so fast-check shrinks and reports) when a parse throws or breaks a promise. */
function check(schema: z.ZodType, input: unknown) {
  cases++;
  const result = schema.safeParse(input); // must not throw
  if (!result.success) {
    expect(result.error.issues.length).toBeGreaterThan(0);
    return;
  }
  for (const s of stringsIn(result.data)) {
    if (unstorable(s.value)) throw new Error(`accepted an unstorable string at ${s.path}: ${JSON.stringify(s.value.slice(0, 40))}`);
  }
  if (typeof result.data === "string" && [...result.data].length > maxLengthOf(schema)) {
    throw new Error(`accepted ${[...result.data].length} characters, the schema's limit is ${maxLengthOf(schema)}`);
  }
  const shape = objectShape(schema);
  const data = result.data as Record<string, unknown>;
  for (const [key, field] of Object.entries(shape)) {
    const out = data?.[key];
    if (typeof out !== "string") continue;
    const max = maxLengthOf(field);
    const codePoints = [...out].length;
    if (codePoints > max) throw new Error(`${key}: accepted ${codePoints} characters, the schema's limit is ${max}`);
  }
}

const commands = [...allCommands().values()];
const schemas = [...domainSchemas().entries()];

describe("fuzz: every zod schema", () => {
  afterAll(() => console.log(`[fuzz] schemas: ${commands.length} command inputs + ${schemas.length} domain schemas, ${cases} cases (seed ${process.env.FUZZ_SEED ?? "default"}, runs ${RUNS})`));

  it("finds every command module's commands and the domain schemas", () => {
    expect(commands.length).toBeGreaterThanOrEqual(60);
    expect(schemas.map(([name]) => name)).toContain("domain/year-settings.ts:yearSettingsSchema");
  });

  describe.each(commands.map((c) => [c.name, c] as const))("command %s", (_name, command) => {
    it("a hostile whole input: never throws; an accepted one keeps the schema's promises", () => {
      fc.assert(fc.property(hostileInput, (input) => check(command.input, input)), fuzzParams(RUNS));
    });
    const keys = Object.keys(objectShape(command.input));
    it.runIf(keys.length > 0)("every field hostile at once", () => {
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] });
      fc.assert(fc.property(record, (input) => check(command.input, input)), fuzzParams(RUNS));
    });
    // A whole input rarely passes with every field hostile, so each field's own schema is fuzzed too.
    it.runIf(keys.length > 0)("each field alone", () => {
      for (const [key, field] of Object.entries(objectShape(command.input))) {
        if (PARSED_IN_RUN.has(`${command.name}.${key}`)) continue;
        for (const payload of LISTED_PAYLOADS) {
          try {
            check(field, payload);
          } catch (error) {
            throw new Error(`field ${key}, payload ${JSON.stringify(payload.slice(0, 40))}: ${(error as Error).message}`);
          }
        }
        fc.assert(fc.property(hostileValue, (value) => {
          try {
            check(field, value);
          } catch (error) {
            throw new Error(`field ${key}: ${(error as Error).message}`);
          }
        }), fuzzParams(RUNS));
      }
    });
  });

  describe.each(schemas)("domain schema %s", (_name, schema) => {
    it("a hostile input: never throws; an accepted one keeps the schema's promises", () => {
      for (const payload of LISTED_PAYLOADS) check(schema, payload);
      fc.assert(fc.property(hostileInput, (input) => check(schema, input)), fuzzParams(RUNS));
      const keys = Object.keys(objectShape(schema));
      if (keys.length) {
        const record = fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] });
        fc.assert(fc.property(record, (input) => check(schema, input)), fuzzParams(RUNS));
      }
    });
  });
});
