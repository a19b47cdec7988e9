// The one way a server action runs a command: the actor comes from the session (never the form).
import { revalidatePath } from "next/cache";
import { PASSWORD_CHANGE_REQUIRED } from "@/domain/password-policy";
import { currentSessionActor } from "@/server/auth/current";
import { executeCommand, formToObject, SYSTEM_BUSY, type ActionResult, type Command } from "@/server/commands/command";
import { isDatabaseUnavailable } from "@/server/db";
import { SUBMISSION_KEY_FIELD } from "@/server/commands/submission-key";

export async function runCommand<I, R>(command: Command<I, R>, formData: FormData, revalidate: string[] = []): Promise<ActionResult<R>> {
  let actor;
  try {
    actor = await currentSessionActor();
  } catch (error) {
    // The session is read from the database: down or stalled, the save is answered "busy" in its form.
    if (isDatabaseUnavailable(error)) return { ok: false, message: SYSTEM_BUSY };
    throw error;
  }
  // A user whose admin-set password is still to be changed may do nothing else (issue 13): the
  // permission table would refuse them too (as "not found"); this says why.
  if (actor?.mustChangePassword && command.permission !== "account.own") return { ok: false, message: PASSWORD_CHANGE_REQUIRED };
  // The form's submission key (ActionForm) makes a retry after a lost answer safe: a dedupe key only.
  const result = await executeCommand(command, actor, formToObject(formData), { submissionKey: formData.get(SUBMISSION_KEY_FIELD) });
  if (result.ok) for (const path of revalidate) revalidatePath(path);
  return result;
}
