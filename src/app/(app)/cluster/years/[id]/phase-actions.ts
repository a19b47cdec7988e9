"use server";
// Server actions of the year page's phase rules and reopening: each runs one command (actor from the session).
import { isUuid } from "@/domain/validation";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { reopenRegistrations } from "@/server/commands/registration";
import { grantPhaseOverride, revokePhaseOverride } from "@/server/commands/year-overrides";

/** The year page, and the pages that show what is open in it. */
function pathsFor(formData: FormData): string[] {
  const yearId = String(formData.get("yearId") ?? formData.get("emulationYearId") ?? "");
  return ["/", "/overview", "/registration", ...(isUuid(yearId) ? [`/cluster/years/${yearId}`] : [])];
}

export async function grantPhaseOverrideAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(grantPhaseOverride, formData, pathsFor(formData));
}

export async function revokePhaseOverrideAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(revokePhaseOverride, formData, pathsFor(formData));
}

export async function reopenRegistrationsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(reopenRegistrations, formData, pathsFor(formData));
}
