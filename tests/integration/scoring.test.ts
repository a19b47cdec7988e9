// Cross-scoring, final scores and the ranking on a real database: assignment fairness, scorers see only
// their assigned reports and nobody else's scores before the round closes, bad scores refused, the
// round's states, finalisation and the ranking with its tie-break; the 2021 demo results.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { allCriteria, explainField, figureField, scoreField, type CriteriaTableDef } from "@/domain/scoring";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { acceptReport, saveReportDraft, startReport, submitReport, uploadEvidence } from "@/server/commands/reports";
import {
  applySuggestedFinals,
  closeScoringRound,
  crossNoteField,
  crossScoreField,
  finalField,
  finaliseScoringRound,
  openScoringRound,
  reopenScoringRound,
  saveCrossScores,
  setFinalScores,
  submitCrossScores,
} from "@/server/commands/scoring";
import { evidenceForDownload, getReport } from "@/server/queries/reports";
import { crossSheet, finalScoresOf, myAssignments, scoresMatrix, scoringOverview, yearRanking } from "@/server/queries/scoring";
import { CRITERIA_2022, insertCriteriaTable, seedCriteria } from "@/server/seed/criteria-2022";
import { expectNotFound, expectOk, expectRefused, runOk } from "../support/action-result";
import { advanceYearTo, makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

const NAMES = ["Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến", "Cục Quản lý xuất nhập cảnh"];

type Member = { unitId: string; name: string; officer: Actor; head: Actor; reportId?: string };

async function setup(unitCount = 4) {
  const cluster = await makeCluster("Cụm thi đua số 2");
  const year = await prisma.emulationYear.create({
    // Reports are written in the reporting phase; each test moves the year on to scoring before the round.
    data: { clusterId: cluster.id, year: 2022, phase: "REPORTING", settings: { ...DEFAULT_YEAR_SETTINGS, reportDeadline: "2099-11-15" } },
  });
  const table = await prisma.$transaction((tx) => insertCriteriaTable(tx, year.id, CRITERIA_2022, { publishedAt: new Date() }));
  const members: Member[] = [];
  for (const name of NAMES.slice(0, unitCount)) {
    const unit = await makeUnit(cluster.id, name);
    members.push({
      unitId: unit.id,
      name,
      officer: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id }),
      head: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unit.id }),
    });
  }
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  await prisma.emulationYear.update({ where: { id: year.id }, data: { chairUnitId: members[1]!.unitId } });
  const chairHead: Actor = { ...members[1]!.head, chairOfClusterIds: [cluster.id] };
  return { cluster, year, table, members, secretariat, chairHead };
}

/** Every scored criterion at `score(c)` half-points, with explanations, figures and narrative. */
function reportFields(table: CriteriaTableDef, reportId: string, version: number, score: (c: { maxHalf: number; index: number }) => number) {
  const fields: Record<string, string> = { reportId, version: String(version), narrative: "Báo cáo tổng kết năm 2022." };
  allCriteria(table).forEach((c, index) => {
    if (c.section.kind !== "SCORED") return;
    fields[scoreField(c.id)] = String(score({ maxHalf: c.maxHalf, index }) / 2).replace(".", ",");
    fields[explainField(c.id)] = "Kết quả thực hiện.";
  });
  for (const f of table.keyFigures) fields[figureField(f.id)] = "100";
  return fields;
}

async function submitAndAccept(s: Awaited<ReturnType<typeof setup>>, m: Member, score: (c: { maxHalf: number; index: number }) => number, opts: { accept?: boolean } = {}) {
  const { id: reportId } = await runOk(startReport, m.officer, { yearId: s.year.id, kind: "YEAR_END" });
  expectOk(await executeCommand(saveReportDraft, m.officer, reportFields(s.table, reportId, 0, score)));
  const ev = allCriteria(s.table).find((c) => c.evidenceRequired && c.section.kind === "SCORED")!;
  await executeCommand(uploadEvidence, m.officer, { reportId, criterionId: ev.id, file: new File([PDF], "mc.pdf", { type: "application/pdf" }) });
  expectOk(await executeCommand(submitReport, m.head, { reportId, version: 2 }));
  if (opts.accept !== false) expect(await executeCommand(acceptReport, s.secretariat, { reportId })).toMatchObject({ ok: true });
  m.reportId = reportId;
  return reportId;
}

/** A full sheet: every criterion of the table scored by `score`. */
function sheetFields(table: CriteriaTableDef, assignmentId: string, version: number, score: (c: { maxHalf: number; kind: string }) => number | "") {
  const fields: Record<string, string> = { assignmentId, version: String(version) };
  for (const c of allCriteria(table)) {
    const v = score({ maxHalf: c.maxHalf, kind: c.section.kind });
    fields[crossScoreField(c.id)] = v === "" ? "" : String(v / 2).replace(".", ",");
  }
  return fields;
}

async function assignmentsOf(roundId: string) {
  return prisma.crossAssignment.findMany({ where: { roundId }, select: { id: true, reportId: true, scorerUnitId: true, draftVersion: true } });
}

describe("cross-scoring round", () => {
  beforeEach(resetDatabase);

  it("opens only when no report awaits review, with a fair assignment that never lets a unit score itself", async () => {
    const s = await setup(4);
    for (const m of s.members.slice(0, 3)) await submitAndAccept(s, m, (c) => c.maxHalf - 1);
    await submitAndAccept(s, s.members[3]!, (c) => c.maxHalf, { accept: false });

    await advanceYearTo(s.secretariat, s.year.id, "SCORING");
    expect(await executeCommand(openScoringRound, s.members[0]!.officer, { yearId: s.year.id, scorersPerReport: "2" })).toEqual({ ok: false, message: NOT_FOUND });
    const pending = await executeCommand(openScoringRound, s.secretariat, { yearId: s.year.id, scorersPerReport: "2" });
    expect(pending).toEqual({
      ok: false,
      message: "Còn 1 báo cáo đang chờ xem xét (Cục Quản lý xuất nhập cảnh). Vui lòng chấp nhận hoặc trả lại trước khi mở vòng chấm chéo.",
    });
    await executeCommand(acceptReport, s.secretariat, { reportId: s.members[3]!.reportId! });
    const tooMany = await executeCommand(openScoringRound, s.secretariat, { yearId: s.year.id, scorersPerReport: "4" });
    expect(tooMany).toMatchObject({
      ok: false,
      fieldErrors: { scorersPerReport: ["Với 4 đơn vị tham gia, mỗi báo cáo chỉ có thể có tối đa 3 đơn vị chấm chéo (đơn vị không tự chấm báo cáo của mình)."] },
    });
    const opened = await executeCommand(openScoringRound, s.secretariat, { yearId: s.year.id, scorersPerReport: "2" });
    expect(opened).toMatchObject({ ok: true, message: "Đã mở vòng chấm chéo năm 2022: 4 đơn vị, mỗi báo cáo 2 đơn vị chấm." });
    const { id: roundId } = expectOk(opened);
    const assignments = await assignmentsOf(roundId);
    expect(assignments).toHaveLength(8);
    const unitOfReport = new Map(s.members.map((m) => [m.reportId!, m.unitId]));
    for (const a of assignments) expect(a.scorerUnitId).not.toBe(unitOfReport.get(a.reportId));
    for (const m of s.members) {
      expect(assignments.filter((a) => a.reportId === m.reportId)).toHaveLength(2);
      expect(assignments.filter((a) => a.scorerUnitId === m.unitId)).toHaveLength(2);
    }
    // The seed is stored, so the assignment can be reproduced; a second round for the year is refused.
    expect((await prisma.scoringRound.findUniqueOrThrow({ where: { id: roundId } })).seed).toBeGreaterThan(0);
    expectRefused(await executeCommand(openScoringRound, s.secretariat, { yearId: s.year.id, scorersPerReport: "1" }), "Năm thi đua này đã có vòng chấm chéo.");
  });

  it("a scorer sees and scores only its assigned reports, never others' scores before the round closes", async () => {
    const s = await setup(3);
    for (const m of s.members) await submitAndAccept(s, m, (c) => c.maxHalf - 1);
    await advanceYearTo(s.secretariat, s.year.id, "SCORING");
    const opened = await executeCommand(openScoringRound, s.secretariat, { yearId: s.year.id, scorersPerReport: "1" });
    const { id: roundId } = expectOk(opened);
    const assignments = await assignmentsOf(roundId);
    const [a, b] = s.members;
    const mine = assignments.find((x) => x.scorerUnitId === a!.unitId)!;
    const notMine = assignments.find((x) => x.scorerUnitId !== a!.unitId)!;

    const list = await myAssignments(a!.officer);
    expect(list.assignments.map((x) => x.id)).toEqual([mine.id]);
    await expectNotFound(crossSheet(a!.officer, notMine.id));
    await expectNotFound(crossSheet(s.secretariat, mine.id));
    // The report it scores: its evidence is open to the scoring unit; other reports' evidence is not.
    const scoredReport = await prisma.evidenceFile.findFirstOrThrow({ where: { reportId: mine.reportId } });
    expect((await evidenceForDownload(a!.head, scoredReport.id)).contentType).toBe("application/pdf");
    const unassigned = s.members.map((m) => m.reportId!).find((id) => id !== a!.reportId && id !== mine.reportId)!;
    const unassignedFile = await prisma.evidenceFile.findFirstOrThrow({ where: { reportId: unassigned } });
    await expectNotFound(evidenceForDownload(a!.officer, unassignedFile.id));
    // Scores on another unit's sheet are refused.
    expect(await executeCommand(saveCrossScores, a!.officer, sheetFields(s.table, notMine.id, 0, (c) => c.maxHalf))).toEqual({ ok: false, message: NOT_FOUND });

    // Above the max or negative: refused, nothing saved.
    const first = allCriteria(s.table)[0]!;
    const bad = await executeCommand(saveCrossScores, a!.officer, { ...sheetFields(s.table, mine.id, 0, (c) => c.maxHalf), [crossScoreField(first.id)]: "9", [crossNoteField(first.id)]: "x" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { [crossScoreField(first.id)]: ["I.1: Điểm không được vượt quá điểm tối đa (4)."] } });
    const negative = await executeCommand(saveCrossScores, a!.officer, { ...sheetFields(s.table, mine.id, 0, (c) => c.maxHalf), [crossScoreField(first.id)]: "-2" });
    expect(negative).toMatchObject({ ok: false, fieldErrors: { [crossScoreField(first.id)]: ["I.1: Điểm không được âm."] } });
    expect(await prisma.crossScore.count()).toBe(0);

    // Every sheet scored and submitted (bonus/penalty left empty count as 0).
    for (const x of assignments) {
      const scorer = s.members.find((m) => m.unitId === x.scorerUnitId)!;
      const saved = await executeCommand(saveCrossScores, scorer.officer, sheetFields(s.table, x.id, 0, (c) => (c.kind === "SCORED" ? c.maxHalf - 2 : "")));
      expect(saved).toMatchObject({ ok: true, data: { version: 1 } });
    }
    const sheetOpen = await crossSheet(a!.officer, mine.id);
    expect(sheetOpen.averages).toEqual({});
    expect(sheetOpen.canScore).toBe(true);
    // Submitting requires every scored criterion; the version must be the one on screen.
    const partial = await executeCommand(saveCrossScores, a!.officer, { ...sheetFields(s.table, mine.id, 1, (c) => (c.kind === "SCORED" ? c.maxHalf - 2 : "")), [crossScoreField(first.id)]: "" });
    expectOk(partial);
    expect(await executeCommand(submitCrossScores, a!.officer, { assignmentId: mine.id, version: 2 })).toMatchObject({
      ok: false,
      message: "Chưa thể nộp phiếu chấm: còn 1 tiêu chí chưa chấm hoặc chưa hợp lệ (I.1: chưa chấm điểm.).",
    });
    await executeCommand(saveCrossScores, a!.officer, sheetFields(s.table, mine.id, 2, (c) => (c.kind === "SCORED" ? c.maxHalf - 2 : "")));
    for (const x of await assignmentsOf(roundId)) {
      const scorer = s.members.find((m) => m.unitId === x.scorerUnitId)!;
      expectOk(await executeCommand(submitCrossScores, scorer.officer, { assignmentId: x.id, version: x.draftVersion }));
    }
    expect(await executeCommand(saveCrossScores, a!.officer, sheetFields(s.table, mine.id, 3, (c) => c.maxHalf))).toEqual({ ok: false, message: "Phiếu chấm đã được nộp; không thể sửa." });
    // Still open: the secretariat's overview shows progress, but no cross totals yet.
    const overview = await scoringOverview(s.secretariat, s.year.id);
    expect(overview.rows.every((r) => r.crossAverageHalf === null)).toBe(true);
    expect(overview.assignments.every((x) => x.submittedAt)).toBe(true);
    // Scores stay sealed until the round closes, for the secretariat too.
    const sealed = await finalScoresOf(s.secretariat, mine.reportId);
    expect(sealed.rows.every((r) => Object.keys(r.cross).length === 0 && r.averageHalf === null && r.suggestedHalf === null)).toBe(true);
    expect(sealed.canEdit).toBe(false);

    expectOk(await executeCommand(closeScoringRound, s.secretariat, { roundId }));
    const sheetClosed = await crossSheet(a!.officer, mine.id);
    expect(sheetClosed.canScore).toBe(false);
    expect(sheetClosed.averages[first.id]).toBe(first.maxHalf - 2);
    // Bonus items left empty were stored as 0 at submission.
    const bonus = allCriteria(s.table).find((c) => c.section.kind === "BONUS")!;
    expect(sheetClosed.own[bonus.id]).toEqual({ half: 0, note: null });
    // Nothing can be scored after the round closed.
    expect(await executeCommand(saveCrossScores, b!.officer, sheetFields(s.table, assignments.find((x) => x.scorerUnitId === b!.unitId)!.id, 3, (c) => c.maxHalf))).toMatchObject({ ok: false });
  });

  it("closing with unsubmitted sheets needs an explicit choice; the round can be reopened before finalising", async () => {
    const s = await setup(3);
    for (const m of s.members) await submitAndAccept(s, m, (c) => c.maxHalf);
    await advanceYearTo(s.secretariat, s.year.id, "SCORING");
    const { id: roundId } = await runOk(openScoringRound, s.secretariat, { yearId: s.year.id, scorersPerReport: "2" });
    const r = await executeCommand(closeScoringRound, s.secretariat, { roundId });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.force?.[0]).toMatch(/^Còn 6 phiếu chấm chưa nộp \(.+ chấm .+\)\./);
    expect(await executeCommand(closeScoringRound, s.secretariat, { roundId, force: "on" })).toMatchObject({ ok: true, message: "Đã đóng vòng chấm chéo năm 2022; 6 phiếu chưa nộp không được tính." });
    expectOk(await executeCommand(reopenScoringRound, s.secretariat, { roundId }));
    expect((await prisma.scoringRound.findUniqueOrThrow({ where: { id: roundId } })).state).toBe("OPEN");
  });

  it("the secretariat fixes final scores side by side, finalises, and the ranking breaks a tie by the first section", async () => {
    const s = await setup(3);
    const [anm, ktnv, nt] = s.members;
    // KTNV and NT end equal in total; KTNV is higher in section I (full marks), NT higher elsewhere.
    await submitAndAccept(s, anm!, (c) => c.maxHalf);
    await submitAndAccept(s, ktnv!, (c) => c.maxHalf - 1);
    await submitAndAccept(s, nt!, (c) => c.maxHalf - 1);
    await advanceYearTo(s.secretariat, s.year.id, "SCORING");
    const { id: roundId } = await runOk(openScoringRound, s.secretariat, { yearId: s.year.id, scorersPerReport: "2" });
    for (const x of await assignmentsOf(roundId)) {
      const scorer = s.members.find((m) => m.unitId === x.scorerUnitId)!;
      const report = s.members.find((m) => m.reportId === x.reportId)!;
      // One scorer of ANM is harsh on I.1 (a big difference to highlight).
      const harsh = report === anm && scorer === ktnv;
      const fields = sheetFields(s.table, x.id, 0, (c) => (c.kind === "SCORED" ? c.maxHalf - (report === anm ? 0 : 1) : ""));
      if (harsh) fields[crossScoreField(allCriteria(s.table)[0]!.id)] = "1";
      await executeCommand(saveCrossScores, scorer.officer, fields);
      expectOk(await executeCommand(submitCrossScores, scorer.officer, { assignmentId: x.id, version: 1 }));
    }
    expectRefused(await executeCommand(finaliseScoringRound, s.secretariat, { roundId }), "Vòng chấm chéo đang mở; chưa thể thực hiện thao tác này.");
    await executeCommand(closeScoringRound, s.secretariat, { roundId });

    const side = await finalScoresOf(s.secretariat, anm!.reportId!);
    const first = side.rows[0]!;
    expect(first).toMatchObject({ selfHalf: 8, averageHalf: 5, suggestedHalf: 5 });
    expect(first.differences).toMatchObject({ bigSelfVsCross: true, bigSpread: true, big: true });
    expect(side.rows[1]!.differences.big).toBe(false);
    expect(Object.keys(first.cross).sort()).toEqual([ktnv!.unitId, nt!.unitId].sort());
    await expectNotFound(finalScoresOf(anm!.officer, anm!.reportId!));

    expect(await executeCommand(finaliseScoringRound, s.secretariat, { roundId })).toMatchObject({ ok: false });
    // The secretariat decides I.1 of ANM itself (refusing a score above the max), then takes the suggestions for the rest.
    expect(await executeCommand(setFinalScores, s.secretariat, { reportId: anm!.reportId!, [finalField(first.criterionId)]: "5" })).toMatchObject({
      ok: false,
      fieldErrors: { [finalField(first.criterionId)]: ["I.1: Điểm không được vượt quá điểm tối đa (4)."] },
    });
    expectOk(await executeCommand(setFinalScores, s.secretariat, { reportId: anm!.reportId!, [finalField(first.criterionId)]: "4", [`finalNote.${first.criterionId}`]: "Đã đối chiếu minh chứng." }));
    expect(await executeCommand(setFinalScores, anm!.officer, { reportId: anm!.reportId! })).toEqual({ ok: false, message: NOT_FOUND });
    expectOk(await executeCommand(applySuggestedFinals, s.secretariat, { roundId }));
    expect((await prisma.reportScore.findUniqueOrThrow({ where: { reportId_criterionId: { reportId: anm!.reportId!, criterionId: first.criterionId } } })).finalHalf).toBe(8);

    // Make KTNV and NT equal in total, KTNV higher in section I: move half a point from II.1 to I.1.
    const c11 = allCriteria(s.table)[0]!;
    const c21 = allCriteria(s.table)[5]!;
    expectOk(await executeCommand(setFinalScores, s.secretariat, { reportId: ktnv!.reportId!, ...finalsOf(await currentFinals(ktnv!.reportId!), { [c11.id]: c11.maxHalf, [c21.id]: c21.maxHalf - 2 }) }));
    expectOk(await executeCommand(finaliseScoringRound, s.secretariat, { roundId }));

    const ranking = await yearRanking(s.secretariat, s.year.id);
    expect(ranking.rows.map((r) => [r.unitName, r.rank, r.shared])).toEqual([
      [anm!.name, 1, false],
      [ktnv!.name, 2, false],
      [nt!.name, 3, false],
    ]);
    expect(ranking.rows[1]!.totalHalf).toBe(ranking.rows[2]!.totalHalf);
    expect(ranking.rows[1]!.tieNote).toBe(`Bằng tổng điểm với ${nt!.name}; xếp trên vì điểm mục I cao hơn (18 so với 17,5).`);
    const stored = await prisma.unitReport.findMany({ where: { id: { in: s.members.map((m) => m.reportId!) } }, select: { unitId: true, finalRank: true } });
    expect(Object.fromEntries(stored.map((r) => [r.unitId, r.finalRank]))).toEqual({ [anm!.unitId]: 1, [ktnv!.unitId]: 2, [nt!.unitId]: 3 });
    // Finalised: no more changes; the unit sees its final total and rank on its report.
    expectRefused(await executeCommand(setFinalScores, s.secretariat, { reportId: anm!.reportId! }), "Kết quả chấm điểm đã được chốt; không thể thay đổi.");
    const own = await getReport(ktnv!.officer, ktnv!.reportId!);
    expect(own.report.finalRank).toBe(2);
    expect(own.can.seeFinal).toBe(true);

    // Who sees the ranking: the secretariat and the chair unit's head; not unit officers or other heads.
    expect((await yearRanking(s.chairHead, s.year.id)).rows).toHaveLength(3);
    await expectNotFound(yearRanking(anm!.officer, s.year.id));
    await expectNotFound(yearRanking(anm!.head, s.year.id));

    const matrix = await scoresMatrix(s.secretariat, s.year.id);
    expect(matrix.units.map((u) => u.rank).sort()).toEqual([1, 2, 3]);
    await expectNotFound(scoresMatrix(ktnv!.officer, s.year.id));
  });
});

async function currentFinals(reportId: string) {
  const rows = await prisma.reportScore.findMany({ where: { reportId }, select: { criterionId: true, finalHalf: true } });
  return Object.fromEntries(rows.map((r) => [r.criterionId, r.finalHalf]));
}

function finalsOf(current: Record<string, number | null>, change: Record<string, number>) {
  const all = { ...current, ...change };
  return Object.fromEntries(Object.entries(all).map(([id, h]) => [finalField(id), h === null ? "" : String(h / 2).replace(".", ",")]));
}

describe("demo results of 2021", () => {
  beforeEach(resetDatabase);

  it("rank Cục An ninh mạng first and Cục Kỹ thuật nghiệp vụ second, from accepted reports and a finalised round", async () => {
    const cluster = await makeCluster("Cụm thi đua số 2");
    const codes = { ANM: NAMES[0]!, KTNV: NAMES[1]!, NT: NAMES[2]!, QLXNC: NAMES[3]!, BTLCV: "Bộ Tư lệnh Cảnh vệ" };
    const unitIds: Record<string, string> = {};
    for (const [code, name] of Object.entries(codes)) unitIds[code] = (await makeUnit(cluster.id, name)).id;
    const y2021 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "CLOSED", chairUnitId: unitIds.ANM, settings: DEFAULT_YEAR_SETTINGS } });
    const y2022 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", chairUnitId: unitIds.KTNV, settings: DEFAULT_YEAR_SETTINGS } });
    const { summary } = await prisma.$transaction((tx) => seedCriteria(tx, { year2021Id: y2021.id, year2022Id: y2022.id, unitIds }), { timeout: 60_000 });
    expect(summary).toContain("1. ANM");
    const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    const ranking = await yearRanking(secretariat, y2021.id);
    expect(ranking.round?.state).toBe("FINALISED");
    expect(ranking.rows.slice(0, 2).map((r) => [r.rank, r.unitName])).toEqual([
      [1, codes.ANM],
      [2, codes.KTNV],
    ]);
    expect(ranking.rows).toHaveLength(5);
    // Every report was accepted, every cross sheet submitted, each report scored by two other units.
    expect(await prisma.unitReport.count({ where: { emulationYearId: y2021.id, status: "ACCEPTED" } })).toBe(5);
    const assignments = await prisma.crossAssignment.findMany({ include: { report: true } });
    expect(assignments).toHaveLength(10);
    expect(assignments.every((a) => a.submittedAt && a.scorerUnitId !== a.report.unitId)).toBe(true);
    // The 2022 table is published, not frozen, and has no reports yet.
    const t2022 = await prisma.criteriaTable.findUniqueOrThrow({ where: { emulationYearId: y2022.id } });
    expect(t2022).toMatchObject({ frozenAt: null, copiedFromYear: 2021 });
    expect(t2022.publishedAt).not.toBeNull();
    // The returned-then-resubmitted report keeps its history.
    const btlcv = await prisma.unitReport.findFirstOrThrow({ where: { unitId: unitIds.BTLCV }, include: { events: { orderBy: { at: "asc" } } } });
    expect(btlcv.events.map((e) => e.kind)).toEqual(["SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED"]);
    // The stored final totals match the ranking.
    const stored = await prisma.unitReport.findMany({ where: { emulationYearId: y2021.id }, select: { unitId: true, finalRank: true, finalTotalHalf: true } });
    for (const row of ranking.rows) expect(stored.find((x) => x.unitId === row.unitId)).toMatchObject({ finalRank: row.rank, finalTotalHalf: row.totalHalf });
  });
});
