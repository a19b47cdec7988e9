// The reminder run (hourly in office hours, src/server/jobs/): for every open emulation year, each
// deadline whose reminder day (N working days before it, the year's reminderOffsets) has come reminds
// the member units that have not done the thing yet; and, once a working day, the secretariat gets a
// digest of the units that are late. Idempotent: a reminder is a ReminderSent row under the unique key
// (unit, deadline kind, deadline date, offset), inserted with ON CONFLICT DO NOTHING in the same
// transaction as its notifications — however many runs, processes or workers, each is sent once.
import { DEADLINE_LABELS, reminderKindOf, workingDaysText, type DeadlineKind } from "@/domain/notifications";
import type { Role } from "@/domain/permissions";
import { displayIsoDate } from "@/domain/dashboard/missing";
import { addDays, dueOffset, isWorkingDay, vietnamDay, workingDaysBetween, type IsoDate } from "@/domain/working-days";
import { parseYearSettings } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import { notifyMany, type NotificationDraft } from "./deliver";
import { allowed, usersAround, type Recipient } from "./recipients";
import { holidaysFrom } from "@/server/store/holidays";

export type ReminderRunResult = { today: IsoDate; reminders: number; notifications: number; digests: number; ms: number };

const WHO: Record<DeadlineKind, { roles: Role[]; permission: "registration.view" | "report.view" | "score.cross" | "vote.cast" }> = {
  REGISTRATION: { roles: ["UNIT_OFFICER", "UNIT_HEAD"], permission: "registration.view" },
  MIDYEAR_REPORT: { roles: ["UNIT_OFFICER", "UNIT_HEAD"], permission: "report.view" },
  REPORT: { roles: ["UNIT_OFFICER", "UNIT_HEAD"], permission: "report.view" },
  CROSS_SCORING: { roles: ["UNIT_OFFICER", "UNIT_HEAD"], permission: "score.cross" },
  BALLOT: { roles: ["UNIT_HEAD"], permission: "vote.cast" },
};

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const longDate = (iso: IsoDate) => `${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]}, ${displayIsoDate(iso)}`;

type YearState = {
  yearId: string;
  year: number;
  clusterId: string;
  offsets: number[];
  deadlines: Partial<Record<DeadlineKind, IsoDate>>;
  units: { id: string; name: string }[];
  /** Per unit, what is still to be done for each deadline kind (a short Vietnamese detail), absent = done. */
  pending: Map<string, Partial<Record<DeadlineKind, string>>>;
};

/** The open years and, per member unit, what is not done yet. */
export async function loadYearStates(only?: { yearIds: string[] }, db = prisma): Promise<YearState[]> {
  const years = await db.emulationYear.findMany({
    where: { phase: { notIn: ["SETUP", "CLOSED"] }, cluster: { active: true }, ...(only ? { id: { in: only.yearIds } } : {}) },
    select: { id: true, year: true, clusterId: true, settings: true },
  });
  if (years.length === 0) return [];
  const yearIds = years.map((y) => y.id);
  const clusterIds = [...new Set(years.map((y) => y.clusterId))];
  const [units, registrations, reports, sheets, rounds] = await Promise.all([
    db.unit.findMany({ where: { clusterId: { in: clusterIds }, parentId: null, active: true }, select: { id: true, name: true, clusterId: true }, orderBy: { sortKey: "asc" } }),
    db.unitRegistration.findMany({ where: { emulationYearId: { in: yearIds } }, select: { emulationYearId: true, unitId: true, status: true } }),
    db.unitReport.findMany({ where: { emulationYearId: { in: yearIds } }, select: { emulationYearId: true, unitId: true, kind: true, status: true } }),
    db.crossAssignment.groupBy({
      by: ["scorerUnitId", "roundId"],
      where: { submittedAt: null, round: { state: "OPEN", emulationYearId: { in: yearIds } } },
      _count: { _all: true },
    }),
    db.voteRound.findMany({
      where: { state: "OPEN", emulationYearId: { in: yearIds } },
      select: { emulationYearId: true, title: true, participations: { select: { unitId: true } } },
    }),
  ]);
  const roundYear = new Map(
    (await db.scoringRound.findMany({ where: { emulationYearId: { in: yearIds }, state: "OPEN" }, select: { id: true, emulationYearId: true } })).map((r) => [r.id, r.emulationYearId]),
  );
  const key = (yearId: string, unitId: string) => `${yearId}|${unitId}`;
  const registered = new Set(registrations.filter((r) => r.status === "SUBMITTED").map((r) => key(r.emulationYearId, r.unitId)));
  const submitted = new Set(reports.filter((r) => r.status === "SUBMITTED" || r.status === "ACCEPTED").map((r) => `${key(r.emulationYearId, r.unitId)}|${r.kind}`));
  const pendingSheets = new Map<string, number>();
  for (const s of sheets) {
    const yearId = roundYear.get(s.roundId);
    if (yearId) pendingSheets.set(key(yearId, s.scorerUnitId), (pendingSheets.get(key(yearId, s.scorerUnitId)) ?? 0) + s._count._all);
  }

  return years.map((y) => {
    const s = parseYearSettings(y.settings);
    const members = units.filter((u) => u.clusterId === y.clusterId);
    const open = rounds.filter((r) => r.emulationYearId === y.id);
    const pending = new Map<string, Partial<Record<DeadlineKind, string>>>();
    for (const u of members) {
      const p: Partial<Record<DeadlineKind, string>> = {};
      if (!registered.has(key(y.id, u.id))) p.REGISTRATION = "chưa gửi đăng ký thi đua";
      if (!submitted.has(`${key(y.id, u.id)}|MIDYEAR`)) p.MIDYEAR_REPORT = "chưa nộp báo cáo sơ kết 6 tháng";
      if (!submitted.has(`${key(y.id, u.id)}|YEAR_END`)) p.REPORT = "chưa nộp báo cáo tổng kết";
      const sheetsLeft = pendingSheets.get(key(y.id, u.id)) ?? 0;
      if (sheetsLeft > 0) p.CROSS_SCORING = `còn ${sheetsLeft} phiếu chấm chéo chưa gửi`;
      const notVoted = open.filter((r) => !r.participations.some((x) => x.unitId === u.id)).map((r) => `“${r.title}”`);
      if (notVoted.length) p.BALLOT = `chưa bỏ phiếu: ${notVoted.join(", ")}`;
      pending.set(u.id, p);
    }
    return {
      yearId: y.id,
      year: y.year,
      clusterId: y.clusterId,
      offsets: s.reminderOffsets,
      deadlines: {
        REGISTRATION: s.registrationDeadline ?? undefined,
        MIDYEAR_REPORT: s.midyearReportDeadline ?? undefined,
        REPORT: s.reportDeadline ?? undefined,
        CROSS_SCORING: s.conferenceDate ?? undefined,
        BALLOT: s.conferenceDate ?? undefined,
      },
      units: members.map(({ id, name }) => ({ id, name })),
      pending,
    };
  });
}

/** The holiday calendar from a day on (one loader: src/server/store/holidays.ts). */
export const loadHolidays = holidaysFrom;

type Due = { kind: DeadlineKind; deadline: IsoDate; offset: number; unitId: string; detail: string };

/** Runs the reminders and digests due at `now` (the injected clock; default: the real one). */
export async function runReminders(options: { now?: Date } = {}): Promise<ReminderRunResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const today = vietnamDay(now);
  const holidays = await loadHolidays(addDays(today, -90));
  const states = await loadYearStates();
  let reminders = 0;
  let notifications = 0;
  let digests = 0;

  for (const y of states) {
    const due: Due[] = [];
    for (const [kind, deadline] of Object.entries(y.deadlines) as [DeadlineKind, IsoDate | undefined][]) {
      if (!deadline) continue;
      const offset = dueOffset(deadline, today, y.offsets, holidays);
      if (offset === null) continue;
      for (const u of y.units) {
        const detail = y.pending.get(u.id)?.[kind];
        if (detail) due.push({ kind, deadline, offset, unitId: u.id, detail });
      }
    }
    if (due.length === 0) continue;
    const sent = await sendReminders(y, due, today, holidays);
    reminders += sent.reminders;
    notifications += sent.notifications;
  }

  if (isWorkingDay(today, holidays)) {
    for (const clusterId of new Set(states.map((s) => s.clusterId))) {
      const n = await sendDigest(
        clusterId,
        states.filter((s) => s.clusterId === clusterId),
        today,
      );
      if (n > 0) digests++;
      notifications += n;
    }
  }
  return { today, reminders, notifications, digests, ms: Math.round(performance.now() - started) };
}

async function sendReminders(y: YearState, due: Due[], today: IsoDate, holidays: Set<IsoDate>) {
  return prisma.$transaction(
    async (tx) => {
      const people = await usersAround(tx, { roles: ["UNIT_OFFICER", "UNIT_HEAD"], clusterIds: [y.clusterId], unitIds: [...new Set(due.map((d) => d.unitId))] });
      const recipientsOf = (d: Due) =>
        allowed(
          people.filter((p) => p.actor.unitId === d.unitId && WHO[d.kind].roles.includes(p.actor.role)),
          WHO[d.kind].permission,
          { clusterId: y.clusterId, unitId: d.unitId },
        );
      const who = due.map(recipientsOf);
      // The unique key decides: rows another run already inserted do not come back here.
      const inserted = await tx.$queryRaw<{ unitId: string; deadlineKind: DeadlineKind }[]>`
        INSERT INTO "ReminderSent" ("id", "yearId", "clusterId", "unitId", "deadlineKind", "deadlineDate", "offsetDays", "recipients")
        SELECT gen_random_uuid(), ${y.yearId}::uuid, ${y.clusterId}::uuid, d.unit, d.kind, d.deadline, d.days, d.recipients
          FROM unnest(${due.map((d) => d.unitId)}::uuid[], ${due.map((d) => d.kind)}::text[], ${due.map((d) => d.deadline)}::date[],
                      ${due.map((d) => d.offset)}::int[], ${who.map((w) => w.length)}::int[])
               AS d(unit, kind, deadline, days, recipients)
        ON CONFLICT ("unitId", "deadlineKind", "deadlineDate", "offsetDays") DO NOTHING
        RETURNING "unitId", "deadlineKind"`;
      if (inserted.length === 0) return { reminders: 0, notifications: 0 };
      const fresh = new Set(inserted.map((r) => `${r.unitId}|${r.deadlineKind}`));
      const unitName = new Map(y.units.map((u) => [u.id, u.name]));
      const items: { recipient: Recipient; draft: Omit<NotificationDraft, "coalesce"> }[] = [];
      due.forEach((d, i) => {
        if (!fresh.has(`${d.unitId}|${d.kind}`)) return;
        const left = workingDaysBetween(today, d.deadline, holidays);
        const label = DEADLINE_LABELS[d.kind];
        const draft = {
          kind: reminderKindOf(d.kind),
          subjectType: "YEAR" as const,
          subjectId: y.yearId,
          clusterId: y.clusterId,
          unitId: d.unitId,
          title: `${left > 0 ? `Còn ${workingDaysText(left)}` : "Hôm nay là hạn"}: ${label.todo} năm ${y.year} (hạn ${displayIsoDate(d.deadline)})`,
          body: `${unitName.get(d.unitId)} ${d.detail}. Hạn cuối: ${longDate(d.deadline)}. Vui lòng ${label.todo} trước hạn.`,
          href: label.href,
        };
        for (const recipient of who[i]!) items.push({ recipient, draft });
      });
      const written = await notifyMany(tx, items);
      return { reminders: inserted.length, notifications: written };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** What is late (its deadline has passed, not done) per unit, over the cluster's open years. */
export function lateOf(states: YearState[], today: IsoDate) {
  const late: { unitId: string; name: string; year: number; items: string[] }[] = [];
  for (const y of states) {
    for (const u of y.units) {
      const items: string[] = [];
      for (const [kind, deadline] of Object.entries(y.deadlines) as [DeadlineKind, IsoDate | undefined][]) {
        const detail = y.pending.get(u.id)?.[kind];
        if (deadline && deadline < today && detail) items.push(`${detail} (hạn ${displayIsoDate(deadline)})`);
      }
      if (items.length) late.push({ unitId: u.id, name: u.name, year: y.year, items });
    }
  }
  return late;
}

async function sendDigest(clusterId: string, states: YearState[], today: IsoDate): Promise<number> {
  const late = lateOf(states, today);
  if (late.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ clusterId: string }[]>`
      INSERT INTO "DigestSent" ("clusterId", "day", "lateUnits") VALUES (${clusterId}::uuid, ${today}::date, ${late.length})
      ON CONFLICT DO NOTHING RETURNING "clusterId"`;
    if (inserted.length === 0) return 0;
    const secretariat = allowed(await usersAround(tx, { roles: ["SECRETARIAT"], clusterIds: [clusterId] }), "registration.board", { clusterId });
    const y = states[0]!;
    const lines = late.map((l) => `• ${l.name} (năm ${l.year}): ${l.items.join("; ")}`);
    const draft = {
      kind: "LATE_DIGEST" as const,
      subjectType: "YEAR" as const,
      subjectId: y.yearId,
      clusterId,
      unitId: null,
      title: `Ngày ${displayIsoDate(today)}: ${late.length} đơn vị chậm so với thời hạn`,
      body: lines.join("\n").slice(0, 3900),
      href: `/overview?cluster=${clusterId}&year=${y.year}`,
    };
    return notifyMany(tx, secretariat.map((recipient) => ({ recipient, draft })));
  });
}
