// The generated permission matrix: every command of src/server/commands, tried as every kind of actor
// (admin; secretariat of A and of B; unit officers of A1, A2, B1; heads of A1 (the chair) and A2; and
// nobody signed in) against a target in unit A1 / cluster A. The expected answer comes from
// PERMISSIONS alone. Refused ⇒ exactly the "not found" answer (or "signed out") and not one row of
// any table changed; allowed ⇒ done (or the business refusal its fixture documents), never "not found".
//
// Independence: the world is built once, then copied aside. Refused cases run first on one restored
// world (they must not write, which the fingerprint checks); each allowed case restores the world
// before preparing its input, so no case sees what another one did, whatever the order.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, type Permission } from "@/domain/permissions";
import { executeCommand, NOT_FOUND, NOT_SIGNED_IN } from "@/server/commands/command";
import { resetDatabase, prisma } from "../fixtures";
import { FIXTURES, type Input } from "./command-fixtures";
import { collectCommands, expectedAllowed, isPermission, ROOT, type AnyCommand } from "./commands";
import { buildWorld, dropSnapshot, fingerprint, restore, snapshot, type ActorKey, type World } from "./world";

let w: World;
let commands: Map<string, AnyCommand>;
let duplicates: string[];

beforeAll(async () => {
  ({ commands, duplicates } = await collectCommands());
  await resetDatabase();
  w = await buildWorld();
  await snapshot();
}, 120_000);

afterAll(async () => {
  await dropSnapshot();
});

describe("every command has a rule", () => {
  it("finds the commands by listing src/server/commands, each under one name", () => {
    expect(commands.size).toBeGreaterThan(60);
    expect(duplicates).toEqual([]);
  });

  it("every command's permission is a key of PERMISSIONS", () => {
    const unknown = [...commands.values()].filter((c) => !isPermission(c.permission)).map((c) => `${c.name}: ${c.permission}`);
    expect(unknown).toEqual([]);
  });

  it("every command has an entry in the fixture table, and every entry a command", () => {
    const missing = [...commands.keys()].filter((name) => !FIXTURES[name]).sort();
    const stale = Object.keys(FIXTURES).filter((name) => !commands.has(name)).sort();
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it("every command is classified for the closed-year lock (year-scoped, or not with a reason)", () => {
    const unclassified = [...commands.keys()].filter((name) => {
      const y = FIXTURES[name]?.year;
      return !y || (!y.scoped && y.why.trim().length < 10);
    });
    expect(unclassified).toEqual([]);
  });
});

// Server actions and route handlers write only through commands (executeCommand): they import their
// commands from src/server/commands and never touch the database themselves.
const ENTRY_POINT_ALLOW_LIST: Record<string, string> = {
  // Sign-in goes through Auth.js (throttled in src/auth.ts + src/domain/login-throttle.ts), not a command.
  "src/app/login/actions.ts": "sign-in",
  // The inline sign-out action of the app's layout.
  "src/app/(app)/layout.tsx": "sign-out",
  // Auth.js's own handlers (session, sign-in callbacks).
  "src/app/api/auth/[...nextauth]/route.ts": "Auth.js",
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("server actions and route handlers", () => {
  it("write only through commands from src/server/commands (or are on the commented allow-list)", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of filesUnder(path.join(ROOT, "src/app")).filter((f) => /\.(ts|tsx)$/.test(f))) {
      const rel = path.relative(ROOT, file).split(path.sep).join("/");
      const text = fs.readFileSync(file, "utf8");
      const serverAction = /["']use server["']/.test(text);
      const writingRoute = /route\.ts$/.test(rel) && /export (async function|const \{?[^=]*\b)(POST|PUT|PATCH|DELETE)\b/.test(text);
      const touchesDb = /from ["']@\/(server\/db|generated\/prisma[^"']*)["']/.test(text);
      if (touchesDb && (serverAction || /route\.ts$/.test(rel))) problems.push(`${rel}: imports the database directly`);
      if (!serverAction && !writingRoute) continue;
      checked++;
      if (ENTRY_POINT_ALLOW_LIST[rel]) continue;
      if (!/from ["']@\/server\/commands\/(?!command["'])[\w-]+["']/.test(text)) problems.push(`${rel}: writes without a command from src/server/commands`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

const ACTOR_KEYS: (ActorKey | null)[] = [
  "ADMIN",
  "SECRETARIAT_A",
  "SECRETARIAT_B",
  "UNIT_OFFICER_A1",
  "UNIT_OFFICER_A2",
  "UNIT_OFFICER_B1",
  "UNIT_HEAD_A1",
  "UNIT_HEAD_A2",
  null,
];
const label = (key: ActorKey | null) => key ?? "nobody";

const tally = { pairs: new Set<string>(), cases: 0, allowed: 0, refused: 0 };

describe("the matrix: every command × every actor", () => {
  // One test per command (the names are known only once the folder is read, so the list is read here
  // synchronously from the fixture table; the first describe proves it matches the folder).
  for (const name of Object.keys(FIXTURES).sort()) {
    it(name, async () => {
      const command = commands.get(name);
      expect(command, `no command named ${name}`).toBeDefined();
      const fixture = FIXTURES[name]!;
      const permission = command!.permission as Permission;
      const actorOf = (key: ActorKey | null): Actor | null => (key ? w.actors[key] : null);
      const allowedKeys = ACTOR_KEYS.filter((k): k is ActorKey => k !== null && expectedAllowed(permission, fixture, w, actorOf(k)!));
      const refusedKeys = ACTOR_KEYS.filter((k) => k === null || !allowedKeys.includes(k));

      await restore();
      // A fixed target: one input for every refused actor (preparing it again could collide with itself).
      const fixed = typeof fixture.scope === "string" && ["A1", "A", "none"].includes(fixture.scope);
      let input: Input | null = null;
      let before: Record<string, string> | null = null;
      for (const key of refusedKeys) {
        if (!input || !fixed) {
          input = await fixture.input(w, actorOf(key) ?? w.actors.SECRETARIAT_A);
          before = await fingerprint();
        }
        const result = await executeCommand(command!, actorOf(key), input);
        expect(result, `${name} as ${label(key)}`).toEqual({ ok: false, message: key === null ? NOT_SIGNED_IN : NOT_FOUND });
        const after = await fingerprint();
        expect(after, `${name} as ${label(key)} wrote something`).toEqual(before);
        before = after;
        record(name, key, false);
      }
      for (const key of allowedKeys) {
        await restore();
        const actor = actorOf(key)!;
        const input = await fixture.input(w, actor);
        const audits = await prisma.auditLog.count({ where: { action: name } });
        const result = await executeCommand(command!, actor, input);
        if (fixture.allowedRefusal) {
          expect(result, `${name} as ${label(key)}`).toMatchObject({ ok: false, message: fixture.allowedRefusal });
        } else {
          expect(result, `${name} as ${label(key)}: ${result.message} ${JSON.stringify((result as { fieldErrors?: unknown }).fieldErrors ?? {})}`).toMatchObject({ ok: true });
          expect(await prisma.auditLog.count({ where: { action: name } }), `${name} as ${label(key)} left no audit entry`).toBe(audits + 1);
        }
        record(name, key, true);
      }
    });
  }

  it("reports its size", () => {
    console.log(
      `[permission matrix] ${tally.pairs.size} (role, action) pairs; ${tally.cases} (actor, action, scope) cases: ${tally.allowed} allowed, ${tally.refused} refused; ${commands.size} commands × ${ACTOR_KEYS.length} actors`,
    );
    expect(tally.cases).toBe(commands.size * ACTOR_KEYS.length);
  });
});

function record(name: string, key: ActorKey | null, allowed: boolean) {
  const role = key === null ? "NONE" : w.actors[key].role;
  tally.pairs.add(`${role}|${name}`);
  tally.cases++;
  if (allowed) tally.allowed++;
  else tally.refused++;
}
