"use server";
// Server actions of the dossier pages (issue 14): each runs one command (the actor comes from the session).
import { redirect } from "next/navigation";
import { isUuid } from "@/domain/validation";
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { revokeAward } from "@/server/commands/commendations";
import {
  acceptDossier,
  addDossierItem,
  answerObjection,
  buildDossier,
  lodgeObjection,
  publishDossier,
  recordDecision,
  removeDossierItem,
  returnDossier,
  sendDossier,
} from "@/server/commands/dossiers";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

const paths = (formData: FormData) => {
  const id = String(formData.get("pageDossierId") ?? "");
  return ["/dossiers", ...(isUuid(id) ? [`/dossiers/${id}`] : [])];
};

export const buildDossierAction: Action = async (_prev, formData) => {
  const result = await runCommand(buildDossier, formData, ["/dossiers"]);
  if (result.ok && result.data) redirect(`/dossiers/${result.data.id}`);
  return result;
};
export const addItemAction: Action = async (_prev, formData) => runCommand(addDossierItem, formData, paths(formData));
export const removeItemAction: Action = async (_prev, formData) => runCommand(removeDossierItem, formData, paths(formData));
export const publishAction: Action = async (_prev, formData) => runCommand(publishDossier, formData, paths(formData));
export const objectAction: Action = async (_prev, formData) => runCommand(lodgeObjection, formData, paths(formData));
export const answerAction: Action = async (_prev, formData) => runCommand(answerObjection, formData, paths(formData));
export const sendAction: Action = async (_prev, formData) => runCommand(sendDossier, formData, paths(formData));
export const returnAction: Action = async (_prev, formData) => runCommand(returnDossier, formData, paths(formData));
export const acceptAction: Action = async (_prev, formData) => runCommand(acceptDossier, formData, paths(formData));
export const decideAction: Action = async (_prev, formData) => runCommand(recordDecision, formData, [...paths(formData), "/commendations"]);
export const revokeAwardAction: Action = async (_prev, formData) => runCommand(revokeAward, formData, [...paths(formData), "/commendations", "/officers", "/overview"]);
