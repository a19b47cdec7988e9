// The phase matrix, generated from the same fixture table as the permission matrix: every command
// classified as year-scoped is run by an actor allowed to run it, with an input that works in an open
// year (the permission matrix proves that), in every phase of the year.
// - CLOSED (the closed-year lock): it must answer with the closed-year message and write nothing.
// - An open phase outside the command's action (src/domain/year-phase-rules.ts): refused with the
//   message naming the phase, the action and who can change it, and nothing written.
// - An open phase of its action: the phase guard lets it through (whatever the command's own rules
//   then answer: its documented outcome is the permission matrix's business, in its home phase).
// - Outside its phases with the secretariat's override (or, for a unit's registration, its reopen):
//   let through again.
// A command not yet classified fails the permission matrix's own check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPEN_PHASES, PHASE_ACTIONS, actionInPhase, type PhaseActionKey } from "@/domain/year-phase-rules";
import { PHASE_LABELS, type YearPhase } from "@/domain/year-phases";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { executeCommand, type ActionResult } from "@/server/commands/command";
import { grantPhaseOverride } from "@/server/commands/year-overrides";
import { reopenUnitRegistration } from "@/server/commands/registration";
import { vietnamDayAfter } from "@/domain/registration-window";
import { runOk } from "../../support/action-result";
import { allCommands, type AnyCommand } from "../../support/all-commands";
import { runnerOf } from "../command-cases/actors";
import { enterPhaseOf, setPhase } from "../command-cases/phases";
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

/** The command, who runs it, and its valid input prepared on the restored world in the command's home phase. */
async function prepared(name: string) {
  const command = commands.get(name)!;
  const fixture = FIXTURES[name]!;
  // Who runs the command: the first actor the permission table allows, unless the fixture names one.
  const key = runnerOf(command, fixture, w);
  expect(key, `${name}: no allowed actor`).toBeDefined();
  const actor = w.actors[key!];
  await restore();
  await enterPhaseOf(w, command);
  const input = await fixture.input(w, actor);
  return { command, actor, key: key!, input };
}

const phaseRefusal = (phase: YearPhase, action: PhaseActionKey) => `đang ở giai đoạn “${PHASE_LABELS[phase]}”; “${PHASE_ACTIONS[action].label}” chỉ làm trong giai đoạn`;
const refusedByPhase = (result: ActionResult) => !result.ok && result.message.includes("” chỉ làm trong giai đoạn");

describe("every year-scoped command names its action", () => {
  it("covers every year-scoped command of the fixture table, each with an action of the phase table", () => {
    expect(yearScoped.length).toBeGreaterThan(50);
    for (const name of yearScoped) {
      expect(commands.has(name), name).toBe(true);
      expect(commands.get(name)!.phases, `${name} names no action (phases)`).toBeDefined();
    }
  });

  it("no command outside a year names one", () => {
    const notYear = Object.entries(FIXTURES).filter(([, f]) => !f.year.scoped).map(([name]) => name);
    expect(notYear.filter((name) => commands.get(name)?.phases)).toEqual([]);
  });
});

describe("a closed year refuses every write of a year-scoped command", () => {
  for (const name of yearScoped) {
    it(name, async () => {
      const { command, actor, key, input } = await prepared(name);
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

const gated = yearScoped.filter((name) => {
  const action = commands.get(name)?.phases;
  return action !== undefined && PHASE_ACTIONS[action].lift !== "none";
});

describe("each open phase allows the commands of its actions and refuses the others, naming the phase", () => {
  it("gates most year-scoped commands; the rest are done in every phase", () => {
    expect(gated.length).toBeGreaterThan(35);
  });

  for (const name of gated) {
    it(name, async () => {
      const action = commands.get(name)!.phases!;
      const outcomes: string[] = [];
      for (const phase of OPEN_PHASES) {
        const { command, actor, key, input } = await prepared(name);
        await setPhase(w, phase);
        const before = await fingerprint();
        const result = await executeCommand(command, actor, input);
        if (actionInPhase(action, phase)) {
          expect(refusedByPhase(result), `${name} as ${key} in ${phase} was refused by its phase: ${result.message}`).toBe(false);
        } else {
          expect(result.ok, `${name} as ${key} in ${phase} was not refused`).toBe(false);
          expect(result.message, `${name} as ${key} in ${phase}`).toContain(phaseRefusal(phase, action));
          expect(result.message, "the refusal says who can change it").toContain("Thư ký cụm có thể chuyển giai đoạn");
          expect(await fingerprint(), `${name} wrote in ${phase}`).toEqual(before);
        }
        outcomes.push(`${phase}:${actionInPhase(action, phase) ? "in" : "out"}`);
      }
      expect(outcomes).toHaveLength(OPEN_PHASES.length);
      // Seven phases, each from a restored world with its input prepared again (a vote round voted and closed…).
    }, 180_000);
  }
});

/** The first open phase outside the action's own. */
const outsidePhase = (action: PhaseActionKey) => OPEN_PHASES.find((p) => !actionInPhase(action, p))!;

describe("outside its phase, the secretariat's override (or a unit's reopen) lets the command through", () => {
  for (const name of gated) {
    it(name, async () => {
      const action = commands.get(name)!.phases!;
      const { command, actor, key, input } = await prepared(name);
      const phase = outsidePhase(action);
      await setPhase(w, phase);
      expect(refusedByPhase(await executeCommand(command, actor, input)), `${name} in ${phase} before the override`).toBe(true);
      const target = await prisma.$transaction((tx) => command.target(tx, input, actor));
      const yearId = target.yearId ?? (input as { yearId?: string; emulationYearId?: string }).yearId ?? (input as { emulationYearId?: string }).emulationYearId;
      if (PHASE_ACTIONS[action].lift === "reopen") {
        await runOk(reopenUnitRegistration, w.actors.SECRETARIAT_A, {
          unitId: target.unitId,
          emulationYearId: yearId,
          until: vietnamDayAfter(new Date(), 3).split("-").reverse().join("/"),
          reason: "Đơn vị bổ sung cán bộ mới",
        });
      } else {
        await runOk(grantPhaseOverride, w.actors.SECRETARIAT_A, { yearId, action, reason: "Theo đề nghị của các đơn vị", until: "" });
      }
      const result = await executeCommand(command, actor, input);
      expect(refusedByPhase(result), `${name} as ${key} in ${phase} with the override: ${result.message}`).toBe(false);
    });
  }
});

describe("overrides", () => {
  it("are audited, listed per year, end when revoked or expired, and only for actions that need one", async () => {
    await restore();
    const command = commands.get("vote.round.create") as AnyCommand;
    const input = await FIXTURES["vote.round.create"]!.input(w, w.actors.SECRETARIAT_A);
    const run = () => executeCommand(command, w.actors.SECRETARIAT_A, input);
    expect(refusedByPhase(await run())).toBe(true);

    const grant = (fields: Record<string, string>) =>
      executeCommand(grantPhaseOverride, w.actors.SECRETARIAT_A, { yearId: w.yearA.id, reason: "Chuẩn bị sớm cho hội nghị", until: "", ...fields });
    // Registration is reopened per unit; an action done in every phase, or already in its phase, needs none.
    expect(await grant({ action: "registration" })).toMatchObject({ ok: false });
    expect(await grant({ action: "yearSetup" })).toMatchObject({ ok: false });
    expect(await grant({ action: "criteria" })).toMatchObject({ ok: false, message: expect.stringContaining("đã được làm trong giai đoạn hiện tại") });
    expect(await grant({ action: "votePreparation", until: "01/01/2020" })).toMatchObject({ ok: false, fieldErrors: { until: [expect.stringContaining("không được trước hôm nay")] } });

    const granted = await grant({ action: "votePreparation" });
    expect(granted).toMatchObject({ ok: true });
    expect(await grant({ action: "votePreparation" })).toMatchObject({ ok: false, message: expect.stringContaining("đã được cho phép") });
    const overrideId = (granted as { data: { id: string } }).data.id;
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "year.override.grant", entityId: overrideId } });
    expect(audit.after).toMatchObject({ action: "votePreparation", reason: "Chuẩn bị sớm cho hội nghị", phase: "REGISTRATION", year: 2022 });
    expect(await run()).toMatchObject({ ok: true });

    // Revoked: refused again, and the revocation is audited.
    expect(await executeCommand(commands.get("year.override.revoke")!, w.actors.SECRETARIAT_A, { overrideId, reason: "Đã chuẩn bị xong" })).toMatchObject({ ok: true });
    expect(await prisma.auditLog.count({ where: { action: "year.override.revoke", entityId: overrideId } })).toBe(1);
    expect(refusedByPhase(await run())).toBe(true);

    // Expired: an override whose last day has passed lets nothing through.
    await prisma.phaseOverride.create({
      data: { emulationYearId: w.yearA.id, action: "votePreparation", reason: "Cũ", expiresAt: new Date(Date.now() - 1000), createdByName: "Thư ký cụm" },
    });
    expect(refusedByPhase(await run())).toBe(true);

    // Another cluster's secretariat can neither grant nor revoke for A's year.
    expect(await executeCommand(grantPhaseOverride, w.actors.SECRETARIAT_B, { yearId: w.yearA.id, action: "voting", reason: "Thử", until: "" })).toMatchObject({ ok: false, message: expect.stringContaining("Không tìm thấy") });
  });

  it("an override of one year does not open another year's work", async () => {
    await restore();
    await runOk(grantPhaseOverride, w.actors.SECRETARIAT_A, { yearId: w.yearA.id, action: "votePreparation", reason: "Chuẩn bị sớm", until: "" });
    const createRound = commands.get("vote.round.create")!;
    const result = await executeCommand(createRound, w.actors.SECRETARIAT_B, { yearId: w.yearB.id, kind: "ACCLAIM", title: "Suy tôn", titleCode: "CO_BCA", seats: "1", [`unit_${w.B1.id}`]: "on" });
    expect(refusedByPhase(result), result.message).toBe(true);
  });
});
