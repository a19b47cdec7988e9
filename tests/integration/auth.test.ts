import { beforeEach, describe, expect, it } from "vitest";
import { LOGIN_THROTTLE } from "@/domain/login-throttle";
import { loadActor } from "@/server/auth/actor";
import { checkLogin } from "@/server/auth/login";
import { hashPassword } from "@/server/auth/password";
import { makeCluster, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";

async function makeLoginUser(username: string, password: string, extra: { disabled?: boolean; role?: "ADMIN" | "UNIT_HEAD"; unitId?: string } = {}) {
  return prisma.user.create({
    data: { username, passwordHash: await hashPassword(password), displayName: username, role: extra.role ?? "ADMIN", disabled: extra.disabled ?? false, unitId: extra.unitId },
  });
}

describe("login against the database", () => {
  beforeEach(resetDatabase);

  it("accepts the right password, case-insensitive username, and refuses a wrong one", async () => {
    const user = await makeLoginUser("thuky", "Mat-khau-1");
    expect(await checkLogin(" ThuKy ", "Mat-khau-1")).toEqual({ ok: true, userId: user.id });
    expect(await checkLogin("thuky", "sai")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkLogin("khong-co", "Mat-khau-1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a disabled account even with the right password", async () => {
    await makeLoginUser("bi-khoa", "Mat-khau-1", { disabled: true });
    expect(await checkLogin("bi-khoa", "Mat-khau-1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks a username after repeated failures, in Postgres, even for the right password", async () => {
    await makeLoginUser("canbo", "Mat-khau-1");
    const now = new Date("2026-01-10T08:00:00Z");
    for (let i = 1; i < LOGIN_THROTTLE.maxFailures; i++) expect((await checkLogin("canbo", "sai", now)).ok).toBe(false);
    expect(await checkLogin("canbo", "sai", now)).toEqual({ ok: false, reason: "locked", minutes: 15 });
    expect(await checkLogin("canbo", "Mat-khau-1", now)).toMatchObject({ ok: false, reason: "locked" });
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { username: "canbo" } });
    expect(row.failures).toBe(LOGIN_THROTTLE.maxFailures);
    // After the lock expires the right password works again and the counter is cleared.
    const later = new Date(now.getTime() + LOGIN_THROTTLE.lockMs + 1000);
    expect((await checkLogin("canbo", "Mat-khau-1", later)).ok).toBe(true);
    expect(await prisma.loginThrottle.findUnique({ where: { username: "canbo" } })).toBeNull();
  });

  it("counts concurrent failures exactly (row lock), as several app instances would", async () => {
    await makeLoginUser("songsong", "Mat-khau-1");
    const now = new Date("2026-01-10T08:00:00Z");
    await Promise.all([1, 2, 3].map(() => checkLogin("songsong", "sai", now)));
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { username: "songsong" } });
    expect(row.failures).toBe(3);
  });
});

describe("loadActor", () => {
  beforeEach(resetDatabase);

  it("derives the cluster from the unit and marks the head of the chair unit as chair", async () => {
    const cluster = await makeCluster();
    const chairUnit = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
    const otherUnit = await makeUnit(cluster.id, "Cục Ngoại tuyến");
    await makeYear(cluster.id, 2021, { chairUnitId: otherUnit.id, phase: "CLOSED" });
    await makeYear(cluster.id, 2022, { chairUnitId: chairUnit.id });
    const head = await makeLoginUser("lanhdao", "x", { role: "UNIT_HEAD", unitId: chairUnit.id });
    const otherHead = await makeLoginUser("lanhdao2", "x", { role: "UNIT_HEAD", unitId: otherUnit.id });
    expect(await loadActor(head.id)).toMatchObject({ clusterId: cluster.id, unitId: chairUnit.id, chairOfClusterIds: [cluster.id] });
    expect(await loadActor(otherHead.id)).toMatchObject({ clusterId: cluster.id, chairOfClusterIds: [] });
  });

  it("returns null for a disabled or unknown user", async () => {
    const user = await makeLoginUser("tat", "x", { disabled: true });
    expect(await loadActor(user.id)).toBeNull();
    expect(await loadActor("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadActor("not-a-uuid")).toBeNull();
  });
});
