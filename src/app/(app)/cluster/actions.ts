"use server";
// Server actions of the secretariat's cluster pages: each runs one command (actor from the session).
import { redirect } from "next/navigation";
import type { ActionResult } from "@/server/commands/command";
import { runCommand } from "@/server/actions/run";
import { advanceYearPhase, closeYear, openYear, revertYearPhase, updateYearLeadership, updateYearSettings } from "@/server/commands/years";
import { isUuid } from "@/domain/validation";


/** Pages that show a year: the cluster, the year itself, the overview and the home page. */
function pathsFor(formData: FormData): string[] {
  const yearId = String(formData.get("yearId") ?? "");
  return ["/cluster", "/overview", "/", ...(isUuid(yearId) ? [`/cluster/years/${yearId}`] : [])];
}

export async function openYearAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(openYear, formData, pathsFor(formData));
  // Straight to the new year, where its settings (copied from last year) are reviewed.
  if (result.ok && result.data) redirect(`/cluster/years/${result.data.id}`);
  return result;
}

export async function updateYearLeadershipAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(updateYearLeadership, formData, pathsFor(formData));
}

export async function updateYearSettingsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(updateYearSettings, formData, pathsFor(formData));
}

export async function advanceYearPhaseAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(advanceYearPhase, formData, pathsFor(formData));
}

export async function revertYearPhaseAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(revertYearPhase, formData, pathsFor(formData));
}

export async function closeYearAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(closeYear, formData, pathsFor(formData));
}
