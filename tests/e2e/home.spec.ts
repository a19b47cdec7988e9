// Issue 13 items 4 and 6 in the browser: each demo account's home page lists what that person has to
// do now, with deadlines and links; the registration page leads to the Excel template and import; every
// unit head opens the cluster dashboard (with what a head may see), and the chair the Ministry view of
// its block. Written against the demo data whatever the date (the chair of the open year from DEMO).
import { expect, test, type Page } from "@playwright/test";
import { DEMO, login, notChairHead } from "./helpers";

// Titles name no day-dependent login (Playwright lists the tests before the server seeds the demo).
const ACCOUNTS = ["admin", "thuky.cum2", "canbo.anm", "canbo.ktnv", "vanphong.bo"].map((u) => ({ username: u, who: u }));
ACCOUNTS.push({ username: DEMO.chairHead, who: "the chair unit's head" }, { username: notChairHead, who: "another unit's head" });
const STATUS = /^(đang mở, còn \d+ ngày|đang mở, hôm nay là ngày cuối|đã hết hạn \d+ ngày trước)$/;

async function logout(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
}

for (const { username, who } of ACCOUNTS) {
  test(`${who}: the home page lists what to do now, each with a working link and its deadline status`, async ({ page }) => {
    await login(page, username);
    const card = page.locator("section", { has: page.getByRole("heading", { name: "Việc cần làm" }) });
    await expect(card.getByRole("heading", { name: "Việc cần làm" })).toBeVisible();
    const items = page.getByTestId("todo-item");
    const count = await items.count();
    if (count === 0) {
      await expect(card).toContainText("Không có việc nào cần làm lúc này.");
      expect(username, "the secretariat always follows something in an open year").not.toBe("thuky.cum2");
      return;
    }
    // Every deadline says plainly how it stands.
    for (const badge of await card.getByTestId("deadline-status").allInnerTexts()) expect(badge.trim()).toMatch(STATUS);
    // Every link opens a page of the app, without an error or "not found".
    const hrefs = await items.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(hrefs.length).toBe(count);
    for (const href of [...new Set(hrefs)]) {
      expect(href).toMatch(/^\/[a-z]/);
      const response = await page.goto(href);
      expect(response?.status(), href).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("Đã có lỗi xảy ra")).toHaveCount(0);
    }
  });
}

test("the unit officer's registration page links the Excel template and the import for the year", async ({ page }) => {
  await login(page, "canbo.ktnv");
  await page.goto("/registration");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Đăng ký thi đua năm");
  const template = page.getByRole("link", { name: "Tải tệp mẫu Excel" });
  await expect(template).toHaveAttribute("href", "/registration/template");
  const file = await page.request.get("/registration/template");
  expect(file.status()).toBe(200);
  expect((await file.body()).subarray(0, 2).toString("latin1")).toBe("PK");
  await page.getByRole("link", { name: "Nhập từ Excel" }).click();
  await expect(page).toHaveURL(/\/registration\/import\?year=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập dữ liệu từ Excel");
  await page.getByRole("link", { name: "Về trang đăng ký thi đua" }).click();
  await expect(page).toHaveURL(/\/registration$/);
  // The unit head reads the registration: no import for them.
  await logout(page);
  await login(page, "lanhdao.qlxnc");
  await page.goto("/registration");
  await expect(page.getByRole("link", { name: "Nhập từ Excel" })).toHaveCount(0);
});

test("a unit head who does not chair opens the cluster dashboard with what a head may see, not the Ministry view", async ({ page }) => {
  await login(page, notChairHead);
  // The home page says "Lãnh đạo đơn vị · <unit> · <cluster>".
  const own = (await page.locator("h1 + p").innerText()).split(" · ")[1]!.trim();
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tổng quan cụm" })).toBeVisible();
  expect((await page.goto("/overview"))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Tổng quan Cụm thi đua số 2/);
  await expect(page.getByTestId("head-view-note")).toBeVisible();
  await expect(page.getByTestId("ranking-table")).toBeVisible();
  await expect(page.getByTestId("reminders-section")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^(Toàn Bộ Công an|Các cụm trong )/ })).toHaveCount(0);
  expect((await page.request.get("/overview/ministry")).status()).toBe(404);
  // Another unit's history: its results, not its officers one by one.
  const links = page.getByTestId("ranking-table").getByRole("link");
  const names = await links.allInnerTexts();
  const other = names.map((n) => n.trim()).find((n) => n !== own)!;
  await links.filter({ hasText: other }).first().click();
  await expect(page).toHaveURL(/\/overview\/units\/[0-9a-f-]{36}/);
  await expect(page.getByTestId("unit-years")).toBeVisible();
  await expect(page.getByTestId("notable-officers")).toHaveCount(0);
});

test("the chair sees the Ministry view of its block, read-only", async ({ page }) => {
  await login(page, DEMO.chairHead);
  await expect(page.getByTestId("current-role")).toContainText("Cụm trưởng");
  await page.goto("/overview");
  await expect(page.getByTestId("head-view-note")).toHaveCount(0);
  await page.getByRole("link", { name: /^Các cụm trong / }).click();
  await expect(page).toHaveURL(/\/overview\/ministry/);
  await expect(page.getByTestId("ministry-context-note")).toBeVisible();
  await expect(page.getByLabel("Khối thi đua", { exact: true })).toHaveCount(0);
  const table = page.getByTestId("ministry-table");
  await expect(table).toContainText("Cụm thi đua số 2");
  // Only the chair's own cluster is a link.
  await expect(table.getByRole("link")).toHaveCount(1);
});
