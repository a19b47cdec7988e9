"use server";
// Server actions of the results pages and of the officer history section; each runs its command with
// the session's actor (scope is read from the stored records by the command, never from the form).
import { runCommand } from "@/server/actions/run";
import { amendClosedYear } from "@/server/commands/amendments";
import type { ActionResult } from "@/server/commands/command";
import {
  addDiscipline,
  addInitiative,
  recordOfficerResult,
  recordSubUnitResult,
  recordUnitResult,
  updateDiscipline,
  verifyOfficerResults,
} from "@/server/commands/results";

// Any revalidated path makes the router refresh the page the form is on; these are the lists that show it.
const RESULT_PATHS = ["/results", "/registration"];
const HISTORY_PATHS = ["/officers", "/results", "/registration"];

export async function recordOfficerResultAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(recordOfficerResult, formData, [...RESULT_PATHS, "/officers"]);
}

export async function verifyOfficerResultsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(verifyOfficerResults, formData, RESULT_PATHS);
}

export async function recordUnitResultAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(recordUnitResult, formData, RESULT_PATHS);
}

export async function recordSubUnitResultAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(recordSubUnitResult, formData, [...RESULT_PATHS, "/overview"]);
}

export async function amendClosedYearAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(amendClosedYear, formData, [...RESULT_PATHS, "/officers"]);
}

export async function addInitiativeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(addInitiative, formData, HISTORY_PATHS);
}

export async function addDisciplineAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(addDiscipline, formData, HISTORY_PATHS);
}

export async function updateDisciplineAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(updateDiscipline, formData, HISTORY_PATHS);
}
