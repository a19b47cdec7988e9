"use server";
import { currentActor, currentSessionClaims } from "@/server/auth/current";
import { endOtherSessions } from "@/server/auth/sessions";
import { NOT_SIGNED_IN, type ActionResult } from "@/server/commands/command";
import { currentClient } from "@/server/security/client";

export async function endOtherSessionsAction(): Promise<ActionResult> {
  const [actor, claims] = await Promise.all([currentActor(), currentSessionClaims()]);
  if (!actor || !claims?.sessionId) return { ok: false, message: NOT_SIGNED_IN };
  const ended = await endOtherSessions(actor.userId, claims.sessionId, (await currentClient()).address);
  return { ok: true, message: ended ? `Đã đăng xuất ${ended} phiên đăng nhập khác.` : "Không có phiên đăng nhập nào khác đang mở." };
}
