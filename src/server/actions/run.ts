// The one way a server action runs a command: the actor comes from the session (never the form).
import { revalidatePath } from "next/cache";
import { currentActor } from "@/server/auth/current";
import { executeCommand, formToObject, type ActionResult, type Command } from "@/server/commands/command";

export async function runCommand<I, R>(command: Command<I, R>, formData: FormData, revalidate: string[] = []): Promise<ActionResult<R>> {
  const result = await executeCommand(command, await currentActor(), formToObject(formData));
  if (result.ok) for (const path of revalidate) revalidatePath(path);
  return result;
}
