// Issue 13, accounts: the password policy wherever a password is set (the admin's create and reset, the
// user's own change), the forced change of an admin-set password, and its enforcement below the pages:
// an actor who must change their password is refused every command and read but the change itself.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PASSWORD_HAS_USERNAME, PASSWORD_TOO_COMMON, PASSWORD_TOO_LONG, PASSWORD_TOO_SHORT } from "@/domain/password-policy";
import type { Actor } from "@/domain/permissions";
import { loadActor, loadSessionActor } from "@/server/auth/actor";
import { checkLogin } from "@/server/auth/login";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { activeSessions, openSession } from "@/server/auth/sessions";
import { changeOwnPassword } from "@/server/commands/account";
import { createUser, resetUserPassword } from "@/server/commands/admin";
import { executeCommand, NOT_FOUND, type ActionResult } from "@/server/commands/command";
import * as officers from "@/server/queries/officers";
import * as registration from "@/server/queries/registration";
import { expectNotFound, expectOk, expectRefused } from "../support/action-result";
import { allCommands } from "../support/all-commands";
import { runnerOf } from "./command-cases/actors";
import { enterPhaseOf } from "./command-cases/phases";
import { FIXTURES } from "./command-cases/valid-inputs";
import { buildWorld, dropSnapshot, fingerprint, restore, snapshot, type World } from "./command-cases/world";
import { form, makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

const GOOD = "Hoa-sen-trong-dam-2022";
const CLIENT = { address: "203.0.113.7", userAgent: "vitest" };

/** Passwords the policy refuses for the account "canbo.ktnv", with the rule each one breaks. */
const REFUSED: [string, string][] = [
  ["ngan-qua", PASSWORD_TOO_SHORT],
  ["x".repeat(201), PASSWORD_TOO_LONG],
  ["canbo.ktnv-2022", PASSWORD_HAS_USERNAME],
  ["Mk-CANBO.KTNV!", PASSWORD_HAS_USERNAME],
  ["1234567890", PASSWORD_TOO_COMMON],
  ["qwertyuiop", PASSWORD_TOO_COMMON],
  ["Matkhau@2024", PASSWORD_TOO_COMMON],
  ["matkhau123456", PASSWORD_TOO_COMMON],
  ["Admin@123456", PASSWORD_TOO_COMMON],
  ["123456789a", PASSWORD_TOO_COMMON],
  ["aaaaaaaaaaaa", PASSWORD_TOO_COMMON],
];

const withPassword = (password: string, extra: Record<string, string> = {}) => form({ password, confirmPassword: password, ...extra });

async function admin(): Promise<Actor> {
  return makeActor("ADMIN");
}

/** An account of a unit, as the admin creates it (password GOOD, to be changed), and its id. */
async function createdAccount(by: Actor, username = "canbo.ktnv") {
  const cluster = await makeCluster();
  const unit = await makeUnit(cluster.id);
  const { id } = expectOk(
    await executeCommand(createUser, by, withPassword(GOOD, { username, displayName: "Nguyễn Thị Hoa", role: "UNIT_OFFICER", unitId: unit.id })),
  ) as { id: string };
  return id;
}

/** The actor the app loads for a new session of the user (what every request does). */
async function signedIn(userId: string): Promise<Actor> {
  const actor = await loadSessionActor(userId, await openSession(userId, CLIENT));
  if (!actor) throw new Error("no session actor");
  return actor;
}

const change = (actor: Actor, currentPassword: string, password: string, confirmPassword = password): Promise<ActionResult<{ wasForced: boolean }>> =>
  executeCommand(changeOwnPassword, actor, form({ currentPassword, password, confirmPassword }));

describe("the password policy wherever a password is set", () => {
  beforeEach(resetDatabase);

  it("the admin's create refuses each weak password with the rule it breaks, and creates nothing", async () => {
    const a = await admin();
    const cluster = await makeCluster();
    const unit = await makeUnit(cluster.id);
    for (const [password, rule] of REFUSED) {
      const result = await executeCommand(createUser, a, withPassword(password, { username: "canbo.ktnv", displayName: "Hoa", role: "UNIT_OFFICER", unitId: unit.id }));
      expect(result, password).toMatchObject({ ok: false, fieldErrors: { password: expect.arrayContaining([rule]) } });
    }
    expect(await prisma.user.count({ where: { username: "canbo.ktnv" } })).toBe(0);
  });

  it("the admin's reset refuses them for the account's own username, and leaves the password as it was", async () => {
    const a = await admin();
    const id = await createdAccount(a);
    const before = await prisma.user.findUniqueOrThrow({ where: { id } });
    for (const [password, rule] of REFUSED) {
      const result = await executeCommand(resetUserPassword, a, withPassword(password, { id }));
      expect(result, password).toMatchObject({ ok: false, fieldErrors: { password: expect.arrayContaining([rule]) } });
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBe(before.passwordHash);
  });

  it("the user's own change refuses them too, and keeps the current password", async () => {
    const id = await createdAccount(await admin());
    const me = await signedIn(id);
    for (const [password, rule] of REFUSED) {
      expect(await change(me, GOOD, password), password).toMatchObject({ ok: false, fieldErrors: { password: expect.arrayContaining([rule]) } });
    }
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id } })).passwordHash, GOOD)).toBe(true);
  });

  it("a strong password passes everywhere", async () => {
    const a = await admin();
    const id = await createdAccount(a);
    expectOk(await executeCommand(resetUserPassword, a, withPassword("Song-Hong-chay-qua-Ha-Noi", { id })));
    expectOk(await change(await signedIn(id), "Song-Hong-chay-qua-Ha-Noi", "Mua-thu-la-vang-2022"));
  });
});

describe("a password the admin sets must be changed by its user", () => {
  beforeEach(resetDatabase);

  it("the admin's create sets the forced change; the user signs in and is loaded as having to change it", async () => {
    const a = await admin();
    const id = await createdAccount(a);
    expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ mustChangePassword: true });
    const created = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: id } });
    expect(created.after).toMatchObject({ mustChangePassword: true });
    // Signing in itself works: the change comes right after it.
    expect(await checkLogin("canbo.ktnv", GOOD)).toEqual({ ok: true, userId: id });
    expect(await signedIn(id)).toMatchObject({ userId: id, mustChangePassword: true });
  });

  it("the user's change clears it, ends nothing but what the caller ends, and is audited without any password", async () => {
    const id = await createdAccount(await admin());
    const me = await signedIn(id);
    expect(expectOk(await change(me, GOOD, "Mua-thu-la-vang-2022"))).toEqual({ wasForced: true });
    const user = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user.mustChangePassword).toBe(false);
    expect(await verifyPassword(user.passwordHash, "Mua-thu-la-vang-2022")).toBe(true);
    expect(await verifyPassword(user.passwordHash, GOOD)).toBe(false);
    expect(await loadActor(id)).toMatchObject({ mustChangePassword: false });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "account.password" } });
    expect(audit).toMatchObject({
      actorId: id,
      entityType: "User",
      entityId: id,
      before: { mustChangePassword: true },
      after: { username: "canbo.ktnv", passwordChanged: true, mustChangePassword: false },
    });
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/Mua-thu|Hoa-sen|\$argon2/);
    // A second, voluntary change: not forced.
    expect(expectOk(await change(await signedIn(id), "Mua-thu-la-vang-2022", "Trong-com-xanh-2022"))).toEqual({ wasForced: false });
  });

  it("the admin's reset sets it again and ends the user's sessions", async () => {
    const a = await admin();
    const id = await createdAccount(a);
    expectOk(await change(await signedIn(id), GOOD, "Mua-thu-la-vang-2022"));
    await signedIn(id);
    expect(await activeSessions(id)).not.toHaveLength(0);
    expectOk(await executeCommand(resetUserPassword, a, withPassword("Song-Hong-chay-qua-Ha-Noi", { id })));
    expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ mustChangePassword: true });
    expect(await activeSessions(id)).toHaveLength(0);
    const reset = await prisma.auditLog.findFirstOrThrow({ where: { action: "user.resetPassword" } });
    expect(reset.after).toEqual({ username: "canbo.ktnv", passwordReset: true, mustChangePassword: true });
  });

  it("refuses a wrong current password, the same password again and a mismatched confirmation", async () => {
    const id = await createdAccount(await admin());
    const me = await signedIn(id);
    expect(await change(me, "Khong-phai-mat-khau", "Mua-thu-la-vang-2022")).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ["Mật khẩu hiện tại không đúng."] },
    });
    expect(await change(me, GOOD, GOOD)).toMatchObject({ ok: false, fieldErrors: { password: ["Mật khẩu mới phải khác mật khẩu hiện tại."] } });
    expect(await change(me, GOOD, "Mua-thu-la-vang-2022", "Mua-thu-la-vang-2023")).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["Mật khẩu nhập lại không khớp."] },
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ mustChangePassword: true });
    expect(await prisma.auditLog.count({ where: { action: "account.password" } })).toBe(0);
  });

  it("demo-style accounts the seed creates (no admin involved) have no forced change", async () => {
    const user = await prisma.user.create({ data: { username: "canbo.anm", passwordHash: await hashPassword("ThiDua@2022"), displayName: "Cán bộ", role: "ADMIN" } });
    expect(await signedIn(user.id)).toMatchObject({ mustChangePassword: false });
  });
});

describe("until then, the permission table grants such an actor nothing but the change", () => {
  let w: World;
  const commands = allCommands();

  beforeAll(async () => {
    await resetDatabase();
    w = await buildWorld();
    await snapshot();
  }, 120_000);
  afterAll(dropSnapshot);

  it("every command but account.password is refused as not found, and writes nothing", async () => {
    const refused: string[] = [];
    for (const name of Object.keys(FIXTURES).sort()) {
      const command = commands.get(name)!;
      const fixture = FIXTURES[name]!;
      const key = runnerOf(command, fixture, w);
      if (!key) continue;
      await restore();
      await enterPhaseOf(w, command); // the fixture's own set-up runs in the command's phase
      const actor = w.actors[key];
      const input = await fixture.input(w, actor);
      const before = await fingerprint();
      const result = await executeCommand(command, { ...actor, mustChangePassword: true }, input);
      if (name === "account.password") {
        expectOk(result);
        continue;
      }
      expectRefused(result, NOT_FOUND);
      expect(await fingerprint(), `${name} wrote something`).toEqual(before);
      refused.push(name);
    }
    expect(refused).toHaveLength(Object.keys(FIXTURES).length - 1);
  }, 300_000);

  it("page reads refuse them too", async () => {
    await restore();
    const pending = { ...w.actors.UNIT_OFFICER_A1, mustChangePassword: true };
    await expectNotFound(registration.unitRegistrationPage(pending, { unitId: w.A1.id }));
    await expectNotFound(officers.getOfficer(pending, w.officers.A1[0]!.id));
    // The same actor, once the password is changed, reads them.
    await expect(registration.unitRegistrationPage(w.actors.UNIT_OFFICER_A1, { unitId: w.A1.id })).resolves.toBeTruthy();
  });
});
