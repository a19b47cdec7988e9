// The bell's unread count, polled by the header (GET only; no writes). Signed out, or an admin-set password
// still to change: 401. The count is read in the statement that checks the session and loads the user.
import { currentSession } from "@/server/auth/current";

export const dynamic = "force-dynamic";

export async function GET() {
  const session = await currentSession();
  if (!session || session.actor.mustChangePassword) return Response.json({ unread: 0 }, { status: 401, headers: { "Cache-Control": "no-store" } });
  return Response.json({ unread: session.unread }, { headers: { "Cache-Control": "no-store" } });
}
