import { existsSync, readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
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

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
  return (await nav.getByRole("link").allInnerTexts()).map((s) => s.trim());
}
