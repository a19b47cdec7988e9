"use server";
// Server actions of the officer pages; each runs its command with the session's actor.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { createOfficer, setOfficerActive, updateOfficer } from "@/server/commands/officers";
import { overrideRegistration } from "@/server/commands/registration";
import { transferOfficer } from "@/server/commands/transfers";

export async function createOfficerAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(createOfficer, formData, ["/officers"]);
  // On to the new officer's page, which confirms the addition.
  if (result.ok && result.data) redirect(`/officers/${result.data.id}?created=1`);
  return result;
}

export async function updateOfficerAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(updateOfficer, formData, ["/officers"]);
  if (result.ok && result.data) revalidatePath(`/officers/${result.data.id}`);
  return result;
}

export async function setOfficerActiveAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(setOfficerActive, formData, ["/officers"]);
  if (result.ok && result.data) revalidatePath(`/officers/${result.data.id}`);
  return result;
}

/** The secretariat allows a registration refused by a condition already decided (with a written reason). */
export async function overrideRegistrationAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(overrideRegistration, formData, ["/registration", "/officers"]);
}

/** Điều động: the secretariat (or the admin) moves the officer to another member unit. */
export async function transferOfficerAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(transferOfficer, formData, ["/officers", "/registration", "/results"]);
  if (result.ok) revalidatePath(`/officers/${String(formData.get("officerId"))}`);
  return result;
}
