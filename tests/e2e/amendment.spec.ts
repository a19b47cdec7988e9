// Amendments after closing: 2021 is closed in the demo data; the cluster's secretariat corrects an
// officer's title on the unit's results page (with a decision and a reason, after confirming), while
// the unit officer only reads the closed year.
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

async function openUnit2021(page: import("@playwright/test").Page) {
  await page.goto("/results");
  await page.getByLabel("Năm thi đua", { exact: true }).selectOption({ label: "Năm 2021 — Đã khóa sổ" });
  await page.getByRole("button", { name: "Xem" }).click();
  await page.getByRole("link", { name: "Chi tiết kết quả của Cục Kỹ thuật nghiệp vụ" }).click();
  await expect(page.getByRole("heading", { name: "Kết quả thi đua năm 2021" })).toBeVisible();
}

test("the secretariat amends a closed year's title with a decision and a reason; the unit officer cannot", async ({ page }) => {
  await login(page, "thuky.cum2");
  await openUnit2021(page);
  await expect(page.getByText("Năm thi đua đã khóa sổ: kết quả chỉ để xem.")).toBeVisible();
  const form = page.getByRole("form", { name: "Sửa đổi sau khóa sổ" });
  await expect(form).toBeVisible();

  const officer = form.getByLabel("Đối tượng");
  const firstOfficer = (await officer.locator("option").nth(1).textContent())!;
  await officer.selectOption({ index: 1 });
  await form.getByLabel("Danh hiệu sau sửa đổi").selectOption({ label: "Chiến sĩ tiên tiến" });
  await form.getByLabel("Số quyết định sửa đổi").fill("07/QĐ-BCA");
  await form.getByLabel("Ngày quyết định").fill("20/01/2022");
  await form.getByLabel("Người ký").fill("Thứ trưởng Lê Văn Hà");
  // Too short a reason is refused on the field.
  await form.getByLabel("Lý do sửa đổi").fill("Sai sót");
  page.on("dialog", (dialog) => void dialog.accept());
  await form.getByRole("button", { name: "Ghi sửa đổi" }).click();
  await expect(form.getByText("Lý do sửa đổi cần nêu rõ (ít nhất 10 ký tự).")).toBeVisible();

  await form.getByLabel("Lý do sửa đổi").fill("Bổ sung danh hiệu theo quyết định sửa đổi của Bộ");
  await form.getByRole("button", { name: "Ghi sửa đổi" }).click();
  const name = firstOfficer.replace(/ \(.*\)$/, "");
  await expect(page.getByText(`Đã sửa đổi kết quả năm 2021 (đã khóa sổ) của ${name} theo quyết định 07/QĐ-BCA ngày 20/01/2022.`)).toBeVisible();

  await page.context().clearCookies();
  await login(page, "canbo.ktnv");
  await openUnit2021(page);
  await expect(page.getByRole("form", { name: "Sửa đổi sau khóa sổ" })).toHaveCount(0);
});
