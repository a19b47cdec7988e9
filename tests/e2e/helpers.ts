import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { DEMO_UNIT_NAMES, demoCurrentYearPlan, vietnamDay, type DemoUnitCode } from "../../src/server/seed/calendar";

export const DEMO_PASSWORD = "ThiDua@2022";

/** Where scripts/e2e-server.ts writes the days it seeded the demo for (the machine's day, and the pinned one). */
export const E2E_DEMO_FILE = path.resolve(import.meta.dirname, "../../test-results/e2e-demo.json");

function seededDays(): { today: string; pinnedToday: string | null } {
  if (existsSync(E2E_DEMO_FILE)) return JSON.parse(readFileSync(E2E_DEMO_FILE, "utf8"));
  return { today: vietnamDay(new Date()), pinnedToday: null };
}

/**
 * The demo the e2e server seeded, on the machine's day (docs/domain.md §1): the open year, its chair,
 * its dates, each unit's registration. Tests derive years and people from it, never hardcode them.
 */
export const DEMO = (() => {
  const { today, pinnedToday } = seededDays();
  const plan = demoCurrentYearPlan(today);
  return {
    today,
    pinnedToday,
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
