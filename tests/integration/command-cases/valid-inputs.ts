// One entry per command (keyed by its name): what it targets, a valid input aimed at unit A1 (or
// cluster A), and whether it writes something of an emulation year (then a closed year must refuse
// it). The one table of valid inputs: the permission matrix and the closed-year lock run it as it is,
// the fuzzer replaces its fields with hostile values. The matrix and the fuzzer fail when a command
// has no entry here, so a new command needs a rule.
import { randomUUID } from "node:crypto";
import type { Actor, Target } from "@/domain/permissions";
import { vietnamDayAfter } from "@/domain/registration-window";
import { allCriteria } from "@/domain/scoring";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { castBallot, closeRound, createRound, openRound } from "@/server/commands/votes";
import { hashPassword } from "@/server/auth/password";
import { saveKeyFigure } from "@/server/commands/criteria";
import { applySuggestedFinals, closeScoringRound, crossNoteField, crossScoreField, finalField, finalNoteField, saveCrossScores } from "@/server/commands/scoring";
import { runOk } from "../../support/action-result";
import { makeOfficer, makeUnit, prisma } from "../fixtures";
import { PDF, reportFields, type ActorKey, type World } from "./world";

export type Input = Record<string, unknown>;

/**
 * Where the command's scope lands, as the permission table sees it:
 * - "A1": unit A1 of cluster A (stored rows of A1 named by the input);
 * - "A": cluster A (a year, round or table of cluster A);
 * - "none": nothing (admin structure: only a role with scope "all" passes);
 * - "own-unit": the acting user's own member unit (the form has no say in it);
 * - "own-cluster": the acting user's own cluster;
 * - a function for anything else.
 */
export type Scope = "A1" | "A" | "none" | "own-unit" | "own-cluster" | ((w: World, actor: Actor) => Target);

export type Fixture = {
  scope: Scope;
  /** A valid input for this actor (may prepare rows first: every allowed case starts from a restored world). */
  input(w: World, actor: Actor): Promise<Input> | Input;
  /** An allowed actor's run ends in this business refusal (always after the scope check): documented, not hoped for. */
  allowedRefusal?: string;
  /** Who runs it where one allowed actor is enough (closed year, fuzz); by default the first one allowed. */
  actor?: ActorKey;
  /** Text fields whose accepted value must be stored as the schema normalised it (checked by the fuzzer). */
  stored?: string[];
  /** Year-scoped commands must be refused in a closed year; the others say why they are not. */
  year: { scoped: true } | { scoped: false; why: string };
};

const code = (prefix: string) => `${prefix}-${randomUUID().slice(0, 6).toUpperCase()}`;
const yearOf = (w: World, actor: Actor) => (actor.clusterId === w.clusterB.id ? w.yearB.id : w.yearA.id);
const officerOf = (w: World, actor: Actor) =>
  actor.unitId === w.A2.id ? w.officers.A2[0]! : actor.unitId === w.B1.id ? w.officers.B1[0]! : w.officers.A1[0]!;
const dmy = (iso: string) => iso.split("-").reverse().join("/");

async function setReportStatus(w: World, status: "DRAFT" | "SUBMITTED") {
  return prisma.unitReport.update({ where: { id: w.reportA1 }, data: { status } });
}

/** Removes A's scoring round with its sheets (restrict foreign keys: children first). */
async function deleteScoringRound(w: World) {
  await prisma.$executeRaw`DELETE FROM "CrossScore" WHERE "assignmentId" IN (SELECT id FROM "CrossAssignment" WHERE "roundId" = ${w.roundId}::uuid)`;
  await prisma.$executeRaw`DELETE FROM "CrossAssignment" WHERE "roundId" = ${w.roundId}::uuid`;
  await prisma.$executeRaw`DELETE FROM "ScoringRound" WHERE id = ${w.roundId}::uuid`;
}

async function setRoundState(w: World, state: "OPEN" | "CLOSED") {
  await prisma.scoringRound.update({ where: { id: w.roundId }, data: { state, closedAt: state === "CLOSED" ? new Date() : null } });
}

/** A chair election for A's next year: A1 chairs this year, so A2 is the only candidate. */
async function draftVoteRound(w: World) {
  return (await runOk(createRound, w.actors.SECRETARIAT_A, { yearId: w.yearA.id, kind: "CHAIR_ELECTION", [`unit_${w.A2.id}`]: "on" })).id;
}
async function openVoteRound(w: World) {
  const roundId = await draftVoteRound(w);
  await runOk(openRound, w.actors.SECRETARIAT_A, { roundId });
  return roundId;
}
/** An open round in which both delegates (A1, A2) have voted for the candidate (A2; self-votes allowed in A). */
async function votedRound(w: World) {
  const roundId = await openVoteRound(w);
  const candidate = await prisma.voteCandidate.findFirstOrThrow({ where: { roundId } });
  await runOk(castBallot, w.actors.UNIT_HEAD_A1, { roundId, [`c_${candidate.id}`]: "yes" });
  await runOk(castBallot, w.actors.UNIT_HEAD_A2, { roundId, [`c_${candidate.id}`]: "yes" });
  return roundId;
}
async function closedVoteRound(w: World) {
  const roundId = await votedRound(w);
  await runOk(closeRound, w.actors.SECRETARIAT_A, { roundId });
  return roundId;
}

function settingsForm(): Input {
  const out: Input = {};
  for (const [key, value] of Object.entries(DEFAULT_YEAR_SETTINGS)) {
    if (typeof value === "boolean") {
      if (value) out[key] = "on";
    } else out[key] = value === null ? "" : String(value);
  }
  return out;
}

function fullSheet(w: World, assignmentId: string, version: number): Input {
  const fields: Input = { assignmentId, version: String(version) };
  for (const c of allCriteria(w.tableA)) fields[crossScoreField(c.id)] = c.section.kind === "SCORED" ? String(Math.max(c.maxHalf - 1, 0) / 2).replace(".", ",") : "0";
  return fields;
}

/** Results are entered from the report phase on: A's year moves to "results". */
/** A sub-unit of the actor's member unit (A1's from the world; one made for another unit). */
async function ownSubUnitOf(w: World, actor: Actor): Promise<string> {
  const unitId = actor.unitId ?? w.A1.id;
  if (unitId === w.A1.id) return w.A1sub.id;
  const parent = await prisma.unit.findUniqueOrThrow({ where: { id: unitId }, select: { clusterId: true } });
  return (await makeUnit(parent.clusterId, "Phòng Tham mưu", unitId)).id;
}

async function resultsPhase(w: World): Promise<Input> {
  await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "RESULTS" } });
  return {};
}

const firstSection = (w: World) => w.tableA.sections[0]!;
const firstCriterion = (w: World) => firstSection(w).criteria[0]!;
const REASON = "Điều chỉnh theo góp ý của các đơn vị thành viên";
const NOT_YEAR = (why: string) => ({ scoped: false as const, why });
/**
 * An explicit, audited amendment of a closed year: not year-scoped (it writes into a closed year on
 * purpose) and it refuses an open one instead (tests/integration/matrix/amendment.test.ts runs each).
 */
export const AMENDMENT_ONLY_WHY = "amendment-only: ";
const AMENDMENT_ONLY = (why: string) => NOT_YEAR(`${AMENDMENT_ONLY_WHY}${why}`);

/** Closes A's year, as the close command leaves it (the amendments' fixtures). */
async function closeYearA(w: World) {
  await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "CLOSED", closedAt: new Date() } });
}
const AMENDING = { amendNo: "09/QĐ-BCA", amendDate: "20/01/2023", amendSigner: "Thứ trưởng Lê Văn Hà", reason: "Quyết định được ban hành sau khi năm đã khóa sổ" };

/** The objecting unit's own scope in cluster A; nothing for anyone outside the cluster (issue 14). */
function ownUnitInA(w: World, actor: Actor): Target {
  return actor.clusterId === w.clusterA.id && actor.unitId ? { clusterId: w.clusterA.id, unitId: actor.unitId } : {};
}

export const FIXTURES: Record<string, Fixture> = {
  // --- Admin structure: no year involved -------------------------------------------------------
  "block.create": { scope: "none", input: () => ({ code: code("K"), name: "Khối các đơn vị mới" }), stored: ["name"], year: NOT_YEAR("a block is structure, above the years") },
  "block.update": {
    scope: "none",
    input: async (w) => ({ id: (await prisma.cluster.findUniqueOrThrow({ where: { id: w.clusterA.id } })).blockId, code: code("K"), name: "Khối đổi tên" }),
    stored: ["name"],
    year: NOT_YEAR("a block is structure, above the years"),
  },
  "cluster.create": { scope: "none", input: (w) => ({ code: code("C"), name: "Cụm thi đua số 9", blockId: w.clusterA.blockId }), stored: ["name"], year: NOT_YEAR("a cluster is structure, above the years") },
  "cluster.update": {
    scope: "none",
    input: (w) => ({ id: w.clusterA.id, code: w.clusterA.code, name: "Cụm thi đua số 2 (đổi tên)", blockId: w.clusterA.blockId, active: "on" }),
    stored: ["name"],
    year: NOT_YEAR("a cluster is structure, above the years"),
  },
  "cluster.setActive": {
    scope: (w) => ({ clusterId: w.clusterA.id }),
    // An empty cluster made for the case: stopping one with units and accounts is refused by design.
    input: async (w) => ({ id: (await prisma.cluster.create({ data: { code: code("C"), name: "Cụm trống", blockId: w.clusterA.blockId } })).id, active: "false" }),
    year: NOT_YEAR("a cluster is structure, above the years"),
  },
  "unit.create": { scope: "none", input: (w) => ({ code: code("U"), name: "Phòng mới", clusterId: w.clusterA.id, parentId: w.A1.id }), stored: ["name"], year: NOT_YEAR("units are structure, above the years") },
  "unit.update": {
    scope: "none",
    input: (w) => ({ id: w.A1sub.id, code: w.A1sub.code, name: "Phòng Kỹ thuật 1 (đổi tên)", clusterId: w.clusterA.id, parentId: w.A1.id, active: "on" }),
    stored: ["name"],
    year: NOT_YEAR("units are structure, above the years"),
  },
  "unit.setActive": { scope: "none", input: (w) => ({ id: w.A1sub.id, active: "false" }), year: NOT_YEAR("units are structure, above the years") },
  "user.create": {
    scope: "none",
    input: (w) => ({ username: `u-${randomUUID().slice(0, 8)}`, displayName: "Cán bộ mới", role: "UNIT_OFFICER", clusterId: "", unitId: w.A1.id, password: "Sen-vang@2022", confirmPassword: "Sen-vang@2022" }),
    stored: ["displayName", "username"],
    year: NOT_YEAR("accounts are not part of a year"),
  },
  "user.update": {
    scope: "none",
    input: (w) => ({ id: w.actors.UNIT_OFFICER_A1.userId, displayName: "Cán bộ A1", role: "UNIT_OFFICER", clusterId: "", unitId: w.A1.id }),
    stored: ["displayName"],
    year: NOT_YEAR("accounts are not part of a year"),
  },
  "user.setDisabled": { scope: "none", input: (w) => ({ id: w.actors.UNIT_OFFICER_A1.userId, disabled: "true" }), year: NOT_YEAR("accounts are not part of a year") },
  "user.resetPassword": {
    scope: "none",
    input: (w) => ({ id: w.actors.UNIT_OFFICER_A1.userId, password: "MatKhauMoi@2022", confirmPassword: "MatKhauMoi@2022" }),
    year: NOT_YEAR("accounts are not part of a year"),
  },
  "title.update": {
    scope: "none",
    input: async () => {
      const t = await prisma.titleDefinition.findUniqueOrThrow({ where: { code: "CST" } });
      return { id: t.id, name: t.name, shortName: t.shortName, prerequisites: t.prerequisites, active: "on" };
    },
    stored: ["name", "prerequisites"],
    year: NOT_YEAR("the title catalogue is shared by every year (past years keep their codes)"),
  },
  // Title rule versions (issue 17): years before 2000, which no shipped version covers and no world year closes.
  "title.create": {
    scope: "none",
    input: () => ({ code: code("DH"), name: "Tập thể lao động tiên tiến", shortName: "TTLĐTT", kind: "COLLECTIVE", level: "7", ruleShape: "DV_TIEN_TIEN", prerequisites: "Như Đơn vị tiên tiến." }),
    stored: ["name", "prerequisites"],
    year: NOT_YEAR("the title catalogue is shared by every year"),
  },
  "title.rule.create": {
    scope: "none",
    input: async () => {
      const t = await prisma.titleDefinition.findUniqueOrThrow({ where: { code: "CST" } });
      return { titleId: t.id, firstYear: "1990", lastYear: "1994", minRating: "GOOD", disciplineFrom: "KHIEN_TRACH", legalLaw: "Luật Thi đua, khen thưởng năm 2003", citation: "" };
    },
    stored: ["legalLaw"],
    year: NOT_YEAR("a rule version names its own years; closed years keep their recorded results"),
  },
  "title.rule.update": {
    scope: "none",
    input: async () => {
      const v = await prisma.titleRuleVersion.create({
        data: { titleCode: "CST", shape: "CST", firstYear: 1980, lastYear: 1984, params: { minRating: "GOOD", disciplineFrom: "KHIEN_TRACH" }, citation: "Căn cứ cũ" },
      });
      return { id: v.id, firstYear: "1980", lastYear: "1985", minRating: "EXCELLENT", disciplineFrom: "KHIEN_TRACH", legalDecree: "Nghị định 91/2017/NĐ-CP" };
    },
    stored: ["legalDecree"],
    year: NOT_YEAR("a rule version names its own years; closed years keep their recorded results"),
  },

  // --- Officers: the unit's people, not a year's records ---------------------------------------
  "officer.create": {
    scope: "own-unit",
    input: () => ({ code: code("CB"), fullName: "Phạm Thị Em", rank: "Đại úy", position: "Cán bộ", subUnitId: "" }),
    stored: ["fullName", "position", "code"],
    year: NOT_YEAR("officers belong to the unit, not to a year"),
  },
  "officer.update": {
    scope: "A1",
    input: (w) => ({ id: w.officers.A1[0]!.id, code: "A1-001", fullName: "Lường Thị Ngọc Ánh", rank: "Thiếu tá", position: "Phó Trưởng phòng", subUnitId: "" }),
    stored: ["fullName", "position"],
    year: NOT_YEAR("officers belong to the unit, not to a year"),
  },
  "officer.setActive": { scope: "A1", input: (w) => ({ id: w.officers.A1[0]!.id, active: "false" }), year: NOT_YEAR("officers belong to the unit, not to a year") },
  // A new officer of A1 (no records yet) moved to A2 today; the admin's case is the same.
  "officer.transfer": {
    scope: "A1",
    input: async (w) => ({
      officerId: (await makeOfficer(w.A1.id, "Đinh Văn Chuyển", { code: code("DD") })).id,
      toUnitId: w.A2.id,
      effectiveDate: dmy(vietnamDayAfter(new Date(), 0)),
      decisionNo: "15/QĐ-BCA",
      decisionDate: dmy(vietnamDayAfter(new Date(), 0)),
      decisionSigner: "Trung tướng Nguyễn Văn Ký",
    }),
    stored: ["decisionNo", "decisionSigner"],
    year: NOT_YEAR("a transfer moves the officer from a date; each record keeps the unit it was served in (its year's lock)"),
  },
  "excel.import": {
    scope: "own-unit",
    input: (w, actor) => {
      const o = officerOf(w, actor);
      return { yearId: yearOf(w, actor), fileName: "dang-ky.xlsx", officers: [], registrations: [{ row: 2, code: o.code, fullName: o.fullName, titleCode: "CST" }], results: [] };
    },
    year: { scoped: true },
  },

  // --- Registration ------------------------------------------------------------------------------
  "registration.officers.save": {
    scope: "own-unit",
    input: (w, actor) => ({ emulationYearId: yearOf(w, actor), rows: JSON.stringify([{ officerId: officerOf(w, actor).id, titleCode: "CST" }]) }),
    year: { scoped: true },
  },
  "registration.officers.bulk": {
    scope: "own-unit",
    input: async (w, actor) => {
      // An officer under discipline this year may be registered only with the secretariat's override.
      const unitId = actor.unitId ?? w.A1.id;
      const disciplined = await prisma.discipline.findMany({ where: { officer: { unitId } }, select: { officerId: true } });
      await prisma.registrationOverride.createMany({
        data: disciplined.map((d) => ({ emulationYearId: yearOf(w, actor), officerId: d.officerId, titleCode: "CST", reason: "Cho phép đăng ký", createdByName: "Thư ký Cụm" })),
        skipDuplicates: true,
      });
      return { emulationYearId: yearOf(w, actor), titleCode: "CST", q: "", sub: "", target: "", expectedCount: String(await prisma.officer.count({ where: { unitId, active: true } })) };
    },
    year: { scoped: true },
  },
  "registration.unit.target": { scope: "own-unit", input: (w, actor) => ({ emulationYearId: yearOf(w, actor), titleCode: "DV_TIEN_TIEN" }), year: { scoped: true } },
  // Sub-units' titles (issue 17 item 2): a sub-unit of the actor's own unit (A1's is in the world).
  "registration.subUnit.target": {
    scope: "own-unit",
    input: async (w, actor) => ({ emulationYearId: yearOf(w, actor), subUnitId: await ownSubUnitOf(w, actor), titleCode: "DV_TIEN_TIEN" }),
    year: { scoped: true },
  },
  "registration.submit": {
    scope: "own-unit",
    input: async (w, actor) => {
      // Every active officer of the unit registered, and the unit's own target: a complete registration.
      const yearId = yearOf(w, actor);
      const unitId = actor.unitId ?? w.A1.id;
      const officers = await prisma.officer.findMany({ where: { unitId, active: true } });
      await prisma.unitRegistration.upsert({
        where: { emulationYearId_unitId: { emulationYearId: yearId, unitId } },
        create: { emulationYearId: yearId, unitId, status: "DRAFT", targetTitleCode: "DV_TIEN_TIEN" },
        update: { targetTitleCode: "DV_TIEN_TIEN" },
      });
      for (const o of officers) {
        await prisma.officerRegistration.upsert({
          where: { emulationYearId_officerId: { emulationYearId: yearId, officerId: o.id } },
          create: { emulationYearId: yearId, officerId: o.id, unitId, titleCode: "CST" },
          update: {},
        });
      }
      return { emulationYearId: yearId };
    },
    year: { scoped: true },
  },
  "registration.agreement": { scope: "own-unit", input: (w, actor) => ({ emulationYearId: yearOf(w, actor), signedOn: "15/01/2022", signer: "Đại tá Nguyễn Văn Giao" }), stored: ["signer"], year: { scoped: true } },
  "registration.reopen": {
    scope: "A1",
    input: async (w) => {
      await prisma.unitRegistration.create({ data: { emulationYearId: w.yearA.id, unitId: w.A1.id, status: "SUBMITTED", submittedAt: new Date() } });
      return { unitId: w.A1.id, emulationYearId: w.yearA.id, until: dmy(vietnamDayAfter(new Date(), 3)), reason: "Bổ sung cán bộ mới chuyển đến" };
    },
    stored: ["reason"],
    year: { scoped: true },
  },
  "registration.title.override": {
    scope: "A1",
    input: async (w) => {
      // A reprimand in force in 2022: CST is refused at registration until the secretariat allows it.
      const officerId = w.officers.A1[0]!.id;
      await prisma.discipline.create({ data: { officerId, form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: new Date("2022-02-01T00:00:00Z") } });
      return { emulationYearId: w.yearA.id, officerId, titleCode: "CST", reason: "Quyết định kỷ luật đang được xem xét lại" };
    },
    stored: ["reason"],
    year: { scoped: true },
  },
  "registration.reopen.bulk": {
    scope: "A",
    input: async (w) => {
      await prisma.unitRegistration.create({ data: { emulationYearId: w.yearA.id, unitId: w.A1.id, status: "SUBMITTED", submittedAt: new Date() } });
      return { emulationYearId: w.yearA.id, all: "on", until: dmy(vietnamDayAfter(new Date(), 3)), reason: "Gia hạn chung cho các đơn vị" };
    },
    stored: ["reason"],
    year: { scoped: true },
  },
  "registration.agreement.secretariat": {
    scope: "A1",
    input: (w) => ({ unitId: w.A1.id, emulationYearId: w.yearA.id, signedOn: "15/01/2022", signer: "Đại tá Nguyễn Văn Giao" }),
    stored: ["signer"],
    year: { scoped: true },
  },

  // --- Year-end reports --------------------------------------------------------------------------
  "report.start": { scope: "own-unit", input: (w, actor) => ({ yearId: yearOf(w, actor), kind: "MIDYEAR" }), year: { scoped: true } },
  "report.saveDraft": {
    scope: "A1",
    input: async (w) => reportFields(w.tableA, w.reportA1, (await setReportStatus(w, "DRAFT")).draftVersion),
    year: { scoped: true },
  },
  "report.submit": {
    scope: "A1",
    input: async (w) => ({ reportId: w.reportA1, version: (await setReportStatus(w, "DRAFT")).draftVersion }),
    year: { scoped: true },
  },
  "report.return": {
    scope: "A1",
    input: async (w) => {
      await setReportStatus(w, "SUBMITTED");
      return { reportId: w.reportA1, reason: "Thiếu minh chứng cho tiêu chí 1.1" };
    },
    stored: ["reason"],
    year: { scoped: true },
  },
  "report.accept": {
    scope: "A1",
    input: async (w) => {
      await setReportStatus(w, "SUBMITTED");
      return { reportId: w.reportA1 };
    },
    year: { scoped: true },
  },
  "report.evidence.upload": {
    scope: "A1",
    input: async (w) => {
      await setReportStatus(w, "DRAFT");
      return { reportId: w.reportA1, criterionId: firstCriterion(w).id, file: new File([PDF], "minh-chung-2.pdf", { type: "application/pdf" }) };
    },
    year: { scoped: true },
  },
  "report.evidence.delete": {
    scope: "A1",
    input: async (w) => {
      await setReportStatus(w, "DRAFT");
      const file = await prisma.evidenceFile.findFirstOrThrow({ where: { reportId: w.reportA1 } });
      return { fileId: file.id };
    },
    year: { scoped: true },
  },

  // --- Scoring ------------------------------------------------------------------------------------
  "scoring.open": {
    scope: "A",
    input: async (w) => {
      await deleteScoringRound(w);
      return { yearId: w.yearA.id, scorersPerReport: "1" };
    },
    year: { scoped: true },
  },
  "scoring.cross.save": {
    scope: "A1",
    input: (w) => ({ ...fullSheet(w, w.assignmentA1.id, w.assignmentA1.draftVersion), [crossNoteField(firstCriterion(w).id)]: "Ghi chú chấm chéo" }),
    actor: "UNIT_OFFICER_A1", year: { scoped: true } },
  "scoring.cross.submit": {
    scope: "A1",
    input: async (w) => {
      const saved = await runOk(saveCrossScores, w.actors.UNIT_OFFICER_A1, fullSheet(w, w.assignmentA1.id, w.assignmentA1.draftVersion));
      return { assignmentId: w.assignmentA1.id, version: String(saved.version) };
    },
    actor: "UNIT_OFFICER_A1",
    year: { scoped: true },
  },
  "scoring.close": { scope: "A", input: (w) => ({ roundId: w.roundId, force: "on" }), year: { scoped: true } },
  "scoring.reopen": {
    scope: "A",
    input: async (w) => {
      await setRoundState(w, "CLOSED");
      return { roundId: w.roundId };
    },
    year: { scoped: true },
  },
  "scoring.final.set": {
    scope: "A",
    input: async (w) => {
      await setRoundState(w, "CLOSED");
      const fields: Input = { reportId: w.reportA2, [finalNoteField(firstCriterion(w).id)]: "Thống nhất" };
      for (const c of allCriteria(w.tableA)) fields[finalField(c.id)] = c.section.kind === "SCORED" ? String(Math.max(c.maxHalf - 2, 0) / 2).replace(".", ",") : "0";
      return fields;
    },
    year: { scoped: true },
  },
  "scoring.final.suggest": {
    scope: "A",
    input: async (w) => {
      await runOk(closeScoringRound, w.actors.SECRETARIAT_A, { roundId: w.roundId, force: "on" });
      return { roundId: w.roundId };
    },
    year: { scoped: true },
  },
  "scoring.finalise": {
    scope: "A",
    input: async (w) => {
      await runOk(closeScoringRound, w.actors.SECRETARIAT_A, { roundId: w.roundId, force: "on" });
      await runOk(applySuggestedFinals, w.actors.SECRETARIAT_A, { roundId: w.roundId });
      return { roundId: w.roundId };
    },
    year: { scoped: true },
  },

  // --- Conference votes ---------------------------------------------------------------------------
  "vote.round.create": {
    scope: "A",
    input: (w) => ({ yearId: w.yearA.id, kind: "ACCLAIM", title: "Suy tôn Cờ thi đua của Bộ", titleCode: "CO_BCA", seats: "1", [`unit_${w.A2.id}`]: "on" }),
    stored: ["title"],
    year: { scoped: true },
  },
  "vote.round.update": {
    scope: "A",
    input: async (w) => ({ roundId: await draftVoteRound(w), title: "Bầu Cụm trưởng năm 2023", titleCode: "", seats: "", [`unit_${w.A2.id}`]: "on" }),
    stored: ["title"],
    year: { scoped: true },
  },
  "vote.round.delete": { scope: "A", input: async (w) => ({ roundId: await draftVoteRound(w) }), year: { scoped: true } },
  "vote.round.open": { scope: "A", input: async (w) => ({ roundId: await draftVoteRound(w) }), year: { scoped: true } },
  "vote.cast": {
    // The delegate's own unit, when it is a member of the round's cluster (A).
    scope: (w, actor) => (actor.clusterId === w.clusterA.id && actor.unitId ? { clusterId: w.clusterA.id, unitId: actor.unitId } : {}),
    input: async (w) => {
      const roundId = await openVoteRound(w);
      const candidate = await prisma.voteCandidate.findFirstOrThrow({ where: { roundId } });
      return { roundId, [`c_${candidate.id}`]: "yes" };
    },
    actor: "UNIT_HEAD_A1",
    year: { scoped: true },
  },
  "vote.round.close": { scope: "A", input: async (w) => ({ roundId: await votedRound(w) }), year: { scoped: true } },
  "vote.round.runoff": {
    scope: "A",
    input: async (w) => ({ roundId: await closedVoteRound(w) }),
    // Only a tied round has a run-off; a round whose candidate passed answers so.
    allowedRefusal: "Kết quả của vòng này đã rõ; không cần bỏ phiếu lại.",
    year: { scoped: true },
  },
  "vote.round.apply": { scope: "A", input: async (w) => ({ roundId: await closedVoteRound(w) }), year: { scoped: true } },
  "vote.chair.assign": {
    scope: "A",
    input: (w) => ({ yearId: w.yearA.id, chairUnitId: w.A2.id, chairAssignmentRef: "Quyết định số 123/QĐ-BCA ngày 05/01/2022" }),
    stored: ["chairAssignmentRef"],
    year: { scoped: true },
  },

  // --- Years --------------------------------------------------------------------------------------
  "year.open": {
    scope: "own-cluster",
    input: (w, actor) => ({ year: "2023", chairUnitId: actor.clusterId === w.clusterB.id ? w.B2.id : w.A2.id, deputyUnitId: "", movement: "" }),
    stored: ["movement"],
    year: NOT_YEAR("opens the next year; a closed latest year is exactly when the next one is opened"),
  },
  "year.leadership": { scope: "A", input: (w) => ({ yearId: w.yearA.id, chairUnitId: w.A1.id, deputyUnitId: "", movement: "Vì An ninh Tổ quốc" }), stored: ["movement"], year: { scoped: true } },
  "year.settings": { scope: "A", input: (w) => ({ yearId: w.yearA.id, ...settingsForm() }), year: { scoped: true } },
  "year.phase.advance": { scope: "A", input: (w) => ({ yearId: w.yearA.id, fromPhase: "REGISTRATION" }), year: { scoped: true } },
  "year.phase.revert": { scope: "A", input: (w) => ({ yearId: w.yearA.id, fromPhase: "REGISTRATION" }), year: { scoped: true } },
  "year.close": {
    scope: "A",
    input: async (w) => {
      await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "RESULTS" } });
      return { yearId: w.yearA.id, fromPhase: "RESULTS" };
    },
    year: { scoped: true },
  },

  "year.override.grant": {
    scope: "A",
    input: (w) => ({ yearId: w.yearA.id, action: "voting", reason: "Bỏ phiếu sớm theo đề nghị của các đơn vị", until: "" }),
    stored: ["reason"],
    year: { scoped: true },
  },
  "year.override.revoke": {
    scope: "A",
    input: async (w) => {
      const o = await prisma.phaseOverride.create({ data: { emulationYearId: w.yearA.id, action: "voting", reason: "Bỏ phiếu sớm", createdByName: "Thư ký cụm" } });
      return { overrideId: o.id, reason: "Đã hết nhu cầu" };
    },
    year: { scoped: true },
  },

  "year.amendClosed": {
    scope: "A1",
    input: async (w) => {
      await prisma.officerYearResult.create({
        data: { officerId: w.officers.A1[0]!.id, year: 2022, rating: "GOOD", awardedTitleCode: "CST", decisionNo: "45/QĐ-BCA", decisionDate: new Date("2022-12-20T00:00:00Z"), decisionSigner: "Thứ trưởng Lê Văn Hà", verified: true },
      });
      await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "CLOSED", closedAt: new Date() } });
      return { yearId: w.yearA.id, officerId: w.officers.A1[0]!.id, unitId: "", awardedTitleCode: "", rating: "GOOD", decisionNo: "07/QĐ-BCA", decisionDate: "20/01/2023", decisionSigner: "Thứ trưởng Lê Văn Hà", reason: "Thu hồi danh hiệu do phát hiện vi phạm trong năm" };
    },
    stored: ["decisionNo", "decisionSigner"],
    year: AMENDMENT_ONLY("the explicit amendment of a closed year's results: it refuses an open one instead"),
  },
  // Late records of a closed year and the closed year's joint agreement (issue 17 items 4, 5).
  "year.amendLateInitiative": {
    scope: "A1",
    input: async (w) => {
      await closeYearA(w);
      return { officerId: w.officers.A1[0]!.id, yearId: w.yearA.id, level: "BASE", title: "Quy trình tra cứu hồ sơ điện tử", decisionNo: "15/QĐ", ...AMENDING };
    },
    stored: ["title", "decisionNo"],
    year: AMENDMENT_ONLY("a closed year's late initiative: it refuses an open one (entered directly there)"),
  },
  "year.amendLateDiscipline": {
    scope: "A1",
    input: async (w) => {
      await closeYearA(w);
      return { officerId: w.officers.A1[0]!.id, yearId: w.yearA.id, form: "KHIEN_TRACH", status: "IN_FORCE", fromDate: "01/06/2022", toDate: "", note: "Vi phạm phát hiện sau khóa sổ", ...AMENDING };
    },
    stored: ["note"],
    year: AMENDMENT_ONLY("a closed year's late discipline record: it refuses an open one (entered directly there)"),
  },
  "agreement.save": {
    scope: "A",
    input: (w) => ({
      yearId: w.yearA.id,
      title: "Giao ước thi đua năm 2022",
      commitments: "1. Hoàn thành xuất sắc nhiệm vụ được giao.\n2. Tham gia đầy đủ các phong trào thi đua của Bộ.",
      place: "Hà Nội",
      signedOn: "",
      signed: "false",
      [`signer_name_${w.A1.id}`]: "Nguyễn Văn Minh",
      [`signer_position_${w.A1.id}`]: "Cục trưởng",
    }),
    stored: ["title", "place"],
    year: { scoped: true },
  },
  "agreement.amend": {
    scope: "A",
    input: async (w) => {
      await closeYearA(w);
      return {
        yearId: w.yearA.id,
        title: "Giao ước thi đua năm 2022",
        commitments: "1. Hoàn thành xuất sắc nhiệm vụ được giao.",
        place: "Hà Nội",
        signedOn: "15/11/2022",
        signed: "false",
        [`signer_name_${w.A1.id}`]: "Nguyễn Văn Minh",
        [`signer_position_${w.A1.id}`]: "Cục trưởng",
        ...AMENDING,
      };
    },
    stored: ["title", "place", "amendNo"],
    year: AMENDMENT_ONLY("a closed year's joint agreement corrected or recorded late: it refuses an open one"),
  },

  // --- Criteria (the table is published; every edit is then an amendment with a reason) -----------
  "criteria.create": {
    scope: "A",
    input: async (w) => {
      // A's next year, just opened, has no table yet (copied from 2022's).
      const next = await prisma.emulationYear.create({ data: { clusterId: w.clusterA.id, year: 2023, phase: "SETUP", settings: DEFAULT_YEAR_SETTINGS, chairUnitId: w.A2.id } });
      return { yearId: next.id, source: "previous" };
    },
    year: { scoped: true },
  },
  "criteria.publish": {
    scope: "A",
    input: async (w) => {
      await prisma.criteriaTable.update({ where: { id: w.tableA.id }, data: { publishedAt: null, frozenAt: null } });
      return { tableId: w.tableA.id };
    },
    year: { scoped: true },
  },
  "criteria.section.save": {
    scope: "A",
    input: (w) => ({ tableId: w.tableA.id, sectionId: firstSection(w).id, title: firstSection(w).title, max: String(firstSection(w).maxHalf / 2).replace(".", ","), amendmentReason: REASON }),
    stored: ["title"],
    year: { scoped: true },
  },
  "criteria.section.delete": {
    scope: "A",
    input: (w) => ({ sectionId: w.tableA.sections.at(-1)!.id, amendmentReason: REASON }),
    year: { scoped: true },
  },
  "criteria.move": { scope: "A", input: (w) => ({ part: "criterion", id: firstCriterion(w).id, direction: "down", amendmentReason: REASON }), year: { scoped: true } },
  "criteria.criterion.save": {
    scope: "A",
    input: (w) => ({ sectionId: "", criterionId: firstCriterion(w).id, title: firstCriterion(w).title, guidance: "Hướng dẫn chấm", max: String(firstCriterion(w).maxHalf / 2).replace(".", ","), evidenceRequired: "on", amendmentReason: REASON }),
    stored: ["title", "guidance"],
    year: { scoped: true },
  },
  "criteria.criterion.delete": {
    scope: "A",
    // A bonus/penalty item: the reports scored only the scored sections, and a scored criterion cannot be deleted.
    input: (w) => ({ criterionId: w.tableA.sections.find((s) => s.kind !== "SCORED")!.criteria.at(-1)!.id, amendmentReason: REASON }),
    year: { scoped: true },
  },
  "criteria.figure.save": { scope: "A", input: (w) => ({ tableId: w.tableA.id, figureId: "", label: "Số vụ án đã điều tra", unitLabel: "vụ", required: "on", amendmentReason: REASON }), stored: ["label", "unitLabel"], year: { scoped: true } },
  "criteria.figure.delete": {
    scope: "A",
    // A figure no unit has entered yet (the reports entered every existing one).
    input: async (w) => {
      await runOk(saveKeyFigure, w.actors.SECRETARIAT_A, { tableId: w.tableA.id, figureId: "", label: "Số lớp tập huấn", unitLabel: "lớp", amendmentReason: REASON });
      const figure = await prisma.keyFigureDefinition.findFirstOrThrow({ where: { tableId: w.tableA.id, label: "Số lớp tập huấn" } });
      return { figureId: figure.id, amendmentReason: REASON };
    },
    year: { scoped: true },
  },

  // --- Results, initiatives, discipline -----------------------------------------------------------
  "result.record": {
    scope: "A1",
    input: async (w) => ({
      ...(await resultsPhase(w)), yearId: w.yearA.id, officerId: w.officers.A1[0]!.id, rating: "GOOD", awardedTitleCode: "CST", decisionNo: "45/QĐ-BCA", decisionDate: "20/12/2022", decisionSigner: "Thứ trưởng Lê Văn Hà" }),
    stored: ["decisionNo", "decisionSigner"],
    year: { scoped: true },
  },
  "result.verify": {
    scope: "A1",
    input: async (w) => {
      await resultsPhase(w);
      await prisma.officerYearResult.create({ data: { officerId: w.officers.A1[0]!.id, year: 2022, rating: "GOOD", verified: false } });
      return { yearId: w.yearA.id, unitId: w.A1.id, officerId: "" };
    },
    year: { scoped: true },
  },
  "result.unit": {
    scope: "A1",
    // Recording "no title" (clearing it) needs no eligibility: the permission and the lock are what is tested.
    input: async (w) => ({ ...(await resultsPhase(w)), yearId: w.yearA.id, unitId: w.A1.id, awardedTitleCode: "", decisionNo: "", decisionDate: "", decisionSigner: "" }),
    stored: ["decisionNo", "decisionSigner"],
    year: { scoped: true },
  },
  "result.subUnit": {
    scope: "A1",
    // A1's sub-unit cleared of a title: the permission, the phase and the lock are what is tested.
    input: async (w) => ({ ...(await resultsPhase(w)), yearId: w.yearA.id, subUnitId: w.A1sub.id, awardedTitleCode: "", decisionNo: "", decisionDate: "", decisionSigner: "" }),
    stored: ["decisionNo", "decisionSigner"],
    year: { scoped: true },
  },
  "initiative.add": {
    scope: "A1",
    input: (w) => ({ officerId: w.officers.A1[0]!.id, year: "2022", level: "BASE", title: "Phần mềm quản lý hồ sơ thi đua", decisionNo: "12/QĐ" }),
    stored: ["title", "decisionNo"],
    year: { scoped: true },
  },
  "discipline.add": {
    scope: "A1",
    input: (w) => ({ officerId: w.officers.A1[0]!.id, form: "KHIEN_TRACH", status: "PENDING", fromDate: "01/06/2022", toDate: "", note: "" }),
    stored: ["note"],
    year: { scoped: true },
  },
  "discipline.update": {
    scope: "A1",
    input: (w) => ({ id: w.discipline.id, form: "KHIEN_TRACH", status: "CLEARED", fromDate: "01/03/2022", toDate: "", note: "Đã xem xét, không xử lý" }),
    stored: ["note"],
    year: { scoped: true },
  },
  // ---------------------------------------------------------------------------------------------
  // Issue 16 — notifications, e-mail, reminders, holidays (kept in one block; see commands/notifications.ts, holidays.ts)
  "notification.read": {
    // Everyone's own notification (the command checks the owner; anyone else's is "not found").
    scope: () => ({}),
    input: async (_w, actor) => ({ notificationId: (await ownNotification(actor)).id }),
    year: { scoped: false, why: "a user's own notification, not a record of an emulation year" },
  },
  "notification.readAll": {
    scope: () => ({}),
    input: async (_w, actor) => {
      await ownNotification(actor);
      return {};
    },
    year: { scoped: false, why: "a user's own notifications, not records of an emulation year" },
  },
  "profile.email": {
    scope: () => ({}),
    input: () => ({ email: "can.bo@bocongan.gov.vn", emailNotifications: "on" }),
    year: { scoped: false, why: "the user's own account settings" },
  },
  "account.password": {
    // Everyone's own password (issue 13): the actor's current one is set first, so that it can be given.
    scope: () => ({}),
    input: async (_w, actor) => {
      await prisma.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(OWN_PASSWORD) } });
      return { currentPassword: OWN_PASSWORD, password: "Sen-vang-moi@2022", confirmPassword: "Sen-vang-moi@2022" };
    },
    year: { scoped: false, why: "the user's own account, not a record of an emulation year" },
  },
  "user.email": {
    scope: "A1",
    input: (w) => ({ userId: w.actors.UNIT_OFFICER_A1.userId, email: "canbo.a1@bocongan.gov.vn" }),
    year: { scoped: false, why: "an account, not a record of an emulation year" },
  },
  "year.reminders": { scope: "A", input: (w) => ({ yearId: w.yearA.id, reminderOffsets: "7, 2" }), year: { scoped: true } },
  "holiday.add": {
    scope: "none",
    input: () => ({ date: "16/03/2022", name: "Ngày nghỉ thử nghiệm" }),
    year: { scoped: false, why: "the national holiday calendar, not a cluster's year" },
  },
  "holiday.remove": {
    scope: "none",
    input: async () => {
      await prisma.holiday.upsert({ where: { date: new Date("2022-03-17T00:00:00Z") }, create: { date: new Date("2022-03-17T00:00:00Z"), name: "Ngày nghỉ thử nghiệm" }, update: {} });
      return { date: "2022-03-17" };
    },
    year: { scoped: false, why: "the national holiday calendar, not a cluster's year" },
  },
  // ---------------------------------------------------------------------------------------------
  // Issue 14 — proposal dossiers, disclosure, the Ministry office, decisions, commendations
  "dossier.build": { scope: "A", input: async (w) => ({ ...(await resultsPhase(w)), yearId: w.yearA.id, memoNo: "15/TTr-CTĐ2" }), year: { scoped: true } },
  "dossier.item.add": {
    scope: "A",
    input: async (w) => ({ dossierId: (await dossierA(w, "DRAFT")).dossierId, kind: "UNIT_COMMENDATION", subjectId: w.A2.id, code: "BANG_KHEN_BO" }),
    year: { scoped: true },
  },
  "dossier.item.remove": { scope: "A", input: async (w) => ({ itemId: (await dossierA(w, "DRAFT")).itemId }), year: { scoped: true } },
  "dossier.publish": { scope: "A", input: async (w) => ({ dossierId: (await dossierA(w, "DRAFT")).dossierId }), year: { scoped: true } },
  "dossier.objection.lodge": {
    scope: ownUnitInA,
    input: async (w) => ({ itemId: (await dossierA(w, "DISCLOSING", { endsOn: "2099-12-31" })).itemId, reason: "Đơn vị chưa hoàn thành chỉ tiêu hiến máu năm 2022." }),
    stored: ["reason"],
    year: { scoped: true },
  },
  "dossier.objection.answer": {
    scope: "A",
    input: async (w) => {
      const { dossierId, itemId } = await dossierA(w, "DISCLOSING");
      const objection = await prisma.dossierObjection.create({ data: { dossierId, itemId, unitId: w.A2.id, authorName: "Cán bộ A2", reason: "Chưa hoàn thành chỉ tiêu." } });
      return { objectionId: objection.id, answer: "KEPT", answerText: "Đơn vị đã hoàn thành chỉ tiêu theo báo cáo tổng kết." };
    },
    stored: ["answerText"],
    year: { scoped: true },
  },
  "dossier.send": { scope: "A", input: async (w) => ({ dossierId: (await dossierA(w, "DISCLOSING", { endsOn: "2022-12-12" })).dossierId }), year: { scoped: true } },
  "dossier.return": {
    scope: "A",
    input: async (w) => ({ dossierId: (await dossierA(w, "SENT")).dossierId, reason: "Thiếu biên bản hội nghị tổng kết của cụm." }),
    stored: ["reason"],
    year: { scoped: true },
  },
  "dossier.accept": { scope: "A", input: async (w) => ({ dossierId: (await dossierA(w, "SENT")).dossierId }), year: { scoped: true } },
  "decision.record": {
    scope: "A",
    input: async (w) => {
      const { dossierId, itemId } = await dossierA(w, "ACCEPTED");
      return { dossierId, number: "5012/QĐ-BCA", date: "20/12/2022", signer: "Bộ trưởng Tô Lâm", level: "MINISTER", file: new File([PDF], "quyet-dinh.pdf", { type: "application/pdf" }), [`item_${itemId}`]: "on" };
    },
    stored: ["number", "signer"],
    year: { scoped: true },
  },
  "commendation.add": {
    scope: "A1",
    input: (w) => ({ subjectKind: "UNIT", subjectId: w.A1.id, year: "2022", formCode: "GIAY_KHEN", decisionNo: "88/QĐ-KTNV", decisionDate: "20/12/2022", decisionSigner: "Cục trưởng Cục Kỹ thuật nghiệp vụ" }),
    stored: ["decisionNo", "decisionSigner"],
    year: { scoped: true },
  },
  "commendation.import": {
    scope: "own-cluster",
    input: (w, actor) => ({
      fileName: "so-khen-thuong.xlsx",
      rows: [{ row: 2, year: 2022, subjectKind: "UNIT", unitCode: actor.clusterId === w.clusterB.id ? w.B1.code : w.A1.code, officerCode: null, fullName: null, formCode: "GIAY_KHEN", decisionNo: "89/QĐ-KTNV", decisionDate: "2022-12-20", decisionSigner: "Cục trưởng" }],
    }),
    year: { scoped: true },
  },
  "award.revoke": {
    scope: "A1",
    input: async (w) => {
      const result = await prisma.unitYearResult.upsert({
        where: { emulationYearId_unitId: { emulationYearId: w.yearA.id, unitId: w.A1.id } },
        create: { emulationYearId: w.yearA.id, unitId: w.A1.id, awardedTitleCode: "DV_TIEN_TIEN", decisionNo: "45/QĐ-BCA", decisionDate: new Date("2022-12-20T00:00:00Z"), decisionSigner: "Thứ trưởng" },
        update: { awardedTitleCode: "DV_TIEN_TIEN" },
      });
      return { kind: "UNIT_TITLE", id: result.id, reason: "Thành tích kê khai không đúng sự thật.", decisionNo: "12/QĐ-BCA" };
    },
    stored: ["reason", "decisionNo"],
    year: { scoped: false, why: "revocation (thu hồi) corrects any past year by law: an explicit, audited correction like an amendment" },
  },
  // ---------------------------------------------------------------------------------------------
  // Movements and drives (issue 17): a movement has its own period and status, not a year's phase.
  "movement.launch": {
    scope: "own-cluster",
    // The secretariat launches its cluster's movement, the admin one of the whole Ministry.
    input: (_w, actor) => ({ ...MOVEMENT_FORM, scope: actor.role === "ADMIN" ? "MINISTRY" : "CLUSTER" }),
    stored: ["name"],
    year: NOT_YEAR("a movement has its own period and status (closed: read-only), not an emulation year's phase"),
  },
  "movement.update": {
    scope: "A",
    input: async (w) => {
      const m = await openMovement(w.clusterA.id);
      return { ...MOVEMENT_FORM, movementId: m.id, "figureId.0": m.figureId, name: "Đợt thi đua cao điểm (sửa)" };
    },
    stored: ["name"],
    year: NOT_YEAR("a movement has its own period and status (closed: read-only), not an emulation year's phase"),
  },
  "movement.close": {
    scope: "A",
    input: async (w) => ({ movementId: (await openMovement(w.clusterA.id)).id, confirm: "on" }),
    year: NOT_YEAR("a movement has its own period and status (closed: read-only), not an emulation year's phase"),
  },
  // A unit enters figures of a movement its own cluster takes part in.
  "movement.figures.save": {
    scope: "own-unit",
    input: async (w, actor) => {
      const m = await openMovement(actor.clusterId ?? w.clusterA.id);
      return { movementId: m.id, [`value.${m.figureId}`]: "1.250" };
    },
    year: NOT_YEAR("a movement has its own period and status (closed: read-only), not an emulation year's phase"),
  },
  "movement.evidence.upload": {
    scope: "own-unit",
    input: async (w, actor) => ({ movementId: (await openMovement(actor.clusterId ?? w.clusterA.id)).id, file: new File([PDF], "minh-chung.pdf", { type: "application/pdf" }) }),
    year: NOT_YEAR("a movement has its own period and status (closed: read-only), not an emulation year's phase"),
  },
  "movement.evidence.delete": {
    scope: "own-unit",
    input: async (w, actor) => {
      const m = await openMovement(actor.clusterId ?? w.clusterA.id);
      const unitId = actor.unitId ?? w.A1.id;
      const file = await prisma.movementEvidence.create({
        data: { movementId: m.id, unitId, fileName: "minh-chung.pdf", contentType: "application/pdf", size: PDF.byteLength, sha256: "0".repeat(64), data: PDF, uploadedByName: "Cán bộ" },
      });
      return { movementId: m.id, fileId: file.id };
    },
    year: NOT_YEAR("a movement has its own period and status (closed: read-only), not an emulation year's phase"),
  },
};

/**
 * Cluster A's 2022 dossier (issue 14) in the given state with one proposal (a Bằng khen for unit A1),
 * as the commands would have left it; idempotent, so that a fixture may prepare it again.
 */
async function dossierA(w: World, status: "DRAFT" | "DISCLOSING" | "SENT" | "ACCEPTED", window: { endsOn?: string } = {}) {
  await prisma.emulationYear.update({ where: { id: w.yearA.id }, data: { phase: "RESULTS" } });
  const endsOn = window.endsOn ?? (status === "DRAFT" ? null : "2022-12-12");
  const data = { status, disclosedAt: endsOn ? new Date("2022-12-05T02:00:00Z") : null, disclosureDays: endsOn ? 5 : null, disclosureEndsOn: endsOn ? new Date(`${endsOn}T00:00:00Z`) : null };
  const dossier = await prisma.dossier.upsert({ where: { emulationYearId: w.yearA.id }, create: { emulationYearId: w.yearA.id, ...data }, update: data });
  const item = await prisma.dossierItem.upsert({
    where: { dossierId_subjectKey: { dossierId: dossier.id, subjectKey: `UNIT_COMMENDATION:${w.A1.id}` } },
    create: {
      dossierId: dossier.id,
      kind: "UNIT_COMMENDATION",
      unitId: w.A1.id,
      commendationForm: "BANG_KHEN_BO",
      subjectKey: `UNIT_COMMENDATION:${w.A1.id}`,
      evidence: { takenAt: "2022-12-01T00:00:00.000Z", vote: null, eligibility: null, report: null },
      addedAt: new Date("2022-12-01T00:00:00Z"),
      addedByName: "Thư ký Cụm",
    },
    update: {},
  });
  return { dossierId: dossier.id, itemId: item.id };
}

/** The launch and edit form of a movement: name, purpose, period, one figure. */
const MOVEMENT_FORM = {
  name: "Đợt thi đua cao điểm",
  purpose: "Lập thành tích chào mừng kỷ niệm ngày truyền thống.",
  fromDate: "01/01/2000",
  toDate: "31/12/2099",
  "label.0": "Số lượt người tham gia",
  "unitLabel.0": "lượt người",
};
/** An open movement of the cluster, in its period (today), with one figure. */
async function openMovement(clusterId: string) {
  const m = await prisma.movement.create({
    data: {
      name: "Đợt thi đua cao điểm",
      purpose: "Lập thành tích chào mừng.",
      fromDate: new Date("2000-01-01T00:00:00Z"),
      toDate: new Date("2099-12-31T00:00:00Z"),
      scope: "CLUSTER",
      clusterId,
      launchedByName: "Thư ký cụm",
      figures: { create: [{ position: 1, label: "Số lượt người tham gia", unitLabel: "lượt người" }] },
    },
    select: { id: true, figures: { select: { id: true } } },
  });
  return { id: m.id, figureId: m.figures[0]!.id };
}

/** The password the account.password case gives as the actor's current one. */
const OWN_PASSWORD = "Mat-khau-hien-tai-1";

/** A notification of the actor's own (issue 16 fixtures). */
function ownNotification(actor: Actor) {
  return prisma.notification.create({
    data: { userId: actor.userId, kind: "REPORT_ACCEPTED", subjectType: "REPORT", title: "Báo cáo được tiếp nhận", body: "Thử nghiệm." },
  });
}
