// Issue 16: notifications from commands (who is told, and only those who may see the thing), the
// reminder run (working days, holidays, once per unit and deadline — also with two queue workers at
// once), the secretariat's digest, and "no longer available".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { seededHolidays } from "@/domain/holidays-vn";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { markAllNotificationsRead, markNotificationRead, updateReminderOffsets } from "@/server/commands/notifications";
import { addHoliday, removeHoliday } from "@/server/commands/holidays";
import { returnReport } from "@/server/commands/reports";
import { createRound, openRound } from "@/server/commands/votes";
import { startJobs, REMINDERS_QUEUE, type Jobs } from "@/server/jobs/queue";
import { runReminders } from "@/server/notifications/reminders";
import { loadActor } from "@/server/auth/actor";
import { cachedRemindersOverview, notificationDetail, notificationsPage, remindersOverview, unreadCount } from "@/server/queries/notifications";
import { bumpDataVersion, clusterDataVersion } from "@/server/cache/data-version";
import { advanceYearTo, makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";
import { buildWorld, type World } from "./command-cases/world";
import { NotFoundError } from "@/server/errors";

const at = (isoDay: string, time = "07:00") => new Date(`${isoDay}T${time}:00+07:00`);
const kindsOf = async (actor: Actor) => (await prisma.notification.findMany({ where: { userId: actor.userId }, select: { kind: true } })).map((n) => n.kind).sort();

async function seedHolidays() {
  await prisma.holiday.createMany({ data: seededHolidays().map((h) => ({ date: new Date(`${h.date}T00:00:00Z`), name: h.name })), skipDuplicates: true });
}

describe("notifications from commands", () => {
  let w: World;
  beforeAll(async () => {
    await resetDatabase();
    w = await buildWorld();
  }, 120_000);

  it("tells the secretariat of a submitted report, the unit of its acceptance, the scorers of their sheets — nobody else", async () => {
    expect(await kindsOf(w.actors.SECRETARIAT_A)).toEqual(["REPORT_SUBMITTED", "REPORT_SUBMITTED"]);
    expect(await kindsOf(w.actors.UNIT_OFFICER_A1)).toEqual(["CROSS_SCORING_OPENED", "REPORT_ACCEPTED"]);
    // The head approved (and so read) the draft: the "awaiting approval" notice is settled.
    const head = await prisma.notification.findMany({ where: { userId: w.actors.UNIT_HEAD_A1.userId }, orderBy: { kind: "asc" } });
    expect(head.map((n) => n.kind)).toEqual(["CROSS_SCORING_OPENED", "REPORT_ACCEPTED", "REPORT_AWAITING_APPROVAL"]);
    expect(head.find((n) => n.kind === "REPORT_AWAITING_APPROVAL")!.readAt).not.toBeNull();
    for (const other of [w.actors.SECRETARIAT_B, w.actors.UNIT_OFFICER_B1, w.actors.ADMIN]) expect(await kindsOf(other)).toEqual([]);
    // A2's people hear nothing about A1's report.
    const a2 = await prisma.notification.findMany({ where: { userId: w.actors.UNIT_OFFICER_A2.userId, subjectId: w.reportA1 } });
    expect(a2).toEqual([]);
  });

  it("a returned report: its unit's officer and head are told the reason, and the notification leads to the report", async () => {
    await prisma.unitReport.update({ where: { id: w.reportA1 }, data: { status: "SUBMITTED" } });
    await advanceYearTo(w.actors.SECRETARIAT_A, w.yearA.id, "REPORTING");
    const result = await executeCommand(returnReport, w.actors.SECRETARIAT_A, { reportId: w.reportA1, reason: "Thiếu minh chứng tiêu chí 2." });
    expect(result).toMatchObject({ ok: true });
    for (const who of [w.actors.UNIT_OFFICER_A1, w.actors.UNIT_HEAD_A1]) {
      const n = await prisma.notification.findFirstOrThrow({ where: { userId: who.userId, kind: "REPORT_RETURNED" } });
      expect(n.body).toContain("Thiếu minh chứng tiêu chí 2.");
      expect(n.href).toBe(`/reports/${w.reportA1}`);
      expect((await notificationDetail(who, n.id)).available).toBe(true);
    }
    expect(await prisma.notification.count({ where: { kind: "REPORT_RETURNED", userId: { notIn: [w.actors.UNIT_OFFICER_A1.userId, w.actors.UNIT_HEAD_A1.userId] } } })).toBe(0);
  });

  it("a vote round opens: each member unit's head (the delegate), not the officers", async () => {
    await advanceYearTo(w.actors.SECRETARIAT_A, w.yearA.id, "CONFERENCE");
    const created = await executeCommand(createRound, w.actors.SECRETARIAT_A, { yearId: w.yearA.id, kind: "CHAIR_ELECTION", [`unit_${w.A2.id}`]: "on" });
    const roundId = (created as { data: { id: string } }).data.id;
    expect(await executeCommand(openRound, w.actors.SECRETARIAT_A, { roundId })).toMatchObject({ ok: true });
    const told = await prisma.notification.findMany({ where: { kind: "VOTE_OPENED" }, select: { userId: true, href: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.actors.UNIT_HEAD_A1.userId, w.actors.UNIT_HEAD_A2.userId].sort());
    expect(told[0]!.href).toBe(`/conference/rounds/${roundId}/vote`);
  });

  it("shows 'no longer available' for a deleted record and for one out of the reader's scope, without an error", async () => {
    const head = w.actors.UNIT_HEAD_A2;
    const vote = await prisma.notification.findFirstOrThrow({ where: { userId: head.userId, kind: "VOTE_OPENED" } });
    expect((await notificationDetail(head, vote.id)).available).toBe(true);
    await prisma.$executeRaw`DELETE FROM "VoteCandidate" WHERE "roundId" = ${vote.subjectId}::uuid`;
    await prisma.$executeRaw`DELETE FROM "VoteRound" WHERE id = ${vote.subjectId}::uuid`;
    expect((await notificationDetail(head, vote.id)).available).toBe(false);

    // The officer of A1 moves to A2: A1's report is no longer theirs to see.
    const officer = w.actors.UNIT_OFFICER_A1;
    await prisma.user.update({ where: { id: officer.userId }, data: { unitId: w.A2.id } });
    const moved = (await loadActor(officer.userId))!;
    const page = await notificationsPage(moved, { page: 1 });
    const returned = page.items.find((n) => n.kind === "REPORT_RETURNED")!;
    expect(returned.available).toBe(false);
    expect((await notificationDetail(moved, returned.id)).available).toBe(false);
    await prisma.user.update({ where: { id: officer.userId }, data: { unitId: w.A1.id } });
    // Someone else's notification: not found (404), like any record out of scope.
    await expect(notificationDetail(w.actors.UNIT_OFFICER_A2, returned.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("marks one, then all, read — and nobody can mark another's", async () => {
    const officer = w.actors.UNIT_OFFICER_A1;
    const before = await unreadCount(officer);
    expect(before).toBeGreaterThan(1);
    const one = await prisma.notification.findFirstOrThrow({ where: { userId: officer.userId, readAt: null } });
    expect(await executeCommand(markNotificationRead, w.actors.UNIT_OFFICER_A2, { notificationId: one.id })).toMatchObject({ ok: false });
    expect(await executeCommand(markNotificationRead, officer, { notificationId: one.id })).toMatchObject({ ok: true });
    expect(await unreadCount(officer)).toBe(before - 1);
    expect(await executeCommand(markAllNotificationsRead, officer, {})).toMatchObject({ ok: true });
    expect(await unreadCount(officer)).toBe(0);
  });
});

describe("reminders", () => {
  let cluster: { id: string };
  let units: { id: string; name: string }[];
  let people: Record<string, Actor>;
  let secretariat: Actor;

  beforeAll(async () => {
    await resetDatabase();
    await seedHolidays();
    cluster = await makeCluster();
    units = [await makeUnit(cluster.id, "Cục An ninh mạng"), await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ"), await makeUnit(cluster.id, "Cục Quản lý xuất nhập cảnh")];
    people = {};
    for (const [i, u] of units.entries()) {
      people[`officer${i}`] = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: u.id });
      people[`head${i}`] = await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: u.id });
    }
    secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    // Registration due Friday 06/05/2022, after 30/4 (Sat), 1/5 (Sun) and the days off in lieu 2–3/5;
    // the mid-year report due Monday 28/03/2022.
    const settings = { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-05-06", midyearReportDeadline: "2022-03-28" };
    const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings } });
    // The third unit has done its registration: it is never reminded of it.
    await prisma.unitRegistration.create({ data: { emulationYearId: year.id, unitId: units[2]!.id, status: "SUBMITTED", submittedAt: new Date() } });
  });

  const sent = (kind: string, offset?: number) => prisma.reminderSent.findMany({ where: { deadlineKind: kind, ...(offset ? { offsetDays: offset } : {}) }, orderBy: { unitId: "asc" } });

  it("counts working days: weekends are skipped (the 1-day reminder before Monday 28/03 is on Friday 25/03)", async () => {
    expect((await runReminders({ now: at("2022-03-18") })).reminders).toBe(0);
    const monday = await runReminders({ now: at("2022-03-21") });
    expect(monday.reminders).toBe(3); // 5 working days before 28/03: Monday 21/03
    expect((await sent("MIDYEAR_REPORT", 5)).length).toBe(3);
    expect((await runReminders({ now: at("2022-03-24") })).reminders).toBe(0);
    expect((await runReminders({ now: at("2022-03-25") })).reminders).toBe(3);
    expect((await sent("MIDYEAR_REPORT", 1)).length).toBe(3);
  });

  it("skips public holidays, reminds only the units that have not done the thing, once per unit and deadline", async () => {
    // 5 working days before Friday 06/05/2022 over 30/4–3/5 is Wednesday 27/04 (29/04 without the holidays).
    expect((await runReminders({ now: at("2022-04-26") })).reminders).toBe(0);
    const first = await runReminders({ now: at("2022-04-27") });
    expect(first.reminders).toBe(2);
    const rows = await sent("REGISTRATION");
    expect(rows.map((r) => r.unitId).sort()).toEqual([units[0]!.id, units[1]!.id].sort());
    expect(rows.every((r) => r.offsetDays === 5 && r.recipients === 2)).toBe(true);
    // The same day again, and the days after: nothing new until the 1-day reminder on Thursday 05/05.
    for (const day of ["2022-04-27", "2022-04-28", "2022-04-29", "2022-05-03", "2022-05-04"]) expect((await runReminders({ now: at(day, "15:00") })).reminders).toBe(0);
    expect((await runReminders({ now: at("2022-05-05") })).reminders).toBe(2);
    const reg = await prisma.notification.findMany({ where: { kind: "REMINDER_REGISTRATION" }, select: { userId: true, title: true } });
    expect(reg).toHaveLength(8); // 2 units × (officer + head) × 2 reminders
    expect(reg.some((n) => n.userId === people.officer2!.userId || n.userId === people.head2!.userId)).toBe(false);
    expect(reg.map((n) => n.title)).toContain("Còn 5 ngày làm việc: gửi đăng ký thi đua năm 2022 (hạn 06/05/2022)");
  });

  it("sends the secretariat one digest per working day of who is late, and the dashboard shows who was reminded", async () => {
    const monday = await runReminders({ now: at("2022-05-09") });
    expect(monday.digests).toBe(1);
    expect((await runReminders({ now: at("2022-05-09", "16:00") })).digests).toBe(0);
    // (Earlier runs after 28/03 sent digests of the late mid-year reports: one per working day run.)
    expect(await prisma.digestSent.count({ where: { day: new Date("2022-05-09T00:00:00Z") } })).toBe(1);
    const digest = await prisma.notification.findFirstOrThrow({ where: { kind: "LATE_DIGEST", userId: secretariat.userId }, orderBy: { createdAt: "desc" } });
    expect(digest.title).toBe("Ngày 09/05/2022: 3 đơn vị chậm so với thời hạn");
    expect(digest.body).toContain("Cục An ninh mạng (năm 2022): chưa gửi đăng ký thi đua (hạn 06/05/2022)");
    const overview = (await remindersOverview(secretariat, cluster.id, 2022, at("2022-05-09")))!;
    expect(overview.reminded.filter((r) => r.kind === "REGISTRATION").map((r) => r.offsets.sort())).toEqual([[1, 5], [1, 5]]);
    expect(overview.late.filter((l) => l.kind === "REGISTRATION").map((l) => l.unitName).sort()).toEqual(["Cục An ninh mạng", "Cục Kỹ thuật nghiệp vụ"]);
  });

  it("the dashboard's section is reused until a reminder is sent or a command writes in the cluster, and for one day", async () => {
    const day = at("2022-05-09");
    const first = await cachedRemindersOverview(secretariat, cluster.id, 2022, day);
    expect(await cachedRemindersOverview(secretariat, cluster.id, 2022, day)).toBe(first);
    // Another cluster's secretariat: not found, cached or not.
    const stranger = await makeActor("SECRETARIAT", { clusterId: (await makeCluster("Cụm khác")).id });
    await expect(cachedRemindersOverview(stranger, cluster.id, 2022, day)).rejects.toBeInstanceOf(NotFoundError);
    // A reminder sent by the job queue (no audit entry, no data version): seen at once.
    const y = await prisma.emulationYear.findFirstOrThrow({ where: { clusterId: cluster.id, year: 2022 } });
    await prisma.reminderSent.create({ data: { yearId: y.id, clusterId: cluster.id, unitId: units[2]!.id, deadlineKind: "MIDYEAR_REPORT", deadlineDate: new Date("2022-03-28T00:00:00Z"), offsetDays: 3 } });
    const afterReminder = await cachedRemindersOverview(secretariat, cluster.id, 2022, day);
    expect(afterReminder).not.toBe(first);
    const midyearOffsets = (o: typeof first) => o!.reminded.filter((r) => r.unitId === units[2]!.id && r.kind === "MIDYEAR_REPORT").flatMap((r) => r.offsets);
    expect(midyearOffsets(first)).not.toContain(3);
    expect(midyearOffsets(afterReminder)).toContain(3);
    expect(await cachedRemindersOverview(secretariat, cluster.id, 2022, day)).toBe(afterReminder);
    // A command in the cluster (its data version), then a new day: computed again.
    const seq = BigInt(await clusterDataVersion(cluster.id)) + 1000n;
    await prisma.$transaction((tx) => bumpDataVersion(tx, "results.enter", { clusterId: cluster.id }, seq));
    const afterWrite = await cachedRemindersOverview(secretariat, cluster.id, 2022, day);
    expect(afterWrite).not.toBe(afterReminder);
    expect(await cachedRemindersOverview(secretariat, cluster.id, 2022, day)).toBe(afterWrite);
    expect(await cachedRemindersOverview(secretariat, cluster.id, 2022, at("2022-05-10"))).not.toBe(afterWrite);
    await prisma.reminderSent.deleteMany({ where: { offsetDays: 3 } });
  });

  it("is exactly once when runs race: three at once in this process, then two queue workers", async () => {
    await prisma.emulationYear.updateMany({ data: { settings: { ...DEFAULT_YEAR_SETTINGS, reportDeadline: "2022-11-30", reminderOffsets: [5, 1] } } });
    const runs = await Promise.all([0, 1, 2].map(() => runReminders({ now: at("2022-11-23") })));
    expect(runs.map((r) => r.reminders).reduce((a, b) => a + b)).toBe(3);
    expect((await sent("REPORT", 5)).length).toBe(3);

    const jobs: Jobs[] = [];
    try {
      for (let i = 0; i < 2; i++) jobs.push(await startJobs({ schedule: false, pollingIntervalSeconds: 0.5, dispatchIntervalMs: 60_000, log: () => undefined }));
      // Both workers get runs for the 1-day reminder at the same instant.
      for (let i = 0; i < 6; i++) await jobs[i % 2]!.enqueueReminders(at("2022-11-29"));
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await jobs[0]!.boss.getQueueSize(REMINDERS_QUEUE, { before: "completed" })) > 0) await new Promise((r) => setTimeout(r, 200));
      expect(await jobs[0]!.boss.getQueueSize(REMINDERS_QUEUE, { before: "completed" })).toBe(0);
    } finally {
      await Promise.all(jobs.map((j) => j.stop()));
    }
    expect((await sent("REPORT", 1)).length).toBe(3);
    expect(await prisma.notification.count({ where: { kind: "REMINDER_REPORT" } })).toBe(12); // 3 units × 2 people × 2 reminders
  });
});

describe("the holiday calendar and the offsets, through their commands", () => {
  it("the admin adds and removes a day (a duplicate is refused on the field); the reminder day moves with it", async () => {
    await resetDatabase();
    const admin = await makeActor("ADMIN");
    const cluster = await makeCluster();
    await makeUnit(cluster.id, "Cục An ninh mạng");
    const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
    const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-03-31" } } });
    expect(await executeCommand(updateReminderOffsets, secretariat, { yearId: year.id, reminderOffsets: "0, 40" })).toMatchObject({ ok: false, fieldErrors: { reminderOffsets: [expect.stringContaining("từ 1 đến 30")] } });
    expect(await executeCommand(updateReminderOffsets, secretariat, { yearId: year.id, reminderOffsets: "3" })).toMatchObject({ ok: true });
    // 3 working days before Thursday 31/03/2022: Monday 28/03 — or Friday 25/03 once 28/03 is a holiday.
    expect(await executeCommand(addHoliday, admin, { date: "28/03/2022", name: "Ngày nghỉ thử" })).toMatchObject({ ok: true });
    expect(await executeCommand(addHoliday, admin, { date: "28/03/2022", name: "Trùng" })).toMatchObject({ ok: false, fieldErrors: { date: expect.any(Array) } });
    expect(await executeCommand(addHoliday, admin, { date: "31/02/2022", name: "Sai ngày" })).toMatchObject({ ok: false, fieldErrors: { date: expect.any(Array) } });
    expect(await executeCommand(addHoliday, secretariat, { date: "29/03/2022", name: "Không được" })).toMatchObject({ ok: false });
    expect((await runReminders({ now: at("2022-03-25") })).reminders).toBe(1);
    expect(await executeCommand(removeHoliday, admin, { date: "2022-03-28" })).toMatchObject({ ok: true });
    expect(await prisma.holiday.count()).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: { in: ["holiday.add", "holiday.remove", "year.reminders"] } } })).toBe(3);
  });
});

afterAll(async () => {
  await resetDatabase();
});
