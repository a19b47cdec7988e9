// Criteria tables and unit reports on a real database: permissions per role, draft privacy, bad input
// refused with nothing saved, freeze and amendments, deadlines, evidence, return and resubmission.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import {
  allCriteria,
  EVIDENCE_MAX_BYTES,
  explainField,
  figureField,
  formFor,
  scoreField,
  type CriteriaTableDef,
} from "@/domain/scoring";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import {
  createCriteriaTable,
  deleteCriterion,
  moveCriteriaPart,
  publishCriteriaTable,
  saveCriterion,
  saveKeyFigure,
  saveSection,
} from "@/server/commands/criteria";
import {
  acceptReport,
  deleteEvidence,
  returnReport,
  saveReportDraft,
  startReport,
  submitReport,
  uploadEvidence,
} from "@/server/commands/reports";
import { criteriaEditor, evidenceForDownload, getReport, reportsIndex } from "@/server/queries/reports";
import { CRITERIA_2021, CRITERIA_2022, insertCriteriaTable } from "@/server/seed/criteria-2022";
import { expectNotFound, expectOk, expectRefused, runOk } from "../support/action-result";
import { makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

const PDF = new Uint8Array(new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"));
const pdfFile = (name = "minh-chung.pdf", bytes: Uint8Array<ArrayBuffer> = PDF, type = "application/pdf") => new File([bytes], name, { type });

// The mid-year phase: criteria may still be amended, reports drafted, submitted and reviewed
// (src/domain/year-phase-rules.ts).
async function setup(opts: { phase?: "MIDYEAR" | "CLOSED"; reportDeadline?: string | null; table?: "published" | "none" } = {}) {
  const cluster = await makeCluster("Cụm thi đua số 2");
  const ktnv = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const anm = await makeUnit(cluster.id, "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao");
  const year = await prisma.emulationYear.create({
    data: {
      clusterId: cluster.id,
      year: 2022,
      phase: opts.phase ?? "MIDYEAR",
      chairUnitId: ktnv.id,
      settings: { ...DEFAULT_YEAR_SETTINGS, reportDeadline: opts.reportDeadline === undefined ? "2099-11-15" : opts.reportDeadline },
    },
  });
  const table =
    opts.table === "none" ? null : await prisma.$transaction((tx) => insertCriteriaTable(tx, year.id, CRITERIA_2022, { publishedAt: new Date() }));
  const [secretariat, officer, head, anmOfficer, anmHead, admin] = await Promise.all([
    makeActor("SECRETARIAT", { clusterId: cluster.id }),
    makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: ktnv.id }),
    makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: ktnv.id }),
    makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: anm.id }),
    makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: anm.id }),
    makeActor("ADMIN"),
  ]);
  return { cluster, ktnv, anm, year, table: table!, secretariat, officer, head, anmOfficer, anmHead, admin };
}

/** Every field of a complete year-end report: each scored criterion at its max minus 0,5 where possible. */
function completeFields(table: CriteriaTableDef, reportId: string, version: number, change: Record<string, string> = {}) {
  const fields: Record<string, string> = { reportId, version: String(version), narrative: "Năm 2022, Cục đã hoàn thành xuất sắc các nhiệm vụ được giao." };
  for (const c of allCriteria(table)) {
    if (c.section.kind !== "SCORED") continue;
    fields[scoreField(c.id)] = String((c.maxHalf - 1) / 2).replace(".", ",");
    fields[explainField(c.id)] = `Kết quả thực hiện tiêu chí: ${c.title.slice(0, 40)}`;
  }
  for (const f of table.keyFigures) fields[figureField(f.id)] = "1.250";
  return { ...fields, ...change };
}

async function start(actor: Actor, yearId: string, kind = "YEAR_END") {
  return (await runOk(startReport, actor, { yearId, kind })).id;
}

async function version(reportId: string) {
  return (await prisma.unitReport.findUniqueOrThrow({ where: { id: reportId } })).draftVersion;
}

/** A report drafted in full, with the required evidence, ready for the head. */
async function draftComplete(s: Awaited<ReturnType<typeof setup>>) {
  const reportId = await start(s.officer, s.year.id);
  const saved = await executeCommand(saveReportDraft, s.officer, completeFields(s.table, reportId, 0));
  expectOk(saved);
  const evidenceCriterion = allCriteria(s.table).find((c) => c.evidenceRequired && c.section.kind === "SCORED")!;
  const up = await executeCommand(uploadEvidence, s.officer, { reportId, criterionId: evidenceCriterion.id, file: pdfFile() });
  expectOk(up);
  return reportId;
}

describe("criteria tables", () => {
  beforeEach(resetDatabase);

  it("the secretariat copies last year's table, edits it and publishes it; units cannot", async () => {
    const s = await setup({ table: "none" });
    const y2021 = await prisma.emulationYear.create({ data: { clusterId: s.cluster.id, year: 2021, phase: "CLOSED", settings: DEFAULT_YEAR_SETTINGS } });
    await prisma.$transaction((tx) => insertCriteriaTable(tx, y2021.id, CRITERIA_2021, { publishedAt: new Date(), frozenAt: new Date() }));

    expect(await executeCommand(createCriteriaTable, s.officer, { yearId: s.year.id, source: "previous" })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(createCriteriaTable, s.head, { yearId: s.year.id, source: "previous" })).toEqual({ ok: false, message: NOT_FOUND });
    const created = await executeCommand(createCriteriaTable, s.secretariat, { yearId: s.year.id, source: "previous" });
    expectOk(created);
    expect((created as { message: string }).message).toContain("từ bảng năm 2021 (6 mục, 25 tiêu chí, 5 số liệu)");
    const editor = await criteriaEditor(s.secretariat, s.year.id);
    expect(editor.table!.copiedFromYear).toBe(2021);
    expect(editor.table!.sections.map((x) => x.maxHalf)).toEqual([40, 90, 40, 30, 10, 20]);
    expect(editor.table!.frozenAt).toBeNull();
    await expectNotFound(criteriaEditor(s.officer, s.year.id));

    // A second table for the same year is refused.
    expectRefused(await executeCommand(createCriteriaTable, s.secretariat, { yearId: s.year.id, source: "empty" }), "Năm thi đua này đã có bảng tiêu chí.");

    const published = await executeCommand(publishCriteriaTable, s.secretariat, { tableId: editor.table!.id });
    expectOk(published);
    expect(await prisma.auditLog.count({ where: { action: { in: ["criteria.create", "criteria.publish"] } } })).toBe(2);
  });

  it("refuses to publish an incomplete table, saying what is missing", async () => {
    const s = await setup({ table: "none" });
    const { id: tableId } = await runOk(createCriteriaTable, s.secretariat, { yearId: s.year.id, source: "empty" });
    const section = await executeCommand(saveSection, s.secretariat, { tableId, kind: "SCORED", title: "Xây dựng lực lượng", max: "20" });
    expectOk(section);
    const r = await executeCommand(publishCriteriaTable, s.secretariat, { tableId });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors?.table).toEqual([
        "Tổng điểm tối đa của các mục (20) chưa bằng thang điểm của bảng (100).",
        "Mục I chưa có tiêu chí nào.",
      ]);
    }
    expect((await prisma.criteriaTable.findUniqueOrThrow({ where: { id: tableId } })).publishedAt).toBeNull();
  });

  it("refuses a criterion that overflows its section, sections that overflow the scale, a bonus item above the cap: nothing saved", async () => {
    const s = await setup();
    const section1 = s.table.sections[0]!; // 20 points, criteria add up to 20
    const before = await prisma.criterion.count();
    const overflow = await executeCommand(saveCriterion, s.secretariat, { sectionId: section1.id, title: "Tiêu chí mới", max: "1" });
    expect(overflow).toEqual({
      ok: false,
      message: "Tổng điểm tối đa của các tiêu chí thuộc mục I (21) vượt quá điểm tối đa của mục (20).",
      fieldErrors: { max: ["Tổng điểm tối đa của các tiêu chí thuộc mục I (21) vượt quá điểm tối đa của mục (20)."] },
    });
    const raised = await executeCommand(saveCriterion, s.secretariat, { criterionId: section1.criteria[0]!.id, title: section1.criteria[0]!.title, max: "4,5" });
    expect(raised.ok).toBe(false);
    const scale = await executeCommand(saveSection, s.secretariat, { tableId: s.table.id, kind: "SCORED", title: "Mục thêm", max: "5" });
    expect(scale).toMatchObject({ ok: false, fieldErrors: { max: ["Tổng điểm tối đa của các mục (105) vượt quá thang điểm của bảng (100)."] } });
    const bonus = s.table.sections.find((x) => x.kind === "BONUS")!;
    const bonusItem = await executeCommand(saveCriterion, s.secretariat, { sectionId: bonus.id, title: "Thưởng lớn", max: "6" });
    expect(bonusItem).toMatchObject({ ok: false, fieldErrors: { max: ["Điểm tối đa của khoản T.5 (6) vượt quá mức trần của nhóm điểm thưởng (5)."] } });
    const secondBonus = await executeCommand(saveSection, s.secretariat, { tableId: s.table.id, kind: "BONUS", title: "Thưởng khác", max: "2" });
    expectRefused(secondBonus, "Bảng tiêu chí đã có nhóm điểm thưởng.");
    const badMax = await executeCommand(saveCriterion, s.secretariat, { sectionId: section1.id, title: "X", max: "-1" });
    expect(badMax).toMatchObject({ ok: false, fieldErrors: { max: ["Điểm tối đa không được âm."] } });
    expect(await prisma.criterion.count()).toBe(before);
    expect(await prisma.criteriaSection.count()).toBe(6);
    expect(await prisma.auditLog.count()).toBe(0);

    // Within the limits the change is saved: lower one criterion, add another of the same size.
    expectOk(await executeCommand(saveCriterion, s.secretariat, { criterionId: section1.criteria[0]!.id, title: section1.criteria[0]!.title, max: "3,5" }));
    expectOk(await executeCommand(saveCriterion, s.secretariat, { sectionId: section1.id, title: "Công tác cải cách hành chính", max: "0,5", evidenceRequired: "on" }));
    const added = await prisma.criterion.findFirstOrThrow({ where: { title: "Công tác cải cách hành chính" } });
    expect(added).toMatchObject({ maxHalf: 1, evidenceRequired: true, position: 6 });
  });

  it("freezes at the first submitted report; afterwards changes need a reason and are recorded as amendments", async () => {
    const s = await setup();
    const reportId = await draftComplete(s);
    expectOk(await executeCommand(submitReport, s.head, { reportId, version: await version(reportId) }));
    const table = await prisma.criteriaTable.findUniqueOrThrow({ where: { id: s.table.id } });
    expect(table.frozenAt).not.toBeNull();

    const c = s.table.sections[0]!.criteria[0]!;
    const noReason = await executeCommand(saveCriterion, s.secretariat, { criterionId: c.id, title: "Nội dung sửa", max: "4" });
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.fieldErrors?.amendmentReason?.[0]).toMatch(/^Bảng tiêu chí đã cố định từ ngày \d\d\/\d\d\/\d{4} .*phải ghi rõ lý do\.$/);
    // Lowering a max below a submitted self-score (3,5) is refused even with a reason.
    const tooLow = await executeCommand(saveCriterion, s.secretariat, { criterionId: c.id, title: c.title, max: "3", amendmentReason: "Điều chỉnh thang điểm" });
    expect(tooLow).toMatchObject({ ok: false, fieldErrors: { max: ["Đã có điểm 3,5 cho tiêu chí này; không thể hạ điểm tối đa xuống 3."] } });
    // Deleting a scored criterion is refused after the freeze.
    const del = await executeCommand(deleteCriterion, s.secretariat, { criterionId: c.id, amendmentReason: "Bỏ tiêu chí" });
    expect(del.ok).toBe(false);

    const amended = await executeCommand(saveCriterion, s.secretariat, {
      criterionId: c.id,
      title: "Quán triệt, triển khai nghị quyết của Đảng ủy Công an Trung ương; công tác chính trị, tư tưởng",
      max: "4",
      amendmentReason: "Theo Kết luận của Hội nghị Cụm ngày 10/6/2022",
    });
    expect(amended).toMatchObject({ ok: true, message: "Đã lưu tiêu chí I.1 (sửa đổi, phiên bản 2)." });
    const moved = await executeCommand(moveCriteriaPart, s.secretariat, { part: "figure", id: s.table.keyFigures[1]!.id, direction: "up", amendmentReason: "Sắp xếp lại" });
    expectOk(moved);
    const amendments = await prisma.criteriaAmendment.findMany({ orderBy: { version: "asc" } });
    expect(amendments.map((a) => [a.version, a.reason])).toEqual([
      [2, "Theo Kết luận của Hội nghị Cụm ngày 10/6/2022"],
      [3, "Sắp xếp lại"],
    ]);
    expect(amendments[0]!.summary).toContain("Sửa tiêu chí I.1");
    expect((await prisma.criteriaTable.findUniqueOrThrow({ where: { id: s.table.id } })).version).toBe(3);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "criteria.criterion.save" } });
    expect(audit.after).toMatchObject({ amendmentReason: "Theo Kết luận của Hội nghị Cụm ngày 10/6/2022", tableVersion: 2 });

    // A new key figure after the freeze is an amendment too.
    expect(await executeCommand(saveKeyFigure, s.secretariat, { tableId: s.table.id, label: "Số tin báo tiếp nhận", unitLabel: "tin" })).toMatchObject({ ok: false });
  });

  it("refuses every change to the table of a closed year", async () => {
    const s = await setup({ phase: "CLOSED" });
    const r = await executeCommand(saveCriterion, s.secretariat, { criterionId: s.table.sections[0]!.criteria[0]!.id, title: "X", max: "4" });
    expect(r).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
  });
});

describe("unit reports", () => {
  beforeEach(resetDatabase);

  it("permissions per role: the officer drafts, only the head submits, the secretariat reviews", async () => {
    const s = await setup();
    for (const actor of [s.head, s.secretariat, s.admin]) {
      expect(await executeCommand(startReport, actor, { yearId: s.year.id, kind: "YEAR_END" })).toEqual({ ok: false, message: NOT_FOUND });
    }
    const reportId = await draftComplete(s);
    // Another unit's officer cannot touch it, even by id.
    expect(await executeCommand(saveReportDraft, s.anmOfficer, completeFields(s.table, reportId, await version(reportId)))).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(submitReport, s.anmHead, { reportId, version: await version(reportId) })).toEqual({ ok: false, message: NOT_FOUND });
    // The officer cannot submit; the secretariat cannot submit or review a draft.
    expect(await executeCommand(submitReport, s.officer, { reportId, version: await version(reportId) })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(acceptReport, s.secretariat, { reportId })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(returnReport, s.secretariat, { reportId, reason: "Đề nghị bổ sung số liệu." })).toEqual({ ok: false, message: NOT_FOUND });

    const submitted = await executeCommand(submitReport, s.head, { reportId, version: await version(reportId) });
    expect(submitted).toMatchObject({ ok: true, message: "Đã duyệt và gửi báo cáo tổng kết năm 2022 đến Thư ký Cụm." });
    expect(await executeCommand(acceptReport, s.officer, { reportId })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(acceptReport, s.head, { reportId })).toEqual({ ok: false, message: NOT_FOUND });
    expectOk(await executeCommand(acceptReport, s.secretariat, { reportId }));
    const events = await prisma.reportEvent.findMany({ where: { reportId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["SUBMITTED", "ACCEPTED"]);
  });

  it("no one reads another unit's draft: not the other unit, not the secretariat, not an admin", async () => {
    const s = await setup();
    const reportId = await draftComplete(s);
    const file = await prisma.evidenceFile.findFirstOrThrow({ where: { reportId } });
    const own = await getReport(s.officer, reportId);
    expect(own.content).toBe("live");
    expect(own.can).toMatchObject({ edit: true, submit: false });
    expect((await getReport(s.head, reportId)).can).toMatchObject({ edit: false, submit: true });
    for (const actor of [s.anmOfficer, s.anmHead, s.secretariat, s.admin]) {
      await expectNotFound(getReport(actor, reportId));
      await expectNotFound(evidenceForDownload(actor, file.id));
    }
    const index = await reportsIndex(s.secretariat, s.year.id);
    const row = index.rows.find((r) => r.unitId === s.ktnv.id && r.kind === "YEAR_END")!;
    expect(row).toMatchObject({ status: "NONE", reportId: null, viewable: false, selfTotalHalf: null });
    // Other units do not even appear in a unit user's index.
    expect((await reportsIndex(s.anmOfficer, s.year.id)).rows.every((r) => r.unitId === s.anm.id)).toBe(true);

    await executeCommand(submitReport, s.head, { reportId, version: await version(reportId) });
    const seen = await getReport(s.secretariat, reportId);
    expect(seen.content).toBe("live");
    expect(seen.can.review).toBe(true);
    expect((await evidenceForDownload(s.secretariat, file.id)).fileName).toBe("minh-chung.pdf");
    await expectNotFound(getReport(s.anmOfficer, reportId));
    await expectNotFound(evidenceForDownload(s.anmOfficer, file.id));
  });

  it("refuses scores above the max, negative or not in half points, and bad figures: nothing saved", async () => {
    const s = await setup();
    const reportId = await start(s.officer, s.year.id);
    const [c1, c2, c3] = allCriteria(s.table);
    const bad = await executeCommand(
      saveReportDraft,
      s.officer,
      completeFields(s.table, reportId, 0, { [scoreField(c1!.id)]: "4,5", [scoreField(c2!.id)]: "-1", [scoreField(c3!.id)]: "2,3", [figureField(s.table.keyFigures[0]!.id)]: "nhiều" }),
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.message).toBe("Chưa lưu: có 4 ô nhập chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.");
      expect(bad.fieldErrors).toEqual({
        [scoreField(c1!.id)]: ["I.1: Điểm không được vượt quá điểm tối đa (4)."],
        [scoreField(c2!.id)]: ["I.2: Điểm không được âm."],
        [scoreField(c3!.id)]: ["I.3: Điểm chỉ được chấm đến 0,5 điểm, ví dụ 7 hoặc 7,5."],
        [figureField(s.table.keyFigures[0]!.id)]: ["Số vụ việc, vụ án phát hiện, đấu tranh, xử lý: Số liệu phải là một số, ví dụ 1.250 hoặc 12,5."],
      });
    }
    expect(await prisma.reportScore.count()).toBe(0);
    expect(await prisma.reportFigure.count()).toBe(0);
    expect(await version(reportId)).toBe(0);

    const ok = await executeCommand(saveReportDraft, s.officer, completeFields(s.table, reportId, 0));
    expect(ok).toMatchObject({ ok: true, data: { version: 1 } });
    expect(await prisma.reportScore.findUniqueOrThrow({ where: { reportId_criterionId: { reportId, criterionId: c1!.id } } })).toMatchObject({ selfHalf: 7 });
    expect((await prisma.reportFigure.findFirstOrThrow({ where: { reportId } })).value.toString()).toBe("1250");
    // A save from a stale window (version 0) is refused, the newer draft kept.
    const stale = await executeCommand(saveReportDraft, s.officer, completeFields(s.table, reportId, 0, { narrative: "Bản cũ" }));
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.message).toMatch(/^Báo cáo vừa được lưu từ nơi khác lúc/);
    expect((await prisma.unitReport.findUniqueOrThrow({ where: { id: reportId } })).narrative).toContain("hoàn thành xuất sắc");
  });

  it("blocks submission with clear messages while anything required is missing", async () => {
    const s = await setup();
    const reportId = await start(s.officer, s.year.id);
    const [c1] = allCriteria(s.table);
    const fields = completeFields(s.table, reportId, 0, { [scoreField(c1!.id)]: "", narrative: "" });
    delete fields[figureField(s.table.keyFigures[2]!.id)];
    await executeCommand(saveReportDraft, s.officer, fields);
    const r = await executeCommand(submitReport, s.head, { reportId, version: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe("Chưa thể gửi báo cáo: còn 4 nội dung chưa hoàn thành. Vui lòng xem các mục được đánh dấu.");
      const evidenceCriterion = allCriteria(s.table).find((c) => c.evidenceRequired && c.section.kind === "SCORED")!;
      expect(r.fieldErrors).toEqual({
        [scoreField(c1!.id)]: ["I.1: chưa tự chấm điểm."],
        [`evidence.${evidenceCriterion.id}`]: ["II.1: cần đính kèm tài liệu minh chứng."],
        [figureField(s.table.keyFigures[2]!.id)]: ['Chưa nhập số liệu "Số lượt cán bộ, chiến sĩ hiến máu tình nguyện".'],
        narrative: ["Chưa có phần báo cáo thuyết minh."],
      });
    }
    expect((await prisma.unitReport.findUniqueOrThrow({ where: { id: reportId } })).status).toBe("DRAFT");
    expect((await prisma.criteriaTable.findUniqueOrThrow({ where: { id: s.table.id } })).frozenAt).toBeNull();
    // The head must approve the version they read.
    const stale = await executeCommand(submitReport, s.head, { reportId, version: 0 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.message).toMatch(/^Báo cáo đã được chỉnh sửa sau khi bạn mở trang/);
  });

  it("enforces the deadline for the first submission; a returned report may be resubmitted after it", async () => {
    const s = await setup();
    const reportId = await draftComplete(s);
    await prisma.emulationYear.update({ where: { id: s.year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, reportDeadline: "2022-11-15" } } });
    const late = await executeCommand(submitReport, s.head, { reportId, version: await version(reportId) });
    expect(late).toEqual({ ok: false, message: "Đã quá hạn nộp báo cáo tổng kết (15/11/2022); không thể gửi. Vui lòng liên hệ Thư ký Cụm." });

    await prisma.emulationYear.update({ where: { id: s.year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, reportDeadline: "2099-11-15" } } });
    expectOk(await executeCommand(submitReport, s.head, { reportId, version: await version(reportId) }));
    // Editing after submission is refused.
    const edit = await executeCommand(saveReportDraft, s.officer, completeFields(s.table, reportId, await version(reportId), { narrative: "Sửa sau khi gửi" }));
    expect(edit).toEqual({ ok: false, message: "Báo cáo đã được gửi; không thể chỉnh sửa." });
    const ev = allCriteria(s.table).find((c) => c.evidenceRequired && c.section.kind === "SCORED")!;
    expect(await executeCommand(uploadEvidence, s.officer, { reportId, criterionId: ev.id, file: pdfFile("them.pdf") })).toEqual({
      ok: false,
      message: "Báo cáo đã được gửi; không thể chỉnh sửa.",
    });

    // Returned with a reason (a too-short reason is refused), fixed, resubmitted after the deadline.
    expect(await executeCommand(returnReport, s.secretariat, { reportId, reason: "Thiếu" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Lý do trả lại cần nêu rõ (ít nhất 10 ký tự)."] },
    });
    const returned = await executeCommand(returnReport, s.secretariat, { reportId, reason: "Đề nghị giải trình rõ kết quả tiêu chí II.1 và bổ sung số liệu." });
    expectOk(returned);
    const asSecretariat = await getReport(s.secretariat, reportId);
    expect(asSecretariat.content).toBe("last-submitted");
    expect(asSecretariat.can.review).toBe(false);
    await prisma.emulationYear.update({ where: { id: s.year.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, reportDeadline: "2022-11-15" } } });
    const c = allCriteria(s.table)[5]!; // II.1
    const fixed = await executeCommand(saveReportDraft, s.officer, completeFields(s.table, reportId, await version(reportId), { [explainField(c.id)]: "Đã hoàn thành 100% chỉ tiêu; chi tiết tại phụ lục 1." }));
    expectOk(fixed);
    expect(await executeCommand(submitReport, s.head, { reportId, version: await version(reportId) })).toMatchObject({
      ok: true,
      message: "Đã duyệt và gửi lại báo cáo tổng kết năm 2022 đến Thư ký Cụm.",
    });
    expectOk(await executeCommand(acceptReport, s.secretariat, { reportId }));

    const page = await getReport(s.officer, reportId);
    expect(page.report).toMatchObject({ status: "ACCEPTED", submissionCount: 2, returnReason: null });
    expect(page.events.map((e) => [e.kind, e.reason])).toEqual([
      ["SUBMITTED", null],
      ["RETURNED", "Đề nghị giải trình rõ kết quả tiêu chí II.1 và bổ sung số liệu."],
      ["SUBMITTED", null],
      ["ACCEPTED", null],
    ]);
    const snapshots = await prisma.reportEvent.findMany({ where: { reportId, kind: "SUBMITTED" }, orderBy: { at: "asc" } });
    const explanationOf = (snap: unknown) => (snap as { scores: { criterionId: string; explanation: string }[] }).scores.find((x) => x.criterionId === c.id)!.explanation;
    expect(explanationOf(snapshots[0]!.snapshot)).toContain("Kết quả thực hiện tiêu chí");
    expect(explanationOf(snapshots[1]!.snapshot)).toBe("Đã hoàn thành 100% chỉ tiêu; chi tiết tại phụ lục 1.");
    expect(await prisma.auditLog.count({ where: { action: "report.return" } })).toBe(1);
  });

  it("refuses every write in a closed year", async () => {
    const s = await setup();
    const reportId = await draftComplete(s);
    await prisma.emulationYear.update({ where: { id: s.year.id }, data: { phase: "CLOSED" } });
    expect(await executeCommand(saveReportDraft, s.officer, completeFields(s.table, reportId, await version(reportId)))).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await executeCommand(submitReport, s.head, { reportId, version: await version(reportId) })).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
    expect(await executeCommand(startReport, s.officer, { yearId: s.year.id, kind: "MIDYEAR" })).toEqual({ ok: false, message: YEAR_CLOSED_MESSAGE });
  });

  it("evidence: PDF/PNG/JPEG by content, size-limited, only while editable, served only to those allowed", async () => {
    const s = await setup();
    const reportId = await start(s.officer, s.year.id);
    const ev = allCriteria(s.table).find((c) => c.evidenceRequired && c.section.kind === "SCORED")!;
    const html = new TextEncoder().encode("<html><body><script>alert(1)</script></body></html>");
    const disguised = await executeCommand(uploadEvidence, s.officer, { reportId, criterionId: ev.id, file: pdfFile("bao-cao.pdf", html) });
    expect(disguised).toMatchObject({ ok: false, fieldErrors: { file: ['Tệp "bao-cao.pdf" không phải PDF, PNG hoặc JPEG. Tệp PDF, PNG hoặc JPEG, tối đa 5 MB mỗi tệp.'] } });
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(PDF.subarray(0, 8));
    const tooBig = await executeCommand(uploadEvidence, s.officer, { reportId, criterionId: ev.id, file: pdfFile("lon.pdf", big) });
    expect(tooBig).toMatchObject({ ok: false, fieldErrors: { file: ['Tệp "lon.pdf" có dung lượng 5,0 MB, vượt quá giới hạn 5 MB.'] } });
    const otherUnit = await executeCommand(uploadEvidence, s.anmOfficer, { reportId, criterionId: ev.id, file: pdfFile() });
    expect(otherUnit).toEqual({ ok: false, message: NOT_FOUND });
    expect(await prisma.evidenceFile.count()).toBe(0);

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const ok = await executeCommand(uploadEvidence, s.officer, { reportId, criterionId: ev.id, file: pdfFile("Ảnh hội nghị.png", png, "image/png") });
    expect(ok).toMatchObject({ ok: true, data: { version: 1, file: { fileName: "Ảnh hội nghị.png", contentType: "image/png", size: 11 } } });
    const stored = await prisma.evidenceFile.findFirstOrThrow();
    expect(Buffer.from(stored.data).equals(Buffer.from(png))).toBe(true);
    expect((await evidenceForDownload(s.head, stored.id)).contentType).toBe("image/png");
    await expectNotFound(evidenceForDownload(s.anmHead, stored.id));

    expect(await executeCommand(deleteEvidence, s.anmOfficer, { fileId: stored.id })).toEqual({ ok: false, message: NOT_FOUND });
    expect(await executeCommand(deleteEvidence, s.officer, { fileId: stored.id })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await prisma.evidenceFile.count()).toBe(0);
  });

  it("the mid-year review uses the same mechanism with the short form", async () => {
    const s = await setup();
    const reportId = await start(s.officer, s.year.id, "MIDYEAR");
    const short = formFor(s.table, "MIDYEAR");
    const fields: Record<string, string> = { reportId, version: "0", narrative: "Sơ kết 6 tháng đầu năm 2022." };
    for (const c of allCriteria(short)) {
      fields[scoreField(c.id)] = "2";
      fields[explainField(c.id)] = "Tiến độ đạt kế hoạch.";
    }
    for (const f of short.keyFigures) fields[figureField(f.id)] = "10";
    expectOk(await executeCommand(saveReportDraft, s.officer, fields));
    // No evidence is needed at mid-year, and criteria outside the short form are not asked for.
    expect(await executeCommand(submitReport, s.head, { reportId, version: 1 })).toMatchObject({ ok: true, message: "Đã duyệt và gửi báo cáo sơ kết 6 tháng năm 2022 đến Thư ký Cụm." });
    expect(await prisma.reportScore.count({ where: { reportId } })).toBe(allCriteria(short).length);
    // Its deadline is the mid-year one (none by default), and it freezes the table like any report.
    expect((await prisma.criteriaTable.findUniqueOrThrow({ where: { id: s.table.id } })).frozenAt).not.toBeNull();
  });

  it("a report cannot be started before the table is published, nor for another cluster's year", async () => {
    const s = await setup({ table: "none" });
    expect(await executeCommand(startReport, s.officer, { yearId: s.year.id, kind: "YEAR_END" })).toEqual({
      ok: false,
      message: "Bảng tiêu chí của năm này chưa được công bố. Chưa thể soạn báo cáo năm 2022.",
    });
    const other = await makeCluster("Cụm thi đua số 5");
    const otherYear = await prisma.emulationYear.create({ data: { clusterId: other.id, year: 2022, settings: DEFAULT_YEAR_SETTINGS } });
    expect(await executeCommand(startReport, s.officer, { yearId: otherYear.id, kind: "YEAR_END" })).toEqual({ ok: false, message: NOT_FOUND });
  });
});
