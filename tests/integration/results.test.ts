// Results against the real database: who may enter, verify and record what (per role and scope); a unit
// officer's entries wait for the secretariat's verification; an awarded title the rules engine does not
// find eligible is refused with its reasons; a closed year refuses everything; initiatives and
// discipline records; the read side (registered vs awarded per unit, one officer's history).
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import {
  addDiscipline,
  addInitiative,
  recordOfficerResult,
  recordUnitResult,
  updateDiscipline,
  verifyOfficerResults,
} from "@/server/commands/results";
import { officerHistory, resultsOverview, unitResults } from "@/server/queries/results";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectNotFound, expectOk, expectRefused } from "../support/action-result";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";

const CLOSED = "Năm thi đua đã khóa sổ, không thể chỉnh sửa.";

async function world() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster();
  const other = await makeCluster("Cụm thi đua số 5");
  const unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const a1 = await makeOfficer(unitA.id, "Nguyễn Văn An", { code: "A-1" });
  const a2 = await makeOfficer(unitA.id, "Trần Thị Bình", { code: "A-2" });
  const b1 = await makeOfficer(unitB.id, "Lê Văn Cường", { code: "B-1" });
  const year2021 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "RESULTS", settings: {} } });
  const year2022 = await makeYear(cluster.id, 2022);
  const actors = {
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitA.id }),
    officerB: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitB.id }),
    headA: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unitA.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    otherSecretariat: await makeActor("SECRETARIAT", { clusterId: other.id }),
    admin: await makeActor("ADMIN"),
  };
  return { cluster, unitA, unitB, a1, a2, b1, year2021, year2022, actors };
}
type World = Awaited<ReturnType<typeof world>>;

const decision = { decisionNo: "1201/QĐ-KTNV", decisionDate: "20/12/2021", decisionSigner: "Cục trưởng Cục Kỹ thuật nghiệp vụ" };

describe("officer results", () => {
  let w: World;
  const record = (actor: Actor | null, values: Record<string, string | undefined>) =>
    executeCommand(recordOfficerResult, actor, form({ yearId: w.year2021.id, ...values }));
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("who may enter a result: the unit's own unit officer and the cluster's secretariat", async () => {
    const ok = { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision };
    expectOk(await record(w.actors.officerA, ok));
    expectOk(await record(w.actors.secretariat, { ...ok, officerId: w.a2.id }));
    for (const actor of [w.actors.officerB, w.actors.headA, w.actors.otherSecretariat, w.actors.admin]) {
      expect(await record(actor, { ...ok, officerId: w.a1.id, rating: "EXCELLENT" })).toEqual({ ok: false, message: NOT_FOUND });
    }
    expectRefused(await record(null, ok), expect.stringContaining("đăng nhập"));
    // A year of another cluster: not found, even for the right officer.
    const foreign = await makeYear((await makeCluster("Cụm khác")).id, 2021);
    expect(await executeCommand(recordOfficerResult, w.actors.officerA, form({ yearId: foreign.id, ...ok }))).toEqual({ ok: false, message: NOT_FOUND });
    const stored = await prisma.officerYearResult.findMany({ orderBy: { officerId: "asc" } });
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.rating === "GOOD")).toBe(true);
  });

  it("a unit officer's entry waits for verification; the secretariat verifies it; an edit needs verifying again", async () => {
    const entered = await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision });
    expect(entered).toMatchObject({ ok: true, message: "Đã ghi nhận kết quả năm 2021 của Nguyễn Văn An; chờ Thư ký cụm xác nhận." });
    const row = () => prisma.officerYearResult.findUniqueOrThrow({ where: { officerId_year: { officerId: w.a1.id, year: 2021 } } });
    expect(await row()).toMatchObject({ verified: false, awardedTitleCode: "CST", decisionNo: "1201/QĐ-KTNV", decisionSigner: decision.decisionSigner });
    expect((await row()).decisionDate?.toISOString().slice(0, 10)).toBe("2021-12-20");

    // The unit officer cannot verify; the secretariat can.
    const verify = (actor: Actor, extra: Record<string, string> = {}) =>
      executeCommand(verifyOfficerResults, actor, form({ yearId: w.year2021.id, unitId: w.unitA.id, ...extra }));
    expect(await verify(w.actors.officerA)).toEqual({ ok: false, message: NOT_FOUND });
    expect(await verify(w.actors.otherSecretariat)).toEqual({ ok: false, message: NOT_FOUND });
    expect(await verify(w.actors.secretariat)).toMatchObject({ ok: true, message: "Đã xác nhận 1 kết quả năm 2021." });
    expect(await row()).toMatchObject({ verified: true });
    expectRefused(await verify(w.actors.secretariat), "Không có kết quả nào chờ xác nhận.");

    // Saving the same values again keeps the verification; a change drops it.
    expect(await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision })).toMatchObject({
      ok: true,
      message: "Không có thay đổi nào.",
    });
    expect(await row()).toMatchObject({ verified: true });
    await record(w.actors.officerA, { officerId: w.a1.id, rating: "EXCELLENT", awardedTitleCode: "CST", ...decision });
    expect(await row()).toMatchObject({ verified: false, rating: "EXCELLENT" });
    // The secretariat's own entry is verified at once.
    expect(await record(w.actors.secretariat, { officerId: w.a1.id, rating: "EXCELLENT", awardedTitleCode: "CST", ...decision })).toMatchObject({
      ok: true,
      message: "Đã ghi nhận và xác nhận kết quả năm 2021 của Nguyễn Văn An.",
    });
    expect(await row()).toMatchObject({ verified: true });
    const audits = await prisma.auditLog.findMany({ where: { entityType: "OfficerYearResult" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["result.record", "result.verify", "result.record", "result.record", "result.record"]);
  });

  it("an awarded title the engine does not find eligible is refused with the reasons", async () => {
    const weak = await record(w.actors.officerA, { officerId: w.a1.id, rating: "COMPLETE", awardedTitleCode: "CST", ...decision });
    expect(weak).toMatchObject({ ok: false });
    if (weak.ok) return;
    expect(weak.message).toContain("Nguyễn Văn An không đủ điều kiện công nhận CST");
    expect(weak.message).toContain("Xếp loại năm 2021: “Hoàn thành nhiệm vụ”; cần “Hoàn thành tốt nhiệm vụ” trở lên.");
    expect(weak.fieldErrors?.awardedTitleCode?.[0]).toBe(weak.message);

    const noInitiative = await record(w.actors.officerA, { officerId: w.a1.id, rating: "EXCELLENT", awardedTitleCode: "CSTDCS", ...decision });
    expectRefused(noInitiative, expect.stringContaining("Không có sáng kiến năm 2021"));
    // With the initiative on file, CSTĐCS is accepted.
    expect(
      await executeCommand(addInitiative, w.actors.officerA, form({ officerId: w.a1.id, year: 2021, level: "BASE", title: "Số hóa hồ sơ nghiệp vụ" })),
    ).toMatchObject({ ok: true });
    expectOk(await record(w.actors.officerA, { officerId: w.a1.id, rating: "EXCELLENT", awardedTitleCode: "CSTDCS", ...decision }));

    // A discipline that counts against the year blocks any title.
    expect(
      await executeCommand(addDiscipline, w.actors.officerA, form({ officerId: w.a2.id, form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: "01/06/2021", toDate: "31/05/2022" })),
    ).toMatchObject({ ok: true });
    expect(await record(w.actors.officerA, { officerId: w.a2.id, rating: "EXCELLENT", awardedTitleCode: "CST", ...decision })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Không xét danh hiệu năm 2021: kỷ luật Khiển trách, có hiệu lực từ 01/06/2021 đến 31/05/2022"),
    });
    // Without a title the rating alone is recorded.
    expectOk(await record(w.actors.officerA, { officerId: w.a2.id, rating: "COMPLETE" }));
    expect(await prisma.officerYearResult.count({ where: { awardedTitleCode: { not: null } } })).toBe(1);
  });

  it("the verification checks again: a discipline recorded after the entry keeps that result unverified", async () => {
    await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision });
    await record(w.actors.officerA, { officerId: w.a2.id, rating: "GOOD", awardedTitleCode: "CST", ...decision });
    await executeCommand(addDiscipline, w.actors.secretariat, form({ officerId: w.a2.id, form: "CANH_CAO", status: "PENDING", fromDate: "01/12/2021" }));
    const verified = await executeCommand(verifyOfficerResults, w.actors.secretariat, form({ yearId: w.year2021.id, unitId: w.unitA.id }));
    expect(verified).toMatchObject({ ok: true, message: expect.stringContaining("Đã xác nhận 1 kết quả năm 2021. 1 kết quả chưa xác nhận") });
    expect(verified.ok && verified.message).toContain("Trần Thị Bình");
    const rows = await prisma.officerYearResult.findMany({ include: { officer: { select: { code: true } } } });
    expect(Object.fromEntries(rows.map((r) => [r.officer.code, r.verified]))).toEqual({ "A-1": true, "A-2": false });
    // One officer at a time.
    const single = await executeCommand(verifyOfficerResults, w.actors.secretariat, form({ yearId: w.year2021.id, unitId: w.unitA.id, officerId: w.a2.id }));
    expectRefused(single, expect.stringContaining("Chưa xác nhận được: Trần Thị Bình"));
  });

  it("field checks: a title needs its decision, dates are dd/mm/yyyy within the year … today", async () => {
    const missing = await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST" });
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: {
        decisionNo: ["Số quyết định là bắt buộc khi có danh hiệu được công nhận."],
        decisionDate: ["Ngày quyết định là bắt buộc khi có danh hiệu được công nhận."],
        decisionSigner: ["Người ký là bắt buộc khi có danh hiệu được công nhận."],
      },
    });
    expect(await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision, decisionDate: "2021-12-20" })).toMatchObject({
      ok: false,
      fieldErrors: { decisionDate: ["Ngày quyết định phải theo dạng dd/mm/yyyy (ví dụ 15/12/2021)."] },
    });
    expect(await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision, decisionDate: "31/12/2020" })).toMatchObject({
      ok: false,
      fieldErrors: { decisionDate: [expect.stringContaining("phải từ 01/01/2021")] },
    });
    expect(await record(w.actors.officerA, { officerId: w.a1.id, rating: "", awardedTitleCode: "" })).toMatchObject({
      ok: false,
      fieldErrors: { rating: ["Vui lòng chọn xếp loại."] },
    });
    expect(await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", ...decision })).toMatchObject({
      ok: false,
      fieldErrors: { awardedTitleCode: ["Có quyết định nhưng chưa chọn danh hiệu được công nhận."] },
    });
    expect(await record(w.actors.officerA, { officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision, decisionSigner: "=HYPERLINK(\"x\")" })).toMatchObject({
      ok: false,
      fieldErrors: { decisionSigner: [expect.stringContaining("công thức")] },
    });
    expect(await prisma.officerYearResult.count()).toBe(0);
  });

  it("a closed year refuses every write; a year at registration refuses results", async () => {
    await prisma.emulationYear.update({ where: { id: w.year2021.id }, data: { phase: "CLOSED" } });
    expect(await record(w.actors.secretariat, { officerId: w.a1.id, rating: "GOOD" })).toEqual({ ok: false, message: CLOSED });
    expect(await executeCommand(verifyOfficerResults, w.actors.secretariat, form({ yearId: w.year2021.id, unitId: w.unitA.id }))).toEqual({ ok: false, message: CLOSED });
    expect(
      await executeCommand(recordUnitResult, w.actors.secretariat, form({ yearId: w.year2021.id, unitId: w.unitA.id, awardedTitleCode: "" })),
    ).toEqual({ ok: false, message: CLOSED });
    expect(
      await executeCommand(addInitiative, w.actors.officerA, form({ officerId: w.a1.id, year: 2021, level: "BASE", title: "Sáng kiến" })),
    ).toMatchObject({ ok: false, message: expect.stringContaining(CLOSED) });
    const early = await executeCommand(recordOfficerResult, w.actors.secretariat, form({ yearId: w.year2022.id, officerId: w.a1.id, rating: "GOOD" }));
    // The phase guard answers, naming the phase and who can change it (src/domain/year-phase-rules.ts).
    expectRefused(early, expect.stringContaining("đang ở giai đoạn “Đăng ký thi đua”; “Ghi nhận, xác nhận kết quả khen thưởng” chỉ làm trong giai đoạn “Báo cáo tổng kết”"));
    expect(await prisma.officerYearResult.count()).toBe(0);
    expect(await prisma.initiative.count()).toBe(0);
  });
});

describe("a unit's collective title", () => {
  let w: World;
  const unitResult = (actor: Actor, unitId: string, values: Record<string, string>) =>
    executeCommand(recordUnitResult, actor, form({ yearId: w.year2021.id, unitId, ...values }));
  const flagDecision = { decisionNo: "912/QĐ-BCA", decisionDate: "10/12/2021", decisionSigner: "Bộ trưởng Bộ Công an" };

  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("only the secretariat records it; the engine checks the members' recorded results; flags within the allocation", async () => {
    expect(await unitResult(w.actors.officerA, w.unitA.id, { awardedTitleCode: "DV_TIEN_TIEN", ...flagDecision })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await unitResult(w.actors.otherSecretariat, w.unitA.id, { awardedTitleCode: "DV_TIEN_TIEN", ...flagDecision })).toEqual({ ok: false, message: NOT_FOUND });

    // Members without results: not eligible, with the reason.
    const early = await unitResult(w.actors.secretariat, w.unitA.id, { awardedTitleCode: "DV_TIEN_TIEN", ...flagDecision });
    expectRefused(early, expect.stringContaining("Cục Kỹ thuật nghiệp vụ chưa đủ điều kiện"));

    // Both members CST, one CSTĐCS, everyone rated well: Đơn vị Quyết thắng, and the Ministry's flag.
    await executeCommand(addInitiative, w.actors.officerA, form({ officerId: w.a1.id, year: 2021, level: "BASE", title: "Sáng kiến A" }));
    for (const [officerId, title] of [[w.a1.id, "CSTDCS"], [w.a2.id, "CST"]] as const) {
      expect(
        await executeCommand(recordOfficerResult, w.actors.secretariat, form({ yearId: w.year2021.id, officerId, rating: "EXCELLENT", awardedTitleCode: title, ...decision })),
      ).toMatchObject({ ok: true });
    }
    expectOk(await unitResult(w.actors.secretariat, w.unitA.id, { awardedTitleCode: "DV_QUYET_THANG", ...flagDecision }));
    expectOk(await unitResult(w.actors.secretariat, w.unitA.id, { awardedTitleCode: "CO_BCA", ...flagDecision }));
    const stored = await prisma.unitYearResult.findUniqueOrThrow({ where: { emulationYearId_unitId: { emulationYearId: w.year2021.id, unitId: w.unitA.id } } });
    expect(stored).toMatchObject({ awardedTitleCode: "CO_BCA", decisionNo: "912/QĐ-BCA", decisionSigner: "Bộ trưởng Bộ Công an" });

    // A second Ministry flag in the cluster exceeds the default allocation of one.
    await executeCommand(addInitiative, w.actors.officerB, form({ officerId: w.b1.id, year: 2021, level: "BASE", title: "Sáng kiến B" }));
    await executeCommand(recordOfficerResult, w.actors.secretariat, form({ yearId: w.year2021.id, officerId: w.b1.id, rating: "EXCELLENT", awardedTitleCode: "CSTDCS", ...decision }));
    const second = await unitResult(w.actors.secretariat, w.unitB.id, { awardedTitleCode: "CO_BCA", ...flagDecision });
    expectRefused(second, expect.stringContaining("Vượt số cờ thi đua của Cụm năm 2021"));
    expectOk(await unitResult(w.actors.secretariat, w.unitB.id, { awardedTitleCode: "DV_QUYET_THANG", ...flagDecision }));
    // Clearing a title.
    expect(await unitResult(w.actors.secretariat, w.unitB.id, { awardedTitleCode: "" })).toMatchObject({ ok: true, message: expect.stringContaining("Đã bỏ danh hiệu") });
  });
});

describe("initiatives and discipline records", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("history.manage: the unit's own unit officer and the cluster's secretariat", async () => {
    const values = { officerId: w.a1.id, year: 2020, level: "MINISTRY", title: "Giải pháp bảo đảm an toàn thông tin", decisionNo: "715/QĐ-BCA" };
    expect(await executeCommand(addInitiative, w.actors.officerA, form(values))).toMatchObject({ ok: true, message: "Đã thêm sáng kiến năm 2020 của Nguyễn Văn An." });
    expectOk(await executeCommand(addInitiative, w.actors.secretariat, form(values)));
    for (const actor of [w.actors.officerB, w.actors.headA, w.actors.otherSecretariat, w.actors.admin]) {
      expect(await executeCommand(addInitiative, actor, form(values))).toEqual({ ok: false, message: NOT_FOUND });
    }
    expect(await executeCommand(addInitiative, w.actors.officerA, form({ ...values, year: 2999 }))).toMatchObject({ ok: false, fieldErrors: { year: [expect.any(String)] } });
    expect(await executeCommand(addInitiative, w.actors.officerA, form({ ...values, title: "" }))).toMatchObject({ ok: false, fieldErrors: { title: ["Tên sáng kiến là bắt buộc."] } });
    expect(await prisma.initiative.count()).toBe(2);
    expect(await prisma.auditLog.count({ where: { action: "initiative.add" } })).toBe(2);
  });

  it("discipline: add, then end or clear it; periods are checked; scope from the stored record", async () => {
    const added = await executeCommand(addDiscipline, w.actors.officerA, form({ officerId: w.a1.id, form: "CANH_CAO", status: "PENDING", fromDate: "15/02/2022", note: "Đang xem xét" }));
    expect(added).toMatchObject({ ok: true, message: "Đã ghi nhận cảnh cáo (đang xem xét kỷ luật) đối với Nguyễn Văn An." });
    const id = (added.ok && (added.data as { id: string }).id) as string;
    expect(
      await executeCommand(addDiscipline, w.actors.officerA, form({ officerId: w.a1.id, form: "CANH_CAO", status: "IN_FORCE", fromDate: "15/02/2022", toDate: "01/01/2022" })),
    ).toMatchObject({ ok: false, fieldErrors: { toDate: ["Ngày kết thúc không được trước ngày bắt đầu."] } });
    expect(await executeCommand(addDiscipline, w.actors.officerA, form({ officerId: w.a1.id, form: "CANH_CAO", status: "IN_FORCE" }))).toMatchObject({
      ok: false,
      fieldErrors: { fromDate: ["Ngày bắt đầu là bắt buộc."] },
    });
    const update = { id, form: "CANH_CAO", status: "CLEARED", fromDate: "15/02/2022", toDate: "30/04/2022", note: "Không xử lý" };
    expect(await executeCommand(updateDiscipline, w.actors.officerB, form(update))).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(updateDiscipline, w.actors.secretariat, form(update))).toMatchObject({ ok: true, message: "Đã cập nhật bản ghi kỷ luật." });
    const row = await prisma.discipline.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "CLEARED", note: "Không xử lý" });
    expect(row.toDate?.toISOString().slice(0, 10)).toBe("2022-04-30");
    expect(await executeCommand(updateDiscipline, w.actors.secretariat, form(update))).toMatchObject({ ok: true, message: "Không có thay đổi nào." });
  });
});

describe("results queries", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
    await prisma.officerRegistration.createMany({
      data: [
        { emulationYearId: w.year2021.id, unitId: w.unitA.id, officerId: w.a1.id, titleCode: "CSTDCS" },
        { emulationYearId: w.year2021.id, unitId: w.unitA.id, officerId: w.a2.id, titleCode: "CST" },
        { emulationYearId: w.year2021.id, unitId: w.unitB.id, officerId: w.b1.id, titleCode: "CST" },
      ],
    });
    await executeCommand(recordOfficerResult, w.actors.officerA, form({ yearId: w.year2021.id, officerId: w.a1.id, rating: "GOOD", awardedTitleCode: "CST", ...decision }));
    await executeCommand(recordOfficerResult, w.actors.secretariat, form({ yearId: w.year2021.id, officerId: w.a2.id, rating: "COMPLETE" }));
  });

  it("per unit: registered vs awarded per title, rated and waiting for verification; scope by role", async () => {
    const secretariat = await resultsOverview(w.actors.secretariat, { yearId: w.year2021.id });
    expect(secretariat.rows.map((r) => r.name)).toEqual(["Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến"]);
    expect(secretariat.rows[0]).toMatchObject({
      members: 2,
      registered: { CST: 1, CSTDCS: 1, CSTD_CAND: 0, CSTD_TQ: 0 },
      registeredTotal: 2,
      awarded: { CST: 1, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 },
      rated: 2,
      unverified: 1,
      quota: { cst: 1, cstdcs: 0, allowed: 0 },
    });
    expect(secretariat.canExportCluster).toBe(true);
    const own = await resultsOverview(w.actors.officerA, { yearId: w.year2021.id });
    expect(own.rows.map((r) => r.unitId)).toEqual([w.unitA.id]);
    expect(own.canExportCluster).toBe(false);
    // Default year: the latest one with results (2021 here: 2022 is at registration).
    expect((await resultsOverview(w.actors.headA, {})).year?.year).toBe(2021);
    await expectNotFound(resultsOverview(w.actors.otherSecretariat, { yearId: w.year2021.id }));
  });

  it("a unit's officers, 50 a page, with filters; another unit's officer gets 404", async () => {
    const page = await unitResults(w.actors.officerA, w.unitA.id, { yearId: w.year2021.id });
    expect(page.year).not.toBeNull();
    if (!page.year || !("rows" in page)) return;
    expect(page.rows.map((r) => [r.code, r.registeredTitle, r.result?.awardedTitleCode ?? null, r.result?.verified ?? null])).toEqual([
      ["A-1", "CSTDCS", "CST", false],
      ["A-2", "CST", null, true],
    ]);
    expect(page.canEnter).toBe(true);
    expect(page.canVerify).toBe(false);
    const pending = await unitResults(w.actors.secretariat, w.unitA.id, { yearId: w.year2021.id, filter: "pending" });
    expect("rows" in pending && pending.rows!.map((r) => r.code)).toEqual(["A-1"]);
    expect("canVerify" in pending && pending.canVerify).toBe(true);
    const search = await unitResults(w.actors.secretariat, w.unitA.id, { yearId: w.year2021.id, q: "binh" });
    expect("rows" in search && search.rows!.map((r) => r.code)).toEqual(["A-2"]);
    await expectNotFound(unitResults(w.actors.officerB, w.unitA.id, { yearId: w.year2021.id }));
    await expectNotFound(unitResults(w.actors.officerA, w.unitA.id, { yearId: "00000000-0000-4000-8000-000000000000" }));
    const editing = await unitResults(w.actors.officerA, w.unitA.id, { yearId: w.year2021.id, officerId: w.a1.id });
    expect("editing" in editing && editing.editing).toMatchObject({ code: "A-1", registeredTitle: "CSTDCS", eligibleNow: ["CST"] });
  });

  it("an officer's history: years, initiatives, discipline; who may manage it", async () => {
    await executeCommand(addInitiative, w.actors.officerA, form({ officerId: w.a1.id, year: 2020, level: "BASE", title: "Sáng kiến 2020" }));
    await executeCommand(addDiscipline, w.actors.officerA, form({ officerId: w.a1.id, form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: "01/03/2022", toDate: "28/02/2023" }));
    const history = await officerHistory(w.actors.headA, w.a1.id);
    expect(history.years.map((y) => [y.year, y.rating, y.awardedTitle?.shortName])).toEqual([[2021, "GOOD", "CST"]]);
    expect(history.initiatives.map((i) => i.title)).toEqual(["Sáng kiến 2020"]);
    expect(history.disciplines.map((d) => d.form)).toEqual(["KHIEN_TRACH"]);
    expect(history.canManage).toBe(false);
    expect((await officerHistory(w.actors.officerA, w.a1.id)).canManage).toBe(true);
    expect((await officerHistory(w.actors.secretariat, w.a1.id)).canManage).toBe(true);
    await expectNotFound(officerHistory(w.actors.officerB, w.a1.id));
  });
});
