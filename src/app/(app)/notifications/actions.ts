"use server";
// Server actions of the notification centre: each runs one command (actor from the session).
import { redirect } from "next/navigation";
import { found } from "@/app/not-found-boundary";
import { isUuid } from "@/domain/validation";
import { runCommand } from "@/server/actions/run";
import { currentActor } from "@/server/auth/current";
import type { ActionResult } from "@/server/commands/command";
import { markAllNotificationsRead, markNotificationRead, updateMyEmail } from "@/server/commands/notifications";
import { notificationDetail } from "@/server/queries/notifications";

const PATHS = ["/notifications"];

/** Opens a notification: marks it read, then goes to what it is about — or says it is no longer available. */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const id = String(formData.get("notificationId") ?? "");
  if (!isUuid(id)) redirect("/notifications");
  await runCommand(markNotificationRead, formData, PATHS);
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const n = await found(notificationDetail(actor, id)); // another user's id: the 404 page, as before
  redirect(n.available && n.href ? n.href : `/notifications/${id}`);
}

export async function markReadAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(markNotificationRead, formData, PATHS);
}

export async function markAllReadAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(markAllNotificationsRead, formData, PATHS);
}

export async function updateMyEmailAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(updateMyEmail, formData, ["/notifications/settings"]);
}
