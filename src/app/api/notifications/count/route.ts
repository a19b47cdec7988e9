// The bell's unread count, polled by the header (GET only; no writes). Signed out: 401.
import { currentActor } from "@/server/auth/current";
import { unreadCount } from "@/server/queries/notifications";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await currentActor();
  if (!actor) return Response.json({ unread: 0 }, { status: 401, headers: { "Cache-Control": "no-store" } });
  return Response.json({ unread: await unreadCount(actor) }, { headers: { "Cache-Control": "no-store" } });
}
