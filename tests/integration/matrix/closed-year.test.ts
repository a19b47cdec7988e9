// The closed-year lock, generated from the same fixture table as the permission matrix: every command
// classified as year-scoped is run by an actor allowed to run it, with an input that works in an open
// year (the matrix proves that), after cluster A's years have been closed. It must answer with the
// closed-year message and write nothing. A command not yet classified fails the matrix's own check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { executeCommand } from "@/server/commands/command";
import { allCommands } from "../../support/all-commands";
import { runnerOf } from "../command-cases/actors";
import { FIXTURES } from "../command-cases/valid-inputs";
import { buildWorld, dropSnapshot, fingerprint, restore, snapshot, type World } from "../command-cases/world";
import { prisma, resetDatabase } from "../fixtures";

let w: World;
const commands = allCommands();

beforeAll(async () => {
  await resetDatabase();
  w = await buildWorld();
  await snapshot();
}, 120_000);

afterAll(async () => {
  await dropSnapshot();
});

const yearScoped = Object.entries(FIXTURES)
  .filter(([, f]) => f.year.scoped)
  .map(([name]) => name)
  .sort();

describe("a closed year refuses every write of a year-scoped command", () => {
  it("covers every year-scoped command of the fixture table", () => {
    expect(yearScoped.length).toBeGreaterThan(50);
    for (const name of yearScoped) expect(commands.has(name), name).toBe(true);
  });

  for (const name of yearScoped) {
    it(name, async () => {
      const command = commands.get(name)!;
      const fixture = FIXTURES[name]!;
      // Who runs the command: the first actor the permission table allows, unless the fixture names one.
      const key = runnerOf(command, fixture, w);
      expect(key, `${name}: no allowed actor`).toBeDefined();
      const actor = w.actors[key!];

      await restore();
      const input = await fixture.input(w, actor);
      // Closed as the close command leaves it (phase and date); every year of cluster A, so a fixture
      // that works on a year of its own (e.g. next year's table) is covered too.
      await prisma.emulationYear.updateMany({ where: { clusterId: w.clusterA.id }, data: { phase: "CLOSED", closedAt: new Date() } });
      const before = await fingerprint();
      const result = await executeCommand(command, actor, input);
      expect(result.ok, `${name} as ${key} was not refused: ${result.message}`).toBe(false);
      expect(result.message?.startsWith(YEAR_CLOSED_MESSAGE), `${name} as ${key}: ${result.message}`).toBe(true);
      expect(await fingerprint(), `${name} wrote in a closed year`).toEqual(before);
    });
  }
});
