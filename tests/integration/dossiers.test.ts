// Proposal dossiers end to end on Postgres (issue 14): built from the conference's closed acclaim
// rounds, disclosed, objected to and answered, sent, returned, resent, accepted, decided in part — and
// every refusal the issue names, each leaving every table exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { revokeAward } from "@/server/commands/commendations";
import { acceptDossier, addDossierItem, answerObjection, buildDossier, lodgeObjection, publishDossier, recordDecision, returnDossier, sendDossier } from "@/server/commands/dossiers";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { loadOfficerHistories } from "@/server/store/eligibility-data";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { expectOk, expectRefused } from "../support/action-result";
import { fingerprint, PDF } from "./command-cases/world";
import { candidateForCand, closedAcclaim, determinedMembers } from "./dossier-fixtures";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

type Unit = Awaited<ReturnType<typeof makeUnit>>;

let clusterId: string;
let yearId: string;
let units: Unit[];
let secretariat: Actor;
let ministry: Actor;
let officerU2: Actor;
let otherSecretariat: Actor;
let otherOfficer: Actor;
const candOfficers: { id: string; fullName: string }[] = [];

beforeAll(async () => {
  await resetDatabase();
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster("Cụm thi đua số 2");
  clusterId = cluster.id;
  units = [await makeUnit(clusterId, "Cục Kỹ thuật nghiệp vụ"), await makeUnit(clusterId, "Cục Ngoại tuyến"), await makeUnit(clusterId, "Cục Quản lý xuất nhập cảnh")];
  const year = await prisma.emulationYear.create({ data: { clusterId, year: 2022, phase: "RESULTS", settings: DEFAULT_YEAR_SETTINGS, chairUnitId: units[0]!.id } });
  yearId = year.id;
  for (const u of units.slice(0, 2)) await determinedMembers(u, 2022);
  // Two CSTĐ CAND candidates in unit 3 beside 6 CST of 2022: with one proposed, 7 CST give one CSTĐCS place (15%).
  for (let i = 0; i < 6; i++) {
    const o = await makeOfficer(units[2]!.id, `Chiến sĩ ${i}`);
    await prisma.officerYearResult.create({ data: { officerId: o.id, year: 2022, rating: "GOOD", awardedTitleCode: "CST", verified: true } });
  }
  candOfficers.push(await candidateForCand(units[2]!, "Nguyễn Văn An", 2022), await candidateForCand(units[2]!, "Trần Văn Bình", 2022));
  // Units 1 and 2 both acclaimed for the Ministry flag (the year has one); unit 1 with more votes.
  await closedAcclaim(yearId, "CO_BCA", [units[0]!, units[1]!], units, 3);
  secretariat = await makeActor("SECRETARIAT", { clusterId });
  ministry = await makeActor("MINISTRY");
  officerU2 = await makeActor("UNIT_OFFICER", { clusterId, unitId: units[1]!.id });
  const other = await makeCluster("Cụm thi đua số 5");
  const otherUnit = await makeUnit(other.id, "Công an tỉnh Cao Bằng");
  otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });
  otherOfficer = await makeActor("UNIT_OFFICER", { clusterId: other.id, unitId: otherUnit.id });
}, 60_000);

/** The command is refused with a message containing `text`, and no table changed. */
async function refusedWritingNothing(run: () => Promise<Awaited<ReturnType<typeof executeCommand>>>, text: string) {
  const before = await fingerprint();
  const message = expectRefused(await run());
  expect(message).toContain(text);
  expect(await fingerprint()).toEqual(before);
}

let dossierId: string;

describe("building the dossier from the conference", () => {
  it("proposes the units acclaimed in a closed round, with the round's aggregate result as evidence, within the flag allowance", async () => {
    const result = await executeCommand(buildDossier, secretariat, { yearId, memoNo: "15/TTr" });
    dossierId = expectOk(result)!.id;
    expect(result.message).toContain("Vượt số cờ thi đua của năm");
    const items = await prisma.dossierItem.findMany({ where: { dossierId } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "UNIT_TITLE", titleCode: "CO_BCA", status: "PROPOSED" });
    const evidence = items[0]!.evidence as { vote: Record<string, unknown>; eligibility: { status: string } };
    expect(evidence.vote).toMatchObject({ ballotsIssued: 3, ballotsReturned: 3, votesFor: 3, share: "100%", passed: true });
    expect(evidence.eligibility.status).toBe("ELIGIBLE");
    // Ballot secrecy: nothing in the evidence names a ballot or a voter.
    expect(JSON.stringify(evidence)).not.toMatch(/ballotId|voter|unitId/);
  });

  it("refuses a flag over the year's allowance, naming the rule, and writes nothing", async () => {
    await refusedWritingNothing(() => executeCommand(addDossierItem, secretariat, { dossierId, kind: "UNIT_TITLE", subjectId: units[1]!.id, code: "CO_BCA" }), "Vượt số cờ thi đua của năm");
  });

  it("refuses a collective title the conference did not acclaim, and writes nothing", async () => {
    await refusedWritingNothing(() => executeCommand(addDossierItem, secretariat, { dossierId, kind: "UNIT_TITLE", subjectId: units[2]!.id, code: "DV_QUYET_THANG" }), "Chưa được hội nghị suy tôn");
  });

  it("admits an eligible CSTĐ CAND, then refuses a second one of the unit over the CSTĐCS quota, writing nothing", async () => {
    expectOk(await executeCommand(addDossierItem, secretariat, { dossierId, kind: "OFFICER_TITLE", subjectId: candOfficers[0]!.id, code: "CSTD_CAND" }));
    await refusedWritingNothing(() => executeCommand(addDossierItem, secretariat, { dossierId, kind: "OFFICER_TITLE", subjectId: candOfficers[1]!.id, code: "CSTD_CAND" }), "Vượt tỷ lệ Chiến sĩ thi đua cơ sở");
  });

  it("adds a Bằng khen for a unit", async () => {
    expectOk(await executeCommand(addDossierItem, secretariat, { dossierId, kind: "UNIT_COMMENDATION", subjectId: units[1]!.id, code: "BANG_KHEN_BO" }));
  });

  it("answers another cluster's secretariat 'not found', writing nothing", async () => {
    await refusedWritingNothing(() => executeCommand(publishDossier, otherSecretariat, { dossierId }), NOT_FOUND);
  });
});

describe("disclosure and sending", () => {
  it("refuses sending before publication", async () => {
    await refusedWritingNothing(() => executeCommand(sendDossier, secretariat, { dossierId }), "chưa được công khai");
  });

  it("publishes for the year's window in working days", async () => {
    expectOk(await executeCommand(publishDossier, secretariat, { dossierId }));
    const d = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId } });
    expect(d).toMatchObject({ status: "DISCLOSING", disclosureDays: 5 });
    const days = (d.disclosureEndsOn!.getTime() - d.disclosedAt!.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    // The member units are told, with a link to the dossier.
    const notice = await prisma.notification.findFirstOrThrow({ where: { userId: officerU2.userId, kind: "DOSSIER_PUBLISHED" } });
    expect(notice.href).toBe(`/dossiers/${dossierId}`);
  });

  it("refuses sending inside the window, writing nothing", async () => {
    await refusedWritingNothing(() => executeCommand(sendDossier, secretariat, { dossierId }), "Chưa hết thời gian công khai");
  });

  let objectionId: string;
  it("takes a member unit's objection; another cluster's unit is answered 'not found'", async () => {
    const item = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "UNIT_COMMENDATION" } });
    await refusedWritingNothing(() => executeCommand(lodgeObjection, otherOfficer, { itemId: item.id, reason: "Không đúng thành tích của đơn vị." }), NOT_FOUND);
    objectionId = expectOk(await executeCommand(lodgeObjection, officerU2, { itemId: item.id, reason: "Đề nghị ghi rõ thành tích phòng, chống dịch COVID-19." }))!.id;
  });

  it("refuses sending after the window while an objection has no answer, writing nothing", async () => {
    await prisma.dossier.update({ where: { id: dossierId }, data: { disclosureEndsOn: new Date("2022-12-12T00:00:00Z") } });
    await refusedWritingNothing(() => executeCommand(sendDossier, secretariat, { dossierId }), "chưa được trả lời");
  });

  it("refuses an objection after the window", async () => {
    const item = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "UNIT_TITLE" } });
    await refusedWritingNothing(() => executeCommand(lodgeObjection, officerU2, { itemId: item.id, reason: "Ý kiến gửi sau thời hạn công khai." }), "đã kết thúc");
  });

  it("sends once every objection is answered", async () => {
    expectOk(await executeCommand(answerObjection, secretariat, { objectionId, answer: "AMENDED", answerText: "Đã bổ sung thành tích phòng, chống dịch vào tờ trình." }));
    expectOk(await executeCommand(sendDossier, secretariat, { dossierId }));
  });
});

describe("the Ministry office and its decision", () => {
  it("returns the dossier with a reason; a decision on a returned dossier is refused, writing nothing", async () => {
    expectOk(await executeCommand(returnDossier, ministry, { dossierId, reason: "Bổ sung biên bản hội nghị tổng kết." }));
    expect(await prisma.notification.count({ where: { userId: secretariat.userId, kind: "DOSSIER_RETURNED" } })).toBe(1);
    const item = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "UNIT_TITLE" } });
    await refusedWritingNothing(
      () => executeCommand(recordDecision, ministry, { dossierId, number: "5012/QĐ-BCA", date: "20/12/2022", signer: "Bộ trưởng", level: "MINISTER", file: new File([PDF], "qd.pdf", { type: "application/pdf" }), [`item_${item.id}`]: "on" }),
      "trả lại",
    );
  });

  it("takes the resent dossier (history kept), accepts it and records a decision approving part of it", async () => {
    expectOk(await executeCommand(sendDossier, secretariat, { dossierId }));
    expectOk(await executeCommand(acceptDossier, ministry, { dossierId }));
    const events = await prisma.dossierEvent.findMany({ where: { dossierId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["PUBLISHED", "SENT", "RETURNED", "SENT", "ACCEPTED"]);
    const flag = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "UNIT_TITLE" } });
    const cand = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "OFFICER_TITLE" } });
    const result = await executeCommand(recordDecision, ministry, {
      dossierId, number: "5012/QĐ-BCA", date: "20/12/2022", signer: "Bộ trưởng", level: "MINISTER",
      file: new File([PDF], "qd.pdf", { type: "application/pdf" }), [`item_${flag.id}`]: "on", [`item_${cand.id}`]: "on",
    });
    expectOk(result);
    expect(result.message).toContain("còn 1 đề nghị chờ quyết định khác");
    const unitResult = await prisma.unitYearResult.findUniqueOrThrow({ where: { emulationYearId_unitId: { emulationYearId: yearId, unitId: units[0]!.id } } });
    expect(unitResult).toMatchObject({ awardedTitleCode: "CO_BCA", decisionNo: "5012/QĐ-BCA" });
    // Next year's eligibility reads the awarded title without any other entry.
    const history = (await loadOfficerHistories(prisma, [candOfficers[0]!.id], 2023)).get(candOfficers[0]!.id)!;
    expect(history.years.find((y) => y.year === 2022)).toMatchObject({ awardedTitle: "CSTD_CAND", rating: "EXCELLENT" });
  });

  it("refuses a decision of the wrong level (the Bằng khen of the Minister by the Prime Minister), writing nothing", async () => {
    const item = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "UNIT_COMMENDATION" } });
    await refusedWritingNothing(
      () => executeCommand(recordDecision, ministry, { dossierId, number: "99/QĐ-TTg", date: "21/12/2022", signer: "Thủ tướng", level: "PRIME_MINISTER", file: new File([PDF], "qd.pdf", { type: "application/pdf" }), [`item_${item.id}`]: "on" }),
      "thuộc thẩm quyền Bộ trưởng Bộ Công an",
    );
  });

  it("records the rest by a second decision: a Commendation row pointing at it", async () => {
    const item = await prisma.dossierItem.findFirstOrThrow({ where: { dossierId, kind: "UNIT_COMMENDATION" } });
    expectOk(await executeCommand(recordDecision, ministry, { dossierId, number: "5100/QĐ-BCA", date: "22/12/2022", signer: "Bộ trưởng", level: "MINISTER", file: new File([PDF], "qd2.pdf", { type: "application/pdf" }), [`item_${item.id}`]: "on" }));
    const row = await prisma.commendation.findFirstOrThrow({ where: { unitId: units[1]!.id } });
    expect(row).toMatchObject({ formCode: "BANG_KHEN_BO", source: "DECISION", decisionNo: "5100/QĐ-BCA", year: 2022 });
  });
});

describe("revocation", () => {
  it("keeps the record, marks it revoked and lists the later titles that relied on it", async () => {
    const r2021 = await prisma.officerYearResult.findUniqueOrThrow({ where: { officerId_year: { officerId: candOfficers[0]!.id, year: 2021 } } });
    const result = await executeCommand(revokeAward, ministry, { kind: "OFFICER_TITLE", id: r2021.id, reason: "Thành tích kê khai không đúng sự thật.", decisionNo: "77/QĐ-BCA" });
    const data = expectOk(result) as { dependants: { year: number; title: string }[] };
    expect(data.dependants).toEqual([expect.objectContaining({ year: 2022, title: "CSTD_CAND" })]);
    const after = await prisma.officerYearResult.findUniqueOrThrow({ where: { id: r2021.id } });
    expect(after).toMatchObject({ awardedTitleCode: null, revokedTitleCode: "CSTDCS", revokeDecisionNo: "77/QĐ-BCA" });
    expect(after.revokedAt).not.toBeNull();
    expectRefused(await executeCommand(revokeAward, ministry, { kind: "OFFICER_TITLE", id: r2021.id, reason: "Thu hồi lần thứ hai.", decisionNo: "78/QĐ-BCA" }), "Danh hiệu này đã bị thu hồi.");
  });
});

describe("a closed year", () => {
  it("refuses every dossier write, writing nothing", async () => {
    await prisma.emulationYear.update({ where: { id: yearId }, data: { phase: "CLOSED", closedAt: new Date() } });
    await refusedWritingNothing(() => executeCommand(publishDossier, secretariat, { dossierId }), YEAR_CLOSED_MESSAGE);
    await refusedWritingNothing(() => executeCommand(returnDossier, ministry, { dossierId, reason: "Trả lại sau khi khóa sổ." }), YEAR_CLOSED_MESSAGE);
  });
});
