"use server";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { createUser, resetUserPassword, setUserDisabled, updateUser } from "@/server/commands/admin";

const LIST = "/admin/users";
const idOf = (formData: FormData) => String(formData.get("id") ?? "");

export async function createUserAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(createUser, formData, [LIST]);
}

export async function updateUserAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(updateUser, formData, [LIST, `${LIST}/${idOf(formData)}`]);
}

export async function setUserDisabledAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(setUserDisabled, formData, [LIST, `${LIST}/${idOf(formData)}`]);
}

export async function resetUserPasswordAction(_prev: ActionResult | null, formData: FormData) {
  return runCommand(resetUserPassword, formData, []);
}
