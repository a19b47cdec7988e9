"use server";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { createUnit, setUnitActive, updateUnit } from "@/server/commands/admin";

const LIST = "/admin/units";
const idOf = (formData: FormData) => String(formData.get("id") ?? "");

export async function createUnitAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(createUnit, formData, [LIST, "/admin/clusters"]);
}

export async function updateUnitAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(updateUnit, formData, [LIST, `${LIST}/${idOf(formData)}`, "/admin/clusters", "/admin/users"]);
}

export async function setUnitActiveAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(setUnitActive, formData, [LIST, `${LIST}/${idOf(formData)}`, "/admin/clusters"]);
}
