// Benchmark of the proposal dossier (issue 14) on a real Postgres (a throwaway database, removed
// afterwards), through the command layer (executeCommand: authorisation, validation, locks, the rules,
// the audit row). The data is the registration benchmark's (registration-data.ts): one unit of 5,000
// officers with 10 years of history in a cluster of ten units; the year is put in its RESULTS phase and
// the big unit acclaimed for the Ministry flag in a closed round. Measures:
// - dossier.build for the cluster (the acclaimed unit's eligibility over its 5,000 officers' facts),
//   rebuilt `runs` times (the dossier deleted between runs): median and max (target < 2 s);
// - dossier.item.add of a CSTĐ CAND and of a Bằng khen for an officer of the big unit (quota over the
//   unit's awarded titles, the officer's history);
// - decision.record approving 1,000 individual items (500 CSTĐ CAND, 500 Bằng khen, inserted straight
//   into an accepted dossier): officers' results and commendations written in the same transaction,
//   `runs` times on fresh items (target < 2 s).
// Not a test: it prints the figures. The machine may be shared: the load average is printed.
//   npx tsx scripts/bench/dossier.ts [officers=5000] [items=1000] [runs=3]
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";
import { seedRegistrationBench } from "./registration-data";

const OFFICERS = Number(process.argv[2] ?? 5000);
const ITEMS = Number(process.argv[3] ?? 1000);
const RUNS = Number(process.argv[4] ?? 3);
const YEAR = 2022;
const TARGET_MS = 2000;
const root = path.resolve(import.meta.dirname, "../..");
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" / ");

const db = await openThrowawayDatabase("bench_dossier");
let disconnect: (() => Promise<void>) | undefined;
try {
  migrateDeploy(root, db.url);
  process.env.DATABASE_URL = db.url;
  const { prisma } = await import("../../src/server/db");
  disconnect = () => prisma.$disconnect();
  const { executeCommand } = await import("../../src/server/commands/command");
  const { addDossierItem, buildDossier, recordDecision } = await import("../../src/server/commands/dossiers");
  type Actor = import("../../src/domain/permissions").Actor;

  const data = await seedRegistrationBench(prisma, { officers: OFFICERS, year: YEAR });
  console.log(data.summary);
  await prisma.emulationYear.update({ where: { id: data.yearId }, data: { phase: "RESULTS" } });
  const members = await prisma.unit.findMany({ where: { clusterId: data.clusterId, parentId: null }, select: { id: true } });
  // A closed acclaim round: every member unit approves the big unit for the Ministry flag.
  const round = await prisma.voteRound.create({
    data: {
      emulationYearId: data.yearId, kind: "ACCLAIM", title: `Suy tôn Cờ thi đua của Bộ Công an năm ${YEAR}`, titleCode: "CO_BCA", seats: 1, state: "CLOSED",
      passThreshold: "MORE_THAN_HALF", quorum: members.length, electorateSize: members.length, openedAt: new Date(), closedAt: new Date(),
      candidates: { create: [{ unitId: data.unitId, position: 1 }] },
    },
    include: { candidates: true },
  });
  await prisma.voteParticipation.createMany({ data: members.map((m) => ({ roundId: round.id, unitId: m.id })) });
  for (let i = 0; i < members.length; i++) {
    const ballot = await prisma.ballot.create({ data: { roundId: round.id } });
    await prisma.ballotChoice.create({ data: { ballotId: ballot.id, candidateId: round.candidates[0]!.id, approve: true } });
  }
  const sec = await prisma.user.findUniqueOrThrow({ where: { id: data.secretariatUserId } });
  const secretariat: Actor = { userId: sec.id, username: sec.username, displayName: sec.displayName, role: "SECRETARIAT", clusterId: data.clusterId, unitId: null, chairOfClusterIds: [] };
  const min = await prisma.user.create({ data: { username: "bench.bo", passwordHash: "-", displayName: "Văn phòng Thường trực (thử tải)", role: "MINISTRY" } });
  const ministry: Actor = { userId: min.id, username: min.username, displayName: min.displayName, role: "MINISTRY", clusterId: null, unitId: null, chairOfClusterIds: [] };

  const dropDossier = async () => {
    const d = await prisma.dossier.findUnique({ where: { emulationYearId: data.yearId }, select: { id: true } });
    if (!d) return;
    await prisma.commendation.deleteMany({ where: { decision: { dossierId: d.id } } });
    await prisma.officerYearResult.updateMany({ where: { decision: { dossierId: d.id } }, data: { decisionId: null, awardedTitleCode: null } });
    await prisma.unitYearResult.updateMany({ where: { decision: { dossierId: d.id } }, data: { decisionId: null } });
    await prisma.dossierItem.deleteMany({ where: { dossierId: d.id } });
    await prisma.dossierEvent.deleteMany({ where: { dossierId: d.id } });
    await prisma.awardDecision.deleteMany({ where: { dossierId: d.id } });
    await prisma.dossier.delete({ where: { id: d.id } });
  };

  console.log(`\nMáy: ${os.cpus().length} CPU, tải trung bình (1/5/15 phút) ${load()} — máy dùng chung với các tác tử khác, số đo có thể chậm hơn máy riêng.`);
  // --- dossier.build -----------------------------------------------------------------------------
  const buildTimes: number[] = [];
  const buildCpu: number[] = [];
  let buildMessage = "";
  for (let i = 0; i <= RUNS; i++) {
    await dropDossier();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const r = await executeCommand(buildDossier, secretariat, { yearId: data.yearId, memoNo: `${i + 1}/TTr` });
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!r.ok) throw new Error(r.message);
    buildMessage = r.message ?? "";
    if (i > 0) {
      // the first run warms up (JIT, pool, plans)
      buildTimes.push(ms);
      buildCpu.push((used.user + used.system) / 1000);
    }
  }
  const dossierId = (await prisma.dossier.findUniqueOrThrow({ where: { emulationYearId: data.yearId } })).id;
  console.log(`Lập hồ sơ (dossier.build, đơn vị ${OFFICERS.toLocaleString("vi-VN")} cán bộ được suy tôn): trung vị ${fmt(median(buildTimes))}, tối đa ${fmt(Math.max(...buildTimes))} ` +
    `(${RUNS} lần) — ${(median(buildTimes) / TARGET_MS).toFixed(2)} × mục tiêu 2 s; CPU của tiến trình Node ${fmt(median(buildCpu))}`);
  console.log(`  ${buildMessage.length > 240 ? `${buildMessage.slice(0, 240)}…` : buildMessage}`);

  // --- dossier.item.add over the big unit ---------------------------------------------------------
  for (const [kind, code, officer] of [["OFFICER_TITLE", "CSTD_CAND", data.bigOfficers[1]!], ["OFFICER_COMMENDATION", "BANG_KHEN_BO", data.bigOfficers[2]!]] as const) {
    const start = performance.now();
    const r = await executeCommand(addDossierItem, secretariat, { dossierId, kind, subjectId: officer.id, code });
    console.log(`Thêm đề nghị ${code} (dossier.item.add, đơn vị ${OFFICERS.toLocaleString("vi-VN")} cán bộ): ${fmt(performance.now() - start)} — ${r.ok ? "được thêm" : `từ chối: ${(r.message ?? "").slice(0, 160)}…`}`);
  }

  // --- decision.record approving ITEMS individual items ------------------------------------------
  const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
  const decideTimes: number[] = [];
  const decideCpu: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    await prisma.dossierItem.deleteMany({ where: { dossierId, kind: { in: ["OFFICER_TITLE", "OFFICER_COMMENDATION"] }, status: "PROPOSED" } });
    const chosen = data.bigOfficers.slice(3 + run * ITEMS, 3 + (run + 1) * ITEMS);
    if (chosen.length < ITEMS) throw new Error(`Not enough officers for ${RUNS + 1} runs of ${ITEMS} items`);
    const items = await prisma.dossierItem.createManyAndReturn({
      data: chosen.map((o, i) => {
        const kind = i % 2 === 0 ? ("OFFICER_TITLE" as const) : ("OFFICER_COMMENDATION" as const);
        return { dossierId, kind, unitId: data.unitId, officerId: o.id, titleCode: kind === "OFFICER_TITLE" ? "CSTD_CAND" : null, commendationForm: kind === "OFFICER_TITLE" ? null : "BANG_KHEN_BO", subjectKey: `${kind}:${o.id}`, evidence: {}, addedByName: "bench" };
      }),
      select: { id: true },
    });
    await prisma.dossier.update({ where: { id: dossierId }, data: { status: "ACCEPTED", sendCount: 1, sentAt: new Date(), acceptedAt: new Date() } });
    const form: Record<string, unknown> = { dossierId, number: `${5000 + run}/QĐ-BCA`, date: "20/12/2022", signer: "Bộ trưởng", level: "MINISTER", file: new File([PDF], "qd.pdf", { type: "application/pdf" }) };
    for (const it of items) form[`item_${it.id}`] = "on";
    const cpu = process.cpuUsage();
    const start = performance.now();
    const r = await executeCommand(recordDecision, ministry, form);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (!r.ok) throw new Error(r.message);
    if (run > 0) {
      decideTimes.push(ms);
      decideCpu.push((used.user + used.system) / 1000);
    }
    const written = await prisma.officerYearResult.count({ where: { decision: { number: `${5000 + run}/QĐ-BCA` } } });
    const commendations = await prisma.commendation.count({ where: { decisionNo: `${5000 + run}/QĐ-BCA` } });
    if (written !== Math.ceil(ITEMS / 2) || commendations !== Math.floor(ITEMS / 2)) throw new Error(`decision wrote ${written} results and ${commendations} commendations`);
  }
  console.log(`Ghi quyết định phê duyệt ${ITEMS.toLocaleString("vi-VN")} đề nghị cá nhân (decision.record: ${Math.ceil(ITEMS / 2)} danh hiệu + ${Math.floor(ITEMS / 2)} Bằng khen): trung vị ${fmt(median(decideTimes))}, ` +
    `tối đa ${fmt(Math.max(...decideTimes))} (${RUNS} lần) — ${(median(decideTimes) / TARGET_MS).toFixed(2)} × mục tiêu 2 s; CPU của tiến trình Node ${fmt(median(decideCpu))} ` +
    `(phần còn lại: Postgres và chờ CPU trên máy dùng chung)`);
  console.log(`Tải trung bình sau khi đo: ${load()}`);
} finally {
  // Close the pool first: the embedded server's shutdown waits for its clients.
  await disconnect?.().catch(() => {});
  await db.stop();
}
