// Writes notifications (and, when e-mail is configured, their e-mails into the outbox) inside the
// caller's transaction: a rolled-back command or reminder run leaves neither.
import type { NotificationContent } from "@/domain/notifications";
import type { Tx } from "@/server/db";
import { emailConfig } from "./email-config";
import { renderEmail } from "./email-render";
import type { Recipient } from "./recipients";

export type NotificationDraft = NotificationContent & {
  /**
   * While the recipient has not read an earlier one of the same kind about the same subject, refresh
   * it instead of adding another (e.g. a draft saved many times awaits one approval). No new e-mail.
   */
  coalesce?: boolean;
};

type Db = Pick<Tx, "notification" | "emailDelivery">;

/** Notifies each recipient once; returns how many notifications were written or refreshed. */
export async function notify(tx: Db, recipients: readonly Recipient[], draft: NotificationDraft): Promise<number> {
  if (recipients.length === 0) return 0;
  const { coalesce, ...data } = draft;
  let fresh = [...new Map(recipients.map((r) => [r.actor.userId, r])).values()];
  let refreshed = 0;
  if (coalesce && draft.subjectId) {
    const open = await tx.notification.findMany({
      where: { userId: { in: fresh.map((r) => r.actor.userId) }, kind: draft.kind, subjectId: draft.subjectId, readAt: null },
      select: { id: true, userId: true },
    });
    if (open.length) {
      await tx.notification.updateMany({ where: { id: { in: open.map((n) => n.id) } }, data: { title: data.title, body: data.body, href: data.href, createdAt: new Date() } });
      const done = new Set(open.map((n) => n.userId));
      fresh = fresh.filter((r) => !done.has(r.actor.userId));
      refreshed = open.length;
    }
  }
  if (fresh.length === 0) return refreshed;
  const created = await tx.notification.createManyAndReturn({
    data: fresh.map((r) => ({ ...data, userId: r.actor.userId })),
    select: { id: true, userId: true },
  });
  await queueEmails(tx, fresh, created, data);
  return refreshed + created.length;
}

/** Many notifications at once (the reminder run): one insert for all, one for their e-mails. */
export async function notifyMany(tx: Db, items: { recipient: Recipient; draft: Omit<NotificationDraft, "coalesce"> }[]): Promise<number> {
  if (items.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: items.map(({ recipient, draft }) => ({ ...draft, userId: recipient.actor.userId })),
    select: { id: true, userId: true },
  });
  const config = emailConfig();
  if (config.enabled) {
    const rows = [];
    for (let i = 0; i < items.length; i++) {
      const { recipient, draft } = items[i]!;
      if (!recipient.email || !recipient.emailNotifications) continue;
      rows.push({ notificationId: created[i]!.id, userId: recipient.actor.userId, toAddress: recipient.email, ...renderEmail(recipient.actor.displayName, draft, config.appUrl) });
    }
    if (rows.length) await tx.emailDelivery.createMany({ data: rows });
  }
  return created.length;
}

async function queueEmails(tx: Db, recipients: Recipient[], created: { id: string; userId: string }[], draft: Omit<NotificationDraft, "coalesce">) {
  const config = emailConfig();
  if (!config.enabled) return;
  const byUser = new Map(recipients.map((r) => [r.actor.userId, r]));
  const rows = created.flatMap((n) => {
    const r = byUser.get(n.userId);
    if (!r?.email || !r.emailNotifications) return [];
    return [{ notificationId: n.id, userId: n.userId, toAddress: r.email, ...renderEmail(r.actor.displayName, draft, config.appUrl) }];
  });
  if (rows.length) await tx.emailDelivery.createMany({ data: rows });
}
