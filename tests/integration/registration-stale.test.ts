// Two people (or one person in two tabs, on two app instances) save the same officer's registration
// from pages read before either save: the later save is refused with who changed and what is stored
// now, instead of silently overwriting the first one.
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { saveOfficerRegistrations } from "@/server/commands/registration";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk } from "../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, makeYear, prisma, resetDatabase } from "./fixtures";

type Row = { officerId: string; titleCode: string; was?: string };

describe("saving a registration changed meanwhile elsewhere", () => {
  let save: (rows: Row[]) => ReturnType<typeof executeCommand>;
  let officers: { id: string }[];
  let unitId: string;

  beforeEach(async () => {
    await resetDatabase();
    await seedTitleCatalogue(prisma);
    const cluster = await makeCluster("Cụm thi đua số 2");
    const unit = await makeUnit(cluster.id, "Cục Ngoại tuyến");
    unitId = unit.id;
    officers = [];
    for (let i = 0; i < 10; i++) officers.push(await makeOfficer(unit.id, i === 0 ? "Lê Thị Bình" : `Trần Văn Cán Bộ ${i}`, { code: `NT-${String(i).padStart(3, "0")}` }));
    const year = await makeYear(cluster.id, 2022);
    await prisma.emulationYear.update({ where: { id: year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2099-12-31", cstdcsQuotaPercent: 100 } } }); // the quota is not what is tested here
    const actor = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id });
    save = (rows) => executeCommand(saveOfficerRegistrations, actor, { emulationYearId: year.id, rows: JSON.stringify(rows) });
  });

  const stored = async () => Object.fromEntries((await prisma.officerRegistration.findMany({ where: { unitId } })).map((r) => [r.officerId, r.titleCode]));

  it("refuses the whole stale batch, names the officer and the stored title, keeps the first save", async () => {
    const [first, second] = officers;
    // Both pages showed the two officers unregistered; page 1 saves first.
    expectOk(await save([{ officerId: first!.id, titleCode: "CST", was: "" }]));
    const auditsBefore = await prisma.auditLog.count();
    const stale = await save([
      { officerId: second!.id, titleCode: "CST", was: "" },
      { officerId: first!.id, titleCode: "CSTDCS", was: "" },
    ]);
    expect(stale).toMatchObject({ ok: false });
    expect(!stale.ok && stale.message).toBe(
      "Đăng ký của Lê Thị Bình (NT-000; nay: CST) vừa được lưu ở nơi khác sau khi trang được mở; không có thay đổi nào được lưu. Vui lòng tải lại trang rồi sửa lại.",
    );
    expect(await stored()).toEqual({ [first!.id]: "CST" });
    expect(await prisma.auditLog.count()).toBe(auditsBefore);

    // A removal made elsewhere is stale too ("nay: chưa đăng ký").
    expectOk(await save([{ officerId: first!.id, titleCode: "", was: "CST" }]));
    const afterRemoval = await save([{ officerId: first!.id, titleCode: "CSTDCS", was: "CST" }]);
    expect(!afterRemoval.ok && afterRemoval.message).toContain("Lê Thị Bình (NT-000; nay: chưa đăng ký)");
    expect(await stored()).toEqual({});
  });

  it("accepts a save whose page is current, one that sets what is already stored, and rows without `was`", async () => {
    const [first, second] = officers;
    expectOk(await save([{ officerId: first!.id, titleCode: "CST", was: "" }]));
    // The other page chose the same title: nothing is lost, nothing to refuse.
    expect(await save([{ officerId: first!.id, titleCode: "CST", was: "" }])).toMatchObject({ ok: true, message: "Không có thay đổi nào." });
    expectOk(await save([{ officerId: first!.id, titleCode: "CSTDCS", was: "CST" }]));
    // Callers that do not know what was shown (imports, code) keep the plain behaviour.
    expectOk(await save([{ officerId: second!.id, titleCode: "CST" }]));
    expect(await stored()).toEqual({ [first!.id]: "CSTDCS", [second!.id]: "CST" });
  });

  it("two stale saves of one officer at the same moment: exactly one lands", async () => {
    const [first] = officers;
    const results = await Promise.all([
      save([{ officerId: first!.id, titleCode: "CST", was: "" }]),
      save([{ officerId: first!.id, titleCode: "CSTDCS", was: "" }]),
    ]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const winner = results[0]!.ok ? "CST" : "CSTDCS";
    expect(await stored()).toEqual({ [first!.id]: winner });
    const loser = results.find((r) => !r.ok)!;
    expect(!loser.ok && loser.message).toContain(`nay: ${winner === "CST" ? "CST" : "CSTĐCS"}`);
  });
});
