// The one way a server action runs a command: the actor comes from the session (never the form).
import { revalidatePath } from "next/cache";
import { PASSWORD_CHANGE_REQUIRED } from "@/domain/password-policy";
import { currentSessionActor } from "@/server/auth/current";
import { executeCommand, formToObject, type ActionResult, type Command } from "@/server/commands/command";

export async function runCommand<I, R>(command: Command<I, R>, formData: FormData, revalidate: string[] = []): Promise<ActionResult<R>> {
  const actor = await currentSessionActor();
  // A user whose admin-set password is still to be changed may do nothing else (issue 13): the
  // permission table would refuse them too (as "not found"); this says why.
  if (actor?.mustChangePassword && command.permission !== "account.own") return { ok: false, message: PASSWORD_CHANGE_REQUIRED };
  const result = await executeCommand(command, actor, formToObject(formData));
  if (result.ok) for (const path of revalidate) revalidatePath(path);
  return result;
}
