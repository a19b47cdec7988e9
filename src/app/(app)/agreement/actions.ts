"use server";
// Server actions of the joint agreement page: each runs its command with the session's actor.
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { amendJointAgreement, saveJointAgreement } from "@/server/commands/joint-agreement";

export async function saveJointAgreementAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(saveJointAgreement, formData, ["/agreement"]);
}

export async function amendJointAgreementAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(amendJointAgreement, formData, ["/agreement"]);
}
