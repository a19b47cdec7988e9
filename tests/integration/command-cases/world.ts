// The world the permission matrix, the closed-year and the command fuzz tests run in: two clusters, A (units A1, the
// chair unit of A's year, and A2) and B (unit B1), officers, an open 2022 year per cluster (in its
// registration phase) with a
// published criteria table, A1's and A2's year-end reports accepted and an open cross-scoring round
// (A1 scores A2, A2 scores A1), a discipline record and one actor of every kind. Built once per file,
// then copied aside (snapshot) so that every case that may write starts from exactly this world
// (restore): cheaper than rebuilding it and keeps the cases independent of their order.
import type { Actor } from "@/domain/permissions";
import { allCriteria, explainField, figureField, scoreField, type CriteriaTableDef } from "@/domain/scoring";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { acceptReport, saveReportDraft, startReport, submitReport, uploadEvidence } from "@/server/commands/reports";
import { openScoringRound } from "@/server/commands/scoring";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { CRITERIA_2022, insertCriteriaTable } from "@/server/seed/criteria-2022";
import { expectOk } from "../../support/action-result";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma } from "../fixtures";

export const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
const SNAPSHOT_SCHEMA = "matrix_snapshot";

/** Every scored criterion filled (one point below its max), with explanations, figures and narrative. */
export function reportFields(table: CriteriaTableDef, reportId: string, version: number) {
  const fields: Record<string, string> = { reportId, version: String(version), narrative: "Báo cáo tổng kết năm 2022." };
  for (const c of allCriteria(table)) {
    if (c.section.kind !== "SCORED") continue;
    fields[scoreField(c.id)] = String(Math.max(c.maxHalf - 2, 0) / 2).replace(".", ",");
    fields[explainField(c.id)] = "Kết quả thực hiện.";
  }
  for (const f of table.keyFigures) fields[figureField(f.id)] = "100";
  return fields;
}

async function acceptedReport(table: CriteriaTableDef, yearId: string, officer: Actor, head: Actor, secretariat: Actor) {
  const { id: reportId } = expectOk(await executeCommand(startReport, officer, { yearId, kind: "YEAR_END" }));
  expectOk(await executeCommand(saveReportDraft, officer, reportFields(table, reportId, 0)));
  const evidence = allCriteria(table).find((c) => c.evidenceRequired && c.section.kind === "SCORED")!;
  expectOk(await executeCommand(uploadEvidence, officer, { reportId, criterionId: evidence.id, file: new File([PDF], "minh-chung.pdf", { type: "application/pdf" }) }));
  const { draftVersion } = await prisma.unitReport.findUniqueOrThrow({ where: { id: reportId } });
  expectOk(await executeCommand(submitReport, head, { reportId, version: draftVersion }));
  expectOk(await executeCommand(acceptReport, secretariat, { reportId }));
  return reportId;
}

export async function buildWorld() {
  await seedTitleCatalogue(prisma);
  const clusterA = await makeCluster("Cụm thi đua số 2");
  const clusterB = await makeCluster("Cụm thi đua số 5");
  const A1 = await makeUnit(clusterA.id, "Cục Kỹ thuật nghiệp vụ");
  const A2 = await makeUnit(clusterA.id, "Cục Ngoại tuyến");
  const A1sub = await makeUnit(clusterA.id, "Phòng Kỹ thuật 1", A1.id);
  const B1 = await makeUnit(clusterB.id, "Công an tỉnh Cao Bằng");
  const B2 = await makeUnit(clusterB.id, "Công an tỉnh Hà Giang");
  const officers = {
    A1: [await makeOfficer(A1.id, "Lường Thị Ngọc Ánh", { code: "A1-001" }), await makeOfficer(A1.id, "Nguyễn Văn Bình", { code: "A1-002" })],
    A2: [await makeOfficer(A2.id, "Trần Thị Cúc", { code: "A2-001" })],
    B1: [await makeOfficer(B1.id, "Lê Văn Dũng", { code: "B1-001" })],
  };
  // Deadlines far ahead (the clock keeps running); self-votes allowed so both A delegates may vote for A2.
  const settings = { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2099-12-31", reportDeadline: "2099-12-31", allowSelfVote: true };
  const yearA = await prisma.emulationYear.create({ data: { clusterId: clusterA.id, year: 2022, phase: "REGISTRATION", settings, chairUnitId: A1.id, deputyUnitId: A2.id } });
  const yearB = await prisma.emulationYear.create({ data: { clusterId: clusterB.id, year: 2022, phase: "REGISTRATION", settings, chairUnitId: B1.id } });
  const tableA = await prisma.$transaction((tx) => insertCriteriaTable(tx, yearA.id, CRITERIA_2022, { publishedAt: new Date() }));
  await prisma.$transaction((tx) => insertCriteriaTable(tx, yearB.id, CRITERIA_2022, { publishedAt: new Date() }));

  const actors = {
    ADMIN: await makeActor("ADMIN"),
    SECRETARIAT_A: await makeActor("SECRETARIAT", { clusterId: clusterA.id }),
    SECRETARIAT_B: await makeActor("SECRETARIAT", { clusterId: clusterB.id }),
    UNIT_OFFICER_A1: await makeActor("UNIT_OFFICER", { clusterId: clusterA.id, unitId: A1.id }),
    UNIT_OFFICER_A2: await makeActor("UNIT_OFFICER", { clusterId: clusterA.id, unitId: A2.id }),
    UNIT_OFFICER_B1: await makeActor("UNIT_OFFICER", { clusterId: clusterB.id, unitId: B1.id }),
    // A1 chairs cluster A's current year: its head is the chair (as src/server/auth/actor.ts loads it).
    UNIT_HEAD_A1: { ...(await makeActor("UNIT_HEAD", { clusterId: clusterA.id, unitId: A1.id })), chairOfClusterIds: [clusterA.id] },
    UNIT_HEAD_A2: await makeActor("UNIT_HEAD", { clusterId: clusterA.id, unitId: A2.id }),
    // The Ministry emulation office (issue 14): every cluster, no unit.
    MINISTRY: await makeActor("MINISTRY"),
  } satisfies Record<string, Actor>;

  // Reports are written in the reporting phase, the scoring round opened in the scoring phase; then
  // the year is back in registration, where the cases start (command-cases/phases.ts moves it on).
  const inPhase = (phase: "REPORTING" | "SCORING" | "REGISTRATION") => prisma.emulationYear.update({ where: { id: yearA.id }, data: { phase } });
  await inPhase("REPORTING");
  const reportA1 = await acceptedReport(tableA, yearA.id, actors.UNIT_OFFICER_A1, actors.UNIT_HEAD_A1, actors.SECRETARIAT_A);
  const reportA2 = await acceptedReport(tableA, yearA.id, actors.UNIT_OFFICER_A2, actors.UNIT_HEAD_A2, actors.SECRETARIAT_A);
  await inPhase("SCORING");
  const { id: roundId } = expectOk(await executeCommand(openScoringRound, actors.SECRETARIAT_A, { yearId: yearA.id, scorersPerReport: "1" }));
  await inPhase("REGISTRATION");
  const assignmentA1 = await prisma.crossAssignment.findFirstOrThrow({ where: { roundId, scorerUnitId: A1.id } });
  const discipline = await prisma.discipline.create({
    data: { officerId: officers.A1[1]!.id, form: "KHIEN_TRACH", status: "PENDING", fromDate: new Date("2022-03-01T00:00:00Z") },
  });
  return { clusterA, clusterB, A1, A2, A1sub, B1, B2, officers, yearA, yearB, tableA, actors, reportA1, reportA2, roundId, assignmentA1, discipline };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
export type ActorKey = keyof World["actors"];

/** The app's tables (all but the migration history and SecurityEvent, where a refused command's trace
 * is written on purpose, after the rollback). */
export async function publicTables(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ t: string }[]>`
    SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'SecurityEvent') ORDER BY tablename`;
  return rows.map((r) => r.t);
}

let saved: Record<string, string> = {};

/** Copies every table aside (in its own schema) so that restore() can bring this state back. */
export async function snapshot() {
  const tables = await publicTables();
  await prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`);
  await prisma.$executeRawUnsafe(`CREATE SCHEMA ${SNAPSHOT_SCHEMA}`);
  for (const t of tables) await prisma.$executeRawUnsafe(`CREATE TABLE ${SNAPSHOT_SCHEMA}."${t}" AS TABLE public."${t}"`);
  saved = await fingerprint();
}

/**
 * Puts back, as snapshot() saw them, the tables whose rows differ from it. Triggers (and with them
 * the foreign-key checks) are off for this transaction only: the summary tables come back from the
 * copy, as the rows they summarise do.
 */
export async function restore() {
  const now = await fingerprint();
  const changed = Object.keys(saved).filter((t) => now[t] !== saved[t]);
  if (changed.length === 0) return;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    for (const t of changed) {
      await tx.$executeRawUnsafe(`DELETE FROM public."${t}"`);
      await tx.$executeRawUnsafe(`INSERT INTO public."${t}" SELECT * FROM ${SNAPSHOT_SCHEMA}."${t}"`);
    }
  });
}

export async function dropSnapshot() {
  await prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`);
}

/**
 * A fingerprint of every row of every table (count, and two order-free sums of row hashes): equal
 * before and after ⇔ nothing was written, inserted, changed or deleted.
 */
export async function fingerprint(): Promise<Record<string, string>> {
  const tables = await publicTables();
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t}' AS t, count(*)::int AS n, coalesce(sum(hashtext(x::text)::numeric), 0)::text || '/' || coalesce(sum(hashtext(md5(x::text))::numeric), 0)::text AS h FROM public."${t}" x`,
    )
    .join(" UNION ALL ");
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}
