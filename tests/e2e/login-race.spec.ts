// Concurrent logins against the real servers (a production build, two instances on one database):
// attempts take a slot in Postgres before their password is checked, so a burst of 20 cannot get more
// than the limit's passwords checked, and no session goes to an attempt that arrives after the lock.
// The login form's real server action is captured once in the browser (stopped before it is sent),
// then posted 20 times at once, half to each instance, with the password swapped.
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { LOGIN_THROTTLE } from "../../src/domain/login-throttle";
import { DEMO_PASSWORD, login } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? "3100");
const INSTANCES = [`http://localhost:${PORT}`, `http://localhost:${PORT + 1}`] as const;
const USERNAME = "dongthoi.dangnhap";
const MARKER = "MARKER-mat-khau-0000";
const INVALID = "Tên đăng nhập hoặc mật khẩu không đúng.";

test.beforeAll(async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, "admin");
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "Thêm tài khoản" });
  await form.getByLabel("Tên đăng nhập").fill(USERNAME);
  await form.getByLabel("Họ tên hiển thị").fill("Thử đăng nhập đồng thời");
  await form.getByLabel("Vai trò").selectOption({ label: "Cán bộ thi đua đơn vị" });
  await form.getByLabel("Đơn vị").selectOption({ label: "Cục Ngoại tuyến — CUM-2" });
  await form.getByLabel("Mật khẩu ban đầu").fill(DEMO_PASSWORD);
  await form.getByLabel("Nhập lại mật khẩu").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Thêm tài khoản" }).click();
  await expect(form.getByRole("status").or(form.getByRole("alert").filter({ hasText: "Tên đăng nhập đã tồn tại." }))).toBeVisible();
  await page.context().close();
});

/** The login form's server action request, stopped before it leaves the browser. */
async function captureLogin(page: Page): Promise<Request> {
  let captured: Request | undefined;
  await page.route("**/login", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(USERNAME);
  await page.getByLabel("Mật khẩu").fill(MARKER);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/login");
  return captured!;
}

type Verdict = "session" | "invalid" | "locked" | string;

/** One login post to an instance: a session cookie, the invalid message, the lock message, or what else came. */
async function post(api: APIRequestContext, request: Request, instance: 0 | 1, password: string): Promise<Verdict> {
  const headers = request.headers();
  const body = request.postDataBuffer()!.toString("utf8");
  expect(body).toContain(MARKER);
  const response = await api.post(`${INSTANCES[instance]}/login`, {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: "text/x-component",
      ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}),
      origin: INSTANCES[instance],
    },
    data: Buffer.from(body.replace(MARKER, password), "utf8"),
    maxRedirects: 0,
  });
  const cookies = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  if (cookies.some((c) => c.startsWith("authjs.session-token=") && !c.startsWith("authjs.session-token=;"))) return "session";
  const text = await response.text();
  if (text.includes(INVALID)) return "invalid";
  if (text.includes("Đăng nhập tạm khóa do nhập sai nhiều lần.")) return "locked";
  return `${response.status()} ${text.slice(0, 200)}`;
}

/** How many security events of a kind the admin's log holds for the account. */
async function eventCount(admin: Page, kind: string): Promise<number> {
  await admin.goto(`/audit/security?kind=${kind}&username=${USERNAME}`);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Sự kiện bảo mật");
  const table = admin.getByTestId("security-table");
  return (await table.count()) ? table.locator("tbody tr").count() : 0;
}

test("20 login posts at once on two instances (19 wrong, the right one 15th): at most 5 wrong passwords checked, no session after the lock", async ({ page, browser, playwright }) => {
  test.setTimeout(120_000);
  const request = await captureLogin(page);
  // One client per request, so that no cookie jar or connection is shared between them.
  const clients = await Promise.all(Array.from({ length: 20 }, () => playwright.request.newContext()));
  const burst = (right: number | null) =>
    Promise.all(clients.map((api, i) => post(api, request, (i % 2) as 0 | 1, i === right ? DEMO_PASSWORD : `Sai-mat-khau-${i}`)));
  const count = (verdicts: Verdict[], v: Verdict) => verdicts.filter((x) => x === v).length;
  const admin = await (await browser.newContext()).newPage();
  await login(admin, "admin");

  const first = await burst(14);
  expect(first.filter((v) => !["session", "invalid", "locked"].includes(v)), "every answer is one of the three").toEqual([]);
  expect(count(first, "session")).toBeLessThanOrEqual(1);
  // Passwords checked, as the servers recorded them (the failure that starts the lock answers with the lock message).
  const failed = await eventCount(admin, "login.failed");
  const succeeded = await eventCount(admin, "login.success");
  // At most the limit's wrong passwords are checked. The right one is checked only if it took a slot
  // (then it frees it, so the burst may hold the limit's wrong ones and the right one, never more).
  expect(failed, JSON.stringify(first)).toBeLessThanOrEqual(LOGIN_THROTTLE.pair.free);
  expect(succeeded).toBe(count(first, "session"));
  expect(failed).toBeGreaterThanOrEqual(count(first, "invalid"));
  // The right password got a session only if it took one of the slots; otherwise it was refused unchecked.
  if (succeeded === 0) expect(first[14]).toBe("locked");

  if (failed === LOGIN_THROTTLE.pair.free) {
    // The pair is locked: a second burst has no password checked at all, and no session.
    expect(await eventCount(admin, "login.blocked")).toBe(1);
    const second = await burst(3);
    expect(second).toEqual(Array(20).fill("locked"));
    expect(await eventCount(admin, "login.failed")).toBe(failed);
    expect(await eventCount(admin, "login.success")).toBe(succeeded);
  }
  for (const api of clients) await api.dispose();
  await admin.context().close();
});

test("Auth.js's own English pages are not served: sign-in, sign-out and error send to the app's login page", async ({ request }) => {
  for (const path of ["/api/auth/signin", "/api/auth/signout", "/api/auth/error", "/api/auth/error?error=Configuration"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(400);
    expect(new URL(response.headers()["location"]!, "http://x").pathname, path).toBe("/login");
  }
});
