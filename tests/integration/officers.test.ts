// Officers against the real database: who may add/edit/deactivate (own unit only), what a tampered form
// can and cannot do, validation as field errors, and the list's scope, search, order and paging.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/domain/permissions";
import { nameSortKey, searchKey } from "@/domain/vietnamese";
import { defineCommand, executeCommand, INVALID_INPUT, NOT_FOUND, NOT_SIGNED_IN } from "@/server/commands/command";
import { CODE_TAKEN, createOfficer, setOfficerActive, SUB_UNIT_INVALID, updateOfficer } from "@/server/commands/officers";
import { getOfficer, listOfficers, newOfficerContext, NO_SUB_UNIT, OFFICER_PAGE_SIZE, parseOfficerListParams } from "@/server/queries/officers";
import { log } from "@/server/log";
import { expectNotFound, expectRefused } from "../support/action-result";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const cluster = await makeCluster("Cụm thi đua số 2");
  const otherCluster = await makeCluster("Cụm thi đua số 5");
  // Sort keys decide the secretariat's default unit: "Cục Kỹ thuật…" < "Cục Ngoại tuyến".
  const unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const unitX = await makeUnit(otherCluster.id, "Công an tỉnh Cao Bằng");
  const subA1 = await makeUnit(cluster.id, "Phòng 1", unitA.id);
  const subA2 = await makeUnit(cluster.id, "Phòng 2", unitA.id);
  const subAClosed = await prisma.unit.update({ where: { id: (await makeUnit(cluster.id, "Phòng 9", unitA.id)).id }, data: { active: false } });
  const subB1 = await makeUnit(cluster.id, "Phòng 1 (NT)", unitB.id);
  const officerB = await makeOfficer(unitB.id, "Lê Thị Bình", { code: "NT-0001", subUnitId: subB1.id });
  const actors = {
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitA.id }),
    officerB: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitB.id }),
    headA: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unitA.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    otherSecretariat: await makeActor("SECRETARIAT", { clusterId: otherCluster.id }),
    admin: await makeActor("ADMIN"),
  };
  return { cluster, otherCluster, unitA, unitB, unitX, subA1, subA2, subAClosed, subB1, officerB, actors };
}

const valid = (extra: Record<string, string | undefined> = {}) =>
  form({ code: "ktnv-0001", fullName: "Nguyễn Văn An", rank: "Đại úy", position: "Cán bộ", ...extra });

const officerAudits = () => prisma.auditLog.findMany({ where: { entityType: "Officer" }, orderBy: { id: "asc" } });

async function createAs(actor: Actor | null, values: Record<string, string>) {
  return executeCommand(createOfficer, actor, values);
}

describe("officer commands", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await makeWorld();
  });

  it("a unit officer adds an officer to their own unit: normalised, keyed, audited", async () => {
    const raw = "  Nguyễn   Văn \t An ".normalize("NFD");
    const result = await createAs(w.actors.officerA, valid({ fullName: raw, subUnitId: w.subA1.id }));
    expect(result).toMatchObject({ ok: true, message: "Đã thêm cán bộ Nguyễn Văn An." });
    const id = (result.ok && (result.data as { id: string }).id) as string;
    const row = await prisma.officer.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      unitId: w.unitA.id,
      subUnitId: w.subA1.id,
      code: "KTNV-0001",
      fullName: "Nguyễn Văn An",
      searchName: "nguyen van an",
      sortKey: nameSortKey("Nguyễn Văn An"),
      rank: "Đại úy",
      position: "Cán bộ",
      active: true,
    });
    expect(row.fullName).toBe(row.fullName.normalize("NFC"));
    const audits = await officerAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "officer.create",
      entityId: id,
      actorId: w.actors.officerA.userId,
      unitId: w.unitA.id,
      clusterId: w.cluster.id,
      before: null,
      after: { id, code: "KTNV-0001", fullName: "Nguyễn Văn An", unitId: w.unitA.id, subUnitId: w.subA1.id, active: true },
    });
  });

  it("ignores a tampered unitId (and other stray fields): the officer lands in the actor's unit", async () => {
    const result = await createAs(w.actors.officerA, { ...valid(), unitId: w.unitB.id, active: "false", searchName: "x", sortKey: "0" });
    expect(result.ok).toBe(true);
    expect(await prisma.officer.count({ where: { unitId: w.unitB.id } })).toBe(1); // only Lê Thị Bình
    const row = await prisma.officer.findUniqueOrThrow({ where: { code: "KTNV-0001" } });
    expect(row).toMatchObject({ unitId: w.unitA.id, active: true, searchName: "nguyen van an", sortKey: nameSortKey("Nguyễn Văn An") });
  });

  it("updates an officer of the own unit, keeping search and sort keys in step, with before/after in the audit", async () => {
    const officer = await makeOfficer(w.unitA.id, "Nguyễn Văn An", { code: "KTNV-0009", subUnitId: w.subA1.id });
    const result = await executeCommand(updateOfficer, w.actors.officerA, {
      ...valid({ code: "ktnv-0010", fullName: "Đặng Thị Hồng Nhung", rank: "Thiếu tá", position: "Phó Đội trưởng", subUnitId: w.subA2.id }),
      id: officer.id,
      unitId: w.unitB.id, // tampered: ignored
    });
    expect(result).toMatchObject({ ok: true, message: "Đã lưu thông tin cán bộ Đặng Thị Hồng Nhung." });
    const row = await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    expect(row).toMatchObject({
      unitId: w.unitA.id,
      code: "KTNV-0010",
      fullName: "Đặng Thị Hồng Nhung",
      searchName: "dang thi hong nhung",
      sortKey: nameSortKey("Đặng Thị Hồng Nhung"),
      rank: "Thiếu tá",
      position: "Phó Đội trưởng",
      subUnitId: w.subA2.id,
    });
    const [audit] = await officerAudits();
    expect(audit).toMatchObject({
      action: "officer.update",
      entityId: officer.id,
      unitId: w.unitA.id,
      before: { code: "KTNV-0009", fullName: "Nguyễn Văn An", rank: "Đại úy", subUnitId: w.subA1.id },
      after: { code: "KTNV-0010", fullName: "Đặng Thị Hồng Nhung", rank: "Thiếu tá", subUnitId: w.subA2.id },
    });
    // Saving the same values again keeps the code (no clash with itself).
    const again = await executeCommand(updateOfficer, w.actors.officerA, {
      ...valid({ code: "KTNV-0010", fullName: "Đặng Thị Hồng Nhung", rank: "Thiếu tá", position: "Phó Đội trưởng", subUnitId: w.subA2.id }),
      id: officer.id,
    });
    expect(again).toMatchObject({ ok: true, message: "Không có thay đổi nào." });
  });

  it("deactivates and reactivates an officer of the own unit, audited, and refuses a no-op", async () => {
    const officer = await makeOfficer(w.unitA.id, "Trần Văn Hải");
    const off = await executeCommand(setOfficerActive, w.actors.officerA, { id: officer.id, active: "false" });
    expect(off).toMatchObject({ ok: true, message: "Đã đánh dấu cán bộ Trần Văn Hải không còn công tác." });
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).active).toBe(false);
    const again = await executeCommand(setOfficerActive, w.actors.officerA, { id: officer.id, active: "false" });
    expectRefused(again, "Cán bộ đã được đánh dấu không còn công tác.");
    const on = await executeCommand(setOfficerActive, w.actors.officerA, { id: officer.id, active: "true" });
    expect(on.ok).toBe(true);
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).active).toBe(true);
    const audits = await officerAudits();
    expect(audits.map((a) => [a.action, (a.before as { active: boolean }).active, (a.after as { active: boolean }).active])).toEqual([
      ["officer.setActive", true, false],
      ["officer.setActive", false, true],
    ]);
  });

  it("refuses every action on another unit's officer (tampered id) with the not-found message, changing nothing", async () => {
    const before = await prisma.officer.findUniqueOrThrow({ where: { id: w.officerB.id } });
    const update = await executeCommand(updateOfficer, w.actors.officerA, { ...valid({ code: "NT-0001", fullName: "Kẻ Giả Mạo" }), id: w.officerB.id });
    expect(update).toEqual({ ok: false, message: NOT_FOUND });
    const deactivate = await executeCommand(setOfficerActive, w.actors.officerA, { id: w.officerB.id, active: "false" });
    expect(deactivate).toEqual({ ok: false, message: NOT_FOUND });
    // Even naming A's own sub-unit does not pull B's officer across.
    const move = await executeCommand(updateOfficer, w.actors.officerA, { ...valid({ code: "NT-0001", subUnitId: w.subA1.id }), id: w.officerB.id });
    expect(move).toEqual({ ok: false, message: NOT_FOUND });
    const unknown = await executeCommand(setOfficerActive, w.actors.officerA, { id: "00000000-0000-4000-8000-000000000000", active: "false" });
    expect(unknown).toEqual({ ok: false, message: NOT_FOUND });
    expect(await prisma.officer.findUniqueOrThrow({ where: { id: w.officerB.id } })).toEqual(before);
    expect(await officerAudits()).toHaveLength(0);
  });

  it("refuses a sub-unit of another unit, or a closed one, as a field error (create and update)", async () => {
    const foreign = await createAs(w.actors.officerA, valid({ subUnitId: w.subB1.id }));
    expect(foreign).toEqual({ ok: false, message: INVALID_INPUT, fieldErrors: { subUnitId: [SUB_UNIT_INVALID] } });
    const closed = await createAs(w.actors.officerA, valid({ subUnitId: w.subAClosed.id }));
    expect(closed).toMatchObject({ ok: false, fieldErrors: { subUnitId: [SUB_UNIT_INVALID] } });
    // A member unit is not a sub-unit either.
    const memberUnit = await createAs(w.actors.officerA, valid({ subUnitId: w.unitA.id }));
    expect(memberUnit).toMatchObject({ ok: false, fieldErrors: { subUnitId: [SUB_UNIT_INVALID] } });
    expect(await prisma.officer.count({ where: { unitId: w.unitA.id } })).toBe(0);

    const officer = await makeOfficer(w.unitA.id, "Phạm Văn Đông", { code: "KTNV-0100", subUnitId: w.subAClosed.id });
    const toForeign = await executeCommand(updateOfficer, w.actors.officerA, { ...valid({ code: "KTNV-0100", subUnitId: w.subB1.id }), id: officer.id });
    expect(toForeign).toMatchObject({ ok: false, fieldErrors: { subUnitId: [SUB_UNIT_INVALID] } });
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).subUnitId).toBe(w.subAClosed.id);
    // Staying in a sub-unit that has since closed is fine.
    const stay = await executeCommand(updateOfficer, w.actors.officerA, {
      ...valid({ code: "KTNV-0100", fullName: "Phạm Văn Đông", position: "Đội trưởng", subUnitId: w.subAClosed.id }),
      id: officer.id,
    });
    expect(stay.ok).toBe(true);
    expect(await officerAudits()).toHaveLength(1);
  });

  it("lets no one but the unit officer manage officers: unit head, secretariat, admin, other unit, no session", async () => {
    const officer = await makeOfficer(w.unitA.id, "Võ Thị Cúc", { code: "KTNV-0200" });
    const snapshot = await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } });
    for (const actor of [w.actors.headA, w.actors.secretariat, w.actors.admin, w.actors.officerB]) {
      // (officerB may add officers, but only to unit B: that is the tampered-unitId test above.)
      if (actor !== w.actors.officerB) expect(await createAs(actor, valid({ code: `X-${actor.role}` })), actor.role).toEqual({ ok: false, message: NOT_FOUND });
      expect(await executeCommand(updateOfficer, actor, { ...valid({ code: "KTNV-0200", fullName: "Đổi Tên" }), id: officer.id })).toEqual({ ok: false, message: NOT_FOUND });
      expect(await executeCommand(setOfficerActive, actor, { id: officer.id, active: "false" })).toEqual({ ok: false, message: NOT_FOUND });
    }
    expect(await createAs(null, valid())).toEqual({ ok: false, message: NOT_SIGNED_IN });
    expect(await executeCommand(setOfficerActive, null, { id: officer.id, active: "false" })).toEqual({ ok: false, message: NOT_SIGNED_IN });
    expect(await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).toEqual(snapshot);
    expect(await prisma.officer.count()).toBe(2); // Lê Thị Bình and Võ Thị Cúc
    expect(await officerAudits()).toHaveLength(0);
  });

  it("a unit officer attached to no unit, or to a sub-unit, cannot add officers", async () => {
    const loose = await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id });
    expect(await createAs(loose, valid())).toEqual({ ok: false, message: NOT_FOUND });
    const inSubUnit = await makeActor("UNIT_OFFICER", { clusterId: w.cluster.id, unitId: w.subA1.id });
    expect(await createAs(inSubUnit, valid())).toEqual({ ok: false, message: NOT_FOUND });
    expect(await prisma.officer.count()).toBe(1);
  });

  it("reports validation problems as field errors and stores nothing", async () => {
    const cases: [Record<string, string | undefined>, string, string][] = [
      [{ fullName: "" }, "fullName", "Họ và tên là bắt buộc."],
      [{ fullName: "   " }, "fullName", "Họ và tên là bắt buộc."],
      [{ fullName: "Nguyễn Văn " + "A".repeat(190) }, "fullName", "Họ và tên tối đa 120 ký tự."],
      [{ fullName: "Nguyễn Văn 3" }, "fullName", "Họ và tên chỉ gồm chữ cái, dấu cách và các ký tự ' . - ( )"],
      [{ fullName: "Nguyễn\u0000Văn" }, "fullName", "Họ và tên chỉ gồm chữ cái, dấu cách và các ký tự ' . - ( )"],
      [{ fullName: "- -" }, "fullName", "Họ và tên phải có chữ cái."],
      [{ code: "" }, "code", "Mã cán bộ là bắt buộc."],
      [{ code: "KTNV 01" }, "code", "Mã cán bộ chỉ gồm chữ không dấu, số và các ký tự . _ -"],
      [{ code: "mã-01" }, "code", "Mã cán bộ chỉ gồm chữ không dấu, số và các ký tự . _ -"],
      [{ code: "K".repeat(33) }, "code", "Mã cán bộ tối đa 32 ký tự."],
      [{ rank: "Thống chế" }, "rank", "Cấp bậc không hợp lệ."],
      [{ rank: "" }, "rank", "Cấp bậc là bắt buộc."],
      [{ rank: undefined }, "rank", "Cấp bậc là bắt buộc."],
      [{ position: "" }, "position", "Chức vụ là bắt buộc."],
      [{ position: "x".repeat(121) }, "position", "Chức vụ tối đa 120 ký tự."],
      [{ subUnitId: "not-a-uuid" }, "subUnitId", "Phòng/Đội không hợp lệ."],
    ];
    for (const [values, field, message] of cases) {
      const result = await createAs(w.actors.officerA, valid(values));
      expect(result, JSON.stringify(values)).toMatchObject({ ok: false, message: INVALID_INPUT });
      expect(result.ok === false && result.fieldErrors?.[field]?.[0], JSON.stringify(values)).toBe(message);
    }
    // A 120-character name is fine.
    const longest = `Nguyễn Văn ${"A".repeat(109)}`;
    expect(longest).toHaveLength(120);
    expect((await createAs(w.actors.officerA, valid({ fullName: longest }))).ok).toBe(true);
    expect(await prisma.officer.count({ where: { unitId: w.unitA.id } })).toBe(1);
  });

  it("refuses a duplicate code (any case, any unit) as a field error", async () => {
    expect((await createAs(w.actors.officerA, valid({ code: "KTNV-0001" }))).ok).toBe(true);
    const same = await createAs(w.actors.officerA, valid({ code: "ktnv-0001", fullName: "Trần Văn Bảo" }));
    expect(same).toEqual({ ok: false, message: CODE_TAKEN, fieldErrors: { code: [CODE_TAKEN] } });
    const otherUnits = await createAs(w.actors.officerA, valid({ code: "nt-0001" }));
    expect(otherUnits).toEqual({ ok: false, message: CODE_TAKEN, fieldErrors: { code: [CODE_TAKEN] } });
    const officer = await makeOfficer(w.unitA.id, "Lý Văn Tư", { code: "KTNV-0002" });
    const rename = await executeCommand(updateOfficer, w.actors.officerA, { ...valid({ code: "KTNV-0001" }), id: officer.id });
    expect(rename).toEqual({ ok: false, message: CODE_TAKEN, fieldErrors: { code: [CODE_TAKEN] } });
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: officer.id } })).code).toBe("KTNV-0002");
    expect(await officerAudits()).toHaveLength(1);
  });

  it("two simultaneous adds with the same code: one wins, the other gets the field error", async () => {
    const [a, b] = await Promise.all([
      createAs(w.actors.officerA, valid({ code: "KTNV-7777", fullName: "Nguyễn Văn Một" })),
      createAs(w.actors.officerA, valid({ code: "KTNV-7777", fullName: "Nguyễn Văn Hai" })),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, message: CODE_TAKEN, fieldErrors: { code: [CODE_TAKEN] } });
    expect(await prisma.officer.count({ where: { code: "KTNV-7777" } })).toBe(1);
  });

  it("command.ts maps the unique index violation (P2002 via the pg adapter) to the field in uniqueFields", async () => {
    // No pre-check here: only the database's unique index stands in the way.
    const blindInsert = defineCommand({
      name: "test.blindInsert",
      label: "Thử: thêm cán bộ không kiểm tra trước",
      permission: "officer.manage",
      input: z.object({ code: z.string() }),
      target: async () => ({ unitId: w.unitA.id, clusterId: w.cluster.id }),
      async run(tx, input) {
        const o = await tx.officer.create({
          data: { unitId: w.unitA.id, code: input.code, fullName: "X", searchName: "x", sortKey: "1", rank: "Đại úy", position: "Cán bộ" },
        });
        return { audit: { entityType: "Officer", entityId: o.id } };
      },
      uniqueFields: { code: { field: "code", message: CODE_TAKEN } },
    });
    expect(await executeCommand(blindInsert, w.actors.officerA, { code: "NT-0001" })).toEqual({ ok: false, message: CODE_TAKEN, fieldErrors: { code: [CODE_TAKEN] } });
  });

  it("command.ts refuses an audit entry that does not have the command's declared shape: system error, nothing written", async () => {
    const sloppyInsert = defineCommand({
      name: "test.sloppyAudit",
      label: "Thử: nhật ký sai cấu trúc",
      permission: "officer.manage",
      input: z.object({ code: z.string() }),
      auditPayload: z.object({ before: z.null(), after: z.object({ code: z.string() }) }),
      target: async () => ({ unitId: w.unitA.id, clusterId: w.cluster.id }),
      async run(tx, input) {
        const o = await tx.officer.create({
          data: { unitId: w.unitA.id, code: input.code, fullName: "X", searchName: "x", sortKey: "1", rank: "Đại úy", position: "Cán bộ" },
        });
        return { audit: { entityType: "Officer", entityId: o.id, before: null, after: { id: o.id } } };
      },
    });
    const logged = vi.spyOn(log, "error");
    const result = await executeCommand(sloppyInsert, w.actors.officerA, { code: "KTNV-8888" });
    expect(result).toEqual({ ok: false, message: "Đã có lỗi hệ thống; thay đổi chưa được lưu. Vui lòng thử lại." });
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ event: "command.error", command: "test.sloppyAudit", error: expect.objectContaining({ stack: expect.any(String) }) }), "command failed");
    logged.mockRestore();
    expect(await prisma.officer.count({ where: { code: "KTNV-8888" } })).toBe(0);
  });
});

describe("officer queries", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await makeWorld();
  });

  it("unit roles list their own unit only; asking for another unit is a 404", async () => {
    await makeOfficer(w.unitA.id, "Nguyễn Văn An", { code: "KTNV-0001" });
    const own = await listOfficers(w.actors.officerA, {});
    expect(own.unit?.id).toBe(w.unitA.id);
    expect(own.units.map((u) => u.id)).toEqual([w.unitA.id]);
    expect(own.rows.map((r) => r.code)).toEqual(["KTNV-0001"]);
    expect(own.canManage).toBe(true);
    expect((await listOfficers(w.actors.officerA, { unitId: w.unitA.id })).total).toBe(1);
    await expectNotFound(listOfficers(w.actors.officerA, { unitId: w.unitB.id }));
    await expectNotFound(listOfficers(w.actors.officerA, { unitId: "not-a-uuid" }));

    const head = await listOfficers(w.actors.headA, {});
    expect(head.rows.map((r) => r.code)).toEqual(["KTNV-0001"]);
    expect(head.canManage).toBe(false);
    await expectNotFound(listOfficers(w.actors.headA, { unitId: w.unitB.id }));
  });

  it("the secretariat picks any unit of its cluster (default: the first by name); admin any unit", async () => {
    await makeOfficer(w.unitX.id, "Hoàng Văn Dũng", { code: "CB-0001" });
    const sec = await listOfficers(w.actors.secretariat, {});
    expect(sec.units.map((u) => u.name)).toEqual(["Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến"]);
    expect(sec.unit?.id).toBe(w.unitA.id);
    expect(sec.canManage).toBe(false);
    const b = await listOfficers(w.actors.secretariat, { unitId: w.unitB.id });
    expect(b.rows.map((r) => r.fullName)).toEqual(["Lê Thị Bình"]);
    await expectNotFound(listOfficers(w.actors.secretariat, { unitId: w.unitX.id }));
    await expectNotFound(listOfficers(w.actors.secretariat, { unitId: w.subA1.id })); // a sub-unit is not a member unit

    const admin = await listOfficers(w.actors.admin, { unitId: w.unitX.id });
    expect(admin.rows.map((r) => r.code)).toEqual(["CB-0001"]);
    expect(admin.units).toHaveLength(3);
    expect(admin.canManage).toBe(false);
  });

  it("searches without diacritics or case, by every word of the name or by code", async () => {
    const names = ["Nguyễn Văn An", "Nguyễn Văn Đức", "Nguyễn Thị Dung", "Trần Văn Nguyên", "Đinh Thị Hoa", "Lê Đình Dũng", "Phạm Duy Khánh"];
    for (const [i, name] of names.entries()) await makeOfficer(w.unitA.id, name, { code: `KTNV-${String(i + 1).padStart(4, "0")}` });
    await makeOfficer(w.unitB.id, "Nguyễn Văn Bảo", { code: "NT-0002" });
    const find = async (q: string) => (await listOfficers(w.actors.officerA, { q })).rows.map((r) => r.fullName);

    // Not B's Nguyễn Văn Bảo; "Trần Văn Nguyên" has both words too.
    expect(await find("nguyen van")).toEqual(["Nguyễn Văn An", "Nguyễn Văn Đức", "Trần Văn Nguyên"]);
    expect(await find("NGUYỄN VĂN")).toEqual(await find("nguyen van"));
    expect(await find("nguyen an")).toEqual(["Nguyễn Văn An"]); // words in any position
    expect(await find("an")).toEqual(["Nguyễn Văn An"]); // word starts only: not Khánh, Văn…
    expect(await find("nguyen")).toEqual(["Nguyễn Văn An", "Nguyễn Thị Dung", "Nguyễn Văn Đức", "Trần Văn Nguyên"]);
    // "d" finds both d and đ; "đ" is the same query as "d".
    expect(await find("dinh")).toEqual(["Lê Đình Dũng", "Đinh Thị Hoa"]);
    expect(await find("đinh")).toEqual(await find("dinh"));
    expect(await find("duc")).toEqual(["Nguyễn Văn Đức"]);
    // Dung and Dũng tie on letters of the given name; the family name decides (Lê < Nguyễn).
    expect(await find("dung")).toEqual(["Lê Đình Dũng", "Nguyễn Thị Dung"]);
    // Codes, any case, partial.
    expect(await find("ktnv-0007")).toEqual(["Phạm Duy Khánh"]);
    expect(await find("0002")).toEqual(["Nguyễn Văn Đức"]);
    // LIKE wildcards are literal characters.
    expect(await find("%")).toEqual([]);
    expect(await find("_")).toEqual([]);
    expect(await find("\\")).toEqual([]);
    await makeOfficer(w.unitA.id, "Hồ Văn Gạch", { code: "KTNV_X%1" });
    expect(await find("v_x%")).toEqual(["Hồ Văn Gạch"]);
    expect(await find("không có ai")).toEqual([]);
    const none = await listOfficers(w.actors.officerA, { q: "zzz" });
    expect(none).toMatchObject({ total: 0, page: 1, pageCount: 1, rows: [] });
  });

  it("orders by Vietnamese alphabetical order (given name first), then by code", async () => {
    const sorted = [
      "Nguyễn Văn An",
      "Trần Thị Ánh",
      "Phạm Thiên Ân",
      "Lê Văn Bình",
      "Hoàng Văn Dũng",
      "Phan Văn Duy",
      "Bùi Quốc Đạt",
      "Trần Văn Hai",
      "Trần Văn Hải",
      "Đỗ Thị Hạnh",
      "Ngô Thị Hằng",
      "Mai Thị Hân",
      "Nguyễn Văn Long",
      "Trịnh Văn Lộc",
      "Lý Văn Tư",
    ];
    // Inserted in a scrambled order, with codes that would sort differently.
    const scrambled = sorted.map((_, i) => sorted[(i * 4 + 1) % sorted.length]!);
    for (const [i, name] of scrambled.entries()) await makeOfficer(w.unitA.id, name, { code: `Z-${String(99 - i)}` });
    // Namesakes are ordered by code.
    await makeOfficer(w.unitA.id, "Nguyễn Văn An", { code: "A-2" });
    await makeOfficer(w.unitA.id, "Nguyễn Văn An", { code: "A-1" });
    const list = await listOfficers(w.actors.officerA, {});
    expect(list.rows.map((r) => r.fullName)).toEqual(["Nguyễn Văn An", "Nguyễn Văn An", ...sorted]);
    expect(list.rows.slice(0, 3).map((r) => r.code)).toEqual(["A-1", "A-2", expect.stringMatching(/^Z-/)]);
  });

  it("pages by 25 with totals, clamps the page, and filters by status and sub-unit", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const fullName = `Nguyễn Văn Người${String.fromCharCode(97 + (i % 26))}${i >= 26 ? String.fromCharCode(97 + Math.floor(i / 26)) : ""}`;
      return {
        unitId: w.unitA.id,
        code: `P-${String(i).padStart(3, "0")}`,
        fullName,
        searchName: searchKey(fullName),
        sortKey: nameSortKey(fullName),
        rank: "Trung úy",
        position: "Cán bộ",
        active: i % 10 !== 0, // 6 inactive
        subUnitId: i < 20 ? w.subA1.id : i < 30 ? w.subA2.id : null,
      };
    });
    await prisma.officer.createMany({ data: rows });

    const all = await listOfficers(w.actors.officerA, { status: "all" });
    expect(all).toMatchObject({ total: 60, pageCount: 3, page: 1, pageSize: OFFICER_PAGE_SIZE });
    expect(all.rows).toHaveLength(25);
    const last = await listOfficers(w.actors.officerA, { status: "all", page: 3 });
    expect(last.rows).toHaveLength(10);
    expect((await listOfficers(w.actors.officerA, { status: "all", page: 99 })).page).toBe(3);
    // Pages neither overlap nor miss anyone.
    const pages = await Promise.all([1, 2, 3].map((page) => listOfficers(w.actors.officerA, { status: "all", page })));
    expect(new Set(pages.flatMap((p) => p.rows.map((r) => r.id))).size).toBe(60);

    expect((await listOfficers(w.actors.officerA, {})).total).toBe(54); // default: active only
    expect((await listOfficers(w.actors.officerA, { status: "inactive" })).total).toBe(6);
    const sub1 = await listOfficers(w.actors.officerA, { status: "all", subUnitId: w.subA1.id });
    expect(sub1).toMatchObject({ total: 20, filters: { subUnitId: w.subA1.id } });
    expect(sub1.rows.every((r) => r.subUnit?.id === w.subA1.id && r.subUnit.name === "Phòng 1")).toBe(true);
    expect((await listOfficers(w.actors.officerA, { status: "all", subUnitId: NO_SUB_UNIT })).total).toBe(30);
    // A sub-unit of another unit is no filter at all (and never shows the other unit's officers).
    const foreign = await listOfficers(w.actors.officerA, { status: "all", subUnitId: w.subB1.id });
    expect(foreign).toMatchObject({ total: 60, filters: { subUnitId: null } });
    expect((await listOfficers(w.actors.officerA, {})).subUnits.map((s) => s.name)).toEqual(["Phòng 1", "Phòng 2", "Phòng 9"]);
    // Search and filters combine.
    expect((await listOfficers(w.actors.officerA, { status: "all", subUnitId: w.subA2.id, q: "nguoi" })).total).toBe(10);
  });

  it("parses the list URL leniently", () => {
    expect(parseOfficerListParams({ unit: "u", q: "  an ", sub: "none", status: "inactive", page: "2" })).toEqual({
      unitId: "u",
      q: "  an ",
      subUnitId: "none",
      status: "inactive",
      page: 2,
    });
    expect(parseOfficerListParams({ status: "bogus", page: "-3", q: ["a", "b"] })).toMatchObject({ status: "active", page: 1, q: "a" });
    expect(parseOfficerListParams({})).toEqual({ unitId: undefined, q: undefined, subUnitId: undefined, status: "active", page: 1 });
  });

  it("getOfficer: visible per scope, 404 otherwise; edit rights only for the own unit's officer", async () => {
    const own = await makeOfficer(w.unitA.id, "Nguyễn Văn An", { subUnitId: w.subAClosed.id });
    const mine = await getOfficer(w.actors.officerA, own.id);
    expect(mine.officer).toMatchObject({ id: own.id, fullName: "Nguyễn Văn An", unit: { name: "Cục Kỹ thuật nghiệp vụ" } });
    expect(mine.canManage).toBe(true);
    // The edit form offers the active sub-units plus the closed one the officer is in.
    expect(mine.subUnits.map((s) => s.name)).toEqual(["Phòng 1", "Phòng 2", "Phòng 9"]);

    expect((await getOfficer(w.actors.headA, own.id)).canManage).toBe(false);
    expect((await getOfficer(w.actors.secretariat, w.officerB.id)).canManage).toBe(false);
    expect((await getOfficer(w.actors.admin, w.officerB.id)).officer.code).toBe("NT-0001");
    await expectNotFound(getOfficer(w.actors.officerA, w.officerB.id));
    await expectNotFound(getOfficer(w.actors.headA, w.officerB.id));
    await expectNotFound(getOfficer(w.actors.otherSecretariat, w.officerB.id));
    await expectNotFound(getOfficer(w.actors.officerA, "00000000-0000-4000-8000-000000000000"));
    await expectNotFound(getOfficer(w.actors.officerA, "khong-phai-uuid"));
  });

  it("newOfficerContext: the unit officer's own unit and its active sub-units; 404 for everyone else", async () => {
    const ctx = await newOfficerContext(w.actors.officerA);
    expect(ctx.unit.id).toBe(w.unitA.id);
    expect(ctx.subUnits.map((s) => s.name)).toEqual(["Phòng 1", "Phòng 2"]);
    for (const actor of [w.actors.headA, w.actors.secretariat, w.actors.admin]) await expectNotFound(newOfficerContext(actor));
  });
});
