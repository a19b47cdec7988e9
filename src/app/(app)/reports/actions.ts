"use server";
// Server actions of the report and scoring pages: each runs one command with the session's actor.
import { redirect } from "next/navigation";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { acceptReport, deleteEvidence, returnReport, saveReportDraft, startReport, submitReport } from "@/server/commands/reports";
import {
  applySuggestedFinals,
  closeScoringRound,
  finaliseScoringRound,
  openScoringRound,
  reopenScoringRound,
  saveCrossScores,
  setFinalScores,
  submitCrossScores,
} from "@/server/commands/scoring";
import { isUuid } from "@/domain/validation";

const id = (formData: FormData, key: string) => {
  const value = String(formData.get(key) ?? "");
  return isUuid(value) ? value : null;
};
const reportPaths = (formData: FormData) => {
  const reportId = id(formData, "reportId");
  return ["/reports", ...(reportId ? [`/reports/${reportId}`, `/reports/${reportId}/scores`] : [])];
};
const yearPaths = (formData: FormData) => {
  const yearId = id(formData, "yearId");
  return ["/reports", "/reports/cross", ...(yearId ? [`/reports/scoring/${yearId}`, `/reports/scoring/${yearId}/ranking`] : [])];
};

export async function startReportAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(startReport, formData, ["/reports"]);
  if (result.ok && result.data) redirect(`/reports/${result.data.id}`);
  return result;
}

/** The editor's autosave and "Lưu nháp": no revalidation (the editor keeps its own state). */
export async function saveReportDraftAction(formData: FormData): Promise<ActionResult<{ version: number; savedAt: string }>> {
  return runCommand(saveReportDraft, formData);
}

export async function submitReportAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(submitReport, formData, reportPaths(formData));
}

export async function returnReportAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(returnReport, formData, reportPaths(formData));
}

export async function acceptReportAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(acceptReport, formData, reportPaths(formData));
}

export async function deleteEvidenceAction(formData: FormData): Promise<ActionResult<{ version: number; savedAt: string }>> {
  return runCommand(deleteEvidence, formData);
}

// Scoring (the secretariat)

export async function openScoringRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(openScoringRound, formData, yearPaths(formData));
}

export async function closeScoringRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(closeScoringRound, formData, yearPaths(formData));
}

export async function reopenScoringRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(reopenScoringRound, formData, yearPaths(formData));
}

export async function applySuggestedFinalsAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(applySuggestedFinals, formData, yearPaths(formData));
}

export async function finaliseScoringRoundAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(finaliseScoringRound, formData, yearPaths(formData));
}

export async function setFinalScoresAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return runCommand(setFinalScores, formData, [...reportPaths(formData), ...yearPaths(formData)]);
}

// Cross-scoring (the scoring unit)

export async function saveCrossScoresAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const assignmentId = id(formData, "assignmentId");
  return runCommand(saveCrossScores, formData, ["/reports/cross", ...(assignmentId ? [`/reports/cross/${assignmentId}`] : [])]);
}

export async function submitCrossScoresAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const assignmentId = id(formData, "assignmentId");
  return runCommand(submitCrossScores, formData, ["/reports/cross", ...(assignmentId ? [`/reports/cross/${assignmentId}`] : [])]);
}
