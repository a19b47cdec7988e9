// Commands of issue 16 (notifications): mark one / all of one's notifications read, one's own e-mail
// address and preference, the admin's edit of a user's e-mail, and a year's reminder offsets.
// Notifications themselves are written by the command pipeline's hook (src/server/notifications/) and
// by the reminder job, never by a form.
import { z } from "zod";
import { offsetsText, parseOffsets } from "@/domain/notifications";
import { checkbox, idField } from "@/domain/validation";
import { parseYearSettings, yearSettingsSchema } from "@/domain/year-settings";
import type { Actor, Target } from "@/domain/permissions";
import type { Tx } from "@/server/db";
import { defineCommand, NotFoundError } from "./command";
import { yearSettingsCommand } from "./year-commands";

// ---------------------------------------------------------------------------------------------
// Reading

/** A notification is its owner's only: anyone else gets "not found". Scope: none (the owner is checked). */
async function ownNotification(tx: Tx, id: string, actor: Actor) {
  const n = await tx.notification.findUnique({ where: { id }, select: { id: true, userId: true, readAt: true, kind: true } });
  if (!n || n.userId !== actor.userId) throw new NotFoundError();
  return n;
}

export const markNotificationReadInput = z.object({ notificationId: idField("Thông báo") });

export const markNotificationRead = defineCommand({
  name: "notification.read",
  keepsOverviews: true,
  label: "Đánh dấu đã đọc thông báo",
  permission: "notification.own",
  input: markNotificationReadInput,
  async target(tx, input, actor) {
    await ownNotification(tx, input.notificationId, actor);
    return {};
  },
  async run(tx, input, actor) {
    const n = await ownNotification(tx, input.notificationId, actor);
    const readAt = n.readAt ?? new Date();
    if (!n.readAt) await tx.notification.update({ where: { id: n.id }, data: { readAt } });
    return {
      message: "Đã đánh dấu là đã đọc.",
      audit: { entityType: "Notification", entityId: n.id, before: { readAt: n.readAt }, after: { readAt } },
    };
  },
});

export const markAllNotificationsRead = defineCommand({
  name: "notification.readAll",
  keepsOverviews: true,
  label: "Đánh dấu đã đọc tất cả thông báo",
  permission: "notification.own",
  input: z.object({}),
  target: async () => ({}),
  async run(tx, _input, actor) {
    const { count } = await tx.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
    return {
      message: count ? `Đã đánh dấu ${count} thông báo là đã đọc.` : "Không có thông báo chưa đọc.",
      audit: { entityType: "User", entityId: actor.userId, after: { markedRead: count } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// E-mail address and preference

const EMAIL_INVALID = "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten.donvi@bocongan.gov.vn).";

/** "" → null; otherwise a syntactically valid address of at most 254 characters, kept lower-case in the domain part. */
export const emailField = z
  .string()
  .optional()
  .transform((raw, ctx): string | null => {
    const text = (raw ?? "").trim();
    if (!text) return null;
    const valid = text.length <= 254 && z.email().safeParse(text).success;
    if (!valid) {
      ctx.addIssue({ code: "custom", message: EMAIL_INVALID });
      return z.NEVER;
    }
    const at = text.lastIndexOf("@");
    return `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`;
  });

export const updateMyEmailInput = z.object({ email: emailField, emailNotifications: checkbox });

export const updateMyEmail = defineCommand({
  name: "profile.email",
  keepsOverviews: true,
  label: "Cập nhật thư điện tử nhận thông báo",
  permission: "notification.own",
  input: updateMyEmailInput,
  target: async () => ({}),
  async run(tx, input, actor) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, emailNotifications: true } });
    const after = { email: input.email, emailNotifications: input.emailNotifications };
    await tx.user.update({ where: { id: actor.userId }, data: after });
    return {
      message: !after.email
        ? "Đã lưu. Chưa có địa chỉ thư điện tử: thông báo chỉ hiện trong ứng dụng."
        : after.emailNotifications
          ? `Đã lưu. Thông báo sẽ được gửi thêm tới ${after.email}.`
          : "Đã lưu. Đã tắt gửi thông báo qua thư điện tử.",
      audit: { entityType: "User", entityId: actor.userId, before, after },
    };
  },
});

export const setUserEmailInput = z.object({ userId: idField("Tài khoản"), email: emailField });

export const setUserEmail = defineCommand({
  name: "user.email",
  keepsOverviews: true,
  label: "Sửa thư điện tử của tài khoản",
  permission: "user.manage",
  input: setUserEmailInput,
  async target(tx, input) {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { clusterId: true, unitId: true } });
    if (!user) throw new NotFoundError();
    return { clusterId: user.clusterId, unitId: user.unitId } satisfies Target;
  },
  async run(tx, input) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { email: true, username: true } });
    await tx.user.update({ where: { id: input.userId }, data: { email: input.email } });
    return {
      message: input.email ? `Đã lưu địa chỉ thư điện tử của ${before.username}.` : `Đã xóa địa chỉ thư điện tử của ${before.username}.`,
      audit: { entityType: "User", entityId: input.userId, before: { email: before.email }, after: { email: input.email } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// A year's reminder offsets (the year settings page; the rest of the settings is year.settings)

export const updateReminderOffsetsInput = z.object({
  yearId: idField("Năm thi đua"),
  reminderOffsets: z
    .string()
    .optional()
    .transform((raw, ctx): number[] => {
      const parsed = parseOffsets(raw ?? "");
      if (!parsed) {
        ctx.addIssue({
          code: "custom",
          message: "Nhắc hạn trước: nhập tối đa 5 số ngày làm việc từ 1 đến 30, cách nhau bằng dấu phẩy (ví dụ: 5, 1); để trống nếu không nhắc.",
        });
        return z.NEVER;
      }
      return parsed;
    }),
});

export const updateReminderOffsets = yearSettingsCommand({
  name: "year.reminders",
  label: "Sửa lịch nhắc hạn",
  phases: "yearSetup",
  input: updateReminderOffsetsInput,
  async run(tx, input, year) {
    const before = parseYearSettings(year.settings);
    const settings = yearSettingsSchema.parse({ ...before, reminderOffsets: input.reminderOffsets });
    await tx.emulationYear.update({ where: { id: year.id }, data: { settings } });
    return {
      message: input.reminderOffsets.length
        ? `Đã lưu: nhắc hạn trước ${offsetsText(input.reminderOffsets)} ngày làm việc.`
        : "Đã lưu: không gửi nhắc hạn cho năm này.",
      audit: { entityType: "EmulationYear", entityId: year.id, before: { reminderOffsets: before.reminderOffsets }, after: { reminderOffsets: settings.reminderOffsets } },
    };
  },
});
