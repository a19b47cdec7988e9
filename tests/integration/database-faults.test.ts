// Issue 18, faults 4 and 5, on a Postgres of the test's own: signing in while the database is down or
// frozen says the system is unavailable — never "wrong username or password" — and a save while it is
// frozen is answered "busy / unavailable" within the pool's timeouts instead of hanging.
import { CredentialsSignin } from "@auth/core/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/server/auth/login";
import { hashPassword } from "@/server/auth/password";
import { signinFailureMessage, SYSTEM_UNAVAILABLE, UnavailableSignin, WRONG_CREDENTIALS } from "@/server/auth/signin-errors";
import { executeCommand, SYSTEM_BUSY } from "@/server/commands/command";
import { createOfficer } from "@/server/commands/officers";
import { createPool, usePool } from "@/server/db";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";
import { form, makeActor, makeCluster, makeUnit, prisma } from "./fixtures";

let pg: OwnPostgres;

beforeAll(async () => {
  pg = await startOwnPostgres("faults");
  pg.migrate();
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "1500";
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "2000";
  usePool(createPool(pg.url));
  await prisma.user.create({ data: { username: "thuky", passwordHash: await hashPassword("Mat-khau-1"), displayName: "Thư ký", role: "ADMIN" } });
}, 120_000);

afterAll(async () => {
  await pg?.remove();
});

const headers = new Headers();
/** What the login page would say for this attempt (Auth.js turns a null from authorize into CredentialsSignin). */
async function loginMessage(password: string): Promise<string | null> {
  try {
    const user = await authorizeCredentials({ username: "thuky", password }, headers);
    return user ? null : signinFailureMessage(new CredentialsSignin());
  } catch (error) {
    return signinFailureMessage(error);
  }
}

describe("the database down or frozen", () => {
  it("signing in says the system is unavailable, not wrong credentials, and works again once it is back", async () => {
    expect(await loginMessage("Mat-khau-1")).toBeNull(); // signed in
    expect(await loginMessage("sai")).toBe(WRONG_CREDENTIALS);

    await pg.stop();
    await expect(authorizeCredentials({ username: "thuky", password: "Mat-khau-1" }, headers)).rejects.toBeInstanceOf(UnavailableSignin);
    expect(await loginMessage("Mat-khau-1")).toBe(SYSTEM_UNAVAILABLE);
    expect(await loginMessage("sai")).toBe(SYSTEM_UNAVAILABLE);

    await pg.start();
    expect(await loginMessage("Mat-khau-1")).toBeNull();
  }, 60_000);

  it("a save and a sign-in while Postgres is frozen are answered busy within the timeouts, and work after", async () => {
    const cluster = await makeCluster();
    const unit = await makeUnit(cluster.id);
    const actor = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id });
    const officer = (code: string) => form({ code, fullName: "Nguyễn Văn An", rank: "Đại úy", position: "Cán bộ" });

    pg.freeze();
    try {
      let started = Date.now();
      expect(await executeCommand(createOfficer, actor, officer("ktnv-0001"))).toEqual({ ok: false, message: SYSTEM_BUSY });
      expect(Date.now() - started).toBeLessThan(8_000);
      started = Date.now();
      expect(await loginMessage("Mat-khau-1")).toBe(SYSTEM_UNAVAILABLE);
      expect(Date.now() - started).toBeLessThan(8_000);
    } finally {
      pg.thaw();
    }
    expect(await executeCommand(createOfficer, actor, officer("ktnv-0002"))).toMatchObject({ ok: true });
    // The save that was answered "busy" while frozen was not half-done: all or nothing.
    expect(await prisma.officer.count({ where: { code: "KTNV-0001" } })).toBeLessThanOrEqual(1);
  }, 60_000);
});
