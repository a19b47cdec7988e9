// The dossier's documents and the year's award workbooks on Postgres (issue 14, item 7): a dossier
// walked from the conference to a decision, then each file opened and read — the tờ trình, the lists
// with each item's vote result and eligibility evidence, the disclosure notice, the objections and
// answers, the decision register and the statistics — and each refused outside the dossier's scope.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { acceptDossier, addDossierItem, answerObjection, buildDossier, lodgeObjection, publishDossier, recordDecision, sendDossier } from "@/server/commands/dossiers";
import { buildDossierDocx } from "@/server/documents/dossier-docx";
import { buildAwardStatistics, buildDecisionRegister } from "@/server/excel/awards-export";
import { NotFoundError } from "@/server/errors";
import { awardStatistics, decisionRegister, dossierDocumentData, type DossierDocumentKind } from "@/server/queries/dossiers";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { expectOk } from "../support/action-result";
import { PDF } from "./command-cases/world";
import { candidateForCand, closedAcclaim, determinedMembers } from "./dossier-fixtures";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

let dossierId: string;
let secretariat: Actor;
let ministry: Actor;
let officerU2: Actor;
let otherSecretariat: Actor;

/** The visible text of a .docx (its paragraphs' runs, tags dropped). */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}

const docText = async (actor: Actor, kind: DossierDocumentKind) => docxText(await buildDossierDocx(await dossierDocumentData(actor, dossierId, kind), kind));

async function sheetRows(buffer: Buffer, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(name);
  expect(ws, `sheet ${name}`).toBeDefined();
  return ws!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
}

beforeAll(async () => {
  await resetDatabase();
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster("Cụm thi đua số 2");
  const units = [await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ"), await makeUnit(cluster.id, "Cục Ngoại tuyến"), await makeUnit(cluster.id, "Cục Quản lý xuất nhập cảnh")];
  const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "RESULTS", settings: DEFAULT_YEAR_SETTINGS, chairUnitId: units[0]!.id } });
  for (const u of units.slice(0, 2)) await determinedMembers(u, 2022);
  // Six CST in unit 3: with the CSTĐ CAND candidate, one CSTĐCS place (15%).
  for (let i = 0; i < 6; i++) {
    const o = await makeOfficer(units[2]!.id, `Chiến sĩ ${i}`);
    await prisma.officerYearResult.create({ data: { officerId: o.id, year: 2022, rating: "GOOD", awardedTitleCode: "CST", verified: true } });
  }
  const cand = await candidateForCand(units[2]!, "Nguyễn Văn An", 2022);
  await closedAcclaim(year.id, "CO_BCA", [units[0]!], units, 3);
  secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  ministry = await makeActor("MINISTRY");
  officerU2 = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: units[1]!.id });
  const other = await makeCluster("Cụm thi đua số 5");
  otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });

  dossierId = expectOk(await executeCommand(buildDossier, secretariat, { yearId: year.id, memoNo: "15/TTr-C2" }))!.id;
  expectOk(await executeCommand(addDossierItem, secretariat, { dossierId, kind: "OFFICER_TITLE", subjectId: cand.id, code: "CSTD_CAND" }));
  expectOk(await executeCommand(addDossierItem, secretariat, { dossierId, kind: "UNIT_COMMENDATION", subjectId: units[1]!.id, code: "BANG_KHEN_BO" }));
  expectOk(await executeCommand(publishDossier, secretariat, { dossierId }));
  const bk = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "UNIT_COMMENDATION" } });
  const objectionId = expectOk(await executeCommand(lodgeObjection, officerU2, { itemId: bk.id, reason: "Đề nghị ghi rõ thành tích phòng, chống dịch." }))!.id;
  expectOk(await executeCommand(answerObjection, secretariat, { objectionId, answer: "AMENDED", answerText: "Đã bổ sung thành tích vào tờ trình." }));
  // The window's end moved into the past (the test's way of letting the window end).
  await prisma.dossier.update({ where: { id: dossierId }, data: { disclosureEndsOn: new Date("2022-12-12T00:00:00Z") } });
  expectOk(await executeCommand(sendDossier, secretariat, { dossierId }));
  expectOk(await executeCommand(acceptDossier, ministry, { dossierId }));
  const items = await prisma.dossierItem.findMany({ where: { dossierId, kind: { in: ["UNIT_TITLE", "OFFICER_TITLE"] } } });
  expectOk(
    await executeCommand(recordDecision, ministry, {
      dossierId, number: "5012/QĐ-BCA", date: "20/12/2022", signer: "Thượng tướng Nguyễn Văn B", level: "MINISTER",
      file: new File([PDF], "qd.pdf", { type: "application/pdf" }), ...Object.fromEntries(items.map((i) => [`item_${i.id}`, "on"])),
    }),
  );
}, 120_000);

describe("the dossier's Word documents", () => {
  it("the tờ trình names the cluster, its number, the counts by kind and the disclosure with its objections", async () => {
    const text = await docText(secretariat, "memo");
    expect(text).toContain("TỜ TRÌNH");
    expect(text).toContain("Số: 15/TTr-C2");
    expect(text).toContain("Về việc đề nghị khen thưởng năm 2022");
    expect(text).toContain("Kính gửi: Thường trực Hội đồng Thi đua – Khen thưởng Bộ Công an");
    expect(text).toContain("cho 2 tập thể và 1 cá nhân");
    expect(text).toContain("1 Cờ thi đua của Bộ Công an");
    expect(text).toContain("1 Bằng khen của Bộ trưởng Bộ Công an");
    expect(text).toMatch(/đến hết ngày 12\/12\/2022 \(5 ngày làm việc\)\. Có 1 ý kiến của các đơn vị; đã trả lời 1\/1 ý kiến/);
    expect(text).toContain("Cục Kỹ thuật nghiệp vụ"); // the chair unit signs
  });

  it("the list of collectives carries each item's vote result, eligibility and decision", async () => {
    const text = await docText(ministry, "collectives");
    expect(text).toContain("DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022");
    expect(text).toContain("Cờ thi đua của Bộ Công an");
    expect(text).toContain("Phiếu phát ra 3, thu về 3; 3 phiếu đồng ý (100%)");
    expect(text).toMatch(/Điều kiện tại ngày \d\d\/\d\d\/\d{4}: đủ điều kiện/);
    expect(text).toContain("Được khen thưởng (QĐ số 5012/QĐ-BCA)");
    expect(text).toContain("Bằng khen của Bộ trưởng Bộ Công an");
    expect(text).toContain("Tổng số: 2 tập thể.");
    expect(text).not.toContain("Nguyễn Văn An");
  });

  it("the list of individuals carries the officer, the eligibility reasons and the status", async () => {
    const text = await docText(secretariat, "individuals");
    expect(text).toContain("DANH SÁCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2022");
    expect(text).toContain("Đại úy Nguyễn Văn An");
    expect(text).toContain("Chiến sĩ thi đua Công an nhân dân");
    expect(text).toMatch(/\+ .*CSTĐCS/);
    expect(text).toContain("Tổng số: 1 cá nhân.");
  });

  it("the notice lists the proposals and the window; the objections document pairs each with its answer", async () => {
    const notice = await docText(officerU2, "notice");
    expect(notice).toContain("THÔNG BÁO");
    expect(notice).toContain("Công khai danh sách đề nghị khen thưởng năm 2022");
    expect(notice).toMatch(/5 ngày làm việc, từ ngày \d\d\/\d\d\/\d{4} đến hết ngày 12\/12\/2022/);
    expect(notice).toContain("Nguyễn Văn An");
    const objections = await docText(secretariat, "objections");
    expect(objections).toContain("Đề nghị ghi rõ thành tích phòng, chống dịch.");
    expect(objections).toContain("Điều chỉnh đề nghị");
    expect(objections).toContain("Đã bổ sung thành tích vào tờ trình.");
    expect(objections).toContain("Cục Ngoại tuyến");
    expect(objections).toContain("Tổng số: 1 ý kiến; đã trả lời 1.");
  });

  it("is refused outside the dossier's scope: another cluster's secretariat, and a member unit asking for the tờ trình", async () => {
    await expect(dossierDocumentData(otherSecretariat, dossierId, "collectives")).rejects.toBeInstanceOf(NotFoundError);
    await expect(dossierDocumentData(officerU2, dossierId, "memo")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the year's workbooks", () => {
  it("the decision register lists the decision with what it approved", async () => {
    const buffer = await buildDecisionRegister(await decisionRegister(ministry, 2022));
    const rows = await sheetRows(buffer, "Sổ quyết định");
    const row = rows.find((r) => r[1] === "5012/QĐ-BCA");
    expect(row).toEqual([1, "5012/QĐ-BCA", "20/12/2022", "Bộ trưởng Bộ Công an", "Thượng tướng Nguyễn Văn B", "Cụm thi đua số 2", 1, 1, expect.stringContaining("Người dùng MINISTRY")]);
    const detail = await sheetRows(buffer, "Chi tiết khen thưởng");
    expect(detail.filter((r) => r[1] === "5012/QĐ-BCA").map((r) => r[6])).toEqual(expect.arrayContaining(["Cờ thi đua của Bộ Công an", "Chiến sĩ thi đua Công an nhân dân"]));
  });

  it("the statistics count titles and commendations by kind, collective and individual", async () => {
    // A commendation recorded outside the dossier (the register) is counted too; a revoked one is not.
    const unit = await prisma.unit.findFirstOrThrow({ where: { name: "Cục Ngoại tuyến" } });
    const base = { year: 2022, unitId: unit.id, form: "Bằng khen của Bộ trưởng Bộ Công an", formCode: "BANG_KHEN_BO", level: "Bộ trưởng Bộ Công an", decisionNo: "100/QĐ-BCA", decisionDate: new Date("2022-06-01"), decisionSigner: "Bộ trưởng" };
    await prisma.commendation.createMany({ data: [base, { ...base, decisionNo: "101/QĐ-BCA", revokedAt: new Date(), revokeReason: "Sai thành tích", revokeDecisionNo: "9/QĐ-BCA" }] });
    const buffer = await buildAwardStatistics(await awardStatistics(secretariat, 2022));
    const titles = await sheetRows(buffer, "Biểu 1 - Danh hiệu thi đua");
    expect(titles.find((r) => r[1] === "Cờ thi đua của Bộ Công an")).toEqual([expect.any(Number), "Cờ thi đua của Bộ Công an", "Bộ Công an", 1, "x", 1]);
    expect(titles.find((r) => r[1] === "Chiến sĩ thi đua Công an nhân dân")).toEqual([expect.any(Number), "Chiến sĩ thi đua Công an nhân dân", "Bộ Công an", "x", 1, 1]);
    expect(titles.find((r) => r[1] === "Chiến sĩ tiên tiến")?.[4]).toBeGreaterThan(0);
    const forms = await sheetRows(buffer, "Biểu 2 - Khen thưởng");
    expect(forms.find((r) => r[1] === "Bằng khen của Bộ trưởng Bộ Công an")).toEqual([expect.any(Number), "Bằng khen của Bộ trưởng Bộ Công an", "Bộ trưởng Bộ Công an", 1, 0, 1]);
    expect(forms.some((r) => String(r[0]).includes("Không tính 1 danh hiệu"))).toBe(true);
  });

  it("answers 'not found' to a secretariat without that year and to a member unit", async () => {
    await expect(decisionRegister(otherSecretariat, 2022)).rejects.toBeInstanceOf(NotFoundError);
    await expect(awardStatistics(officerU2, 2022)).rejects.toBeInstanceOf(NotFoundError);
  });
});
