"use server";
import { redirect } from "next/navigation";
import { runCommand } from "@/server/actions/run";
import { currentActor, currentSessionActor, currentSessionClaims } from "@/server/auth/current";
import { endOtherSessions } from "@/server/auth/sessions";
import { changeOwnPassword } from "@/server/commands/account";
import { NOT_SIGNED_IN, type ActionResult } from "@/server/commands/command";
import { currentClient } from "@/server/security/client";

export async function endOtherSessionsAction(): Promise<ActionResult> {
  const [actor, claims] = await Promise.all([currentActor(), currentSessionClaims()]);
  if (!actor || !claims?.sessionId) return { ok: false, message: NOT_SIGNED_IN };
  const ended = await endOtherSessions(actor.userId, claims.sessionId, (await currentClient()).address);
  return { ok: true, message: ended ? `Đã đăng xuất ${ended} phiên đăng nhập khác.` : "Không có phiên đăng nhập nào khác đang mở." };
}

/**
 * The user's own password change: from the account page, or from /change-password when the admin set
 * the password (the one action such a user may run). Then every other session of the account ends —
 * whoever else signed in with the old password is out — and a forced change goes on to the home page.
 */
export async function changePasswordAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runCommand(changeOwnPassword, formData);
  if (!result.ok) return result;
  const [actor, claims] = await Promise.all([currentSessionActor(), currentSessionClaims()]);
  if (actor && claims?.sessionId) await endOtherSessions(actor.userId, claims.sessionId, (await currentClient()).address);
  if (result.data?.wasForced) redirect("/");
  return { ok: true, message: result.message };
}
