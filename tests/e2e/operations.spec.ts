// Health, readiness and metrics on the production build (issue 18; docs/operations.md): answered without
// a session and without the login redirect, as a load balancer polls them; /metrics says nothing when
// METRICS_TOKEN is not set (the e2e server sets none); every response carries its request id.
import { expect, test } from "@playwright/test";

test("health and readiness answer without login; metrics are off without METRICS_TOKEN", async ({ request }) => {
  const health = await request.get("/api/health", { maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });

  const ready = await request.get("/api/ready", { maxRedirects: 0 });
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["cache-control"]).toBe("no-store");
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  // The proxy's request id is kept (the log line carries it), a malformed one replaced.
  const traced = await request.get("/api/health", { headers: { "x-request-id": "nginx-4f2a9c" } });
  expect(traced.headers()["x-request-id"]).toBe("nginx-4f2a9c");
  const forged = await request.get("/api/health", { headers: { "x-request-id": "bad id\twith spaces" } });
  expect(forged.headers()["x-request-id"]).not.toContain("bad");

  const metrics = await request.get("/metrics", { maxRedirects: 0, headers: { authorization: "Bearer guess" } });
  expect(metrics.status()).toBe(404);
  expect(await metrics.text()).not.toContain("sothidua_");

  // Anything else still needs a session.
  expect((await request.get("/api/readyz", { maxRedirects: 0 })).status()).toBe(307);
});
