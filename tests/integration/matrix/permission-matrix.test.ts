// The generated permission matrix: every command of src/server/commands, tried as every kind of actor
// (admin; secretariat of A and of B; unit officers of A1, A2, B1; heads of A1 (the chair) and A2; and
// nobody signed in) against a target in unit A1 / cluster A, in a phase of the year where the command
// is done (command-cases/phases.ts; the phase matrix is matrix/year-phase.test.ts). The expected
// answer comes from PERMISSIONS alone. Refused ⇒ exactly the "not found" answer (or "signed out") and
// not one row of any table changed; allowed ⇒ done (or the business refusal its fixture documents),
// never "not found".
//
// Independence: the world is built once, then copied aside. Refused cases run first on one restored
// world (they must not write, which the fingerprint checks); each allowed case restores the world
// before preparing its input, so no case sees what another one did, whatever the order.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, roleMay, type Actor, type Permission, type Target } from "@/domain/permissions";
import * as audit from "@/server/audit/queries";
import { executeCommand, NOT_FOUND, NOT_SIGNED_IN, NotFoundError } from "@/server/commands/command";
import { createRound } from "@/server/commands/votes";
import * as admin from "@/server/queries/admin";
import * as cluster from "@/server/queries/cluster";
import * as commendations from "@/server/queries/commendations";
import * as dashboard from "@/server/queries/dashboard";
import * as dossiers from "@/server/queries/dossiers";
import * as jointAgreement from "@/server/queries/joint-agreement";
import * as ministry from "@/server/queries/ministry";
import * as movements from "@/server/queries/movements";
import * as notifications from "@/server/queries/notifications";
import * as officerHistoryQueries from "@/server/queries/officer-history";
import * as officers from "@/server/queries/officers";
import * as registration from "@/server/queries/registration";
import * as reports from "@/server/queries/reports";
import * as results from "@/server/queries/results";
import * as scoring from "@/server/queries/scoring";
import * as titleRules from "@/server/queries/title-rules";
import * as unitHistoryQueries from "@/server/queries/unit-history";
import * as votes from "@/server/queries/votes";
import { expectOk } from "../../support/action-result";
import { listCommands } from "../../support/all-commands";
import { expectedAllowed, isPermission } from "../command-cases/actors";
import { enterPhaseOf } from "../command-cases/phases";
import { FIXTURES, type Input } from "../command-cases/valid-inputs";
import { buildWorld, dropSnapshot, fingerprint, restore, snapshot, type ActorKey, type World } from "../command-cases/world";
import { resetDatabase, prisma } from "../fixtures";

const ROOT = path.resolve(import.meta.dirname, "../../..");

let w: World;
const { commands, duplicates, onlyInBarrels } = listCommands();

beforeAll(async () => {
  await resetDatabase();
  w = await buildWorld();
  await snapshot();
}, 120_000);

afterAll(async () => {
  await dropSnapshot();
});

describe("every command has a rule", () => {
  it("finds the commands by listing src/server/commands and its sub-folders, each under one name", () => {
    expect(commands.size).toBeGreaterThan(60);
    expect(duplicates).toEqual([]);
    expect(onlyInBarrels, "commands defined in an index.ts instead of re-exported").toEqual([]);
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
  // The inline sign-out action of the app's layout, and of the forced password change page (issue 13).
  "src/app/(app)/layout.tsx": "sign-out",
  "src/app/change-password/page.tsx": "sign-out",
  // The signed-in user ends their own other sessions: session rows and a security event, like signing out.
  "src/app/(app)/account/actions.ts": "sessions",
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
      if (!/from ["']@\/server\/commands\/(?!command["'])[\w/-]+["']/.test(text)) problems.push(`${rel}: writes without a command from src/server/commands`);
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
  "MINISTRY",
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
      await enterPhaseOf(w, command!);
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
        await enterPhaseOf(w, command!);
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
    const rolePairs = [...tally.pairs].filter((p) => !p.startsWith("NONE|")).length;
    console.log(
      `[permission matrix] ${commands.size} commands; ${rolePairs} (role, action) pairs + ${tally.pairs.size - rolePairs} signed out; ${tally.cases} (actor, action, scope) cases: ${tally.allowed} allowed, ${tally.refused} refused (${ACTOR_KEYS.length} actors)`,
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

// ---------------------------------------------------------------------------------------------
// Reads: the page-level queries of src/server/queries, asked by every actor about unit A1 / cluster A.
// Refused ⇒ Next's notFound() (or null for the two that answer "nothing" instead); allowed ⇒ an answer.

type QueryCase = {
  /** Allowed for this actor, from the permission table. */
  allowed(actor: Actor): boolean;
  call(actor: Actor): Promise<unknown>;
  /** Refusal is a null answer rather than a 404 (the caller turns it into one). */
  refusesWithNull?: boolean;
};

describe("the matrix of reads: page-level queries × every actor", () => {
  let voteRoundId: string;
  let evidenceId: string;
  const A1 = (): Target => ({ clusterId: w.clusterA.id, unitId: w.A1.id });
  const A = (): Target => ({ clusterId: w.clusterA.id });
  const may = (permission: Permission, target: () => Target) => (actor: Actor) => can(actor, permission, target());
  /** A movement of cluster A (made once, on first use). */
  const clusterAMovement = async () =>
    (await prisma.movement.findFirst({ where: { clusterId: w.clusterA.id }, select: { id: true } }))?.id ??
    (await prisma.movement.create({
      data: { name: "Đợt thi đua", purpose: "Thi đua.", fromDate: new Date("2022-01-01T00:00:00Z"), toDate: new Date("2022-12-31T00:00:00Z"), scope: "CLUSTER", clusterId: w.clusterA.id, launchedByName: "Thư ký" },
      select: { id: true },
    })).id;

  beforeAll(async () => {
    await restore();
    // Vote rounds are prepared from the scoring phase on; the reads then see the year in registration again.
    await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "SCORING" } });
    voteRoundId = expectOk(await executeCommand(createRound, w.actors.SECRETARIAT_A, { yearId: w.yearA.id, kind: "CHAIR_ELECTION", [`unit_${w.A2.id}`]: "on" })).id;
    await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "REGISTRATION" } });
    evidenceId = (await prisma.evidenceFile.findFirstOrThrow({ where: { reportId: w.reportA1 } })).id;
  });

  const QUERIES: Record<string, QueryCase> = {
    "officers.listOfficers (A1)": { allowed: may("officer.view", A1), call: (a) => officers.listOfficers(a, { unitId: w.A1.id }) },
    "officers.getOfficer": { allowed: may("officer.view", A1), call: (a) => officers.getOfficer(a, w.officers.A1[0]!.id) },
    "registration.unitRegistrationPage (A1)": { allowed: may("registration.view", A1), call: (a) => registration.unitRegistrationPage(a, { unitId: w.A1.id }) },
    "registration.registrationBoard (A)": { allowed: may("registration.board", A), call: (a) => registration.registrationBoard(a, { cluster: w.clusterA.id }) },
    // A1's report is accepted: everyone with report.view in scope sees it.
    "reports.getReport": { allowed: may("report.view", A1), call: (a) => reports.getReport(a, w.reportA1) },
    // …and its evidence, plus the unit that cross-scores it (A2).
    "reports.evidenceForDownload": {
      allowed: (a) => can(a, "report.view", A1()) || (a.unitId === w.A2.id && can(a, "report.view", { clusterId: w.clusterA.id, unitId: w.A2.id })),
      call: (a) => reports.evidenceForDownload(a, evidenceId),
    },
    "joint-agreement.jointAgreementPage (A)": { allowed: may("agreement.view", A), call: (a) => jointAgreement.jointAgreementPage(a, w.yearA.id) },
    "reports.criteriaEditor": { allowed: may("criteria.manage", A), call: (a) => reports.criteriaEditor(a, w.yearA.id) },
    "reports.criteriaForReading": { allowed: may("criteria.view", A), call: (a) => reports.criteriaForReading(a, w.yearA.id) },
    "results.unitResults (A1)": { allowed: may("results.view", A1), call: (a) => results.unitResults(a, w.A1.id, {}) },
    "results.subUnitResults (A1)": { allowed: may("results.view", A1), call: (a) => results.subUnitResults(a, w.A1.id, w.yearA.id) },
    // The register answers every role that may read it, within the actor's own scope (its rows are scoped, not the page).
    "commendations.commendationRegister": { allowed: (a) => roleMay(a, "commendation.view"), call: (a) => commendations.commendationRegister(a, {}) },
    // Movements (issue 17): the list answers every role that may read movements (its rows are scoped);
    // a cluster A movement, those who see cluster A.
    "movements.movementList": { allowed: (a) => roleMay(a, "movement.view"), call: (a) => movements.movementList(a, 1) },
    "movements.movementDetail (A)": { allowed: may("movement.view", A), call: async (a) => movements.movementDetail(a, await clusterAMovement()) },
    "results.officerHistory": {
      allowed: (a) => can(a, "officer.view", A1()) || can(a, "results.view", A1()),
      call: (a) => results.officerHistory(a, w.officers.A1[0]!.id),
    },
    // Officer-level detail of a unit: its own people, and those who follow the whole cluster (not every head).
    "officer-history.officerHistory": {
      allowed: (a) => can(a, "cluster.monitor", A1()) || can(a, "results.view", A1()),
      call: (a) => officerHistoryQueries.officerHistory(a, w.officers.A1[0]!.id),
    },
    "unit-history.unitHistory (A1)": {
      allowed: (a) => can(a, "cluster.overview", A1()) || can(a, "results.view", A1()),
      call: (a) => unitHistoryQueries.unitHistory(a, w.A1.id),
    },
    "unit-history.cachedUnitHistory (A1)": {
      allowed: (a) => can(a, "cluster.overview", A1()) || can(a, "results.view", A1()),
      call: (a) => unitHistoryQueries.cachedUnitHistory(a, w.A1.id),
    },
    "votes.conferencePage (A's year)": { allowed: may("vote.view", A), call: (a) => votes.conferencePage(a, { yearId: w.yearA.id }) },
    "votes.roundDetail": { allowed: may("vote.view", A), call: (a) => votes.roundDetail(a, voteRoundId) },
    "votes.minutesData": {
      allowed: (a) => can(a, "vote.manage", A()) || can(a, "vote.view", A()),
      call: (a) => votes.minutesData(a, w.yearA.id),
      refusesWithNull: true,
    },
    "dashboard.clusterDashboard (A)": { allowed: may("cluster.overview", A), call: (a) => dashboard.clusterDashboard(a, { clusterId: w.clusterA.id }) },
    // What the page calls: the cache must not widen the permission (its key is the viewer's scope).
    "dashboard.cachedClusterDashboard (A)": { allowed: may("cluster.overview", A), call: (a) => dashboard.cachedClusterDashboard(a, { clusterId: w.clusterA.id }) },
    // Who was reminded and who is late: the secretariat's and the chair's follow-up, not every head's.
    "notifications.remindersOverview (A)": { allowed: may("cluster.monitor", A), call: (a) => notifications.remindersOverview(a, w.clusterA.id, 2022) },
    // Admins every block; the chair (head of A1) its cluster's block; nobody else.
    "ministry.ministryOverview": { allowed: (a) => roleMay(a, "ministry.view"), call: (a) => ministry.ministryOverview(a) },
    "cluster.clusterYearDetail": { allowed: may("year.manage", A), call: (a) => cluster.clusterYearDetail(a, w.yearA.id) },
    "scoring.scoringOverview": { allowed: may("scoring.manage", A), call: (a) => scoring.scoringOverview(a, w.yearA.id) },
    "scoring.scoresMatrix": { allowed: may("scoring.manage", A), call: (a) => scoring.scoresMatrix(a, w.yearA.id) },
    "scoring.finalScoresOf": { allowed: may("scoring.manage", A), call: (a) => scoring.finalScoresOf(a, w.reportA1) },
    "scoring.yearRanking": { allowed: may("ranking.view", A), call: (a) => scoring.yearRanking(a, w.yearA.id) },
    // A sheet is the scoring unit's (A1 scores A2's report) and nobody else's.
    "scoring.crossSheet": { allowed: (a) => a.unitId === w.A1.id && can(a, "report.view", A1()), call: (a) => scoring.crossSheet(a, w.assignmentA1.id) },
    "admin.getCluster": { allowed: may("cluster.manage", A), call: (a) => admin.getCluster(a, w.clusterA.id) },
    "admin.getUnit": { allowed: may("unit.manage", A1), call: (a) => admin.getUnit(a, w.A1.id) },
    "admin.getUser": { allowed: may("user.manage", A1), call: (a) => admin.getUser(a, w.actors.UNIT_OFFICER_A1.userId) },
    // The catalogue's rule versions (issue 17): the admin's only.
    "title-rules.titleRuleVersions": {
      allowed: may("title.manage", () => ({})),
      call: async (a) => titleRules.titleRuleVersions(a, (await prisma.titleDefinition.findUniqueOrThrow({ where: { code: "CST" } })).id),
    },
    // The log lists what the actor's scope covers (the admin everything, a secretariat its cluster);
    // the chain check reads the whole log, so it is the admin's only.
    "audit.auditLogPage": { allowed: (a) => roleMay(a, "audit.view"), call: (a) => audit.auditLogPage(a, audit.parseAuditParams({}).filters) },
    // The year's decision register and statistics: over the clusters the actor sees whole (both have 2022).
    "dossiers.decisionRegister (2022)": { allowed: (a) => roleMay(a, "dossier.view"), call: (a) => dossiers.decisionRegister(a, 2022) },
    "dossiers.awardStatistics (2022)": { allowed: (a) => roleMay(a, "dossier.view"), call: (a) => dossiers.awardStatistics(a, 2022) },
    "audit.verifyAuditLog": { allowed: (a) => a.role === "ADMIN", call: (a) => audit.verifyAuditLog(a) },
  };

  const queryTally = { cases: 0, allowed: 0 };

  for (const [name, q] of Object.entries(QUERIES)) {
    it(name, async () => {
      for (const key of ACTOR_KEYS) {
        if (key === null) continue; // pages require a signed-in actor before any query runs
        const actor = w.actors[key];
        const expected = q.allowed(actor);
        const outcome = await q.call(actor).then(
          (value) => (q.refusesWithNull && value === null ? "refused" : "allowed"),
          (error: unknown) => {
            if (error instanceof NotFoundError) return "refused";
            throw error;
          },
        );
        expect(outcome, `${name} as ${key}`).toBe(expected ? "allowed" : "refused");
        queryTally.cases++;
        if (expected) queryTally.allowed++;
      }
    });
  }

  it("reports its size", () => {
    console.log(`[permission matrix] reads: ${Object.keys(QUERIES).length} queries × ${ACTOR_KEYS.length - 1} actors = ${queryTally.cases} cases (${queryTally.allowed} allowed)`);
    expect(queryTally.cases).toBe(Object.keys(QUERIES).length * (ACTOR_KEYS.length - 1));
  });
});
