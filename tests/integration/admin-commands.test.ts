// Administration commands and queries against the real database: who may run them, what they refuse,
// what they write (and audit), and what they never write.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "@/domain/permissions";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { textSortKey } from "@/domain/vietnamese";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import {
  createBlock,
  createCluster,
  createUnit,
  createUser,
  resetUserPassword,
  setClusterActive,
  setUnitActive,
  setUserDisabled,
  updateBlock,
  updateCluster,
  updateTitle,
  updateUnit,
  updateUser,
} from "@/server/commands/admin";
import { executeCommand, NOT_FOUND, NOT_SIGNED_IN, NotFoundError, type Command } from "@/server/commands/command";
import {
  blockOptions,
  clusterOptions,
  getBlock,
  getCluster,
  getTitle,
  getUnit,
  getUser,
  listBlocksWithClusters,
  listTitles,
  listUnits,
  listUsers,
  memberUnitOptions,
} from "@/server/queries/admin";
import { expectOk, expectRefused } from "../support/action-result";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

const PASSWORD = "Mat-khau-an-toan-1";

async function seedTitles() {
  for (const t of TITLE_CATALOGUE) await prisma.titleDefinition.create({ data: t });
  return prisma.titleDefinition.findUniqueOrThrow({ where: { code: "CST" } });
}

/** Everything an admin command could touch, to prove a refusal wrote nothing. */
async function snapshot() {
  const [blocks, clusters, units, users, titles, audit, throttle] = await Promise.all([
    prisma.block.findMany({ orderBy: { id: "asc" } }),
    prisma.cluster.findMany({ orderBy: { id: "asc" } }),
    prisma.unit.findMany({ orderBy: { id: "asc" } }),
    prisma.user.findMany({ orderBy: { id: "asc" } }),
    prisma.titleDefinition.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count(),
    prisma.loginThrottle.findMany(),
  ]);
  return JSON.stringify({ blocks, clusters, units, users, titles, audit, throttle });
}

const run = <I, R>(command: Command<I, R>, actor: Actor | null, values: Record<string, string | number | boolean | undefined>) =>
  executeCommand(command, actor, form(values));

/** JSON of anything, BigInt ids included. */
const json = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? String(v) : v));

async function lastAudit() {
  return prisma.auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
}

/** A small world: one block with two clusters, member units, a sub-unit, and one actor per role. */
async function world() {
  const cluster = await makeCluster("Cụm thi đua số 2");
  const otherCluster = await prisma.cluster.create({ data: { code: "CUM-05", name: "Cụm thi đua số 5", blockId: cluster.blockId } });
  const emptyCluster = await prisma.cluster.create({ data: { code: "CUM-09", name: "Cụm thi đua số 9", blockId: cluster.blockId } });
  const unit = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const quietUnit = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const subUnit = await makeUnit(cluster.id, "Phòng Tham mưu", unit.id);
  const otherUnit = await makeUnit(otherCluster.id, "Công an tỉnh Bắc Ninh");
  const admin = await makeActor("ADMIN");
  const actors: Record<Exclude<Role, "ADMIN">, Actor> = {
    SECRETARIAT: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    UNIT_OFFICER: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id }),
    UNIT_HEAD: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unit.id }),
    MINISTRY: await makeActor("MINISTRY"),
  };
  const title = await seedTitles();
  return { block: { id: cluster.blockId }, cluster, otherCluster, emptyCluster, unit, quietUnit, subUnit, otherUnit, admin, actors, title };
}
type World = Awaited<ReturnType<typeof world>>;

type Case = { name: string; command: Command<unknown, unknown>; input: (w: World) => Record<string, string | boolean | undefined> };
const CASES: Case[] = [
  { name: "createBlock", command: createBlock as Command<unknown, unknown>, input: () => ({ code: "KHOI-CAP", name: "Khối Công an các tỉnh" }) },
  { name: "updateBlock", command: updateBlock as Command<unknown, unknown>, input: (w) => ({ id: w.block.id, code: "KHOI-BT", name: "Khối các đơn vị thuộc Bộ trưởng (sửa)" }) },
  { name: "createCluster", command: createCluster as Command<unknown, unknown>, input: (w) => ({ code: "CUM-03", name: "Cụm thi đua số 3", blockId: w.block.id }) },
  { name: "updateCluster", command: updateCluster as Command<unknown, unknown>, input: (w) => ({ id: w.otherCluster.id, code: "CUM-05", name: "Cụm số 5 (sửa)", blockId: w.block.id }) },
  { name: "setClusterActive", command: setClusterActive as Command<unknown, unknown>, input: (w) => ({ id: w.emptyCluster.id, active: "false" }) },
  { name: "createUnit", command: createUnit as Command<unknown, unknown>, input: (w) => ({ code: "QLXNC", name: "Cục Quản lý xuất nhập cảnh", clusterId: w.cluster.id }) },
  { name: "updateUnit", command: updateUnit as Command<unknown, unknown>, input: (w) => ({ id: w.quietUnit.id, code: "NT", name: "Cục Ngoại tuyến (sửa)", clusterId: w.cluster.id }) },
  { name: "setUnitActive", command: setUnitActive as Command<unknown, unknown>, input: (w) => ({ id: w.quietUnit.id, active: "false" }) },
  {
    name: "createUser",
    command: createUser as Command<unknown, unknown>,
    input: (w) => ({ username: "thuky.cum2", displayName: "Thư ký Cụm 2", role: "SECRETARIAT", clusterId: w.cluster.id, password: PASSWORD, confirmPassword: PASSWORD }),
  },
  {
    name: "updateUser",
    command: updateUser as Command<unknown, unknown>,
    input: (w) => ({ id: w.actors.UNIT_OFFICER.userId, displayName: "Cán bộ đổi tên", role: "UNIT_HEAD", unitId: w.unit.id }),
  },
  { name: "setUserDisabled", command: setUserDisabled as Command<unknown, unknown>, input: (w) => ({ id: w.actors.UNIT_HEAD.userId, disabled: "true" }) },
  { name: "resetUserPassword", command: resetUserPassword as Command<unknown, unknown>, input: (w) => ({ id: w.actors.UNIT_OFFICER.userId, password: PASSWORD, confirmPassword: PASSWORD }) },
  {
    name: "updateTitle",
    command: updateTitle as Command<unknown, unknown>,
    input: (w) => ({ id: w.title.id, name: "Chiến sĩ tiên tiến", shortName: "CST", prerequisites: "Dòng 1\nDòng 2", active: true }),
  },
];

describe("admin commands: who may run them", () => {
  beforeEach(resetDatabase);

  it.each(CASES)("$name: refused for every non-admin and a null actor (nothing written), allowed for an admin", async ({ command, input }) => {
    const w = await world();
    const values = input(w);
    const before = await snapshot();
    for (const actor of [w.actors.SECRETARIAT, w.actors.UNIT_OFFICER, w.actors.UNIT_HEAD]) {
      expect(await run(command, actor, values)).toEqual({ ok: false, message: NOT_FOUND });
    }
    expect(await run(command, null, values)).toEqual({ ok: false, message: NOT_SIGNED_IN });
    expect(await snapshot()).toBe(before);
    expect(await prisma.auditLog.count()).toBe(0);

    const result = await run(command, w.admin, values);
    expectOk(result);
    expect(await snapshot()).not.toBe(before);
    const audit = await prisma.auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: command.name, actorId: w.admin.userId, actorName: w.admin.displayName });
    expect(json(audit[0])).not.toMatch(/passwordHash|argon2/);
  });
});

describe("blocks and clusters", () => {
  beforeEach(resetDatabase);

  it("validates code and name with field errors and writes nothing", async () => {
    const w = await world();
    const before = await snapshot();
    const empty = await run(createBlock, w.admin, { code: "K1", name: "   " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { name: ["Tên khối là bắt buộc."] } });
    const long = await run(createCluster, w.admin, { code: "C1", name: "x".repeat(201), blockId: w.block.id });
    expect(long).toMatchObject({ ok: false, fieldErrors: { name: ["Tên cụm tối đa 200 ký tự."] } });
    const badCode = await run(createCluster, w.admin, { code: "CỤM 2", name: "Cụm", blockId: w.block.id });
    expect(badCode).toMatchObject({ ok: false, fieldErrors: { code: ["Mã cụm chỉ gồm chữ không dấu, số và các ký tự . _ -"] } });
    const longCode = await run(createBlock, w.admin, { code: "K".repeat(33), name: "Khối" });
    expect(longCode).toMatchObject({ ok: false, fieldErrors: { code: ["Mã khối tối đa 32 ký tự."] } });
    const noBlock = await run(createCluster, w.admin, { code: "C1", name: "Cụm", blockId: "00000000-0000-4000-8000-000000000000" });
    expect(noBlock).toMatchObject({ ok: false, fieldErrors: { blockId: ["Khối thi đua không tồn tại."] } });
    expect(await snapshot()).toBe(before);
  });

  it("maps a duplicate code (unique constraint, through the pg adapter) to a field error, case-insensitively", async () => {
    const w = await world();
    expectOk(await run(createBlock, w.admin, { code: "khoi-a", name: "Khối A" }));
    const block = await prisma.block.findUniqueOrThrow({ where: { code: "KHOI-A" } });
    const before = await snapshot();
    expect(await run(createBlock, w.admin, { code: "KHOI-A", name: "Khối B" })).toEqual({
      ok: false,
      message: "Mã đã tồn tại.",
      fieldErrors: { code: ["Mã đã tồn tại."] },
    });
    expect(await run(createCluster, w.admin, { code: w.otherCluster.code.toLowerCase(), name: "Cụm trùng", blockId: block.id })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Mã đã tồn tại."] },
    });
    expect(await run(updateCluster, w.admin, { id: w.emptyCluster.id, code: w.otherCluster.code, name: "x", blockId: block.id })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Mã đã tồn tại."] },
    });
    expect(await run(createUnit, w.admin, { code: w.unit.code, name: "Đơn vị trùng", clusterId: w.cluster.id })).toMatchObject({
      ok: false,
      fieldErrors: { code: ["Mã đã tồn tại."] },
    });
    expect(await snapshot()).toBe(before);
  });

  it("audits an update with before and after", async () => {
    const w = await world();
    const result = await run(updateCluster, w.admin, { id: w.otherCluster.id, code: "cum-05b", name: "Cụm thi đua số 5 ", blockId: w.block.id });
    expect(result).toMatchObject({ ok: true, data: { id: w.otherCluster.id } });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "cluster.update",
      entityType: "Cluster",
      entityId: w.otherCluster.id,
      clusterId: w.otherCluster.id,
      before: { code: "CUM-05", name: "Cụm thi đua số 5", active: true },
      after: { code: "CUM-05B", name: "Cụm thi đua số 5", active: true },
    });
  });

  it("keeps a cluster with active units or enabled accounts active; an empty one can stop and restart", async () => {
    const w = await world();
    const busy = await run(setClusterActive, w.admin, { id: w.cluster.id, active: "false" });
    expect(busy.ok).toBe(false);
    expect(busy.ok ? "" : busy.message).toContain("2 đơn vị đang hoạt động");
    expect(busy.ok ? "" : busy.message).toContain("3 tài khoản đang sử dụng");
    // The update command refuses the same way (and leaves the status alone when the flag is absent).
    expect((await run(updateCluster, w.admin, { id: w.cluster.id, code: w.cluster.code, name: w.cluster.name, blockId: w.block.id, active: "false" })).ok).toBe(false);
    expectOk(await run(updateCluster, w.admin, { id: w.cluster.id, code: w.cluster.code, name: "Cụm 2", blockId: w.block.id }));
    expect((await prisma.cluster.findUniqueOrThrow({ where: { id: w.cluster.id } })).active).toBe(true);

    expectOk(await run(setClusterActive, w.admin, { id: w.emptyCluster.id, active: "false" }));
    expect((await prisma.cluster.findUniqueOrThrow({ where: { id: w.emptyCluster.id } })).active).toBe(false);
    // Nothing new goes into an inactive cluster.
    expect(await run(createUnit, w.admin, { code: "X1", name: "Đơn vị X", clusterId: w.emptyCluster.id })).toMatchObject({
      ok: false,
      fieldErrors: { clusterId: ["Cụm thi đua đã ngừng hoạt động."] },
    });
    expectOk(await run(setClusterActive, w.admin, { id: w.emptyCluster.id, active: "true" }));
  });

  it("answers not found for an unknown record", async () => {
    const w = await world();
    expect(await run(updateBlock, w.admin, { id: "00000000-0000-4000-8000-000000000000", code: "X", name: "X" })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await prisma.auditLog.count()).toBe(0);
  });
});

describe("units and sub-units", () => {
  beforeEach(resetDatabase);

  it("creates a member unit and a sub-unit with a Vietnamese sort key and an audit entry", async () => {
    const w = await world();
    const created = await run(createUnit, w.admin, { code: "qlxnc", name: "Cục Quản lý xuất nhập cảnh", clusterId: w.cluster.id });
    expectOk(created);
    const unit = await prisma.unit.findUniqueOrThrow({ where: { code: "QLXNC" } });
    expect(unit).toMatchObject({ clusterId: w.cluster.id, parentId: null, active: true, sortKey: textSortKey("Cục Quản lý xuất nhập cảnh") });
    expect(await lastAudit()).toMatchObject({ action: "unit.create", entityId: unit.id, clusterId: w.cluster.id, after: { code: "QLXNC", parentId: null } });

    expectOk(await run(createUnit, w.admin, { code: "QLXNC-P1", name: "Phòng Hộ chiếu", clusterId: w.cluster.id, parentId: unit.id }));
    const sub = await prisma.unit.findUniqueOrThrow({ where: { code: "QLXNC-P1" } });
    expect(sub).toMatchObject({ parentId: unit.id, clusterId: w.cluster.id });
    expect(await lastAudit()).toMatchObject({ action: "unit.create", clusterId: w.cluster.id, unitId: unit.id });
  });

  it("refuses a parent in another cluster, a parent that is a sub-unit, an inactive parent, and the unit itself", async () => {
    const w = await world();
    const before = await snapshot();
    expect(await run(createUnit, w.admin, { code: "P1", name: "Phòng 1", clusterId: w.cluster.id, parentId: w.otherUnit.id })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["Đơn vị cấp trên phải thuộc cùng cụm thi đua."] },
    });
    expect(await run(createUnit, w.admin, { code: "P2", name: "Đội 1", clusterId: w.cluster.id, parentId: w.subUnit.id })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: [expect.stringContaining("không phải một đơn vị trực thuộc")] },
    });
    expect(await run(updateUnit, w.admin, { id: w.quietUnit.id, code: w.quietUnit.code, name: w.quietUnit.name, clusterId: w.cluster.id, parentId: w.quietUnit.id })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["Đơn vị không thể trực thuộc chính nó."] },
    });
    expect(await run(createUnit, w.admin, { code: "P3", name: "Phòng 3", clusterId: w.cluster.id, parentId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["Đơn vị cấp trên không tồn tại."] },
    });
    expect(await snapshot()).toBe(before);

    await prisma.unit.update({ where: { id: w.quietUnit.id }, data: { active: false } });
    expect(await run(createUnit, w.admin, { code: "P4", name: "Phòng 4", clusterId: w.cluster.id, parentId: w.quietUnit.id })).toMatchObject({
      ok: false,
      fieldErrors: { parentId: ["Đơn vị cấp trên đã ngừng hoạt động."] },
    });
  });

  it("fixes a unit's level once something depends on it", async () => {
    const w = await world();
    // A member unit with sub-units and accounts cannot become a sub-unit.
    const demote = await run(updateUnit, w.admin, { id: w.unit.id, code: w.unit.code, name: w.unit.name, clusterId: w.cluster.id, parentId: w.quietUnit.id });
    expect(demote).toMatchObject({ ok: false, fieldErrors: { parentId: [expect.stringContaining("Không thể đổi đơn vị cấp trên")] } });
    // A sub-unit with officers cannot be moved to another parent.
    await makeOfficer(w.unit.id, "Nguyễn Văn An", { subUnitId: w.subUnit.id });
    const move = await run(updateUnit, w.admin, { id: w.subUnit.id, code: w.subUnit.code, name: w.subUnit.name, clusterId: w.cluster.id, parentId: w.quietUnit.id });
    expect(move.ok).toBe(false);
    // A member unit with nothing under it can become a sub-unit.
    expect(await run(updateUnit, w.admin, { id: w.quietUnit.id, code: w.quietUnit.code, name: w.quietUnit.name, clusterId: w.cluster.id, parentId: w.unit.id })).toMatchObject({
      ok: true,
    });
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: w.quietUnit.id } })).parentId).toBe(w.unit.id);
  });

  it("moves a member unit to another cluster with its sub-units and accounts", async () => {
    const w = await world();
    const result = await run(updateUnit, w.admin, { id: w.unit.id, code: w.unit.code, name: "Cục Kỹ thuật nghiệp vụ", clusterId: w.otherCluster.id });
    expectOk(result);
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: w.subUnit.id } })).clusterId).toBe(w.otherCluster.id);
    const accounts = await prisma.user.findMany({ where: { unitId: w.unit.id } });
    expect(accounts.map((a) => a.clusterId)).toEqual([w.otherCluster.id, w.otherCluster.id]);
    expect(await lastAudit()).toMatchObject({ before: { clusterId: w.cluster.id }, after: { clusterId: w.otherCluster.id, moved: { subUnits: 1, accounts: 2 } } });
  });

  it("keeps a unit with enabled accounts active; stopping a member unit stops its sub-units", async () => {
    const w = await world();
    const before = await snapshot();
    const busy = await run(setUnitActive, w.admin, { id: w.unit.id, active: "false" });
    expectRefused(busy, expect.stringContaining("2 tài khoản đang sử dụng"));
    expect(await snapshot()).toBe(before);

    await prisma.user.updateMany({ where: { unitId: w.unit.id }, data: { disabled: true } });
    expectOk(await run(setUnitActive, w.admin, { id: w.unit.id, active: "false" }));
    expect((await prisma.unit.findUniqueOrThrow({ where: { id: w.subUnit.id } })).active).toBe(false);
    expect(await lastAudit()).toMatchObject({ action: "unit.setActive", after: { active: false, deactivatedSubUnitIds: [w.subUnit.id] } });
    // A sub-unit cannot come back while its parent is inactive; the parent can.
    expect(await run(setUnitActive, w.admin, { id: w.subUnit.id, active: "true" })).toMatchObject({ ok: false });
    expectOk(await run(setUnitActive, w.admin, { id: w.unit.id, active: "true" }));
    expectOk(await run(setUnitActive, w.admin, { id: w.subUnit.id, active: "true" }));
  });

  it("validates unit fields", async () => {
    const w = await world();
    const result = await run(createUnit, w.admin, { code: "", name: "", clusterId: "khong-phai-uuid" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        code: expect.arrayContaining(["Mã đơn vị là bắt buộc."]),
        name: ["Tên đơn vị là bắt buộc."],
        clusterId: ["Cụm thi đua không hợp lệ."],
      },
    });
  });
});

describe("user accounts", () => {
  beforeEach(resetDatabase);

  const newUser = (extra: Record<string, string | undefined>) => ({
    username: "canbo.ktnv",
    displayName: "Nguyễn Thị Hoa",
    role: "UNIT_OFFICER",
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...extra,
  });

  it("creates a unit account in the unit's cluster, lower-cases the username, hashes the password and audits no hash", async () => {
    const w = await world();
    // A cluster posted alongside is ignored: the unit decides.
    const result = await run(createUser, w.admin, newUser({ username: "  CanBo.KTNV ", unitId: w.unit.id, clusterId: w.otherCluster.id }));
    expectOk(result);
    const user = await prisma.user.findUniqueOrThrow({ where: { username: "canbo.ktnv" } });
    expect(user).toMatchObject({ role: "UNIT_OFFICER", unitId: w.unit.id, clusterId: w.cluster.id, disabled: false, displayName: "Nguyễn Thị Hoa" });
    expect(user.passwordHash).not.toBe(PASSWORD);
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      clusterId: w.cluster.id,
      unitId: w.unit.id,
      after: { username: "canbo.ktnv", role: "UNIT_OFFICER", unitId: w.unit.id, clusterId: w.cluster.id, disabled: false },
    });
    expect(json(audit.after)).not.toContain(user.passwordHash);
    expect(json(audit)).not.toMatch(/passwordHash|argon2|Mat-khau/);
  });

  it("gives an admin no scope even when one is posted", async () => {
    const w = await world();
    expectOk(await run(createUser, w.admin, newUser({ username: "admin2", role: "ADMIN", clusterId: w.cluster.id, unitId: w.unit.id })));
    expect(await prisma.user.findUniqueOrThrow({ where: { username: "admin2" } })).toMatchObject({ clusterId: null, unitId: null });
  });

  it("enforces the scope rules of each role", async () => {
    const w = await world();
    const before = await snapshot();
    expect(await run(createUser, w.admin, newUser({ role: "SECRETARIAT" }))).toMatchObject({
      ok: false,
      fieldErrors: { clusterId: ["Thư ký cụm phải thuộc một cụm thi đua."] },
    });
    expect(await run(createUser, w.admin, newUser({ role: "UNIT_HEAD", clusterId: w.cluster.id }))).toMatchObject({
      ok: false,
      fieldErrors: { unitId: ["Tài khoản của đơn vị phải thuộc một đơn vị."] },
    });
    expect(await run(createUser, w.admin, newUser({ unitId: w.subUnit.id }))).toMatchObject({
      ok: false,
      fieldErrors: { unitId: [expect.stringContaining("không chọn đơn vị trực thuộc")] },
    });
    expect(await run(createUser, w.admin, newUser({ role: "OWNER", unitId: w.unit.id }))).toMatchObject({
      ok: false,
      fieldErrors: { role: ["Vai trò không hợp lệ."] },
    });
    await prisma.unit.update({ where: { id: w.quietUnit.id }, data: { active: false } });
    const beforeInactive = await snapshot();
    expect(await run(createUser, w.admin, newUser({ unitId: w.quietUnit.id }))).toMatchObject({
      ok: false,
      fieldErrors: { unitId: ["Đơn vị đã ngừng hoạt động."] },
    });
    expect(await snapshot()).toBe(beforeInactive);
    expect(before).not.toBe(beforeInactive);
  });

  it("validates username and password", async () => {
    const w = await world();
    const before = await snapshot();
    const short = await run(createUser, w.admin, newUser({ username: "ab", unitId: w.unit.id }));
    expect(short).toMatchObject({ ok: false, fieldErrors: { username: expect.arrayContaining([expect.stringContaining("từ 3 đến 64")]) } });
    const accents = await run(createUser, w.admin, newUser({ username: "nguyễn", unitId: w.unit.id }));
    expect(accents).toMatchObject({ ok: false, fieldErrors: { username: [expect.stringContaining("chữ thường không dấu")] } });
    const tooLong = await run(createUser, w.admin, newUser({ username: "a".repeat(65), unitId: w.unit.id }));
    expect(tooLong.ok).toBe(false);
    const weak = await run(createUser, w.admin, newUser({ password: "ngan", confirmPassword: "ngan", unitId: w.unit.id }));
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: expect.arrayContaining(["Mật khẩu phải có ít nhất 10 ký tự."]) } });
    const mismatch = await run(createUser, w.admin, newUser({ confirmPassword: `${PASSWORD}x`, unitId: w.unit.id }));
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ["Mật khẩu nhập lại không khớp."] } });
    const noName = await run(createUser, w.admin, newUser({ displayName: "", unitId: w.unit.id }));
    expect(noName).toMatchObject({ ok: false, fieldErrors: { displayName: ["Họ tên hiển thị là bắt buộc."] } });
    expect(await snapshot()).toBe(before);
  });

  it("refuses a duplicate username (any case) with a field error", async () => {
    const w = await world();
    expectOk(await run(createUser, w.admin, newUser({ unitId: w.unit.id })));
    const before = await snapshot();
    expect(await run(createUser, w.admin, newUser({ username: "CANBO.ktnv", unitId: w.quietUnit.id }))).toEqual({
      ok: false,
      message: "Tên đăng nhập đã tồn tại.",
      fieldErrors: { username: ["Tên đăng nhập đã tồn tại."] },
    });
    expect(await snapshot()).toBe(before);
  });

  it("changes role and scope, with an audit of before and after", async () => {
    const w = await world();
    const id = w.actors.UNIT_OFFICER.userId;
    expectOk(await run(updateUser, w.admin, { id, displayName: "Trần Văn Bình", role: "SECRETARIAT", clusterId: w.otherCluster.id, unitId: w.unit.id }));
    expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "SECRETARIAT", clusterId: w.otherCluster.id, unitId: null, disabled: false });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: "user.update",
      before: { role: "UNIT_OFFICER", unitId: w.unit.id, clusterId: w.cluster.id },
      after: { role: "SECRETARIAT", unitId: null, clusterId: w.otherCluster.id, displayName: "Trần Văn Bình" },
    });
    expect(json(audit)).not.toMatch(/passwordHash|not-used-in-these-tests/);
    // Disabled-flag absent: unchanged. Present: applied.
    expectOk(await run(updateUser, w.admin, { id, displayName: "Trần Văn Bình", role: "UNIT_HEAD", unitId: w.otherUnit.id, disabled: "true" }));
    expect(await prisma.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "UNIT_HEAD", unitId: w.otherUnit.id, clusterId: w.otherCluster.id, disabled: true });
  });

  it("never lets an admin disable or demote themselves", async () => {
    const w = await world();
    const me = w.admin.userId;
    const before = await snapshot();
    expect(await run(setUserDisabled, w.admin, { id: me, disabled: "true" })).toMatchObject({
      ok: false,
      fieldErrors: { disabled: ["Bạn không thể tự khóa tài khoản của chính mình."] },
    });
    expect(await run(updateUser, w.admin, { id: me, displayName: "Quản trị", role: "ADMIN", disabled: "true" })).toMatchObject({
      ok: false,
      fieldErrors: { disabled: ["Bạn không thể tự khóa tài khoản của chính mình."] },
    });
    expect(await run(updateUser, w.admin, { id: me, displayName: "Quản trị", role: "SECRETARIAT", clusterId: w.cluster.id })).toMatchObject({
      ok: false,
      fieldErrors: { role: [expect.stringContaining("vai trò Quản trị")] },
    });
    expect(await snapshot()).toBe(before);
    expect(await prisma.auditLog.count()).toBe(0);
    // Another admin may.
    const other = await makeActor("ADMIN");
    expectOk(await run(setUserDisabled, other, { id: me, disabled: "true" }));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me } })).disabled).toBe(true);
  });

  it("disables and re-enables an account; re-enabling needs an active unit", async () => {
    const w = await world();
    const id = w.actors.UNIT_HEAD.userId;
    expectOk(await run(setUserDisabled, w.admin, { id, disabled: "true" }));
    expect(await lastAudit()).toMatchObject({ action: "user.setDisabled", before: { disabled: false }, after: { disabled: true }, unitId: w.unit.id });
    await prisma.user.update({ where: { id: w.actors.UNIT_OFFICER.userId }, data: { disabled: true } });
    expectOk(await run(setUnitActive, w.admin, { id: w.unit.id, active: "false" }));
    expectRefused(await run(setUserDisabled, w.admin, { id, disabled: "false" }), expect.stringContaining("Không thể mở khóa"));
    // A disabled account may still be edited where it is.
    expectOk(await run(updateUser, w.admin, { id, displayName: "Lãnh đạo cũ", role: "UNIT_HEAD", unitId: w.unit.id }));
    expectOk(await run(setUnitActive, w.admin, { id: w.unit.id, active: "true" }));
    expectOk(await run(setUserDisabled, w.admin, { id, disabled: "false" }));
  });

  it("resets a password with confirmation, lifts a login lock and audits no hash", async () => {
    const w = await world();
    const id = w.actors.UNIT_OFFICER.userId;
    const username = w.actors.UNIT_OFFICER.username;
    const locked = { failures: 5, blockedUntil: new Date(Date.now() + 60_000), expiresAt: new Date(Date.now() + 60_000) };
    await prisma.loginThrottle.create({ data: { key: `pair:${username}|203.0.113.9`, username, ...locked } });
    await prisma.loginThrottle.create({ data: { key: `account:${username}`, username, ...locked } });
    const session = await prisma.session.create({ data: { id: randomUUID(), userId: id, expiresAt: new Date(Date.now() + 60_000) } });
    const before = await snapshot();
    expect(await run(resetUserPassword, w.admin, { id, password: PASSWORD, confirmPassword: "khac-hoan-toan-1" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["Mật khẩu nhập lại không khớp."] },
    });
    expect(await run(resetUserPassword, w.admin, { id, password: "short", confirmPassword: "short" })).toMatchObject({ ok: false, fieldErrors: { password: expect.any(Array) } });
    expect(await snapshot()).toBe(before);

    expectOk(await run(resetUserPassword, w.admin, { id, password: PASSWORD, confirmPassword: PASSWORD }));
    const user = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(await prisma.loginThrottle.count()).toBe(0);
    // The sessions signed in with the old password end with it.
    expect(await prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "user.resetPassword", after: { passwordReset: true } });
    expect(json(audit)).not.toContain(user.passwordHash);
    expect(json(audit)).not.toMatch(/argon2|Mat-khau/);
  });
});

describe("title catalogue", () => {
  beforeEach(resetDatabase);

  it("edits name, short name, multi-line prerequisites and status, with validation", async () => {
    const w = await world();
    const before = await snapshot();
    expect(await run(updateTitle, w.admin, { id: w.title.id, name: "", shortName: "CST", prerequisites: "x", active: true })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Tên danh hiệu là bắt buộc."] },
    });
    expect(await run(updateTitle, w.admin, { id: w.title.id, name: "CST", shortName: "x".repeat(41), prerequisites: "x".repeat(2001) })).toMatchObject({
      ok: false,
      fieldErrors: { shortName: ["Tên viết tắt tối đa 40 ký tự."], prerequisites: ["Điều kiện tối đa 2000 ký tự."] },
    });
    expect(await snapshot()).toBe(before);

    expectOk(await run(updateTitle, w.admin, { id: w.title.id, name: "Chiến sĩ tiên tiến", shortName: "CST", prerequisites: "Dòng 1\r\nDòng 2" }));
    expect(await prisma.titleDefinition.findUniqueOrThrow({ where: { id: w.title.id } })).toMatchObject({ prerequisites: "Dòng 1\nDòng 2", active: false, level: 1, kind: "INDIVIDUAL" });
    expect(await lastAudit()).toMatchObject({ action: "title.update", before: { active: true }, after: { active: false, prerequisites: "Dòng 1\nDòng 2" } });
  });
});

describe("admin queries", () => {
  beforeEach(resetDatabase);

  it("refuse every non-admin (notFound throws)", async () => {
    const w = await world();
    for (const actor of Object.values(w.actors)) {
      const calls: Promise<unknown>[] = [
        listBlocksWithClusters(actor),
        getBlock(actor, w.block.id),
        blockOptions(actor),
        getCluster(actor, w.cluster.id),
        clusterOptions(actor),
        memberUnitOptions(actor),
        listUnits(actor),
        getUnit(actor, w.unit.id),
        listUsers(actor),
        getUser(actor, actor.userId),
        getTitle(actor, w.title.id),
      ];
      for (const call of calls) await expect(call).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getUnit(w.admin, "khong-phai-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUser(w.admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("show the title catalogue to every role, grouped and ordered by level; edit rights for admins only", async () => {
    const w = await world();
    for (const actor of [w.admin, ...Object.values(w.actors)]) {
      const titles = await listTitles(actor);
      expect(titles.individual.map((t) => t.code)).toEqual(["CST", "CSTDCS", "CSTD_CAND", "CSTD_TQ"]);
      expect(titles.collective.map((t) => t.level)).toEqual([1, 2, 3, 4]);
      expect(titles.canManage).toBe(actor.role === "ADMIN");
    }
  });

  it("list blocks with clusters and units in Vietnamese order, with sub-units", async () => {
    const w = await world();
    for (const name of ["Cục Quản lý xuất nhập cảnh", "Bộ Tư lệnh Cảnh vệ", "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao"]) {
      await makeUnit(w.cluster.id, name);
    }
    const units = await listUnits(w.admin, { clusterId: w.cluster.id });
    expect(units.items.map((u) => u.name)).toEqual([
      "Bộ Tư lệnh Cảnh vệ",
      "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
      "Cục Kỹ thuật nghiệp vụ",
      "Cục Ngoại tuyến",
      "Cục Quản lý xuất nhập cảnh",
    ]);
    expect(units.items.find((u) => u.id === w.unit.id)).toMatchObject({ subUnits: [{ id: w.subUnit.id }], enabledAccountCount: 2 });
    expect((await listUnits(w.admin)).total).toBe(6);

    const blocks = await listBlocksWithClusters(w.admin);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.clusters.map((c) => c.code)).toEqual([w.cluster.code, "CUM-05", "CUM-09"]);
    expect(blocks[0]!.clusters[0]).toMatchObject({ activeUnitCount: 5, enabledAccountCount: 3 });
    expect(await getUnit(w.admin, w.subUnit.id)).toMatchObject({ parent: { id: w.unit.id }, cluster: { id: w.cluster.id } });
  });

  it("search accounts without diacritics, filter by role and cluster, and page through them", async () => {
    const w = await world();
    const people = ["Nguyễn Văn An", "ĐỖ ĐỨC ĐẠT", "Trần Thị Bình", "Lê Thị Ánh"];
    const hash = await hashPassword(PASSWORD);
    for (const [i, name] of people.entries()) {
      await prisma.user.create({ data: { username: `nguoi.${i}`, displayName: name, passwordHash: hash, role: "SECRETARIAT", clusterId: w.otherCluster.id } });
    }
    const names = async (q: string, extra: Record<string, string> = {}) => (await listUsers(w.admin, { q, ...extra })).items.map((u) => u.displayName);
    expect(await names("nguyen van")).toEqual(["Nguyễn Văn An"]);
    expect(await names("dat")).toEqual(["ĐỖ ĐỨC ĐẠT"]);
    expect(await names("Đức")).toEqual(["ĐỖ ĐỨC ĐẠT"]);
    expect(await names("anh")).toEqual(["Lê Thị Ánh"]);
    expect(await names("THI")).toEqual(["Lê Thị Ánh", "Trần Thị Bình"]);
    expect(await names("nguoi.2")).toEqual(["Trần Thị Bình"]);
    expect(await names("%")).toEqual([]);
    expect(await names("", { role: "SECRETARIAT", clusterId: w.otherCluster.id })).toHaveLength(4);
    expect(await names("", { role: "UNIT_HEAD" })).toEqual([w.actors.UNIT_HEAD.displayName]);

    for (let i = 0; i < 30; i++) {
      await prisma.user.create({ data: { username: `cb.${String(i).padStart(2, "0")}`, displayName: `Cán bộ ${i}`, passwordHash: hash, role: "UNIT_OFFICER", unitId: w.unit.id, clusterId: w.cluster.id } });
    }
    const page1 = await listUsers(w.admin, { role: "UNIT_OFFICER" });
    const page2 = await listUsers(w.admin, { role: "UNIT_OFFICER", page: 2 });
    expect(page1).toMatchObject({ total: 31, pageCount: 2, page: 1 });
    expect(page1.items).toHaveLength(25);
    expect(page2.items).toHaveLength(6);
    expect(new Set([...page1.items, ...page2.items].map((u) => u.id)).size).toBe(31);
    // No password hash ever leaves the query layer.
    expect(JSON.stringify(page1)).not.toMatch(/argon2|passwordHash/);
    expect(JSON.stringify(await getUser(w.admin, w.actors.UNIT_HEAD.userId))).not.toMatch(/passwordHash|not-used/);
  });
});
