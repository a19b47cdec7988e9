// Amendments after closing: 2021 is closed in the demo data; the cluster's secretariat corrects an
// officer's title on the unit's results page (with a decision and a reason, after confirming), while
// the unit officer only reads the closed year. A discipline of the closed year found afterwards is
// recorded late, by amendment, on the officer's page (issue 17 item 4).
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

test("the secretariat records a late discipline of a closed year by amendment; the officer's history marks it as recorded late", async ({ page }) => {
  await login(page, "thuky.cum2");
  await page.goto("/officers");
  await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "Cục Kỹ thuật nghiệp vụ" });
  await page.getByRole("searchbox", { name: "Tìm theo họ tên hoặc mã" }).fill("tran thu ha");
  await page.getByRole("button", { name: "Tìm kiếm" }).click();
  await page.getByTestId("officer-table").getByRole("link", { name: "Trần Thu Hà" }).first().click();
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Ghi bổ sung sau khóa sổ" }) }).last();
  await expect(card.getByText(/không được xét lại do bản ghi bổ sung này/)).toBeVisible();
  await card.locator("summary", { hasText: "Ghi bổ sung kỷ luật" }).click();
  const form = page.getByRole("form", { name: "Ghi bổ sung kỷ luật" });
  await form.getByLabel("Năm đã khóa sổ").selectOption({ label: "Năm 2021" });
  await form.getByLabel("Số văn bản làm căn cứ").fill("12/QĐ-BCA");
  await form.getByLabel("Ngày văn bản").fill("15/03/2022");
  await form.getByLabel("Người ký văn bản").fill("Thứ trưởng Lê Văn Hà");
  await form.getByLabel("Lý do ghi bổ sung").fill("Quyết định kỷ luật ban hành sau khi năm 2021 đã khóa sổ");
  await form.getByLabel("Hình thức").selectOption({ label: "Khiển trách" });
  await form.getByLabel("Trạng thái").selectOption({ label: "Đã có quyết định kỷ luật" });
  // A start outside the closed year is refused next to the field.
  await form.getByLabel("Từ ngày").fill("05/01/2022");
  page.on("dialog", (dialog) => void dialog.accept());
  await form.getByRole("button", { name: "Ghi bổ sung kỷ luật" }).click();
  await expect(form.getByText("Ngày bắt đầu (05/01/2022) phải trong năm 2021, năm được ghi bổ sung.")).toBeVisible();
  await form.getByLabel("Từ ngày").fill("10/12/2021");
  await form.getByRole("button", { name: "Ghi bổ sung kỷ luật" }).click();
  await expect(page.getByText(/^Đã ghi bổ sung khiển trách \(đã có quyết định kỷ luật\) năm 2021 \(đã khóa sổ\) đối với Trần Thu Hà\.$/)).toBeVisible();
  await expect(page.getByTestId("late-mark").filter({ hasText: "12/QĐ-BCA" })).toContainText("Ghi bổ sung sau khóa sổ");
});
