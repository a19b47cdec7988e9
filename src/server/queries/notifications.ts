// Reads of issue 16: the acting user's notifications (bell count, list, one notification), whether what
// each is about is still there and visible to them, e-mail settings; the admin's failed deliveries and
// holiday calendar; the dashboard's reminders section.
import { can, roleMay, type Actor, type Target } from "@/domain/permissions";
import { DEADLINE_KINDS, DEADLINE_LABELS, NOTIFICATION_KINDS, permissionOfKind, type DeadlineKind, type NotificationContent } from "@/domain/notifications";
import { isUuid } from "@/domain/validation";
import { vietnamDay, type IsoDate } from "@/domain/working-days";
import { prisma, queryRows } from "@/server/db";
import { clusterRemindersVersion, reuseUntilWrite } from "@/server/cache/data-version";
import { VersionedCache } from "@/server/cache/versioned-cache";
import { observeCacheLookup } from "@/server/ops/metrics";
import { onReplicaWhenFresh } from "@/server/read-replica";
import { emailConfig } from "@/server/notifications/email-config";
import { loadYearStates } from "@/server/notifications/reminders";
import { notFound } from "@/server/errors";
import { pageWithin } from "@/domain/paging";

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** Unread notifications of the actor (the bell); counted up to 100 ("99+"). */
export async function unreadCount(actor: Actor): Promise<number> {
  const rows = await queryRows<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Notification" WHERE "userId" = ${actor.userId}::uuid AND "readAt" IS NULL LIMIT 100) x`;
  return rows[0]?.n ?? 0;
}

type Row = NotificationContent<string, string> & {
  id: string;
  createdAt: Date;
  readAt: Date | null;
};

export type NotificationItem = Row & { kindLabel: string; available: boolean };

/**
 * Which of these notifications the actor may still open: the subject exists and the permission of the
 * kind holds on its scope as stored now (a report that went back to a draft is its own unit's only).
 */
export async function availability(actor: Actor, rows: Row[]): Promise<Map<string, boolean>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId!))];
  const [reports, rounds, years] = await Promise.all([
    ids("REPORT").length
      ? prisma.unitReport.findMany({ where: { id: { in: ids("REPORT") } }, select: { id: true, unitId: true, submissionCount: true, status: true, emulationYear: { select: { clusterId: true } } } })
      : [],
    ids("VOTE_ROUND").length
      ? prisma.voteRound.findMany({ where: { id: { in: ids("VOTE_ROUND") } }, select: { id: true, emulationYear: { select: { clusterId: true } } } })
      : [],
    ids("YEAR").length ? prisma.emulationYear.findMany({ where: { id: { in: ids("YEAR") } }, select: { id: true, clusterId: true } }) : [],
  ]);
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const roundCluster = new Map(rounds.map((r) => [r.id, r.emulationYear.clusterId]));
  const yearCluster = new Map(years.map((y) => [y.id, y.clusterId]));
  const out = new Map<string, boolean>();
  for (const n of rows) {
    const permission = permissionOfKind(n.kind);
    let target: Target | null = null;
    if (permission && n.subjectId) {
      if (n.subjectType === "REPORT") {
        const r = reportById.get(n.subjectId);
        // Drafts (never submitted) are shown to their own unit only (docs/domain.md §5).
        if (r && (r.submissionCount > 0 || actor.unitId === r.unitId)) target = { clusterId: r.emulationYear.clusterId, unitId: r.unitId };
      } else if (n.subjectType === "VOTE_ROUND") {
        const c = roundCluster.get(n.subjectId);
        if (c) target = { clusterId: c, unitId: n.unitId };
      } else if (n.subjectType === "YEAR") {
        const c = yearCluster.get(n.subjectId);
        if (c) target = { clusterId: c, unitId: n.unitId };
      }
    }
    out.set(n.id, !!(permission && target && can(actor, permission, target)));
  }
  return out;
}

const SELECT = { id: true, kind: true, subjectType: true, subjectId: true, clusterId: true, unitId: true, title: true, body: true, href: true, createdAt: true, readAt: true } as const;

const kindLabel = (kind: string) => (Object.hasOwn(NOTIFICATION_KINDS, kind) ? NOTIFICATION_KINDS[kind as keyof typeof NOTIFICATION_KINDS].label : "Thông báo");

export async function notificationsPage(actor: Actor, options: { page: number; unreadOnly?: boolean }) {
  const where = { userId: actor.userId, ...(options.unreadOnly ? { readAt: null } : {}) };
  const [total, unread] = await Promise.all([prisma.notification.count({ where }), prisma.notification.count({ where: { userId: actor.userId, readAt: null } })]);
  const { page, pageCount } = pageWithin(options.page, total, NOTIFICATIONS_PAGE_SIZE);
  const rows = await prisma.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
    take: NOTIFICATIONS_PAGE_SIZE,
    select: SELECT,
  });
  const ok = await availability(actor, rows);
  const items: NotificationItem[] = rows.map((r) => ({ ...r, kindLabel: kindLabel(r.kind), available: ok.get(r.id) ?? false }));
  return { items, total, unread, page, pageCount };
}

/** One of the actor's own notifications (anyone else's: 404), with whether its subject is still there for them. */
export async function notificationDetail(actor: Actor, id: string): Promise<NotificationItem> {
  const row = isUuid(id) ? await prisma.notification.findUnique({ where: { id }, select: { ...SELECT, userId: true } }) : null;
  if (!row || row.userId !== actor.userId) notFound();
  const { userId: _userId, ...n } = row;
  const ok = await availability(actor, [n]);
  return { ...n, kindLabel: kindLabel(n.kind), available: ok.get(n.id) ?? false };
}

export async function myEmailSettings(actor: Actor) {
  const user = await prisma.user.findUnique({ where: { id: actor.userId }, select: { email: true, emailNotifications: true } });
  if (!user) notFound();
  const config = emailConfig();
  return { ...user, smtpEnabled: config.enabled };
}

// ---------------------------------------------------------------------------------------------
// The admin: failed e-mail deliveries, the holiday calendar

export async function deliveriesPage(actor: Actor, page: number) {
  if (!roleMay(actor, "delivery.view")) notFound();
  const size = 50;
  const where = { status: "FAILED" };
  const [total, counts] = await Promise.all([
    prisma.emailDelivery.count({ where }),
    prisma.emailDelivery.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const { page: current, pageCount } = pageWithin(page, total, size);
  const rows = await prisma.emailDelivery.findMany({
    where,
    orderBy: [{ failedAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * size,
    take: size,
    select: { id: true, toAddress: true, subject: true, attempts: true, lastError: true, createdAt: true, failedAt: true, user: { select: { username: true, displayName: true } } },
  });
  const config = emailConfig();
  return {
    rows,
    total,
    page: current,
    pageCount,
    byStatus: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    smtp: config.enabled ? "enabled" : config.reason === "invalid" ? (config.warning ?? "invalid") : "unset",
  };
}

export async function holidaysOfYearPage(actor: Actor, year: number) {
  if (!roleMay(actor, "holiday.manage")) notFound();
  const rows = await prisma.holiday.findMany({
    where: { date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
    orderBy: { date: "asc" },
  });
  const years = await queryRows<{ y: number }[]>`SELECT DISTINCT extract(year FROM "date")::int AS y FROM "Holiday" ORDER BY 1`;
  return { year, holidays: rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), name: r.name })), years: years.map((r) => r.y) };
}

// ---------------------------------------------------------------------------------------------
// The chair's dashboard: who was reminded, and who is still late

export type ReminderRow = { unitId: string; unitName: string; kind: DeadlineKind; deadline: IsoDate; offsets: number[]; lastSentAt: Date; stillPending: boolean };
type RemindersOverview = Awaited<ReturnType<typeof remindersOverview>>;

// One entry per cluster, year and day (a few dozen in use at once).
const reminderOverviews = new VersionedCache<RemindersOverview>(200, (hit) => observeCacheLookup("reminders", hit));

/**
 * remindersOverview, reused until the cluster's data changes or a reminder is sent in it
 * (clusterRemindersVersion, read with the dashboard's data version in one statement), and for one
 * Vietnamese calendar day (who is late depends on it). It does not depend on the viewer beyond the
 * permission, which is checked first on every call.
 */
export async function cachedRemindersOverview(actor: Actor, clusterId: string, year: number, now = new Date()): Promise<RemindersOverview> {
  if (!can(actor, "cluster.monitor", { clusterId })) notFound();
  return reuseUntilWrite(reminderOverviews, [clusterId, year, vietnamDay(now)], () => clusterRemindersVersion(clusterId), () => onReplicaWhenFresh(() => remindersOverview(actor, clusterId, year, now)));
}

export async function remindersOverview(actor: Actor, clusterId: string, year: number, now = new Date()) {
  if (!can(actor, "cluster.monitor", { clusterId })) notFound();
  if (!isUuid(clusterId)) return null;
  // Raw statements (queryRows): computed again after every write in the cluster.
  const [y] = await queryRows<{ id: string }[]>`SELECT "id" FROM "EmulationYear" WHERE "clusterId" = ${clusterId}::uuid AND "year" = ${year}`;
  if (!y) return null;
  const [sent, [states]] = await Promise.all([
    queryRows<{ unitId: string; unitName: string | null; deadlineKind: string; deadlineDate: Date; offsetDays: number; sentAt: Date }[]>`
      SELECT s."unitId", u."name" AS "unitName", s."deadlineKind", s."deadlineDate", s."offsetDays", s."sentAt"
        FROM "ReminderSent" s LEFT JOIN "Unit" u ON u."id" = s."unitId"
       WHERE s."yearId" = ${y.id}::uuid
       ORDER BY s."sentAt" DESC`,
    loadYearStates({ yearIds: [y.id] }),
  ]);
  const grouped = new Map<string, ReminderRow>();
  for (const s of sent) {
    const deadline = s.deadlineDate.toISOString().slice(0, 10);
    const key = `${s.unitId}|${s.deadlineKind}|${deadline}`;
    const row = grouped.get(key);
    if (row) {
      row.offsets.push(s.offsetDays);
      continue;
    }
    const kind = s.deadlineKind as DeadlineKind;
    grouped.set(key, {
      unitId: s.unitId,
      unitName: s.unitName ?? "(đơn vị)",
      kind,
      deadline,
      offsets: [s.offsetDays],
      lastSentAt: s.sentAt,
      stillPending: !!states?.pending.get(s.unitId)?.[kind],
    });
  }
  const today = vietnamDay(now);
  const late: { unitName: string; kind: DeadlineKind; deadline: IsoDate; detail: string }[] = [];
  if (states) {
    for (const kind of DEADLINE_KINDS) {
      const deadline = states.deadlines[kind];
      if (!deadline || deadline >= today) continue;
      for (const u of states.units) {
        const detail = states.pending.get(u.id)?.[kind];
        if (detail) late.push({ unitName: u.name, kind, deadline, detail });
      }
    }
  }
  return { reminded: [...grouped.values()], late, labels: DEADLINE_LABELS };
}

/** An account's e-mail settings, for the admin's user form. */
export async function userEmailOf(actor: Actor, userId: string) {
  if (!roleMay(actor, "user.manage") || !isUuid(userId)) notFound();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailNotifications: true, clusterId: true, unitId: true } });
  if (!user || !can(actor, "user.manage", { clusterId: user.clusterId, unitId: user.unitId })) notFound();
  return { email: user.email, emailNotifications: user.emailNotifications };
}
