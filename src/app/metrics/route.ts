// Prometheus metrics (src/server/ops/metrics.ts), only with `Authorization: Bearer <METRICS_TOKEN>`;
// without METRICS_TOKEN set there are none (404), as for a wrong token (401 says nothing else).
import { createHash, timingSafeEqual } from "node:crypto";
import { metricsContentType, metricsText } from "@/server/ops/metrics";

export const dynamic = "force-dynamic";

const digest = (text: string) => createHash("sha256").update(text).digest();

export async function GET(request: Request) {
  const token = process.env.METRICS_TOKEN;
  if (!token) return new Response("Not Found", { status: 404 });
  const sent = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(sent), digest(token))) {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  return new Response(await metricsText(), { headers: { "Content-Type": metricsContentType(), "Cache-Control": "no-store" } });
}
