"use server";
import { isUuid } from "@/domain/validation";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { updateReminderOffsets } from "@/server/commands/notifications";

export async function updateReminderOffsetsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const yearId = String(formData.get("yearId") ?? "");
  return runCommand(updateReminderOffsets, formData, isUuid(yearId) ? [`/cluster/years/${yearId}`] : []);
}
