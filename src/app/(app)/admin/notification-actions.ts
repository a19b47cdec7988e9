"use server";
// Server actions of the admin's notification pages: each runs one command (actor from the session).
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { addHoliday, removeHoliday } from "@/server/commands/holidays";
import { setUserEmail } from "@/server/commands/notifications";

export async function setUserEmailAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(setUserEmail, formData, [`/admin/users/${String(formData.get("userId") ?? "")}`]);
}

export async function addHolidayAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(addHoliday, formData, ["/admin/holidays"]);
}

export async function removeHolidayAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(removeHoliday, formData, ["/admin/holidays"]);
}
