import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, login, navLabels, UNIT_NAMES } from "./helpers";

/** The chair of the demo's open year (the rotation decides which unit it is this year). */
const CHAIR_UNIT = UNIT_NAMES[DEMO.chair];
const YEAR = String(DEMO.year);

test("the chair of the open year sees the ranking, opens a unit's history and exports the dashboard to Excel", async ({ page }) => {
  await login(page, DEMO.chairHead);
  expect(await navLabels(page)).toContain("Tổng quan cụm");
  // The navigation leads to the dashboard; opened by its address, so that a slow first render on the
  // loaded test machine is waited for as a page load (as home.spec does).
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tổng quan cụm" })).toHaveAttribute("href", "/overview");
  await page.goto("/overview");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan Cụm thi đua số 2");
  await expect(page.getByRole("heading", { name: `Xếp hạng thi đua năm ${YEAR}` })).toBeVisible();
  const ranking = page.getByTestId("ranking-table");
  // Every member unit is in the ranking table (ranked or, without scores yet, listed with "—").
  for (const name of Object.values(UNIT_NAMES)) {
    await expect(ranking.getByRole("link", { name })).toBeVisible();
  }
  await expect(ranking.getByRole("row").filter({ hasText: CHAIR_UNIT })).toContainText("Cụm trưởng");
  await expect(page.getByRole("heading", { name: `Danh hiệu cá nhân năm ${YEAR}: đăng ký và được công nhận` })).toBeVisible();
  await expect(page.getByTestId("titles-table")).toContainText("Tổng cộng");

  // Another year from the picker.
  await page.getByLabel("Năm thi đua", { exact: true }).selectOption("2021");
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(/year=2021/);
  await expect(page.getByRole("heading", { name: "Xếp hạng thi đua năm 2021" })).toBeVisible();
  await expect(page.getByTestId("ranking-table").getByRole("row").filter({ hasText: "Cục An ninh mạng" })).toContainText("Cụm trưởng");

  // A unit's history across the years.
  await page.getByTestId("ranking-table").getByRole("link", { name: CHAIR_UNIT }).click();
  await expect(page).toHaveURL(/\/overview\/units\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHAIR_UNIT);
  await expect(page.getByTestId("chair-terms")).toContainText(`Cụm trưởng năm ${YEAR}`);
  const years = page.getByTestId("unit-years");
  const yearRow = (year: string) => years.getByRole("row").filter({ has: page.getByRole("cell", { name: year, exact: true }) });
  await expect(yearRow(YEAR)).toContainText("Cụm trưởng");
  await expect(yearRow("2021")).toBeVisible();

  // Back to the dashboard and export it.
  await page.getByRole("link", { name: "← Tổng quan cụm" }).click();
  await expect(page.getByRole("heading", { name: `Xếp hạng thi đua năm ${YEAR}` })).toBeVisible();
  // The overview stylesheet: table cells spaced; printed, the picker hidden and the print line shown.
  expect(await page.getByTestId("ranking-table").locator("td").first().evaluate((td) => getComputedStyle(td).paddingLeft)).toBe("12px");
  const printLine = page.getByText(/^Ngày in: \d{2}\/\d{2}\/\d{4}/);
  await expect(printLine).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(printLine).toBeVisible();
  await expect(page.getByRole("button", { name: "Xem" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK"); // an .xlsx is a zip archive
  expect(bytes.length).toBeGreaterThan(2000);
});

test("a unit officer cannot open the cluster dashboard", async ({ page }) => {
  await login(page, "canbo.anm");
  expect(await navLabels(page)).not.toContain("Tổng quan cụm");
  await page.goto("/overview");
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await expect(page.getByTestId("ranking-table")).toHaveCount(0);
  const response = await page.request.get("/overview/export");
  expect(response.status()).toBe(404);
});
