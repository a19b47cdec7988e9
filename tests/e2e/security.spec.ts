// Web security as the browser and an attacker see the production build: no CSP violation or console
// error on any page a demo role reaches, the security headers on pages, the login page and downloads,
// the session cookie's flags, server actions refusing a foreign Origin, and error pages that leak nothing.
import { expect, test, type Page, type Request } from "@playwright/test";
import { isFileRoute } from "../../src/lib/security-headers";
import { captureAction, DEMO, DEMO_PASSWORD, login, notChairHead } from "./helpers";

// Every role, the head of the open year's chair unit and another head among them.
const ROLES = ["admin", "thuky.cum2", "canbo.anm", DEMO.chairHead, notChairHead];
const EVIL = "https://evil.example";

/** Console errors and warnings, uncaught page errors and CSP violations seen by a page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`${page.url()} console.${msg.type()}: ${msg.text()} (${msg.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()} pageerror: ${error.message}`));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

function expectPageHeaders(response: { headers(): Record<string, string> } | null, nonceIn?: string) {
  expect(response).not.toBeNull();
  const h = response!.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
  expect(csp).not.toContain("unsafe-eval");
  for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp).toContain(d);
  if (nonceIn) expect(nonceIn).toContain(`nonce="${/'nonce-([^']+)'/.exec(csp)![1]}"`);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["permissions-policy"]).toContain("microphone=()");
  expect(h["permissions-policy"]).toContain("geolocation=()");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["x-powered-by"]).toBeUndefined();
  expect(h["strict-transport-security"]).toBeUndefined(); // plain http here
}

test("every page each demo role reaches loads with no CSP violation, console error or warning", async ({ browser }) => {
  test.setTimeout(300_000);
  for (const username of ROLES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watch(page);
    await login(page, username);
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link");
    const navPaths = (await nav.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))) as string[];
    expect(navPaths.length).toBeGreaterThan(3);
    const visited = new Set<string>();
    const visit = async (path: string) => {
      visited.add(path);
      const response = await page.goto(path);
      expect(response?.status(), `${username} ${path}`).toBeLessThan(400);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
    };
    for (const path of navPaths) {
      await visit(path);
      // One level deeper: the first page this one links to (a detail, a year, a report…), not a download.
      const deeper = (await page
        .locator("main a[href^='/']:not([download])")
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))) as string[];
      for (const next of [...new Set(deeper)].filter((p) => !visited.has(p) && !navPaths.includes(p) && !isFileRoute(p)).slice(0, 1)) await visit(next);
    }
    expect(problems, `${username} visited ${[...visited].join(", ")}`).toEqual([]);
    await context.close();
  }
});

test("pages and the login page carry the security headers with a fresh nonce on Next's scripts", async ({ page }) => {
  const problems = watch(page);
  const loginResponse = await page.goto("/login");
  expectPageHeaders(loginResponse, await loginResponse!.text());
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(loginResponse!.headers()["content-security-policy"]);

  await login(page, "canbo.anm");
  const home = await page.goto("/");
  const homeHtml = await home!.text();
  expectPageHeaders(home, homeHtml);
  const notFound = await page.goto("/khong-co-trang-nay");
  expect(notFound!.status()).toBe(404);
  expectPageHeaders(notFound, await notFound!.text());
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  expect(problems.filter((p) => !p.startsWith(`${page.url()} console.error: Failed to load resource: the server responded with a status of 404`))).toEqual([]);

  // The policy is enforced and the watcher sees it: an image from another origin is refused.
  await page.goto("/");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "https://evil.example/pixel.png";
    document.body.append(img);
  });
  await expect.poll(() => problems.some((p) => p.includes("CSP violation: img-src https://evil.example/pixel.png"))).toBe(true);

  // Static files get the fixed headers from next.config.ts.
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(homeHtml)![1]!;
  const asset = await page.request.get(script);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(asset.headers()["x-frame-options"]).toBe("DENY");
});

test("downloads are attachments with nosniff and a sandboxing CSP", async ({ page }) => {
  await login(page, "canbo.anm");
  const file = await page.request.get("/registration/template");
  expect(file.status()).toBe(200);
  const h = file.headers();
  expect(h["content-disposition"]).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''\S+$/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(h["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  // The sandboxing policy does not stop the browser from saving the file through the page's own link.
  await page.goto("/registration/import");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải tệp mẫu (.xlsx)" }).click();
  expect((await downloading).suggestedFilename()).toBe("mau-nhap-thi-dua.xlsx");
  // A stored evidence file's address answers with the same policy, even when there is no such file.
  const missing = await page.request.get("/reports/evidence/00000000-0000-4000-8000-000000000000");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect(missing.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the session cookie is HttpOnly, SameSite=Lax, Path=/ and not readable by scripts", async ({ page, context }) => {
  await login(page, "canbo.anm");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "authjs.session-token");
  expect(session, cookies.map((c) => c.name).join(", ")).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  const csrf = cookies.find((c) => c.name.endsWith("authjs.csrf-token"));
  if (csrf) expect(csrf).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});

test("behind an HTTPS reverse proxy: Secure, __Secure-/__Host- prefixed cookies and HSTS", async ({ baseURL }) => {
  // Sent with plain fetch so no client cookie jar decides for us; the headers are what a proxy would add.
  const https = { "x-forwarded-proto": "https" };
  const loginPage = await fetch(`${baseURL}/login`, { headers: https });
  expect(loginPage.headers.get("strict-transport-security")).toBe("max-age=63072000");

  const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers: https });
  const csrfCookie = csrf.headers.getSetCookie().find((c) => c.startsWith("__Host-authjs.csrf-token="));
  expect(csrfCookie, csrf.headers.getSetCookie().join(" | ")).toBeDefined();
  expect(csrfCookie).toMatch(/; Secure/i);
  expect(csrfCookie).toMatch(/; HttpOnly/i);
  expect(csrfCookie).toMatch(/; SameSite=Lax/i);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const signIn = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...https, "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie!.split(";")[0]!, origin: baseURL! },
    body: new URLSearchParams({ csrfToken, username: "lanhdao.qlxnc", password: DEMO_PASSWORD }),
  });
  const session = signIn.headers.getSetCookie().find((c) => c.startsWith("__Secure-authjs.session-token="));
  expect(session, signIn.headers.getSetCookie().join(" | ")).toBeDefined();
  for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Lax/i, /; Path=\//i]) expect(session).toMatch(flag);
});

async function replay(page: Page, request: Request, origin: string) {
  const headers = request.headers();
  return page.request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: "text/x-component",
      ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
      origin,
    },
    data: request.postDataBuffer()!,
    maxRedirects: 0,
  });
}

test("a server action posted from a foreign origin is refused and writes nothing", async ({ page, baseURL }) => {
  await login(page, "admin");
  const username = `kiemthu.origin${Date.now() % 100000}`;
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "Thêm tài khoản" });
  const request = await captureAction(page, "**/admin/users/new", async () => {
    await form.getByLabel("Tên đăng nhập").fill(username);
    await form.getByLabel("Họ tên hiển thị").fill("Tài khoản kiểm thử nguồn gốc");
    await form.getByLabel("Vai trò").selectOption({ label: "Lãnh đạo đơn vị" });
    await form.getByLabel("Đơn vị").selectOption({ label: "Cục Kỹ thuật nghiệp vụ — CUM-2" });
    await form.getByLabel("Mật khẩu ban đầu").fill(DEMO_PASSWORD);
    await form.getByLabel("Nhập lại mật khẩu").fill(DEMO_PASSWORD);
    await expect(form.getByLabel("Tên đăng nhập")).toHaveValue(username);
    await form.getByRole("button", { name: "Thêm tài khoản" }).click();
  });
  const listed = async () => {
    await page.goto(`/admin/users?q=${username}`);
    return page.getByRole("main").getByText(username, { exact: true }).count();
  };

  const foreign = await replay(page, request, EVIL);
  expect(foreign.status()).not.toBe(200);
  expect(foreign.status()).not.toBe(303);
  expect(await foreign.text()).not.toContain(username);
  expect(await listed()).toBe(0);

  // The same request from the app's own origin goes through: the refusal above was the origin's doing.
  const own = await replay(page, request, baseURL!);
  const ownText = await own.text();
  expect(own.status(), ownText).toBe(200);
  expect(await listed(), ownText).toBe(1);
});

test("signing in through the login action from a foreign origin sets no session", async ({ page, baseURL, playwright }) => {
  await page.goto("/login");
  const request = await captureAction(page, "**/login", async () => {
    await page.getByLabel("Tên đăng nhập").fill("canbo.ktnv");
    await page.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
  });
  for (const [origin, signedIn] of [[EVIL, false], [baseURL!, true]] as const) {
    const fresh = await playwright.request.newContext({ baseURL });
    const headers = request.headers();
    const response = await fresh.post("/login", {
      headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component", origin },
      data: request.postDataBuffer()!,
      maxRedirects: 0,
    });
    const cookies = (await fresh.storageState()).cookies.map((c) => c.name);
    expect(cookies.includes("authjs.session-token"), `${origin}: ${response.status()} ${cookies.join(",")}`).toBe(signedIn);
    await fresh.dispose();
  }
});

const LEAKS = [/\n\s+at /, /SELECT/i, /prisma/i, /DriverAdapter/i, /Error:/, /invalid byte sequence/i, /22021/, /\.next\/server/];

test("a page whose query fails shows a Vietnamese message with the digest only; 404 likewise", async ({ page }) => {
  await login(page, "canbo.anm");
  // A NUL byte in the search box reaches Postgres, which refuses it ("invalid byte sequence"): a real
  // database error inside a page, as the server sees it.
  const response = await page.goto("/officers?q=a%00b");
  const html = await response!.text();
  await expect(page.getByRole("heading", { name: "Đã có lỗi xảy ra" })).toBeVisible();
  await expect(page.getByTestId("error-digest")).toContainText(/Mã lỗi .*\d{5,}/);
  const shown = await page.locator("body").innerText();
  for (const leak of LEAKS) {
    expect(html, `HTML ${leak}`).not.toMatch(leak);
    expect(shown, `page ${leak}`).not.toMatch(leak);
  }

  const missing = await page.goto("/officers/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  const missingHtml = await missing!.text();
  for (const leak of LEAKS) expect(missingHtml, `404 ${leak}`).not.toMatch(leak);
});
