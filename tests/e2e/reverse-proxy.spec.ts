// The app behind nginx, as shipped (deploy/nginx/sotd.conf, rendered by scripts/lib/nginx-config.ts
// exactly as for an operator), in front of two app instances: HTTPS with a self-signed certificate made
// here, HTTP redirected, Secure cookies and HSTS, the client's address as the app records it, one
// instance stopped while the other serves (docs/operations.md; docs/domain.md §8: stateless instances).
//
// nginx is Debian's package (.ci/run installs it): without it this spec fails, saying so. It runs as a
// child of this test with its own prefix in a temporary folder, on free ports, never as a service.
// The two instances are this spec's own `next start` of the e2e build on the e2e database (the
// e2e server's two must not be stopped): TRUST_PROXY_HOPS=1 as behind the proxy, and no AUTH_URL, so
// that Secure cookies and HSTS come only from the X-Forwarded-Proto nginx sets.
//
// The browser reaches nginx over IPv6 (nginx listens on [::1] only) and nginx reaches the instances over
// IPv4 (127.0.0.1): the client's address (::1) differs from nginx's, so the test tells them apart.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { NGINX_TEMPLATE, renderNginxConfig } from "../../scripts/lib/nginx-config";
import { UPLOAD_TOO_LARGE } from "../../src/server/excel/import";
import { withDb } from "./db-fixture";
import { DEMO_PASSWORD, login } from "./helpers";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const CLIENT_ADDRESS = "::1";
const SPOOFED = "203.0.113.77";
const HSTS = "max-age=63072000";

/** nginx on this machine: on PATH or where Debian puts it. */
function nginxBinary(): string | null {
  const found = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (found) return found;
  return existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : null;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not within ${ms / 1000} s`);
}

/** A child process whose output is kept, as lines. */
type Child = { process: ChildProcess; lines: string[]; exited: Promise<void> };
function start(command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split("\n");
      rest = parts.pop()!;
      lines.push(...parts);
    });
  }
  return { process: child, lines, exited: new Promise((r) => child.once("exit", () => r())) };
}

async function stopChild(child: Child | undefined) {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill("SIGTERM");
  const killed = setTimeout(() => child.process.kill("SIGKILL"), 15_000);
  await child.exited;
  clearTimeout(killed);
}

/** The JSON lines of an app instance's log (pino). */
function logEntries(child: Child): Record<string, unknown>[] {
  return child.lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}
const servedIds = (child: Child) => new Set(logEntries(child).map((e) => (e.req as { id?: string } | undefined)?.id).filter(Boolean));

let dir = "";
let nginx: Child | undefined;
const apps: (Child | undefined)[] = [undefined, undefined];
let appPorts: number[] = [];
let appEnv: NodeJS.ProcessEnv = process.env;
let origin = "";
let httpPort = 0;

async function startApp(i: 0 | 1) {
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const port = appPorts[i]!;
  apps[i] = start(process.execPath, [nextBin, "start", "-p", String(port)], { ...appEnv, PORT: String(port) });
  await until(`app instance ${i + 1} on port ${port} ready`, 60_000, async () => (await fetch(`http://127.0.0.1:${port}/api/ready`)).ok);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const binary = nginxBinary();
  expect(binary, "nginx is not installed: on Debian `apt-get install -y nginx` (.ci/run installs it when missing)").not.toBeNull();

  dir = mkdtempSync(path.join(os.tmpdir(), "sotd-nginx-"));
  const [https, http, a, b] = [await freePort(), await freePort(), await freePort(), await freePort()];
  httpPort = http;
  appPorts = [a, b];
  origin = `https://localhost:${https}`;

  // The two instances, on the e2e server's database, with the settings of a deployment behind nginx.
  const { e2eDatabaseUrlFile } = await import("../../scripts/lib/e2e-database");
  appEnv = {
    ...process.env,
    DATABASE_URL: readFileSync(e2eDatabaseUrlFile(process.env.E2E_PORT ?? "3100"), "utf8").trim(),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TRUST_PROXY_HOPS: "1",
    JOBS: "off",
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete appEnv.AUTH_URL;
  delete appEnv.NEXTAUTH_URL;
  const started = Promise.all([startApp(0), startApp(1)]);

  // A self-signed certificate for localhost, and the shipped configuration with this test's values.
  const cert = spawnSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { encoding: "utf8" });
  expect(cert.status, `openssl could not make a certificate: ${cert.stderr}`).toBe(0);
  writeFileSync(
    path.join(dir, "sotd.conf"),
    renderNginxConfig(readFileSync(NGINX_TEMPLATE, "utf8"), {
      SERVER_NAME: "localhost",
      PUBLIC_PORT: String(https),
      HTTPS_LISTEN: `[::1]:${https}`,
      HTTP_LISTEN: `[::1]:${http}`,
      TLS_CERTIFICATE: path.join(dir, "cert.pem"),
      TLS_CERTIFICATE_KEY: path.join(dir, "key.pem"),
      APP_UPSTREAMS: `127.0.0.1:${a} 127.0.0.1:${b}`,
      CACHE_DIR: path.join(dir, "cache"),
      LOG_DIR: dir,
    }),
  );
  // The main file: what Debian's /etc/nginx/nginx.conf sets in its http block (so a clash with it shows
  // here), with this test's folders; it includes the rendered file as Debian includes conf.d/*.conf.
  for (const temp of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, temp));
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      "events { worker_connections 512; }",
      "http {",
      "  sendfile on; tcp_nopush on; types_hash_max_size 2048;",
      "  include /etc/nginx/mime.types; default_type application/octet-stream;",
      "  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; ssl_prefer_server_ciphers on;",
      `  access_log ${dir}/access.log; error_log ${dir}/error.log;`,
      "  gzip on;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/sotd.conf;`,
      "}",
    ].join("\n"),
  );
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")];
  const check = spawnSync(binary!, ["-t", ...args], { encoding: "utf8" });
  expect(check.status, `nginx -t refused the configuration:\n${check.stderr}`).toBe(0);
  nginx = start(binary!, [...args, "-g", "daemon off;"], process.env);
  await until("nginx listening", 10_000, () => new Promise((resolve) => {
    const socket = net.connect(https, "::1", () => (socket.end(), resolve(true)));
    socket.on("error", () => resolve(false));
  }));
  await started;
});

test.afterAll(async () => {
  await stopChild(nginx);
  await Promise.all(apps.map(stopChild));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function through(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...options, baseURL: origin, ignoreHTTPSErrors: true });
  return context.newPage();
}

/** Opens `path` through nginx; returns the id of the request (nginx's, as the app answered it). */
async function open(page: Page, where: string): Promise<string> {
  const response = await page.goto(where);
  expect(response?.status(), where).toBe(200);
  const id = await response!.headerValue("x-request-id");
  expect(id, `X-Request-Id of ${where}`).toBeTruthy();
  return id!;
}

test("HTTP is redirected to HTTPS; signing in over HTTPS gives Secure cookies, HSTS and nginx's request id in the app's log", async ({ browser }) => {
  const page = await through(browser);
  const response = await page.goto(`http://localhost:${httpPort}/login?from=http`);
  expect(response!.request().redirectedFrom()?.url()).toBe(`http://localhost:${httpPort}/login?from=http`);
  expect(page.url()).toBe(`${origin}/login?from=http`);
  // HSTS exactly once (the app's; nginx adds it only where the app did not).
  expect((await response!.headersArray()).filter((h) => h.name.toLowerCase() === "strict-transport-security").map((h) => h.value)).toEqual([HSTS]);

  await login(page, "admin", DEMO_PASSWORD);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith("authjs.session-token"));
  expect(session?.name).toBe("__Secure-authjs.session-token");
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
  for (const cookie of cookies) expect(cookie.secure, cookie.name).toBe(true);

  // The request id nginx made is the one the app logged and answered back, and nginx's access log has it.
  const id = await open(page, "/");
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await expect.poll(() => apps.some((app) => app && servedIds(app).has(id)), { message: "the app's request line with nginx's id" }).toBe(true);
  await expect.poll(() => readFileSync(path.join(dir, "sotd.access.log"), "utf8").includes(`"request_id":"${id}"`)).toBe(true);

  // Static files are compressed and kept by nginx: the second fetch of a chunk is nginx's copy.
  const chunk = await page.evaluate(() => [...document.scripts].map((s) => s.src).find((src) => src.includes("/_next/static/"))!);
  const fetchChunk = () => page.evaluate(async (url) => {
    const r = await fetch(url, { cache: "no-store" });
    return { encoding: r.headers.get("content-encoding"), cache: r.headers.get("x-cache-status"), hsts: r.headers.get("strict-transport-security") };
  }, chunk);
  await fetchChunk();
  expect(await fetchChunk()).toEqual({ encoding: "gzip", cache: "HIT", hsts: HSTS });

  // Metrics are not served through the public address.
  expect((await page.goto("/metrics"))?.status()).toBe(404);
  await page.context().close();
});

test("the app records the address nginx received the request from, not the X-Forwarded-For (nor Host, Proto) the client sends", async ({ browser }) => {
  // (A well-formed X-Request-Id is kept, as from a balancer in front: the same rule as the app's.)
  const page = await through(browser, { extraHTTPHeaders: { "X-Forwarded-For": SPOOFED, "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http", Forwarded: `for=${SPOOFED}`, "X-Request-Id": "lb-7f3a.42" } });
  const username = `proxy.${randomBytes(4).toString("hex")}`;
  expect(await open(page, "/login")).toBe("lb-7f3a.42");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("Sai mật khẩu hoàn toàn");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("form", { name: "Đăng nhập" }).getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");

  // The security log (database) and the app's log line both have the client's address.
  const stored = await withDb(async (db) => (await db.query<{ address: string }>(`SELECT address FROM "SecurityEvent" WHERE kind = 'login.failed' AND username = $1`, [username])).rows);
  expect(stored).toEqual([{ address: CLIENT_ADDRESS }]);
  const logged = apps.flatMap((app) => (app ? logEntries(app) : [])).filter((e) => e.event === "login.failed" && e.username === username);
  expect(logged.map((e) => e.address)).toEqual([CLIENT_ADDRESS]);

  // The spoofed X-Forwarded-Host and -Proto did not reach the app either: its server action accepted the
  // origin, and the session cookie is Secure.
  await login(page, "admin", DEMO_PASSWORD);
  expect((await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"))?.name).toBe("__Secure-authjs.session-token");
  await page.context().close();
});

test("a body over the app's limit reaches the app, which refuses it in its own words; one over 7 MB is refused by nginx", async ({ browser }) => {
  const page = await through(browser);
  await login(page, "admin", DEMO_PASSWORD);
  await page.goto("/registration/import");
  const upload = (bytes: number) => page.evaluate(async (n) => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(n)]), "qua-lon.xlsx");
    const r = await fetch("/registration/import/upload", { method: "POST", body: form });
    return { status: r.status, message: ((await r.json()) as { message: string }).message };
  }, bytes);
  expect(await upload(6.5 * 1024 * 1024)).toEqual({ status: 413, message: UPLOAD_TOO_LARGE });
  expect(await upload(8 * 1024 * 1024)).toEqual({ status: 413, message: "Nội dung gửi lên quá lớn (tối đa 7 MB); chưa có dữ liệu nào được lưu." });
  await page.context().close();
});

test("one instance stopped, the other serves every request; started again, it is back in rotation and serves alone; both stopped, nginx says so", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await through(browser);
  await login(page, "admin", DEMO_PASSWORD);
  const paths = ["/", "/overview", "/account", "/"];

  // Instance 1 stopped: pages and a sign-in (a POST) are answered by instance 2.
  await stopChild(apps[0]);
  for (const where of paths) {
    const id = await open(page, where);
    await expect.poll(() => servedIds(apps[1]!).has(id), { message: `${where} served by instance 2` }).toBe(true);
  }
  const fresh = await through(browser);
  await login(fresh, "admin", DEMO_PASSWORD);
  await fresh.context().close();

  // Instance 1 started again: nginx sends it requests once its failures have timed out (fail_timeout).
  await startApp(0);
  // (A request line is logged as the answer ends, a moment after the page has loaded: every id is looked for.)
  const sent: string[] = [];
  await until("nginx sending requests to instance 1 again", 30_000, async () => {
    sent.push(await open(page, "/"));
    return sent.some((id) => servedIds(apps[0]!).has(id));
  });

  // Instance 2 stopped: instance 1 serves alone.
  await stopChild(apps[1]);
  for (const where of paths) {
    const id = await open(page, where);
    await expect.poll(() => servedIds(apps[0]!).has(id), { message: `${where} served by instance 1` }).toBe(true);
  }
  await expect(page.getByTestId("current-user")).toBeVisible();

  // Both stopped: nginx's own page, in Vietnamese, still over HTTPS with HSTS.
  await stopChild(apps[0]);
  const down = await page.goto("/overview");
  expect(down?.status()).toBe(502);
  expect(await down!.headerValue("strict-transport-security")).toBe(HSTS);
  await expect(page.getByRole("heading", { level: 1, name: "Hệ thống đang bận hoặc không sẵn sàng" })).toBeVisible();
  await page.context().close();
});
