import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const NAME = "Lường Thị Ngọc Ánh";

test("a unit officer adds, finds without diacritics and edits an officer; another unit cannot open it", async ({ page, browser }) => {
  await login(page, "canbo.ktnv");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Cán bộ, chiến sĩ" }).click();
  await expect(page.getByRole("heading", { name: "Cán bộ, chiến sĩ" })).toBeVisible();
  await page.getByRole("link", { name: "Thêm cán bộ" }).click();

  const form = page.getByRole("form", { name: "Thêm cán bộ" });
  // A refused form says why next to the field and keeps what was typed.
  await form.getByLabel("Họ và tên").fill(NAME);
  await form.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(form.getByText("Mã cán bộ là bắt buộc.")).toBeVisible();
  await expect(form.getByLabel("Họ và tên")).toHaveValue(NAME);

  await form.getByLabel("Mã cán bộ").fill("ktnv-e2e-01");
  await form.getByLabel("Cấp bậc").selectOption("Đại úy");
  await form.getByLabel("Chức vụ").fill("Cán bộ");
  await form.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/officers\/[0-9a-f-]{36}/);
  const officerUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toContainText(NAME);

  // Found by a search without diacritics, in any case.
  await page.goto("/officers");
  await page.getByRole("searchbox", { name: "Tìm theo họ tên hoặc mã" }).fill("LUONG thi ngoc anh");
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  const table = page.getByTestId("officer-table");
  await expect(table.getByRole("row")).toHaveCount(2); // header + the one match
  await expect(table).toContainText("KTNV-E2E-01");
  await table.getByRole("link", { name: NAME }).click();

  // Edit the position.
  const edit = page.getByRole("form", { name: "Sửa thông tin cán bộ" });
  await edit.getByLabel("Chức vụ").fill("Phó Đội trưởng");
  await edit.getByRole("button", { name: /Lưu/ }).click();
  await expect(edit.getByRole("status")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Sửa thông tin cán bộ" }).getByLabel("Chức vụ")).toHaveValue("Phó Đội trưởng");

  // An officer of another unit cannot open it, even with the exact address.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, "canbo.anm");
  await otherPage.goto(officerUrl);
  await expect(otherPage.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await expect(otherPage.getByText(NAME)).toHaveCount(0);
  await other.close();
});

test("officers are listed in Vietnamese alphabetical order of given names", async ({ page }) => {
  await login(page, "canbo.anm");
  await page.goto("/officers");
  const names = await page.getByTestId("officer-table").locator("tbody tr td:nth-child(2)").allInnerTexts();
  expect(names.length).toBeGreaterThan(10);
  const given = names.map((n) => n.trim().split(/\s+/).at(-1)!);
  const sorted = [...given].sort(new Intl.Collator("vi", { sensitivity: "base" }).compare);
  // Our keys break ties by tone; the collator at base strength treats those as equal and keeps order.
  expect(given).toEqual(sorted);
});
