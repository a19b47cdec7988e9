"use server";
// Server actions of the commendation register: each runs one command (the actor comes from the session).
import { runCommand } from "@/server/actions/run";
import type { ActionResult } from "@/server/commands/command";
import { addCommendation, revokeAward } from "@/server/commands/commendations";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

const PATHS = ["/commendations", "/officers", "/overview"];

export const enterCommendationAction: Action = async (_prev, formData) => runCommand(addCommendation, formData, PATHS);
export const revokeCommendationAction: Action = async (_prev, formData) => runCommand(revokeAward, formData, PATHS);
