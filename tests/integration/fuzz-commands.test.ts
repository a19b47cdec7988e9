// Attack tests on the real database: every command run through executeCommand with an allowed actor and
// a valid input whose fields are replaced by hostile values (very long strings, Unicode tricks, SQL and
// HTML payloads, wrong types, malformed dates and ids). Each case ends in { ok: true } or a refusal
// with a user message, never the system error, never a throw; a refusal writes nothing (every table
// compared by row count and content hash); an acceptance stores the text as the schema normalised it.
// Also fuzzed: login (checkLogin, what the credentials provider calls), the Excel import and evidence
// and agreement uploads. FUZZ_RUNS=<n> soaks longer, FUZZ_SEED=<n> replays or varies.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { allCriteria, explainField, figureField, scoreField } from "@/domain/scoring";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { checkLogin, credentialText } from "@/server/auth/login";
import { hashPassword } from "@/server/auth/password";
import { executeCommand, type ActionResult, type Command } from "@/server/commands/command";
import { acceptReport, saveReportDraft, startReport, submitReport, uploadEvidence } from "@/server/commands/reports";
import { importUploadedFile } from "@/server/commands/results";
import { openScoringRound } from "@/server/commands/scoring";
import { addDiscipline } from "@/server/commands/results";
import { createRound, openRound } from "@/server/commands/votes";
import { CRITERIA_2022, insertCriteriaTable } from "@/server/seed/criteria-2022";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { fuzzParams, fuzzRuns, hostileString, hostileValue, mutatedInput, unstorable } from "../fuzz/hostile";
import { allCommands } from "../fuzz/schemas";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

const SYSTEM_ERROR = "Đã có lỗi hệ thống";
const RUNS = fuzzRuns(25);
// Shrinking a failure replays many cases, each with two snapshots: room to print the counterexample.
const FUZZ_TIMEOUT = 60_000 + RUNS * 2_000;
const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
const UNIT_NAMES = ["Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến", "Cục Quản lý xuất nhập cảnh"];

type AnyCommand = Command<unknown, unknown>;
const run = (command: AnyCommand, actor: Actor, input: unknown) => executeCommand(command, actor, input);

async function ok<T>(promise: Promise<ActionResult<T>>): Promise<T> {
  const r = await promise;
  if (!r.ok) throw new Error(`setup refused: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.data as T;
}

/** A cluster-year far enough along that every command can reach its run(). */
async function buildWorld() {
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster("Cụm thi đua số 2");
  const year = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings: { ...DEFAULT_YEAR_SETTINGS, reportDeadline: "2099-11-15" } },
  });
  const table = await prisma.$transaction((tx) => insertCriteriaTable(tx, year.id, CRITERIA_2022, { publishedAt: new Date() }));
  // A later year without a criteria table, for the criteria-table commands.
  const year2023 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2023, phase: "REGISTRATION", settings: DEFAULT_YEAR_SETTINGS } });
  const members = [];
  for (const name of UNIT_NAMES) {
    const unit = await makeUnit(cluster.id, name);
    members.push({
      unit,
      officer: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id }),
      head: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unit.id }),
      people: [await makeOfficer(unit.id, "Nguyễn Văn An"), await makeOfficer(unit.id, "Trần Thị Bình")],
    });
  }
  const [a, b, c, d] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0], (typeof members)[0]];
  const subUnit = await makeUnit(cluster.id, "Phòng Tham mưu", a.unit.id);
  await prisma.emulationYear.update({ where: { id: year.id }, data: { chairUnitId: b.unit.id, deputyUnitId: c.unit.id } });
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  const admin = await makeActor("ADMIN");
  const spareUser = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: b.unit.id });

  // Reports: A, B and C submitted and accepted; D keeps a draft with one evidence file.
  const reportOf = new Map<string, string>();
  for (const m of [a, b, c]) {
    const { id } = await ok(run(startReport as AnyCommand, m.officer, { yearId: year.id, kind: "YEAR_END" })) as { id: string };
    const fields: Record<string, string> = { reportId: id, version: "0", narrative: "Báo cáo tổng kết năm 2022." };
    for (const cr of allCriteria(table)) {
      if (cr.section.kind !== "SCORED") continue;
      fields[scoreField(cr.id)] = String((cr.maxHalf - 1) / 2).replace(".", ",");
      fields[explainField(cr.id)] = "Kết quả thực hiện.";
    }
    for (const f of table.keyFigures) fields[figureField(f.id)] = "100";
    await ok(run(saveReportDraft as AnyCommand, m.officer, fields));
    const ev = allCriteria(table).find((cr) => cr.evidenceRequired && cr.section.kind === "SCORED")!;
    await ok(run(uploadEvidence as AnyCommand, m.officer, { reportId: id, criterionId: ev.id, file: new File([PDF], "mc.pdf", { type: "application/pdf" }) }));
    await ok(run(submitReport as AnyCommand, m.head, { reportId: id, version: 2 }));
    await ok(run(acceptReport as AnyCommand, secretariat, { reportId: id }));
    reportOf.set(m.unit.id, id);
  }
  const { id: draftReportId } = await ok(run(startReport as AnyCommand, d.officer, { yearId: year.id, kind: "YEAR_END" })) as { id: string };
  const evidenceCriterion = allCriteria(table).find((cr) => cr.evidenceRequired && cr.section.kind === "SCORED")!;
  await ok(run(uploadEvidence as AnyCommand, d.officer, { reportId: draftReportId, criterionId: evidenceCriterion.id, file: new File([PDF], "mc.pdf", { type: "application/pdf" }) }));
  const evidence = await prisma.evidenceFile.findFirstOrThrow({ where: { reportId: draftReportId } });

  // Cross-scoring: one scorer per report.
  const { id: scoringRoundId } = await ok(run(openScoringRound as AnyCommand, secretariat, { yearId: year.id, scorersPerReport: "1" })) as { id: string };
  const assignment = await prisma.crossAssignment.findFirstOrThrow({ where: { roundId: scoringRoundId, scorerUnitId: a.unit.id } });

  // Conference: a draft round and an open one.
  const boxes = (ids: string[]) => Object.fromEntries(ids.map((id) => [`unit_${id}`, "on"]));
  const { id: draftRoundId } = await ok(run(createRound as AnyCommand, secretariat, { yearId: year.id, kind: "ACCLAIM", title: "Suy tôn", titleCode: "CO_BCA", seats: "1", ...boxes([a.unit.id, b.unit.id]) })) as { id: string };
  const { id: openRoundId } = await ok(run(createRound as AnyCommand, secretariat, { yearId: year.id, kind: "ACCLAIM", title: "Bình xét", titleCode: "DV_QUYET_THANG", seats: "2", ...boxes([a.unit.id, c.unit.id]) })) as { id: string };
  await ok(run(openRound as AnyCommand, secretariat, { roundId: openRoundId }));
  const candidates = await prisma.voteCandidate.findMany({ where: { roundId: openRoundId } });

  await ok(run(addDiscipline as AnyCommand, a.officer, { officerId: a.people[0]!.id, form: "KHIEN_TRACH", status: "PENDING", fromDate: "01/03/2022", note: "Vi phạm điều lệnh" }));
  const discipline = await prisma.discipline.findFirstOrThrow();
  const cst = await prisma.titleDefinition.findUniqueOrThrow({ where: { code: "CST" } });
  // A closed year with a result, for the amendment after closing.
  const closedYear = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "CLOSED", settings: DEFAULT_YEAR_SETTINGS } });
  await prisma.officerYearResult.create({ data: { officerId: a.people[0]!.id, year: 2021, rating: "GOOD", awardedTitleCode: "CST", verified: true } });

  // Issue 16: a notification of c's head (the open round told the delegates).
  const notification = await prisma.notification.findFirstOrThrow({ where: { userId: c.head.userId } });

  return {
    cluster, year, year2023, closedYear, table, a, b, c, d, subUnit, secretariat, admin, spareUser, reportOf, draftReportId, evidence, evidenceCriterion,
    scoringRoundId, assignment, draftRoundId, openRoundId, candidates, discipline, cst, notification,
    chairHead: { ...b.head, chairOfClusterIds: [cluster.id] } as Actor,
  };
}
type World = Awaited<ReturnType<typeof buildWorld>>;

type Case = {
  actor: (w: World) => Actor;
  input: (w: World) => Record<string, unknown>;
  /** Fields whose accepted text must be stored as the schema normalised it. */
  stored?: string[];
};

const section = (w: World) => w.table.sections[0]!;
const criterion = (w: World) => w.table.sections[0]!.criteria[0]!;
const sheet = (w: World) => {
  const fields: Record<string, unknown> = { assignmentId: w.assignment.id, version: String(w.assignment.draftVersion) };
  for (const cr of allCriteria(w.table)) fields[`score.${cr.id}`] = "1";
  fields[`note.${criterion(w).id}`] = "Ghi chú chấm chéo";
  return fields;
};

/** One valid input per command, by audit name. A command missing here fails the suite. */
const CASES: Record<string, Case> = {
  "block.create": { actor: (w) => w.admin, input: () => ({ code: "KHOI-9", name: "Khối Công an tỉnh" }), stored: ["name"] },
  "block.update": { actor: (w) => w.admin, input: (w) => ({ id: w.cluster.blockId, code: "KHOI-BT", name: "Khối các đơn vị thuộc Bộ trưởng" }), stored: ["name"] },
  "cluster.create": { actor: (w) => w.admin, input: (w) => ({ code: "CUM-9", name: "Cụm thi đua số 9", blockId: w.cluster.blockId }), stored: ["name"] },
  "cluster.update": { actor: (w) => w.admin, input: (w) => ({ id: w.cluster.id, code: w.cluster.code, name: "Cụm thi đua số 2", blockId: w.cluster.blockId }), stored: ["name"] },
  "cluster.setActive": { actor: (w) => w.admin, input: (w) => ({ id: w.cluster.id, active: "true" }) },
  "unit.create": { actor: (w) => w.admin, input: (w) => ({ code: "U-NEW", name: "Phòng Hậu cần", clusterId: w.cluster.id, parentId: w.a.unit.id }), stored: ["name"] },
  "unit.update": { actor: (w) => w.admin, input: (w) => ({ id: w.subUnit.id, code: w.subUnit.code, name: "Phòng Tham mưu", clusterId: w.cluster.id, parentId: w.a.unit.id }), stored: ["name"] },
  "unit.setActive": { actor: (w) => w.admin, input: (w) => ({ id: w.subUnit.id, active: "true" }) },
  "user.create": {
    actor: (w) => w.admin,
    input: (w) => ({ username: "canbo.moi", displayName: "Cán bộ mới", role: "UNIT_OFFICER", clusterId: "", unitId: w.c.unit.id, password: "Mat-khau-an-toan-1", confirmPassword: "Mat-khau-an-toan-1" }),
    stored: ["displayName", "username"],
  },
  "user.update": { actor: (w) => w.admin, input: (w) => ({ id: w.spareUser.userId, displayName: "Cán bộ dự phòng", role: "UNIT_OFFICER", clusterId: "", unitId: w.b.unit.id }), stored: ["displayName"] },
  "user.setDisabled": { actor: (w) => w.admin, input: (w) => ({ id: w.spareUser.userId, disabled: "false" }) },
  "user.resetPassword": { actor: (w) => w.admin, input: (w) => ({ id: w.spareUser.userId, password: "Mat-khau-moi-12345", confirmPassword: "Mat-khau-moi-12345" }) },
  "title.update": { actor: (w) => w.admin, input: (w) => ({ id: w.cst.id, name: w.cst.name, shortName: w.cst.shortName, prerequisites: w.cst.prerequisites, active: "on" }), stored: ["name", "prerequisites"] },

  "year.open": { actor: (w) => w.secretariat, input: (w) => ({ year: "2024", chairUnitId: w.c.unit.id, deputyUnitId: "", movement: "Vì An ninh Tổ quốc" }), stored: ["movement"] },
  "year.leadership": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year.id, chairUnitId: w.b.unit.id, deputyUnitId: w.c.unit.id, movement: "Vì An ninh Tổ quốc" }), stored: ["movement"] },
  "year.settings": {
    actor: (w) => w.secretariat,
    input: (w) => ({
      yearId: w.year.id, cstdcsQuotaPercent: "15", cstdcsBasis: "INITIATIVE", advancedUnitMinCstPercent: "50", determinedUnitMinGoodPercent: "70",
      ministryFlagsPerCluster: "1", extraMinistryFlags: "0", passThreshold: "MORE_THAN_HALF", quorumUnits: "", rankingTieBreak: "FIRST_SECTION",
      crossScorersPerReport: "2", scoreDifferencePercent: "20", registrationDeadline: "31/03/2022", midyearReportDeadline: "", reportDeadline: "15/11/2099", conferenceDate: "",
    }),
  },
  "year.phase.advance": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year2023.id, fromPhase: "REGISTRATION" }) },
  "year.phase.revert": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year2023.id, fromPhase: "REGISTRATION" }) },
  "year.close": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year2023.id, fromPhase: "REGISTRATION" }) },
  "year.amendClosed": {
    actor: (w) => w.secretariat,
    input: (w) => ({
      yearId: w.closedYear.id, officerId: w.a.people[0]!.id, unitId: "", awardedTitleCode: "CSTDCS", rating: "EXCELLENT",
      decisionNo: "07/QĐ-BCA", decisionDate: "20/01/2022", decisionSigner: "Thứ trưởng", reason: "Bổ sung danh hiệu theo quyết định của Bộ",
    }),
    stored: ["decisionNo", "decisionSigner"],
  },

  "criteria.create": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year2023.id, source: "previous" }) },
  "criteria.publish": { actor: (w) => w.secretariat, input: (w) => ({ tableId: w.table.id }) },
  "criteria.section.save": { actor: (w) => w.secretariat, input: (w) => ({ tableId: w.table.id, sectionId: section(w).id, title: section(w).title, max: String(section(w).maxHalf / 2), amendmentReason: "Điều chỉnh theo hướng dẫn" }), stored: ["title"] },
  "criteria.section.delete": { actor: (w) => w.secretariat, input: (w) => ({ sectionId: section(w).id, amendmentReason: "Bỏ mục trùng lặp" }) },
  "criteria.move": { actor: (w) => w.secretariat, input: (w) => ({ part: "criterion", id: criterion(w).id, direction: "down", amendmentReason: "Sắp xếp lại" }) },
  "criteria.criterion.save": {
    actor: (w) => w.secretariat,
    input: (w) => ({ sectionId: section(w).id, criterionId: criterion(w).id, title: criterion(w).title, guidance: "Hướng dẫn chấm", max: String(criterion(w).maxHalf / 2), evidenceRequired: "on", amendmentReason: "Làm rõ" }),
    stored: ["title", "guidance"],
  },
  "criteria.criterion.delete": { actor: (w) => w.secretariat, input: (w) => ({ criterionId: criterion(w).id, amendmentReason: "Bỏ tiêu chí" }) },
  "criteria.figure.save": { actor: (w) => w.secretariat, input: (w) => ({ tableId: w.table.id, figureId: w.table.keyFigures[0]!.id, label: "Số vụ án", unitLabel: "vụ", required: "on", amendmentReason: "Sửa tên" }), stored: ["label", "unitLabel"] },
  "criteria.figure.delete": { actor: (w) => w.secretariat, input: (w) => ({ figureId: w.table.keyFigures[0]!.id, amendmentReason: "Bỏ số liệu" }) },

  "officer.create": { actor: (w) => w.a.officer, input: (w) => ({ code: "KTNV-9001", fullName: "Lê Văn Cường", rank: "Đại úy", position: "Cán bộ", subUnitId: w.subUnit.id }), stored: ["fullName", "position", "code"] },
  "officer.update": { actor: (w) => w.a.officer, input: (w) => ({ id: w.a.people[1]!.id, code: w.a.people[1]!.code, fullName: "Trần Thị Bình", rank: "Thiếu tá", position: "Phó Trưởng phòng", subUnitId: "" }), stored: ["fullName", "position"] },
  "officer.setActive": { actor: (w) => w.a.officer, input: (w) => ({ id: w.a.people[1]!.id, active: "true" }) },

  "registration.officers.save": { actor: (w) => w.a.officer, input: (w) => ({ emulationYearId: w.year.id, rows: JSON.stringify([{ officerId: w.a.people[1]!.id, titleCode: "CST" }]) }) },
  "registration.officers.bulk": { actor: (w) => w.a.officer, input: (w) => ({ emulationYearId: w.year.id, titleCode: "CST", q: "Bình", sub: "", target: "", expectedCount: "1" }) },
  "registration.unit.target": { actor: (w) => w.a.officer, input: (w) => ({ emulationYearId: w.year.id, titleCode: "DV_TIEN_TIEN" }) },
  "registration.submit": { actor: (w) => w.a.head, input: (w) => ({ emulationYearId: w.year.id }) },
  "registration.reopen": { actor: (w) => w.secretariat, input: (w) => ({ unitId: w.a.unit.id, emulationYearId: w.year.id, until: "31/12/2099", reason: "Bổ sung cán bộ mới chuyển đến" }), stored: ["reason"] },
  "registration.agreement": { actor: (w) => w.a.officer, input: (w) => ({ emulationYearId: w.year.id, signedOn: "18/01/2022", signer: "Cục trưởng" }), stored: ["signer"] },
  "registration.agreement.secretariat": { actor: (w) => w.secretariat, input: (w) => ({ unitId: w.b.unit.id, emulationYearId: w.year.id, signedOn: "18/01/2022", signer: "Cục trưởng" }), stored: ["signer"] },

  "report.start": { actor: (w) => w.d.officer, input: (w) => ({ yearId: w.year.id, kind: "MIDYEAR" }) },
  "report.saveDraft": {
    actor: (w) => w.d.officer,
    input: (w) => ({ reportId: w.draftReportId, version: "1", narrative: "Thuyết minh", [explainField(criterion(w).id)]: "Giải trình", [scoreField(criterion(w).id)]: "1", [figureField(w.table.keyFigures[0]!.id)]: "12,5" }),
  },
  "report.submit": { actor: (w) => w.d.head, input: (w) => ({ reportId: w.draftReportId, version: "1" }) },
  "report.return": { actor: (w) => w.secretariat, input: (w) => ({ reportId: w.reportOf.get(w.a.unit.id)!, reason: "Thiếu minh chứng cho tiêu chí 2" }), stored: ["reason"] },
  "report.accept": { actor: (w) => w.secretariat, input: (w) => ({ reportId: w.reportOf.get(w.a.unit.id)! }) },
  "report.evidence.upload": { actor: (w) => w.d.officer, input: (w) => ({ reportId: w.draftReportId, criterionId: w.evidenceCriterion.id, file: new File([PDF], "minh-chung.pdf", { type: "application/pdf" }) }) },
  "report.evidence.delete": { actor: (w) => w.d.officer, input: (w) => ({ fileId: w.evidence.id }) },

  "scoring.open": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year.id, scorersPerReport: "1" }) },
  "scoring.cross.save": { actor: (w) => w.a.officer, input: sheet },
  "scoring.cross.submit": { actor: (w) => w.a.head, input: (w) => ({ assignmentId: w.assignment.id, version: String(w.assignment.draftVersion) }) },
  "scoring.close": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.scoringRoundId }) },
  "scoring.reopen": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.scoringRoundId }) },
  "scoring.final.set": { actor: (w) => w.secretariat, input: (w) => ({ reportId: w.reportOf.get(w.a.unit.id)!, [`final.${criterion(w).id}`]: "1", [`finalNote.${criterion(w).id}`]: "Thống nhất" }) },
  "scoring.final.suggest": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.scoringRoundId }) },
  "scoring.finalise": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.scoringRoundId }) },

  "result.record": {
    actor: (w) => w.a.officer,
    input: (w) => ({ yearId: w.year.id, officerId: w.a.people[1]!.id, rating: "GOOD", awardedTitleCode: "CST", decisionNo: "123/QĐ-BCA", decisionDate: "15/12/2022", decisionSigner: "Bộ trưởng" }),
    stored: ["decisionNo", "decisionSigner"],
  },
  "result.verify": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year.id, unitId: w.a.unit.id, officerId: "" }) },
  "result.unit": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year.id, unitId: w.a.unit.id, awardedTitleCode: "DV_TIEN_TIEN", decisionNo: "45/QĐ-BCA", decisionDate: "20/12/2022", decisionSigner: "Bộ trưởng" }), stored: ["decisionNo", "decisionSigner"] },
  "initiative.add": { actor: (w) => w.a.officer, input: (w) => ({ officerId: w.a.people[1]!.id, year: "2022", level: "BASE", title: "Cải tiến quy trình tiếp nhận hồ sơ", decisionNo: "7/QĐ" }), stored: ["title", "decisionNo"] },
  "discipline.add": { actor: (w) => w.a.officer, input: (w) => ({ officerId: w.a.people[1]!.id, form: "KHIEN_TRACH", status: "PENDING", fromDate: "01/03/2022", toDate: "", note: "Ghi chú" }), stored: ["note"] },
  "discipline.update": { actor: (w) => w.a.officer, input: (w) => ({ id: w.discipline.id, form: "KHIEN_TRACH", status: "CLEARED", fromDate: "01/03/2022", toDate: "01/06/2022", note: "Đã xem xét" }), stored: ["note"] },
  "excel.import": {
    actor: (w) => w.a.officer,
    input: (w) => ({
      yearId: w.year.id,
      fileName: "danh-sach.xlsx",
      officers: [{ row: 2, code: "KTNV-7001", fullName: "Phạm Văn Dũng", rank: "Đại úy", position: "Cán bộ", subUnitId: null }],
      registrations: [],
      results: [],
    }),
  },

  "vote.round.create": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year.id, kind: "ACCLAIM", title: "Suy tôn cờ", titleCode: "CO_BCA", seats: "1", [`unit_${w.a.unit.id}`]: "on" }), stored: ["title"] },
  "vote.round.update": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.draftRoundId, title: "Suy tôn cờ thi đua", titleCode: "CO_BCA", seats: "1", [`unit_${w.a.unit.id}`]: "on", [`unit_${w.b.unit.id}`]: "on" }), stored: ["title"] },
  "vote.round.delete": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.draftRoundId }) },
  "vote.round.open": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.draftRoundId }) },
  "vote.cast": { actor: (w) => w.c.head, input: (w) => ({ roundId: w.openRoundId, ...Object.fromEntries(w.candidates.map((cd) => [`c_${cd.id}`, "yes"])) }) },
  "vote.round.close": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.openRoundId }) },
  "vote.round.runoff": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.openRoundId }) },
  "vote.round.apply": { actor: (w) => w.secretariat, input: (w) => ({ roundId: w.openRoundId }) },
  "vote.chair.assign": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year.id, chairUnitId: w.c.unit.id, chairAssignmentRef: "Văn bản số 12/BCA-V03 ngày 10/12/2022" }), stored: ["chairAssignmentRef"] },

  // Issue 16 — notifications, e-mail, reminders, holidays
  "notification.read": { actor: (w) => w.c.head, input: (w) => ({ notificationId: w.notification.id }) },
  "notification.readAll": { actor: (w) => w.c.head, input: () => ({}) },
  "profile.email": { actor: (w) => w.a.officer, input: () => ({ email: "can.bo@bocongan.gov.vn", emailNotifications: "on" }), stored: ["email"] },
  "user.email": { actor: (w) => w.admin, input: (w) => ({ userId: w.spareUser.userId, email: "du.phong@bocongan.gov.vn" }), stored: ["email"] },
  "year.reminders": { actor: (w) => w.secretariat, input: (w) => ({ yearId: w.year.id, reminderOffsets: "5, 1" }) },
  "holiday.add": { actor: (w) => w.admin, input: () => ({ date: "16/03/2022", name: "Ngày nghỉ thử nghiệm" }), stored: ["name"] },
  "holiday.remove": { actor: (w) => w.admin, input: () => ({ date: "2022-03-16" }) },
};

// ---------------------------------------------------------------------------------------------
// What "nothing was written" means: every table's row count and a hash of its rows.

let snapshotSql = "";
async function prepareSnapshot() {
  const tables = await prisma.$queryRaw<{ t: string }[]>`
    SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  snapshotSql = tables
    .map(({ t }) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`)
    .join(" UNION ALL ");
  return tables.map(({ t }) => t);
}
async function snapshot(): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(snapshotSql);
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join("\n");
}

let tableNames: string[] = [];
/** Whether some column of some row holds exactly `text`. */
async function storedSomewhere(text: string): Promise<boolean> {
  const sql = tableNames.map((t) => `SELECT 1 FROM "${t}" x, jsonb_each_text(to_jsonb(x)) e WHERE e.value = $1`).join(" UNION ALL ");
  const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT EXISTS (${sql}) AS found`, text);
  return (rows[0] as { found: boolean }).found;
}

function describeDiff(before: string, after: string): string {
  const a = new Set(before.split("\n"));
  return after.split("\n").filter((l) => !a.has(l)).map((l) => l.split(":")[0]).join(", ");
}

const stats = { cases: 0, accepted: 0, refused: 0, loginCases: 0, importCases: 0, uploadCases: 0, acceptedBy: new Map<string, number>() };

describe("fuzz: every command with hostile input on the real database", () => {
  let w: World;
  const commands = allCommands();
  const started = Date.now();

  beforeAll(async () => {
    await resetDatabase();
    w = await buildWorld();
    tableNames = await prepareSnapshot();
  }, 120_000);

  afterAll(() => {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `[fuzz] commands: ${commands.size} commands, ${stats.cases} cases (${stats.accepted} accepted, ${stats.refused} refused), ` +
        `login ${stats.loginCases}, import ${stats.importCases}, uploads ${stats.uploadCases}; ${secs} s; runs ${RUNS}, seed ${process.env.FUZZ_SEED ?? "default"}; ` +
        `accepted at least once: ${[...stats.acceptedBy.keys()].sort().join(", ") || "none"}`,
    );
  });

  it("has a valid input for every command, accepted by its schema", () => {
    const missing = [...commands.keys()].filter((name) => !CASES[name]);
    expect(missing, "commands without an entry in CASES").toEqual([]);
    expect(Object.keys(CASES).filter((name) => !commands.has(name)), "entries for unknown commands").toEqual([]);
    for (const [name, c] of Object.entries(CASES)) {
      const parsed = commands.get(name)!.input.safeParse(c.input(w));
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it.each([...Object.keys(CASES)])("%s: hostile fields give a result or a refusal, never a system error or a partial write", async (name) => {
    const command = commands.get(name)!;
    const entry = CASES[name]!;
    const base = entry.input(w);
    const actor = entry.actor(w);
    await fc.assert(
      fc.asyncProperty(mutatedInput(base, Object.keys(base)), async ({ input, replaced }) => {
        stats.cases++;
        const before = await snapshot();
        let result: ActionResult;
        try {
          result = await executeCommand(command, actor, input);
        } catch (error) {
          throw new Error(`${name} threw on fields ${replaced.join(", ")}: ${(error as Error).stack}`);
        }
        if (!result.ok) {
          stats.refused++;
          expect(result.message, `${name}: ${replaced.join(", ")}`).toBeTypeOf("string");
          expect(result.message.length).toBeGreaterThan(0);
          if (result.message.startsWith(SYSTEM_ERROR)) throw new Error(`${name}: system error on fields ${replaced.join(", ")}`);
          const after = await snapshot();
          if (after !== before) throw new Error(`${name}: refused ("${result.message}") but wrote to ${describeDiff(before, after)}`);
          return;
        }
        stats.accepted++;
        stats.acceptedBy.set(name, (stats.acceptedBy.get(name) ?? 0) + 1);
        // Accepted: what the schema made of each replaced text field is what the database holds.
        const parsed = command.input.safeParse(input);
        expect(parsed.success).toBe(true);
        for (const field of replaced.filter((f) => entry.stored?.includes(f))) {
          const value = (parsed.data as Record<string, unknown>)[field];
          if (typeof value !== "string" || value === "") continue;
          expect(unstorable(value), `${name}.${field} accepted unstorable text`).toBe(false);
          expect(await storedSomewhere(value), `${name}.${field}: ${JSON.stringify(value.slice(0, 60))} not stored as normalised`).toBe(true);
        }
      }),
      fuzzParams(RUNS),
    );
  }, FUZZ_TIMEOUT);

  // -------------------------------------------------------------------------------------------
  // Entry points that are not commands

  it("login: hostile usernames and passwords never throw and never sign in", async () => {
    const user = await prisma.user.create({ data: { username: "thuky.fuzz", passwordHash: await hashPassword("Mat-khau-an-toan-1"), displayName: "Thư ký", role: "ADMIN" } });
    // The account works, so a refusal below is the input's doing.
    expect(await checkLogin("thuky.fuzz", "Mat-khau-an-toan-1")).toEqual({ ok: true, userId: user.id });
    // Found by this fuzzing: NUL reached Postgres (a database error), an object's String() threw.
    expect(await checkLogin("thuky.fuzz\u0000", "x")).toEqual({ ok: false, reason: "invalid" });
    expect(credentialText({ toString: 1, valueOf: 1 })).toBe("");
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.constantFrom("thuky.fuzz", " THUKY.FUZZ ", "thuky.fuzz\u0000", "thuky.fuzz' --")), hostileValue, async (username, password) => {
        stats.loginCases++;
        // What authorize() in src/auth.ts does with the posted credentials.
        const outcome = await checkLogin(credentialText(username), credentialText(password));
        expect(outcome.ok).toBe(false);
      }),
      fuzzParams(Math.max(10, Math.round(RUNS * 1.2))),
    );
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
  });

  const xlsx = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cán bộ");
    for (const row of rows) ws.addRow(row);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };
  const upload = (bytes: Uint8Array, name: string) => ({ name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

  it("Excel import: hostile cell values are refused with row errors or imported as text", async () => {
    const cell = fc.oneof(hostileString.filter((s) => s.length < 40_000), fc.constantFrom<unknown>(null, 0, -1, 1e308, true, new Date("2022-02-31")));
    await fc.assert(
      fc.asyncProperty(cell, cell, cell, async (code, fullName, position) => {
        stats.importCases++;
        const bytes = await xlsx([["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội"], [code, fullName, "Đại úy", position, null]]);
        const before = await snapshot();
        const outcome = await importUploadedFile(w.a.officer, upload(bytes, "danh-sach.xlsx"), w.year.id);
        if (!outcome.ok) {
          expect(outcome.message.startsWith(SYSTEM_ERROR), outcome.message).toBe(false);
          expect(await snapshot()).toBe(before);
          return;
        }
        const officer = await prisma.officer.findUniqueOrThrow({ where: { code: String(code).trim().toUpperCase() } });
        expect(officer.fullName).not.toMatch(/[\u0000-\u001f<>]/);
        expect(officer.position).not.toMatch(/^[=+\-@]|[\u0000-\u001f]/);
      }),
      fuzzParams(Math.max(10, RUNS)),
    );
  });

  it("Excel import: a formula cell is refused, never evaluated", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội"]);
    ws.addRow(["KTNV-8001", { formula: 'HYPERLINK("http://x","y")', result: "y" }, "Đại úy", "Cán bộ", null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await snapshot();
    const outcome = await importUploadedFile(w.a.officer, upload(bytes, "=cmd.xlsx"), w.year.id);
    expect(outcome.ok).toBe(false);
    expect(await snapshot()).toBe(before);
  });

  it("evidence and agreement uploads: hostile names and bytes are refused or stored safely", async () => {
    const uploadCmd = commands.get("report.evidence.upload")!;
    const agreement = commands.get("registration.agreement")!;
    const bytes = fc.constantFrom(
      new Uint8Array(0),
      new TextEncoder().encode("<html><script>alert(1)</script></html>"),
      PDF,
      new TextEncoder().encode("%PDF-1.4\n<script>alert(1)</script>"),
      new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), // a Windows executable
      new Uint8Array(5 * 1024 * 1024 + 1),
    );
    const name = fc.oneof(hostileString.filter((s) => s.length < 5000), fc.constantFrom("../../etc/passwd.pdf", "a.pdf.exe", "x.PDF", ".pdf", "mc\u202efdp.exe", "<img src=x onerror=alert(1)>.pdf"));
    const type = fc.constantFrom("application/pdf", "text/html", "", "application/x-msdownload", "image/png");
    await fc.assert(
      fc.asyncProperty(bytes, name, type, fc.boolean(), async (content, fileName, mime, toAgreement) => {
        stats.uploadCases++;
        const file = new File([content], fileName, { type: mime });
        const before = await snapshot();
        const result = toAgreement
          ? await executeCommand(agreement, w.a.officer, { emulationYearId: w.year.id, signedOn: "18/01/2022", signer: "Cục trưởng", file })
          : await executeCommand(uploadCmd, w.d.officer, { reportId: w.draftReportId, criterionId: w.evidenceCriterion.id, file });
        if (!result.ok) {
          expect(result.message.startsWith(SYSTEM_ERROR), result.message).toBe(false);
          expect(await snapshot()).toBe(before);
          return;
        }
        // Stored: only real PDF bytes, under a name without control characters, direction overrides or path.
        const stored: { name: string | null; bytes: Uint8Array | null; evidenceId?: string } = toAgreement
          ? await prisma.unitRegistration
              .findFirstOrThrow({ where: { unitId: w.a.unit.id, emulationYearId: w.year.id }, select: { agreementFileName: true, agreementFile: true } })
              .then((r) => ({ name: r.agreementFileName, bytes: r.agreementFile }))
          : await prisma.evidenceFile
              .findFirstOrThrow({ where: { reportId: w.draftReportId }, orderBy: { uploadedAt: "desc" }, select: { id: true, fileName: true, data: true } })
              .then((r) => ({ name: r.fileName, bytes: r.data, evidenceId: r.id }));
        if (toAgreement && content.byteLength === 0 && fileName === "") return; // no file chosen: the agreement without one
        expect(stored.name ?? "").not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\]/);
        expect(new TextDecoder().decode(stored.bytes!.subarray(0, 5))).toBe("%PDF-");
        expect(Buffer.from(stored.bytes!).equals(Buffer.from(content))).toBe(true);
        // Keep the criterion below its file limit for the next cases.
        if (stored.evidenceId) await prisma.evidenceFile.delete({ where: { id: stored.evidenceId } });
      }),
      fuzzParams(Math.max(10, RUNS)),
    );
  });
});
