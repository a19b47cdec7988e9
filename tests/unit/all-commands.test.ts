// How the tests find the commands: every file of src/server/commands at any depth, each command once,
// so that splitting a module into a folder with an index.ts barrel neither drops nor doubles one.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allCommands, commandsOf } from "../support/all-commands";

const command = (name: string) => ({ name, permission: "officer.manage", input: z.object({}), target: async () => ({}), run: async () => ({ audit: { entityType: "X", entityId: null } }) });

describe("commandsOf", () => {
  const cast = command("vote.cast");
  const setup = command("vote.round.create");
  const create = command("officer.create");

  it("reads the files of sub-folders and counts a barrel's re-export once", () => {
    const listing = commandsOf({
      "../../src/server/commands/officers.ts": { create, helper: () => 1 },
      "../../src/server/commands/votes/cast.ts": { cast },
      "../../src/server/commands/votes/setup.ts": { setup },
      "../../src/server/commands/votes/index.ts": { cast, setup },
    });
    expect([...listing.commands.keys()].sort()).toEqual(["officer.create", "vote.cast", "vote.round.create"]);
    expect(listing.duplicates).toEqual([]);
    expect(listing.onlyInBarrels).toEqual([]);
  });

  it("reports two different commands under one name, and a command only a barrel exports", () => {
    const listing = commandsOf({
      "../../src/server/commands/votes/cast.ts": { cast },
      "../../src/server/commands/votes/cast-again.ts": { other: command("vote.cast") },
      "../../src/server/commands/votes/index.ts": { cast, setup },
    });
    expect(listing.duplicates).toEqual(["vote.cast"]);
    expect(listing.onlyInBarrels).toEqual(["../../src/server/commands/votes/index.ts: vote.round.create"]);
  });

  it("finds the app's commands", () => {
    expect(allCommands().size).toBeGreaterThan(60);
  });
});
