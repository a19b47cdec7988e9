// This instance can serve (src/server/ops/readiness.ts): 200, or 503 with a short reason; with a read
// replica configured, its state in `replica` (never a 503 by itself).
import { checkReadiness } from "@/server/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  const replica = readiness.replica && { replica: readiness.replica };
  if (readiness.ready) return Response.json({ status: "ready", ...replica }, { headers });
  return Response.json({ status: "unavailable", reason: readiness.reason, ...replica }, { status: 503, headers });
}
