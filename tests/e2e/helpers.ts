import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "ThiDua@2022";

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
