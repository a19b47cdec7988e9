"use server";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { updateTitle } from "@/server/commands/admin";

export async function updateTitleAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(updateTitle, formData, ["/titles", `/titles/${String(formData.get("id") ?? "")}`]);
}
