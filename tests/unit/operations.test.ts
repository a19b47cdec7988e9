// Issue 18's pure parts: the route names of the request log and metrics, what a refused sign-in says,
// the metrics endpoint's token, and the log lines themselves (a real process writing through pino).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { AuthError, CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/metrics/route";
import { LockedSignin, signinFailureMessage, SYSTEM_UNAVAILABLE, UnavailableSignin, WRONG_CREDENTIALS } from "@/server/auth/signin-errors";
import { observeRequest } from "@/server/ops/metrics";
import { routeOf } from "@/server/ops/request-log";

describe("routeOf", () => {
  it("names a route without ids, query or fragment", () => {
    expect(routeOf("/overview?cluster=1&year=2022")).toBe("/overview");
    expect(routeOf("/overview/units/0b6c2a0e-5a3c-4f27-9d7e-2f1d3c4b5a69")).toBe("/overview/units/:id");
    expect(routeOf("/officers/123/edit#top")).toBe("/officers/:id/edit");
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeOf(undefined)).toBe("/");
  });
});

describe("signinFailureMessage", () => {
  it("says wrong credentials only for Auth.js's plain CredentialsSignin", () => {
    expect(signinFailureMessage(new CredentialsSignin())).toBe(WRONG_CREDENTIALS);
    expect(signinFailureMessage(new LockedSignin(120))).toMatch(/^Đăng nhập tạm khóa/);
  });
  it("says the system is unavailable for a failed check, and for any other Auth.js error (a database error thrown in authorize)", () => {
    expect(signinFailureMessage(new UnavailableSignin())).toBe(SYSTEM_UNAVAILABLE);
    expect(signinFailureMessage(new CallbackRouteError("connect ECONNREFUSED"))).toBe(SYSTEM_UNAVAILABLE);
    expect(signinFailureMessage(new AuthError("x"))).toBe(SYSTEM_UNAVAILABLE);
  });
  it("leaves anything else (a redirect) to be rethrown", () => {
    expect(signinFailureMessage(new Error("NEXT_REDIRECT"))).toBeNull();
  });
});

describe("/metrics", () => {
  const saved = process.env.METRICS_TOKEN;
  afterEach(() => {
    process.env.METRICS_TOKEN = saved;
  });
  const scrape = (authorization?: string) => metricsRoute(new Request("http://app/metrics", { headers: authorization ? { authorization } : {} }));

  it("serves nothing without METRICS_TOKEN", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await scrape("Bearer anything")).status).toBe(404);
  });
  it("answers only the bearer token", async () => {
    process.env.METRICS_TOKEN = "t0ken-for-tests";
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer wrong")).status).toBe(401);
    expect((await scrape("t0ken-for-tests")).status).toBe(401);
    observeRequest("GET", "/overview", 200, 0.042);
    const ok = await scrape("Bearer t0ken-for-tests");
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^sothidua_http_request_duration_seconds_count\{method="GET",route="\/overview",status="200"\} 1$/m);
  });
});

describe("the log", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const run = (env: Record<string, string>, code: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" }).stdout;
  const program = `import { log } from "./src/server/log.ts";
    log.warn({ event: "login.failed", username: "thuky", password: "Mat-khau-1", headers: { cookie: "authjs.session-token=abc" } }, "login.failed");
    log.debug({ event: "hidden" }, "hidden");`;

  it("writes one JSON line per entry at LOG_LEVEL, without passwords or cookies", () => {
    const lines = run({ LOG_FORMAT: "json", LOG_LEVEL: "info" }, program).trim().split("\n");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: "warn", event: "login.failed", username: "thuky", password: "[redacted]", headers: { cookie: "[redacted]" }, msg: "login.failed" });
    expect(lines[0]).not.toContain("Mat-khau-1");
    expect(lines[0]).not.toContain("session-token");
  });
  it("writes readable lines with LOG_FORMAT=pretty", () => {
    const out = run({ LOG_FORMAT: "pretty", LOG_LEVEL: "debug" }, program);
    expect(out).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  login\.failed event=login\.failed username=thuky password=\[redacted\]/m);
    expect(out).toMatch(/DEBUG hidden/);
  });
});
