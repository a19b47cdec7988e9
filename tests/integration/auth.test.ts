import { beforeEach, describe, expect, it, vi } from "vitest";
import { LOGIN_THROTTLE } from "@/domain/login-throttle";
import { loadActor, loadSession, loadSessionActor } from "@/server/auth/actor";
import { checkLogin } from "@/server/auth/login";
import { hashPassword } from "@/server/auth/password";
import { activeSessions, endSession, endSessionsOf, openSession } from "@/server/auth/sessions";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { resetUserPassword, setUserDisabled, updateUser } from "@/server/commands/admin";
import { setOfficerActive } from "@/server/commands/officers";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";

async function makeLoginUser(username: string, password: string, extra: { disabled?: boolean; role?: "ADMIN" | "UNIT_HEAD" | "UNIT_OFFICER"; unitId?: string; clusterId?: string } = {}) {
  return prisma.user.create({
    data: {
      username,
      passwordHash: await hashPassword(password),
      displayName: username,
      role: extra.role ?? "ADMIN",
      disabled: extra.disabled ?? false,
      unitId: extra.unitId,
      clusterId: extra.clusterId,
    },
  });
}

const { pair, account } = LOGIN_THROTTLE;
const ATTACKER = "198.51.100.66";
const OWNER = "203.0.113.10";
const events = (kind: string, username?: string) => prisma.securityEvent.count({ where: { kind, ...(username ? { username } : {}) } });

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

  it("locks an (account, address) pair after repeated failures, even for the right password; the lock ends", async () => {
    await makeLoginUser("canbo", "Mat-khau-1");
    const now = new Date("2026-01-10T08:00:00Z");
    const from = { address: ATTACKER, now };
    for (let i = 1; i < pair.free; i++) expect(await checkLogin("canbo", "sai", from)).toEqual({ ok: false, reason: "invalid" });
    expect(await checkLogin("canbo", "sai", from)).toEqual({ ok: false, reason: "locked", seconds: pair.lockMs / 1000 });
    expect(await checkLogin("canbo", "Mat-khau-1", from)).toMatchObject({ ok: false, reason: "locked" });
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `pair:canbo|${ATTACKER}` } });
    expect(row).toMatchObject({ failures: pair.free, pending: 0 });
    // After the lock the right password works again.
    const later = new Date(now.getTime() + pair.lockMs + 1000);
    expect((await checkLogin("canbo", "Mat-khau-1", { address: ATTACKER, now: later })).ok).toBe(true);
  });

  it("an attacker's failures do not lock the owner out from the owner's own address", async () => {
    const owner = await makeLoginUser("chu.taikhoan", "Mat-khau-1");
    const now = new Date("2026-01-10T08:00:00Z");
    for (let i = 0; i < pair.free + 3; i++) await checkLogin("chu.taikhoan", "sai", { address: ATTACKER, now });
    expect(await checkLogin("chu.taikhoan", "Mat-khau-1", { address: ATTACKER, now })).toMatchObject({ ok: false, reason: "locked" });
    expect(await checkLogin("chu.taikhoan", "Mat-khau-1", { address: OWNER, now })).toEqual({ ok: true, userId: owner.id });
  });

  it("failures from many addresses delay the account, but not from an address it signed in from lately", async () => {
    const owner = await makeLoginUser("nhieu.diachi", "Mat-khau-1");
    const now = new Date("2026-01-10T08:00:00Z");
    expect((await checkLogin("nhieu.diachi", "Mat-khau-1", { address: OWNER, now })).ok).toBe(true);
    const later = new Date(now.getTime() + 60_000);
    for (let i = 0; i < account.free; i++) await checkLogin("nhieu.diachi", "sai", { address: `192.0.2.${i + 1}`, now: later });
    // A new address waits for the delay, even with the right password…
    expect(await checkLogin("nhieu.diachi", "Mat-khau-1", { address: "192.0.2.200", now: later })).toEqual({ ok: false, reason: "locked", seconds: account.firstDelayMs / 1000 });
    // …the owner's known address does not.
    expect(await checkLogin("nhieu.diachi", "Mat-khau-1", { address: OWNER, now: later })).toEqual({ ok: true, userId: owner.id });
  });

  it("20 attempts at once (19 wrong, the right one 15th): at most 5 passwords checked, no session after the lock", async () => {
    // Truly concurrent on the real database: each attempt is its own transactions on the pool, the
    // argon2 checks run on libuv's threads while the other attempts reach Postgres.
    const user = await makeLoginUser("songsong", "Mat-khau-1");
    const now = new Date("2026-01-10T08:00:00Z");
    const burst = (right: number | null) =>
      Promise.all(Array.from({ length: 20 }, (_, i) => checkLogin("songsong", i === right ? "Mat-khau-1" : `sai-${i}`, { address: ATTACKER, now })));
    const first = await burst(14);
    const checked = (await events("login.failed", "songsong")) + (await events("login.success", "songsong"));
    expect(checked).toBeLessThanOrEqual(pair.free);
    expect(first.filter((o) => o.ok === false && o.reason === "invalid").length).toBeLessThanOrEqual(pair.free);
    // The right password is either among the first five slots (and signs in) or refused unchecked.
    const signedIn = first.filter((o) => o.ok);
    expect(signedIn.length).toBeLessThanOrEqual(1);
    if (signedIn.length === 0) expect(first[14]).toMatchObject({ ok: false, reason: "locked" });
    const rows = await prisma.loginThrottle.findMany({ where: { username: "songsong" } });
    expect(rows.every((r) => r.pending === 0)).toBe(true);

    // Until every slot failed and locked the pair: then a second burst checks no password at all.
    if (signedIn.length === 0) {
      const second = await burst(null);
      expect(second.every((o) => o.ok === false && o.reason === "locked")).toBe(true);
      expect((await events("login.failed", "songsong")) + (await events("login.success", "songsong"))).toBe(checked);
      expect(await events("login.blocked", "songsong")).toBe(1);
    }
    expect(user.id).toBeTruthy();
  });

  it("a burst of 20 wrong passwords checks exactly 5, then locks; a success later forgives what it saw", async () => {
    await makeLoginUser("loat", "Mat-khau-1");
    const now = new Date("2026-01-10T08:00:00Z");
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => checkLogin("loat", `sai-${i}`, { address: ATTACKER, now })));
    expect(await events("login.failed", "loat")).toBe(pair.free);
    expect(outcomes.filter((o) => o.ok === false && o.reason === "invalid").length + outcomes.filter((o) => !o.ok && o.reason === "locked").length).toBe(20);
    const row = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `pair:loat|${ATTACKER}` } });
    expect(row).toMatchObject({ failures: pair.free, pending: 0 });
  });

  it("writes one log line per failed attempt, no stack, and a security event", async () => {
    await makeLoginUser("nhatky", "Mat-khau-1");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await checkLogin("nhatky", "sai", { address: ATTACKER });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toBe(`[login] failed "nhatky" from ${ATTACKER}: wrong password`);
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
    expect(await prisma.securityEvent.findFirstOrThrow({ where: { kind: "login.failed" } })).toMatchObject({ username: "nhatky", address: ATTACKER, detail: { reason: "wrong password" } });
  });

  it("deletes throttle rows whose time has passed (every attempted name no longer leaves a row for ever)", async () => {
    const past = new Date(Date.now() - 60_000);
    await prisma.loginThrottle.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ key: `account:ten-${i}`, username: `ten-${i}`, failures: 1, expiresAt: past })),
    });
    await prisma.loginThrottle.create({ data: { key: "account:dang-dung", username: "dang-dung", failures: 1, expiresAt: new Date(Date.now() + 60_000) } });
    await checkLogin("ai-do", "sai", { address: ATTACKER });
    const left = (await prisma.loginThrottle.findMany({ select: { key: true } })).map((r) => r.key).sort();
    expect(left).toEqual(["account:ai-do", "account:dang-dung", `address:${ATTACKER}`, `pair:ai-do|${ATTACKER}`]);
  });
});

describe("sessions", () => {
  beforeEach(resetDatabase);
  const client = { address: OWNER, userAgent: "Thử nghiệm" };

  it("a session opens pages until it ends: sign-out, password reset, role change, disabling, ending the others", async () => {
    const cluster = await makeCluster();
    const unit = await makeUnit(cluster.id);
    const admin = await makeActor("ADMIN");
    const user = await makeLoginUser("phien", "Mat-khau-1", { role: "UNIT_OFFICER", unitId: unit.id, clusterId: cluster.id });
    const open = () => openSession(user.id, client);

    const signedOut = await open();
    expect(await loadSessionActor(user.id, signedOut)).toMatchObject({ userId: user.id });
    expect(await loadSessionActor(admin.userId, signedOut)).toBeNull(); // a session names its one user
    expect(await endSession(signedOut)).toBe(user.id);
    expect(await loadSessionActor(user.id, signedOut)).toBeNull();

    const reset = await open();
    expect(await executeCommand(resetUserPassword, admin, form({ id: user.id, password: "Mat-khau-moi-1", confirmPassword: "Mat-khau-moi-1" }))).toMatchObject({ ok: true });
    expect(await loadSessionActor(user.id, reset)).toBeNull();

    const rescoped = await open();
    const untouched = await open();
    expect(await executeCommand(updateUser, admin, form({ id: user.id, displayName: "Phiên", role: "UNIT_OFFICER", unitId: unit.id }))).toMatchObject({ ok: true });
    expect(await loadSessionActor(user.id, untouched)).not.toBeNull(); // a new display name ends nothing
    expect(await executeCommand(updateUser, admin, form({ id: user.id, displayName: "Phiên", role: "UNIT_HEAD", unitId: unit.id }))).toMatchObject({ ok: true });
    expect(await loadSessionActor(user.id, rescoped)).toBeNull();
    expect(await loadSessionActor(user.id, untouched)).toBeNull();

    const disabled = await open();
    expect(await executeCommand(setUserDisabled, admin, form({ id: user.id, disabled: "true" }))).toMatchObject({ ok: true });
    expect(await prisma.session.findUnique({ where: { id: disabled } })).toBeNull();
    expect(await executeCommand(setUserDisabled, admin, form({ id: user.id, disabled: "false" }))).toMatchObject({ ok: true });

    const here = await open();
    const elsewhere = await open();
    expect((await activeSessions(user.id)).map((s) => s.id).sort()).toEqual([here, elsewhere].sort());
    expect(await prisma.$transaction((tx) => endSessionsOf(tx, user.id, here))).toBe(1);
    expect(await loadSessionActor(user.id, here)).not.toBeNull();
    expect(await loadSessionActor(user.id, elsewhere)).toBeNull();
  });

  it("the statement that checks the session also counts the user's unread notifications (the bell), up to 100", async () => {
    const user = await makeLoginUser("chuong", "Mat-khau-1");
    const other = await makeLoginUser("nguoi-khac", "Mat-khau-1");
    const session = await openSession(user.id, client);
    const notify = (userId: string, n: number, readAt: Date | null = null) =>
      prisma.notification.createMany({ data: Array.from({ length: n }, (_, i) => ({ userId, kind: "REPORT_SUBMITTED", subjectType: "REPORT", title: `Thông báo ${i}`, body: "", readAt })) });
    expect(await loadSession(user.id, session)).toMatchObject({ actor: { userId: user.id }, unread: 0 });
    await notify(user.id, 3);
    await notify(user.id, 2, new Date());
    await notify(other.id, 4);
    expect((await loadSession(user.id, session))?.unread).toBe(3);
    await notify(user.id, 120);
    expect((await loadSession(user.id, session))?.unread).toBe(100);
    await endSession(session);
    expect(await loadSession(user.id, session)).toBeNull();
  });

  it("an expired session opens nothing, and is cleaned up by a later sign-in", async () => {
    const user = await makeLoginUser("hethan", "Mat-khau-1");
    const old = await openSession(user.id, client, new Date(Date.now() - 9 * 60 * 60_000));
    expect(await loadSessionActor(user.id, old)).toBeNull();
    await openSession(user.id, client);
    expect(await prisma.session.findUnique({ where: { id: old } })).toBeNull();
  });
});

describe("security events of refused writes", () => {
  beforeEach(resetDatabase);

  it("a command refused for another unit's scope, or for the role, leaves an access.denied event (and nothing else)", async () => {
    const cluster = await makeCluster();
    const mine = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
    const theirs = await makeUnit(cluster.id, "Cục Ngoại tuyến");
    await makeYear(cluster.id, 2022);
    const officer = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: mine.id });
    const theirOfficer = await makeOfficer(theirs.id, "Nguyễn Văn Bình");
    const refused = await executeCommand(setOfficerActive, officer, form({ id: theirOfficer.id, active: "false" }));
    expect(refused).toMatchObject({ ok: false, message: NOT_FOUND });
    expect(await prisma.officer.findUniqueOrThrow({ where: { id: theirOfficer.id } })).toMatchObject({ active: true });
    const event = await prisma.securityEvent.findFirstOrThrow({ where: { kind: "access.denied" } });
    expect(event).toMatchObject({ userId: officer.userId, detail: { via: "write", command: "officer.setActive", unitId: theirs.id } });
    // A role without the permission anywhere.
    const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    expect(await executeCommand(setUserDisabled, secretariat, form({ id: officer.userId, disabled: "true" }))).toMatchObject({ ok: false, message: NOT_FOUND });
    expect(await prisma.securityEvent.findFirstOrThrow({ where: { kind: "access.denied", userId: secretariat.userId } })).toMatchObject({
      detail: { via: "write", command: "user.setDisabled", permission: "user.manage" },
    });
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
    const session = await openSession(head.id, { address: OWNER, userAgent: null });
    expect(await loadSessionActor(head.id, session)).toEqual(await loadActor(head.id));
  });

  it("returns null for a disabled or unknown user", async () => {
    const user = await makeLoginUser("tat", "x", { disabled: true });
    expect(await loadActor(user.id)).toBeNull();
    expect(await loadActor("00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await loadActor("not-a-uuid")).toBeNull();
    const session = await openSession(user.id, { address: OWNER, userAgent: null });
    expect(await loadSessionActor(user.id, session)).toBeNull();
    expect(await loadSessionActor(user.id, "not-a-uuid")).toBeNull();
  });
});
