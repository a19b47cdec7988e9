// This instance can serve (src/server/ops/readiness.ts): 200, or 503 with a short reason.
import { checkReadiness } from "@/server/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (readiness.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "unavailable", reason: readiness.reason }, { status: 503, headers });
}
