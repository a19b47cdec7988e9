// The amendment-only commands of the valid-input table (valid-inputs.ts, AMENDMENT_ONLY: the results
// amendment, a closed year's late initiative or discipline, the closed year's joint agreement): each
// writes into a closed year on purpose, so the closed-year matrix does not refuse it; instead it must
// refuse the same input while the year is still open, writing nothing, and do it once the year is closed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeCommand } from "@/server/commands/command";
import { allCommands } from "../../support/all-commands";
import { runnerOf } from "../command-cases/actors";
import { AMENDMENT_ONLY_WHY, FIXTURES } from "../command-cases/valid-inputs";
import { buildWorld, dropSnapshot, fingerprint, restore, snapshot, type World } from "../command-cases/world";
import { prisma, resetDatabase } from "../fixtures";

let w: World;
const commands = allCommands();
const amendmentOnly = Object.entries(FIXTURES)
  .filter(([, f]) => !f.year.scoped && f.year.why.startsWith(AMENDMENT_ONLY_WHY))
  .map(([name]) => name)
  .sort();

beforeAll(async () => {
  await resetDatabase();
  w = await buildWorld();
  await snapshot();
}, 120_000);

afterAll(async () => {
  await dropSnapshot();
});

describe("amendment-only commands", () => {
  it("lists the results amendment, the late records and the closed year's agreement", () => {
    expect(amendmentOnly).toEqual(["agreement.amend", "year.amendClosed", "year.amendLateDiscipline", "year.amendLateInitiative"]);
  });

  for (const name of amendmentOnly) {
    it(`${name}: refused in an open year with nothing written, done in the closed year`, async () => {
      const command = commands.get(name)!;
      const fixture = FIXTURES[name]!;
      const actor = w.actors[runnerOf(command, fixture, w)!];
      await restore();
      const input = await fixture.input(w, actor);
      expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: w.yearA.id } })).toMatchObject({ phase: "CLOSED" });
      // The same input while the year is open (as the conference leaves it): refused, nothing written.
      // (Reopening a closed year is itself refused by the database outside an amendment's transaction.)
      await prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('sothidua.amendment', 'on', true)`;
        await tx.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "CONFERENCE", closedAt: null } });
      });
      const before = await fingerprint();
      const refused = await executeCommand(command, actor, input);
      expect(refused.ok, `${name} ran in an open year`).toBe(false);
      expect(refused.message).toMatch(/khóa sổ/);
      expect(await fingerprint(), `${name} wrote in an open year`).toEqual(before);
      // Closed: done, with its audit entry.
      await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "CLOSED", closedAt: new Date() } });
      const done = await executeCommand(command, actor, input);
      expect(done.ok, `${name}: ${done.message} ${JSON.stringify(done.ok ? "" : done.fieldErrors)}`).toBe(true);
      expect(await prisma.auditLog.count({ where: { action: name } })).toBe(1);
    }, 60_000);
  }
});
