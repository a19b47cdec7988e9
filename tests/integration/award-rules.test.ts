// The rules at the edges (issue 14 item 6) on Postgres: a registration a past record already decides is
// refused (and lifted by the secretariat's audited override); the CSTĐCS quota on awarded results; a flag
// only for a unit the conference acclaimed or a recorded Ministry decision approved. Every refusal
// leaves every table as it was.
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { bulkSetOfficerRegistrations, overrideRegistration, saveOfficerRegistrations } from "@/server/commands/registration";
import { recordOfficerResult, recordUnitResult } from "@/server/commands/results";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk, expectRefused } from "../support/action-result";
import { fingerprint } from "./command-cases/world";
import { form, makeActor, makeClosedAcclaim, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

async function refusedWritingNothing(run: () => ReturnType<typeof executeCommand>, text: string) {
  const before = await fingerprint();
  expect(expectRefused(await run())).toContain(text);
  expect(await fingerprint()).toEqual(before);
}

async function world() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster();
  const unitA = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const unitB = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  const officers = [];
  for (let i = 0; i < 8; i++) officers.push(await makeOfficer(unitA.id, `Cán bộ ${i}`, { code: `A-${i}` }));
  // A 100% quota in 2022: the registration refusals are tested on their own, without the quota's.
  const year2022 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings: { ...DEFAULT_YEAR_SETTINGS, cstdcsQuotaPercent: 100 } } });
  const year2021 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "RESULTS", settings: DEFAULT_YEAR_SETTINGS } });
  return {
    cluster, unitA, unitB, officers, year2021, year2022,
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unitA.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
  };
}
type World = Awaited<ReturnType<typeof world>>;
const decision = { decisionNo: "1201/QĐ-BCA", decisionDate: "20/12/2021", decisionSigner: "Bộ trưởng Bộ Công an" };

describe("registration: a condition already decided refuses the title", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });
  const save = (rows: [string, string][]) =>
    executeCommand(saveOfficerRegistrations, w.officerA, { emulationYearId: w.year2022.id, rows: JSON.stringify(rows.map(([officerId, titleCode]) => ({ officerId, titleCode }))) });

  it("a discipline of the year, a missing past CSTĐCS year: refused, nothing written; the rating of the year stays a warning", async () => {
    const [o0, o1, o2] = w.officers;
    await prisma.discipline.create({ data: { officerId: o0!.id, form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: new Date("2022-03-01T00:00:00Z") } });
    await refusedWritingNothing(() => save([[o0!.id, "CST"]]), "Cán bộ 0 (A-0) không được đăng ký CST: Không xét danh hiệu năm 2022");
    // CSTĐ CAND needs CSTĐCS awarded in 2020 and 2021: 2021 is missing.
    await prisma.officerYearResult.create({ data: { officerId: o1!.id, year: 2020, rating: "EXCELLENT", awardedTitleCode: "CSTDCS", verified: true } });
    await refusedWritingNothing(() => save([[o1!.id, "CSTD_CAND"]]), "Chưa đủ 3 năm liên tục đạt CSTĐCS");
    // CSTĐCS depends on this year's initiative: a warning, saved.
    expectOk(await save([[o2!.id, "CSTDCS"]]));
    expect(await prisma.officerRegistration.count()).toBe(1);
  });

  it("a bulk set over the whole filter leaves a refused officer as they were and names them; the rest are registered", async () => {
    const [o0] = w.officers;
    await prisma.discipline.create({ data: { officerId: o0!.id, form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: new Date("2022-03-01T00:00:00Z") } });
    const result = await executeCommand(bulkSetOfficerRegistrations, w.officerA, { emulationYearId: w.year2022.id, titleCode: "CST", expectedCount: 8 });
    expect(expectOk(result)).toMatchObject({ matched: 8, added: 7, skipped: 1 });
    expect(result.message).toContain("Đã đăng ký CST cho 7 cán bộ phù hợp bộ lọc");
    expect(result.message).toContain("Không đăng ký 1 cán bộ: Cán bộ 0 (A-0) không được đăng ký CST");
    const registered = await prisma.officerRegistration.findMany({ select: { officerId: true } });
    expect(registered.map((r) => r.officerId).sort()).toEqual(w.officers.slice(1).map((o) => o.id).sort());
  });

  it("the secretariat lifts a refusal with a written reason, audited; the unit then registers; an override not needed is refused", async () => {
    const [o0, , o2] = w.officers;
    await prisma.discipline.create({ data: { officerId: o0!.id, form: "KHIEN_TRACH", status: "PENDING", fromDate: new Date("2022-03-01T00:00:00Z") } });
    const input = { emulationYearId: w.year2022.id, officerId: o0!.id, titleCode: "CST", reason: "Hội đồng kỷ luật đã kết luận không xử lý; chờ quyết định." };
    await refusedWritingNothing(() => executeCommand(overrideRegistration, w.secretariat, { ...input, reason: "" }), "Dữ liệu chưa hợp lệ");
    await refusedWritingNothing(() => executeCommand(overrideRegistration, w.officerA, input), "Không tìm thấy");
    expectOk(await executeCommand(overrideRegistration, w.secretariat, input));
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "registration.title.override" } });
    expect(audit.after).toMatchObject({ officerId: o0!.id, titleCode: "CST", reason: input.reason, refusal: expect.stringContaining("không được đăng ký CST") });
    expectOk(await save([[o0!.id, "CST"]]));
    await refusedWritingNothing(() => executeCommand(overrideRegistration, w.secretariat, input), "đã được cho phép");
    await refusedWritingNothing(() => executeCommand(overrideRegistration, w.secretariat, { ...input, officerId: o2!.id }), "Không cần cho phép");
  });
});

describe("results: the CSTĐCS quota on awarded titles, flags only when acclaimed", () => {
  let w: World;
  beforeEach(async () => {
    await resetDatabase();
    w = await world();
  });
  const record = (officerId: string, title: string) =>
    executeCommand(recordOfficerResult, w.secretariat, form({ yearId: w.year2021.id, officerId, rating: "EXCELLENT", awardedTitleCode: title, ...decision }));

  it("over the quota on awarded titles is refused with nothing written; within it, recorded", async () => {
    for (const o of w.officers) await prisma.initiative.create({ data: { officerId: o.id, year: 2021, level: "BASE", title: "Sáng kiến" } });
    // 6 CST awarded: 15% allows none; a 7th officer as CSTĐCS makes 7 CST, one place.
    for (const o of w.officers.slice(0, 6)) expectOk(await record(o.id, "CST"));
    expectOk(await record(w.officers[6]!.id, "CSTDCS"));
    await refusedWritingNothing(() => record(w.officers[7]!.id, "CSTDCS"), "Vượt chỉ tiêu Chiến sĩ thi đua cơ sở của đơn vị trên các danh hiệu được công nhận năm 2021");
    expectOk(await record(w.officers[7]!.id, "CST"));
  });

  it("a flag for a unit not acclaimed is refused, nothing written; acclaimed in a closed round or approved by a recorded decision, it is recorded", async () => {
    for (const [i, o] of w.officers.entries()) {
      await prisma.officerYearResult.create({ data: { officerId: o.id, year: 2021, rating: "GOOD", awardedTitleCode: i === 0 ? "CSTDCS" : "CST", verified: true } });
    }
    const flag = (unitId: string, no = decision.decisionNo) => executeCommand(recordUnitResult, w.secretariat, form({ yearId: w.year2021.id, unitId, awardedTitleCode: "CO_BCA", ...decision, decisionNo: no }));
    await refusedWritingNothing(() => flag(w.unitA.id), "Chưa được hội nghị suy tôn");
    // Acclaimed for another title only: still refused.
    await makeClosedAcclaim(w.year2021.id, "CO_CP", [w.unitA], [w.unitA, w.unitB], 2);
    await refusedWritingNothing(() => flag(w.unitA.id), "Chưa được hội nghị suy tôn");
    // A Ministry decision recorded in the app approving the flag for the unit.
    const dossier = await prisma.dossier.create({ data: { emulationYearId: w.year2021.id, status: "ACCEPTED" } });
    const recorded = await prisma.awardDecision.create({
      data: { dossierId: dossier.id, number: "77/QĐ-BCA", date: new Date("2021-12-20T00:00:00Z"), signer: "Bộ trưởng", level: "MINISTER", fileName: "qd.pdf", fileType: "application/pdf", fileSize: 4, sha256: "0".repeat(64), file: Buffer.from("%PDF"), recordedByName: "Văn phòng Bộ" },
    });
    await prisma.dossierItem.create({
      data: { dossierId: dossier.id, kind: "UNIT_TITLE", unitId: w.unitA.id, titleCode: "CO_BCA", subjectKey: `UNIT_TITLE:${w.unitA.id}`, evidence: {}, status: "APPROVED", decisionId: recorded.id, addedByName: "Thư ký" },
    });
    await refusedWritingNothing(() => flag(w.unitA.id), "Chưa được hội nghị suy tôn");
    expectOk(await flag(w.unitA.id, "77/QĐ-BCA"));
    expect(await prisma.unitYearResult.findFirstOrThrow({ where: { unitId: w.unitA.id } })).toMatchObject({ awardedTitleCode: "CO_BCA", decisionNo: "77/QĐ-BCA" });
  });
});
