// Title rule versions against the real database (docs/domain.md §3 "Rules as versioned data"): a new
// version applies from its first year and not before (an earlier year re-evaluated keeps its result); a
// version overlapping another's years is refused with its reason and nothing is written (by the command,
// and by the exclusion constraint underneath); a version touching a closed year needs a confirmation;
// the admin adds a title following an existing rule shape.
import { beforeEach, describe, expect, it } from "vitest";
import { SHIPPED_RULE_VERSIONS } from "@/domain/eligibility";
import { executeCommand } from "@/server/commands/command";
import { createTitle, createTitleRuleVersion, updateTitleRuleVersion } from "@/server/commands/admin";
import { recordOfficerResult } from "@/server/commands/results";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { rulesForYear } from "@/server/store/title-rules";
import { expectOk, expectRefused } from "../support/action-result";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

/** The shipped versions, as migration title_rule_versions writes them (resetDatabase empties the table). */
async function seedShippedVersions() {
  await prisma.titleRuleVersion.createMany({
    data: SHIPPED_RULE_VERSIONS.map((v) => ({
      titleCode: v.titleCode,
      shape: v.shape,
      firstYear: v.firstYear,
      lastYear: v.lastYear,
      params: v.params as object,
      legalLaw: v.legal.law,
      legalDecree: v.legal.decree,
      legalCircular: v.legal.circular,
      legalArticle: v.legal.article,
      citation: v.legal.citation,
    })),
  });
}

async function world() {
  await seedTitleCatalogue(prisma);
  await seedShippedVersions();
  const cluster = await makeCluster();
  const unit = await makeUnit(cluster.id);
  const officer = await makeOfficer(unit.id, "Nguyễn Văn An", { code: "A-1" });
  const y2024 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2024, phase: "RESULTS", settings: {} } });
  const y2025 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2025, phase: "RESULTS", settings: {} } });
  const cst = await prisma.titleDefinition.findUniqueOrThrow({ where: { code: "CST" } });
  const admin = await makeActor("ADMIN");
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  return { cluster, unit, officer, y2024, y2025, cst, admin, secretariat };
}
type World = Awaited<ReturnType<typeof world>>;

const versionOf = (w: World, firstYear: number) =>
  prisma.titleRuleVersion.findFirstOrThrow({ where: { titleCode: "CST", firstYear } });
const versionForm = (extra: Record<string, string>) => form({ minRating: "GOOD", disciplineFrom: "KHIEN_TRACH", ...extra });
const rowCounts = async () => ({ versions: await prisma.titleRuleVersion.count(), audit: await prisma.auditLog.count(), titles: await prisma.titleDefinition.count() });

describe("title rule versions", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });

  it("a new version applies from its first year and not before; an earlier year re-evaluated keeps its result", async () => {
    const record = (yearId: string, day: string) =>
      executeCommand(
        recordOfficerResult,
        w.secretariat,
        form({ yearId, officerId: w.officer.id, rating: "GOOD", awardedTitleCode: "CST", decisionNo: "12/QĐ", decisionDate: day, decisionSigner: "Cục trưởng" }),
      );
    // Under the shipped rules a "tốt" rating earns CST in both years.
    expectOk(await record(w.y2024.id, "20/12/2024"));

    // The 2024–2025 version now ends in 2024; from 2025 CST needs an excellent rating (a stricter text).
    const shipped = await versionOf(w, 2024);
    expectOk(
      await executeCommand(
        updateTitleRuleVersion,
        w.admin,
        versionForm({ id: shipped.id, firstYear: "2024", lastYear: "2024", legalLaw: shipped.legalLaw!, legalDecree: shipped.legalDecree!, legalCircular: shipped.legalCircular! }),
      ),
    );
    expectOk(
      await executeCommand(
        createTitleRuleVersion,
        w.admin,
        versionForm({ titleId: w.cst.id, firstYear: "2025", lastYear: "2025", minRating: "EXCELLENT", legalLaw: "Luật Thi đua, khen thưởng số 06/2022/QH15", legalDecree: "Nghị định thử nghiệm 1/2025/NĐ-CP", legalArticle: "Điều 9" }),
      ),
    );
    expect((await rulesForYear(2025, prisma)).CST.params.minRating).toBe("EXCELLENT");
    expect((await rulesForYear(2024, prisma)).CST.params.minRating).toBe("GOOD");
    expect((await rulesForYear(2026, prisma)).CST.legal.decree).toBe("Nghị định 152/2025/NĐ-CP");

    // 2025 is judged under the new version, and the refusal cites it.
    const refused = await record(w.y2025.id, "20/12/2025");
    expectRefused(refused, expect.stringContaining("Căn cứ: Điều 9, Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định thử nghiệm 1/2025/NĐ-CP"));
    expect(await prisma.officerYearResult.count({ where: { year: 2025 } })).toBe(0);
    // 2024 re-evaluated (the same entry saved again) is still judged under the rules of 2024.
    expectOk(await record(w.y2024.id, "21/12/2024"));
    expect(await prisma.officerYearResult.findUniqueOrThrow({ where: { officerId_year: { officerId: w.officer.id, year: 2024 } } })).toMatchObject({
      awardedTitleCode: "CST",
    });
  });

  it("a version overlapping another's years is refused with its reason, nothing written", async () => {
    const before = await rowCounts();
    const overlapping = await executeCommand(createTitleRuleVersion, w.admin, versionForm({ titleId: w.cst.id, firstYear: "2030", lastYear: "", legalLaw: "Luật mới" }));
    expectRefused(overlapping, expect.stringContaining("Trùng năm áp dụng với phiên bản từ năm 2026"));
    expect(overlapping).toMatchObject({ fieldErrors: { firstYear: [expect.stringContaining("Trùng năm")] } });
    const backwards = await executeCommand(createTitleRuleVersion, w.admin, versionForm({ titleId: w.cst.id, firstYear: "1995", lastYear: "1990", legalLaw: "Luật" }));
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { lastYear: ["Năm cuối (1990) trước năm đầu (1995)."] } });
    const noLaw = await executeCommand(createTitleRuleVersion, w.admin, versionForm({ titleId: w.cst.id, firstYear: "1990", lastYear: "1991" }));
    expect(noLaw).toMatchObject({ ok: false, fieldErrors: { legalLaw: [expect.stringContaining("ít nhất một văn bản")] } });
    const badParam = await executeCommand(createTitleRuleVersion, w.admin, versionForm({ titleId: w.cst.id, firstYear: "1990", lastYear: "1991", legalLaw: "L", minRating: "SUPERB" }));
    expect(badParam).toMatchObject({ ok: false, fieldErrors: { minRating: [expect.any(String)] } });
    expect(await rowCounts()).toEqual(before);

    // The database refuses it too, whoever writes.
    await expect(
      prisma.titleRuleVersion.create({ data: { titleCode: "CST", shape: "CST", firstYear: 2025, lastYear: 2027, params: {}, citation: "x" } }),
    ).rejects.toThrow(/TitleRuleVersion_no_overlap/);
    expect(await rowCounts()).toEqual(before);
  });

  it("a version touching a closed year is saved only when confirmed; nothing is re-evaluated", async () => {
    await prisma.emulationYear.update({ where: { id: w.y2024.id }, data: { phase: "CLOSED" } });
    const shipped = await versionOf(w, 2024);
    const input = { id: shipped.id, firstYear: "2024", lastYear: "2025", legalLaw: "Luật Thi đua, khen thưởng số 06/2022/QH15", legalArticle: "Điều 26" };
    const before = await rowCounts();
    const unconfirmed = await executeCommand(updateTitleRuleVersion, w.admin, versionForm(input));
    expectRefused(unconfirmed, expect.stringContaining("năm đã khóa sổ (2024)"));
    expectRefused(unconfirmed, expect.stringContaining("giữ nguyên kết quả đã ghi"));
    expect(await rowCounts()).toEqual(before);
    expectOk(await executeCommand(updateTitleRuleVersion, w.admin, versionForm({ ...input, confirmClosed: "on" })));
    expect(await versionOf(w, 2024)).toMatchObject({ legalArticle: "Điều 26", citation: "Điều 26, Luật Thi đua, khen thưởng số 06/2022/QH15" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "title.rule.update" } });
    expect(audit.entityId).toBe(shipped.id);
  });

  it("only the admin manages versions and titles", async () => {
    const before = await rowCounts();
    const denied = await executeCommand(createTitleRuleVersion, w.secretariat, versionForm({ titleId: w.cst.id, firstYear: "1990", lastYear: "1991", legalLaw: "L" }));
    expect(denied.ok).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });

  it("the admin adds a title following an existing rule shape of its kind, at a free level", async () => {
    const add = (extra: Record<string, string>) =>
      executeCommand(createTitle, w.admin, form({ code: "ttldtt", name: "Tập thể lao động tiên tiến", shortName: "TTLĐTT", kind: "COLLECTIVE", level: "5", ruleShape: "DV_TIEN_TIEN", prerequisites: "Như Đơn vị tiên tiến.", ...extra }));
    expect(await add({ ruleShape: "CST" })).toMatchObject({ ok: false, fieldErrors: { ruleShape: [expect.stringContaining("tập thể")] } });
    expect(await add({ level: "2" })).toMatchObject({ ok: false, fieldErrors: { level: [expect.stringContaining("Đơn vị Quyết thắng")] } });
    expectOk(await add({}));
    const title = await prisma.titleDefinition.findUniqueOrThrow({ where: { code: "TTLDTT" } });
    expect(title).toMatchObject({ kind: "COLLECTIVE", level: 5, ruleShape: "DV_TIEN_TIEN", active: true });
    // Its first rule version, with the shape's parameters.
    expectOk(
      await executeCommand(createTitleRuleVersion, w.admin, form({ titleId: title.id, firstYear: "2026", lastYear: "", disciplineFrom: "CANH_CAO", legalDecree: "Nghị định 152/2025/NĐ-CP" })),
    );
    expect(await prisma.titleRuleVersion.findFirstOrThrow({ where: { titleCode: "TTLDTT" } })).toMatchObject({ shape: "DV_TIEN_TIEN", params: { disciplineFrom: "CANH_CAO" } });
  });
});
