"use server";
// Server actions of the registration pages; each runs its command with the session's actor and, on
// success, refreshes every registration page (the unit's, the board, the units' read-only views). The
// agreement, with its file, posts to the route handler ./agreement/route.ts instead (its upload limit).
import { revalidatePath } from "next/cache";
import { runCommand } from "@/server/actions/run";
import type { ActionResult, Command } from "@/server/commands/command";
import {
  bulkSetOfficerRegistrations,
  reopenUnitRegistration,
  saveOfficerRegistrations,
  setSubUnitTarget,
  setUnitTarget,
  submitUnitRegistration,
} from "@/server/commands/registration";

async function run<I, R>(command: Command<I, R>, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(command, formData);
  if (result.ok) revalidatePath("/registration", "layout");
  return result;
}

export async function saveOfficerRegistrationsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(saveOfficerRegistrations, formData);
}

export async function bulkSetOfficerRegistrationsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(bulkSetOfficerRegistrations, formData);
}

export async function setUnitTargetAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(setUnitTarget, formData);
}

export async function setSubUnitTargetAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(setSubUnitTarget, formData);
}

export async function submitUnitRegistrationAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(submitUnitRegistration, formData);
}

export async function reopenUnitRegistrationAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(reopenUnitRegistration, formData);
}
