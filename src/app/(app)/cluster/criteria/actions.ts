"use server";
// Server actions of the criteria table editor: each runs one command with the session's actor.
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import {
  createCriteriaTable,
  deleteCriterion,
  deleteKeyFigure,
  deleteSection,
  moveCriteriaPart,
  publishCriteriaTable,
  saveCriterion,
  saveKeyFigure,
  saveSection,
} from "@/server/commands/criteria";
import { isUuid } from "@/domain/validation";


function paths(formData: FormData): string[] {
  const yearId = String(formData.get("yearId") ?? "");
  return ["/cluster/criteria", "/reports", ...(isUuid(yearId) ? [`/cluster/criteria/${yearId}`, `/reports/criteria/${yearId}`] : [])];
}

export async function createCriteriaTableAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(createCriteriaTable, formData, paths(formData));
}
export async function publishCriteriaTableAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(publishCriteriaTable, formData, paths(formData));
}
export async function saveSectionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(saveSection, formData, paths(formData));
}
export async function deleteSectionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(deleteSection, formData, paths(formData));
}
export async function saveCriterionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(saveCriterion, formData, paths(formData));
}
export async function deleteCriterionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(deleteCriterion, formData, paths(formData));
}
export async function moveCriteriaPartAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(moveCriteriaPart, formData, paths(formData));
}
export async function saveKeyFigureAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(saveKeyFigure, formData, paths(formData));
}
export async function deleteKeyFigureAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(deleteKeyFigure, formData, paths(formData));
}
