"use server";
// Server actions of the conference pages: each runs one command (the actor comes from the session).
import { redirect } from "next/navigation";
import type { ActionResult } from "@/server/commands/command";
import { runCommand } from "@/server/actions/run";
import {
  applyOutcome,
  castBallot,
  closeRound,
  createRound,
  deleteRound,
  openRound,
  openRunoff,
  purgeBallotBox,
  recordAssignedChair,
  updateRound,
} from "@/server/commands/votes";
import { isUuid } from "@/domain/validation";


/** The conference page and, when the form names a round, that round's pages. */
function pathsFor(formData: FormData, extraRoundId?: string): string[] {
  const ids = [String(formData.get("roundId") ?? ""), extraRoundId ?? ""].filter((id) => isUuid(id));
  return ["/conference", ...ids.flatMap((id) => [`/conference/rounds/${id}`, `/conference/rounds/${id}/screen`, `/conference/rounds/${id}/vote`])];
}

export async function createRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(createRound, formData, pathsFor(formData));
  // Straight to the new round, to check the list and open it.
  if (result.ok && result.data) redirect(`/conference/rounds/${result.data.id}`);
  return result;
}

export async function updateRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(updateRound, formData, pathsFor(formData));
}

export async function deleteRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(deleteRound, formData, ["/conference"]);
  if (result.ok) redirect("/conference");
  return result;
}

export async function openRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(openRound, formData, pathsFor(formData));
}

export async function closeRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(closeRound, formData, pathsFor(formData));
  // The ballot box was re-dealt by the closing transaction; now clear the dead copies from disk.
  if (result.ok) await purgeBallotBox();
  return result;
}

export async function openRunoffAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(openRunoff, formData, pathsFor(formData));
  if (result.ok && result.data) redirect(`/conference/rounds/${result.data.id}`);
  return result;
}

export async function applyOutcomeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(applyOutcome, formData, [...pathsFor(formData), "/cluster"]);
}

export async function recordAssignedChairAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(recordAssignedChair, formData, ["/conference", "/cluster", "/overview", "/"]);
}

export async function castBallotAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  // No revalidation: the delegate keeps the confirmation on screen (every page reads fresh data anyway);
  // a reload shows "already voted".
  return runCommand(castBallot, formData);
}
