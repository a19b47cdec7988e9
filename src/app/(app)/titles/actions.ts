"use server";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { createTitle, createTitleRuleVersion, updateTitle, updateTitleRuleVersion } from "@/server/commands/admin";

export async function updateTitleAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(updateTitle, formData, ["/titles", `/titles/${String(formData.get("id") ?? "")}`]);
}

export async function createTitleAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(createTitle, formData, ["/titles"]);
}

export async function createRuleVersionAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(createTitleRuleVersion, formData, ["/titles", `/titles/${String(formData.get("titleId") ?? "")}`]);
}

export async function updateRuleVersionAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(updateTitleRuleVersion, formData, ["/titles", `/titles/${String(formData.get("titleId") ?? "")}`]);
}
