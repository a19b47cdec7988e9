import { existsSync, readFileSync } from "node:fs";
import { expect, type Page, type Request } from "@playwright/test";
import { E2E_DEMO_FILE, e2ePinnedToday } from "../../scripts/lib/e2e-days";
import { DEMO_UNIT_NAMES, demoCurrentYearPlan, vietnamDay, type DemoUnitCode } from "../../src/server/seed/calendar";

export const DEMO_PASSWORD = "ThiDua@2022";

/**
 * The day the e2e server seeded the demo for (written when it started; the machine's day until then:
 * test titles must not depend on it, Playwright lists the tests before the server starts).
 */
function seededToday(): string {
  if (existsSync(E2E_DEMO_FILE)) return (JSON.parse(readFileSync(E2E_DEMO_FILE, "utf8")) as { today: string }).today;
  return vietnamDay(new Date());
}

/**
 * The demo the e2e server seeded, on the machine's day (docs/domain.md §1): the open year, its chair,
 * its dates, each unit's registration. Tests derive years and people from it, never hardcode them.
 */
export const DEMO = (() => {
  const today = seededToday();
  const plan = demoCurrentYearPlan(today);
  return {
    today,
    /** The day of the third instance (E2E_PORT+2), or null when it is left out. */
    pinnedToday: e2ePinnedToday(),
    plan,
    /** The open year (the one containing the day). */
    year: plan.year,
    /** The chair unit of the open year, and its head's login. */
    chair: plan.leadership.chair,
    chairHead: headOf(plan.leadership.chair),
  };
})();

export const UNIT_NAMES = DEMO_UNIT_NAMES;
export const officerOf = (unit: DemoUnitCode) => `canbo.${unit.toLowerCase()}`;
export function headOf(unit: DemoUnitCode) {
  return `lanhdao.${unit.toLowerCase()}`;
}
/** A unit head whose unit does not chair the open year. */
export const notChairHead = headOf(DEMO.chair === "QLXNC" ? "NT" : "QLXNC");

/** dd/mm/yyyy of a yyyy-mm-dd day. */
export const dmy = (iso: string) => iso.split("-").reverse().join("/");

/**
 * Signs in. An account the admin created or reset in a spec must change its password first (issue 13):
 * that is done here on the way (to a temporary password, then back to `password` on the account page),
 * so that specs keep signing in with the password they gave. account-password.spec.ts tests the change.
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const forced = page.getByRole("heading", { level: 1, name: "Đổi mật khẩu", exact: true });
  await expect(page.getByTestId("current-user").or(forced)).toBeVisible();
  if (await forced.isVisible()) {
    const temporary = `${password}-tam-thoi`;
    await changePassword(page, password, temporary);
    await expect(page.getByTestId("current-user")).toBeVisible();
    await page.goto("/account");
    await changePassword(page, temporary, password);
    await expect(page.getByRole("form", { name: "Đổi mật khẩu" }).getByRole("status")).toContainText("Đã đổi mật khẩu.");
    await page.goto("/");
  }
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Fills and sends the password change form of the page (/change-password or the account page). */
export async function changePassword(page: Page, current: string, next: string, again = next) {
  const form = page.getByRole("form", { name: "Đổi mật khẩu" });
  await form.getByLabel("Mật khẩu hiện tại").fill(current);
  await form.getByLabel(/^Mật khẩu mới/).fill(next);
  await form.getByLabel("Nhập lại mật khẩu mới").fill(again);
  await form.getByRole("button", { name: "Đổi mật khẩu" }).click();
}

export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  return (await nav.getByRole("link").allInnerTexts()).map((s) => s.trim());
}

/**
 * The secretariat's page of the cluster's latest year (the one open now), reached from /cluster as a
 * user would; returns the year. No year is hardcoded: the demo's open year moves with the calendar.
 */
export async function openLatestYearPage(page: Page): Promise<number> {
  await page.goto("/cluster");
  await page.getByRole("link", { name: /^Năm \d{4}$/ }).first().click();
  const heading = page.getByRole("heading", { level: 1, name: /^Năm thi đua \d{4}$/ });
  await expect(heading).toBeVisible();
  return Number((await heading.innerText()).replace(/\D/g, ""));
}

/**
 * The secretariat allows these actions (keys of src/domain/year-phase-rules.ts) outside their phases
 * for the open year, with a reason, on the year page: what a spec that works out of the demo year's
 * phase (scoring, votes, reports) does first. An action already allowed, or done in the year's current
 * phase, is not offered by the form and is left as it is.
 */
export async function allowOutsidePhase(page: Page, actions: string[], reason = "Kiểm thử: làm trước giai đoạn theo đề nghị của các đơn vị") {
  await openLatestYearPage(page);
  for (const action of actions) {
    const form = page.getByRole("form", { name: "Cho phép làm ngoài giai đoạn" });
    if (!(await form.count())) return;
    const select = form.getByLabel("Việc được cho phép");
    if (!(await select.locator(`option[value="${action}"]`).count())) continue;
    await select.selectOption(action);
    await form.getByLabel("Lý do cho phép").fill(reason);
    await form.getByRole("button", { name: "Cho phép" }).click();
    // Granted: the year page lists it as in force and no longer offers it.
    await expect(page.locator(`form[aria-label="Cho phép làm ngoài giai đoạn"] option[value="${action}"]`)).toHaveCount(0);
  }
}

/** A server action's request, stopped on its way out of the browser (its id and body can then be replayed by someone else). */
export async function captureAction(page: Page, path: string, submit: () => Promise<void>): Promise<Request> {
  let captured: Request | undefined;
  await page.route(path, async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  await submit();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute(path);
  return captured!;
}
