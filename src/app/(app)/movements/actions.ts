"use server";
// Server actions of movements and drives: each runs one command (the actor comes from the session).
import { redirect } from "next/navigation";
import { isUuid } from "@/domain/validation";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { closeMovement, deleteMovementEvidence, launchMovement, saveMovementFigures, updateMovement } from "@/server/commands/movements";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

const paths = (formData: FormData) => {
  const id = String(formData.get("movementId") ?? "");
  return ["/movements", ...(isUuid(id) ? [`/movements/${id}`] : [])];
};

export const launchMovementAction: Action = async (_prev, formData) => {
  const result = await runCommand(launchMovement, formData, ["/movements"]);
  if (result.ok && result.data) redirect(`/movements/${result.data.id}`);
  return result;
};
export const updateMovementAction: Action = async (_prev, formData) => {
  const result = await runCommand(updateMovement, formData, paths(formData));
  if (result.ok) redirect(`/movements/${String(formData.get("movementId"))}`);
  return result;
};
export const closeMovementAction: Action = async (_prev, formData) => runCommand(closeMovement, formData, paths(formData));
export const saveMovementFiguresAction: Action = async (_prev, formData) => runCommand(saveMovementFigures, formData, paths(formData));
export const deleteMovementEvidenceAction: Action = async (_prev, formData) => runCommand(deleteMovementEvidence, formData, paths(formData));
