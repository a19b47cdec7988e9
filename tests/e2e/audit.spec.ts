import { expect, test } from "@playwright/test";
import { login, navLabels } from "./helpers";

// Given name late in the alphabet: the specs after this one (registration) work on the first rows of KTNV.
const NAME = "Quách Thị Nhật Yến";

test("the admin finds a unit officer's change in the audit log by user; the chain checks out; a unit officer gets not found", async ({ page, browser }) => {
  // A unit officer: no menu item, not found at the address; then a change that the log must show.
  await login(page, "canbo.ktnv");
  expect(await navLabels(page)).not.toContain("Nhật ký hệ thống");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await page.goto("/officers/new");
  const form = page.getByRole("form", { name: "Thêm cán bộ" });
  await form.getByLabel("Mã cán bộ").fill("ktnv-audit-01");
  await form.getByLabel("Họ và tên").fill(NAME);
  await form.getByLabel("Cấp bậc").selectOption("Đại úy");
  await form.getByLabel("Chức vụ").fill("Cán bộ");
  await form.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/officers\/[0-9a-f-]{36}/);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, "admin");
  await admin.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Nhật ký hệ thống" }).click();
  await expect(admin.getByRole("heading", { name: "Nhật ký hệ thống" })).toBeVisible();
  await expect(admin.getByTestId("audit-table")).toBeVisible();

  const user = admin.getByLabel("Người thực hiện");
  const value = await user.locator("option", { hasText: "(canbo.ktnv)" }).getAttribute("value");
  await user.selectOption(value!);
  await admin.getByRole("button", { name: "Lọc" }).click();
  await expect(admin).toHaveURL(new RegExp(`user=${value}`));
  const table = admin.getByTestId("audit-table");
  await expect(table.getByRole("row")).toHaveCount(2); // header + the one change
  const entry = table.getByRole("row").nth(1);
  await expect(entry).toContainText("Thêm cán bộ");
  await expect(entry).toContainText("Cục Kỹ thuật nghiệp vụ");
  await expect(entry).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await entry.getByText(/thay đổi/).click();
  await expect(entry.getByRole("cell", { name: NAME })).toBeVisible();

  // The admin's integrity check over the whole chain.
  await admin.getByRole("button", { name: "Kiểm tra tính toàn vẹn" }).click();
  await expect(admin.getByTestId("audit-verdict")).toContainText(/Nhật ký toàn vẹn: \d+ bản ghi/);
  await adminContext.close();
});
